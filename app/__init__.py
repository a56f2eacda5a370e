"""The shell: command line, main window, controllers and settings."""
