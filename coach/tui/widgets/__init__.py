"""Small reusable widgets for coach's screens."""
