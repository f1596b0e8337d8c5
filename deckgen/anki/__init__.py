"""Anki's side: the frozen note types, Markdown rendering, card previews and the only genanki import (package.py)."""
