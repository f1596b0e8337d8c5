"""deckgen: turn reading notes into stable, regenerable Anki decks."""

__version__ = "0.1.0"
