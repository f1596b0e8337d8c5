"""Shapes of batch107's first run (judged blind, then used for development); each was T0 from every judge.

- '**Duct tapers live inside product orgs**: support staff manually fixing data, …' was asked 'what are duct tapers
  live inside product orgs?': a bold label that is a clause (a plural subject and its verb) names no term.
- '**Remedies**: public-interest, non-commercial search alternatives, regulation, and a larger role for information
  professionals' was asked "what are Noble's four remedies?" — '…, regulation, a larger role': a part cut to a phrase
  whose point was in what was cut.
- 'Teams citing "Nagle" may mean different things, because the framework has changed across editions' and 'The
  book keeps being revised because the catalogue ages' (batch105): the work's publishing history is trivia.

Written in our own words; the tests fail on 59ca40b.
"""

from __future__ import annotations

from noteutil import asked, harbour_note, imported_pairs

NOTE = harbour_note(
    "okafor-batch107",
    """## Central argument
Okafor sorts harbour work into kinds.

- **Remedies**: shared berth boards, published fees, and a larger role for harbour pilots in planning.

## Critique
Readers citing "Okafor" may mean different things, because the model has changed across editions.

## Why it matters for product
- Publish the queue before adding berths.
""",
)


def test_a_clause_label_is_no_term() -> None:
    cards = imported_pairs("batch107", "graeber-bullshit-jobs*.md", "graeber-bullshit-jobs")
    assert cards and not any("live inside" in front for front, _ in cards), cards


def test_a_part_cut_to_its_article_phrase_is_refused() -> None:
    assert not any(a.endswith("a larger role") for a in asked(NOTE).values()), asked(NOTE)


def test_publishing_history_is_not_asked() -> None:
    assert not any("editions" in a or "editions" in q for q, a in asked(NOTE).items()), asked(NOTE)
