"""Reading the project's files with line numbers: notes, deck manifests, track files and media."""
