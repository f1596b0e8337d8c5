"""The site warns that a deck whose cards a track also ships takes them out of the track's weeks.

Found by the onboarding-manager helper: the site offers "Essential Essays" and the Associate PM
track side by side; a learner who imports both (in that order) finds every card in Essential
Essays and the track's week decks empty, since Anki never moves a card it already has. Checked
here in the real Anki engine, so the warning states what happens.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import run_deckgen


def test_a_deck_that_shares_a_tracks_cards_is_flagged_on_the_index_and_the_track_page(
    shipped: Path, tmp_path: Path
) -> None:
    assert run_deckgen("build", cwd=shipped).returncode == 0
    site = shipped / "build" / "site"
    index = site.joinpath("index.html").read_text(encoding="utf-8")
    rows = {
        html.unescape(re.search(r'<span class="deckname">(.*?)</span>', row).group(1)): row  # type: ignore[union-attr]
        for row in index.split("<tr>")[1:]
        if 'class="deckname"' in row
    }
    flagged = {name for name, row in rows.items() if "do not import this deck too" in row}
    # (Foundations, optional in the product-lead track, is not in its bundle: nothing of it is flagged)
    assert flagged == {"Essential Essays"}  # the track's own decks: "Tracks already include their required decks"
    assert '<a href="tracks/associate-pm.html">Associate PM onboarding</a> (72)' in rows["Essential Essays"]
    track = site.joinpath("tracks", "associate-pm.html").read_text(encoding="utf-8")
    assert 'do not also import <a href="../decks/onboarding.html">Essential Essays</a> (72 cards of it' in track
    # ... nor the decks the track is made of, on their own downloads (a learner's try: importing Discovery first
    # left the track's Discovery week empty, and only Essential Essays was named)
    # what to do with retired cards, where a learner reads about updates (a learner's try: only the changelog said)
    updates = track.split("<strong>Updates:</strong>")[1].split("</section>")[0]
    assert "search <code>tag:deckgen::retired</code>" in updates and "Toggle Suspend" in updates
    made_of = re.search(r"the decks it is made of \((.*?)\) on their own", track)
    assert made_of is not None
    assert re.findall(r'href="\.\./decks/([\w-]+)\.html"', made_of.group(1)) == ["foundations", "discovery", "strategy"]

    # what the warning says, in Anki: the deck imported first keeps the cards; the weeks stay empty
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, shipped / "build" / "onboarding.apkg")
        import_apkg(col, shipped / "build" / "tracks" / "associate-pm.apkg")
        weeks = [name for name in col.decks.all_names() if "Week" in name]
        assert weeks and all(not col.find_cards(f'"deck:{name}" -"deck:{name}::*"') for name in weeks), weeks
        assert len(col.find_cards('"deck:PM Onboarding::Essential Essays"')) == 72
    finally:
        col.close()
    # ... and so does a deck the track is made of, imported first: its week stays empty
    col = open_collection(tmp_path / "learner-discovery.anki2")
    try:
        import_apkg(col, shipped / "build" / "discovery.apkg")
        import_apkg(col, shipped / "build" / "tracks" / "associate-pm.apkg")
        week = next(name for name in col.decks.all_names() if "Week" in name and "Discovery" in name)
        assert not col.find_cards(f'"deck:{week}" -"deck:{week}::*"'), week
    finally:
        col.close()

    # each track's figure is what its bundle brings into Anki: the product-lead bundle leaves its optional
    # Foundations deck out (own download), and the site said 74 for its 49 cards (an onboarding manager's try)
    for slug in ("associate-pm", "product-lead"):
        col = open_collection(tmp_path / f"{slug}.anki2")
        try:
            import_apkg(col, shipped / "build" / "tracks" / f"{slug}.apkg")
            in_anki = len(col.find_cards(""))
        finally:
            col.close()
        page = site.joinpath("tracks", f"{slug}.html").read_text(encoding="utf-8")
        assert f"({in_anki} cards of it are in this track)" in page, (slug, in_anki)
        assert f'<a href="tracks/{slug}.html">' in rows["Essential Essays"]
        assert f"</a> ({in_anki})" in rows["Essential Essays"].split(f'<a href="tracks/{slug}.html">')[1][:200]


def test_a_track_bundle_carries_the_retired_notes_of_its_own_decks_only(shipped: Path, tmp_path: Path) -> None:
    """A learner's try: the product-lead bundle brought retired notes of Foundations, an optional deck the bundle
    does not hold (after Tools → Check Database they became study cards in Default), and an edit to a Foundations
    note rewrote the product-lead bundle. Every note of a bundle is one its required decks' packages ship."""
    assert run_deckgen("build", cwd=shipped).returncode == 0

    def guids(*packages: str) -> set[str]:
        col = open_collection(tmp_path / f"{len(list(tmp_path.iterdir()))}.anki2")
        try:
            for package in packages:
                import_apkg(col, shipped / "build" / package)
            return {col.get_note(nid).guid for nid in col.find_notes("")}
        finally:
            col.close()

    bundle = guids("tracks/product-lead.apkg")
    required, optional = guids("discovery.apkg", "strategy.apkg"), guids("foundations.apkg")
    assert bundle <= required, len(bundle - required)
    assert optional - required, "the shipped Foundations deck has notes of its own (retired ones too)"
    before = (shipped / "build" / "tracks" / "product-lead.apkg").read_bytes()
    note = shipped / "content" / "essays" / "norton-empathy.md"  # a Foundations essay, in no product-lead week
    extra = "Q: In Norton's essay, which two colours does the cover use?\nA: Deep teal and orange."
    note.write_text(note.read_text(encoding="utf-8").replace("\nQ: ", f"\n{extra}\n\nQ: ", 1))
    assert run_deckgen("build", cwd=shipped).returncode == 0
    note.write_text(note.read_text(encoding="utf-8").replace(f"{extra}\n\n", "", 1))
    assert run_deckgen("build", cwd=shipped).returncode == 0  # the card is retired in Foundations
    assert (shipped / "build" / "tracks" / "product-lead.apkg").read_bytes() == before
