"""One module per screen; each is imported only when the user first reaches it."""
