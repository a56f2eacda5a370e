"""Lessons: format, loader, importers, adaptation profiles and presets."""
