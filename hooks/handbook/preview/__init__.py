"""What live preview remembers between rebuilds."""
