"""The model, errors, settings, the one atomic file writer, the text toolkit and the on-disk memo: what every stage shares."""
