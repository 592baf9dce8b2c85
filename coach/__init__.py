"""coach: a local-first terminal coach for the AI-era layoff list."""

__version__ = "0.1.0"
