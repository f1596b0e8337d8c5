"""Batch89's first run (b69f660): the T0s and one T1 class every judge agreed on, refused or mended since. The fresh
notes are batch89's fixtures; each test fails on b69f660.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_two_headings_nouns_with_an_article_are_no_term() -> None:
    cards = imported_pairs("batch89", "schneier-*.md", "schneier-psychology-of-security")
    assert not any(front.endswith("what is an optimism and control?") for front, _ in cards), cards
    cards = imported_pairs("batch89", "jackson-*.md", "jackson-essence-of-software")
    assert not any(front.endswith("what is an independence and reuse?") for front, _ in cards), cards


def test_a_question_cut_before_its_noun_is_not_asked() -> None:
    cards = imported_pairs("batch89", "latour-*.md", "latour-where-are-the-missing-masses")
    assert not any(front.endswith(" their?") for front, _ in cards), cards


def test_a_series_is_not_cut_after_its_first_item() -> None:
    cards = imported_pairs("batch89", "latour-*.md", "latour-where-are-the-missing-masses")
    backs = [back for _, back in cards]
    assert "Decide whether to rely on a sign (help text)" not in backs, backs
    assert "Decide whether to rely on a sign, a person or the artifact" in backs, backs
