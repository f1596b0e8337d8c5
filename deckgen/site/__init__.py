"""The static site under build/site/: pages, stylesheet and script."""
