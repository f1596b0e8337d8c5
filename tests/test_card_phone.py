"""A learner on a phone: a card with a wide image or a long web address fits the screen.

The card is built by the real CLI, imported into a real Anki collection, and its answer
side (as Anki renders it, with the note type's CSS) is laid out in real headless Chromium
at a phone's width. Before, a 1,400 px image made the card 1,411 px wide and a long bare
address 689 px: the learner scrolled sideways to read the answer.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ankiutil import import_apkg, open_collection
from browserutil import launched
from conftest import run_deckgen, write

PHONE_WIDTH = 360
LONG_ADDRESS = "https://www.example.com/" + "a-very-long-path-segment-without-any-break/" * 4


def _png(width: int, height: int) -> bytes:
    """A plain grey PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as instance:
        yield instance


def test_a_wide_image_and_a_long_address_fit_a_phone(tmp_path: Path, browser: Any) -> None:
    project = tmp_path / "p"
    write(
        project / "deckgen.toml",
        '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n[generate]\nenabled = false\n',
    )
    (project / "content" / "images").mkdir(parents=True)
    (project / "content" / "images" / "wide.png").write_bytes(_png(1400, 40))
    write(
        project / "content" / "a.md",
        "---\nid: a\ntitle: Alpha\n---\n## Cards\n\n"
        "Q: What does the value metric chart show?\nA: ![grey band](images/wide.png)\n"
        f"Extra: Read more at {LONG_ADDRESS}\n",
    )
    write(project / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    col = open_collection(tmp_path / "c.anki2")
    try:
        import_apkg(col, project / "build" / "all.apkg")
        (card_id,) = col.find_cards("")
        answer = col.get_card(card_id).answer()
        media = Path(col.media.dir())
    finally:
        col.close()
    page_file = media / "card.html"  # beside the collection's media, as Anki serves a card
    page_file.write_text(
        f'<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>'
        f'<body class="card mobile" style="margin:0">{answer}</body></html>',
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": PHONE_WIDTH, "height": 800})
    try:
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        loaded = page.evaluate("Array.from(document.images).map(i => i.naturalWidth)")
        assert loaded == [1400], "the image must load for the test to mean anything"
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE_WIDTH, f"the card is {wide}px wide on a {PHONE_WIDTH}px phone"
    finally:
        page.close()
