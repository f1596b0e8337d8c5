"""The README's links to its own sections lead somewhere (GitHub's heading anchors), and so do its links to files."""

from __future__ import annotations

import re

from conftest import REPO

README = REPO / "README.md"


def github_anchor(heading: str) -> str:
    """The id GitHub gives a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_github_anchor_matches_github() -> None:
    assert github_anchor("The site: `build/site/`") == "the-site-buildsite"
    assert github_anchor("Identity and `deckgen.lock`") == "identity-and-deckgenlock"


def test_every_in_page_link_names_a_heading() -> None:
    text = README.read_text(encoding="utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    anchors = {github_anchor(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", outside_code, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", outside_code)
    assert links, "the README links to its sections"
    assert [link for link in links if link not in anchors] == []


def test_every_relative_file_link_exists() -> None:
    text = re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", README.read_text(encoding="utf-8"), flags=re.S))
    targets = [t for t in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text) if not t.startswith("http")]
    assert "docs/performance-history.md" in targets
    assert [t for t in targets if not (REPO / t).exists()] == []
