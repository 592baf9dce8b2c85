"""coach's terminal app (Textual). The core never imports this package."""
