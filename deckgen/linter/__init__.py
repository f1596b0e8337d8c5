"""``deckgen lint``: run every rule over the loaded sources and format the findings."""
