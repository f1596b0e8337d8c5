"""From notes to cards: authored cards, generated cards and their curation, and the loader that does both per note."""
