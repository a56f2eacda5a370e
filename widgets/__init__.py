"""Qt widgets. They show lessons and emit intents; they never call engines."""
