"""Shapes from batch79's blind first run (issue 11), and one card an earlier refusal had lost.

- 'If a market has none, new entrants keep arriving …' asked 'what follows if a market has none?' (T0 from every judge).
- 'The right mix depends on production costs, the nature of customer differences and how mature the market is' was
  answered 'Production costs' (T1 from every judge: one of three).
- 'what do the work's cases lean on?' (T1 from every judge; the class on the development notes: 5 cards, 26 ratings,
  one T2) and 'What kind of parts does the note say the essay says little about?' — 'The hard parts of leading' (T1:
  the kind is the answer's own noun; the class: 8 of 30 ratings T2+).
- '… depends on conditions that practitioners tend to forget: members must …' was answered 'Conditions that
  practitioners tend to forget' (T1/T0: 'the answer is empty').
- 'Value the critique more than the pitch, because …' asked 'what explains why value the critique …?' (advice, asked
  as one now); '… switch goods simply because …' asked '… switch goods simply?'.
- '… should look for reasons that support their own view, so …' was answered '… look for reasons' (T1 from every
  judge: 'truncated').
- Lost since batch72's adverb rule, found by 86cbf72 in the same table: 'goods used together can yield
  characteristics that neither offers alone' (T2 from every judge): a participle's adverb ends a noun phrase.
- 'Giuseppe DeCandia, Deniz Hastorun, Madan Jampani and colleagues at Amazon, 2007' imported as 'Giuseppe DeCandia'
  alone; 'Charles G. Lord, Lee Ross & Mark R. Lepper · …' as 'Charles G. Lord' or nobody.
Two of batch79's twelve notes gave no generated card at all (The Victorian Internet, the Unix foreword); three shapes
they hold are asked now: 'A, not B, was C' ('what was C, if not B?'), a judgement and its reason after a colon ('X is
fragile: …' -> 'why is X fragile?') and 'Prefer X to Y' ('what should a team prefer to Y?').
The notes are written in our own words for this test; each test fails on dcfeae1.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from noteutil import asked, imported_pairs

from deckgen.authoring.importers import convert
from deckgen.core.model import Note

NOTE = """---
id: okafor-harbour-habits-twelve
title: The Harbour Ledger
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Ropes used together can bear a load that neither rope bears alone.
If a harbour has none, storms keep breaking the moorings until the keepers give up.
The right berth depends on hull length, the depth of the water and how rough the season is.
A keeper can move a boat to another berth simply because the tide table changed, even though the boat did not.
Crews on watch should look for signs that the wind is turning, so night storms rarely surprise them.

## Critique
The guide says little about the hard parts of keeping: pay, quarrels and debt.

## Why it matters for product
Value the harbour log more than the keeper's memory, because the log is written when things happen.
"""


def test_a_participle_phrase_is_a_subject() -> None:
    assert asked(NOTE).get("what can ropes used together bear?") == "A load that neither rope bears alone", asked(NOTE)
    cards = imported_pairs("batch79", "lancaster-*.md", "lancaster-consumer-theory")
    assert any(front.endswith("what can goods used together yield?") for front, _ in cards), cards


def test_none_points_back() -> None:
    assert not any("has none" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch79", "greenwald-*.txt", "greenwald-competition-demystified")
    assert not any("has none" in front for front, _ in cards), cards


def test_a_listed_object_is_not_cut_to_its_first_item() -> None:
    assert "Hull length" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch79", "smith-*.md", "smith-differentiation")
    assert not any(back == "Production costs" for _, back in cards), cards


def test_the_works_cases_and_what_it_leaves_out_by_kind() -> None:
    cards = imported_pairs("batch79", "greenwald-*.txt", "greenwald-competition-demystified")
    assert not any("cases lean on" in front for front, _ in cards), cards
    cards = imported_pairs("batch79", "greenleaf-*.md", "greenleaf-servant-as-leader")
    assert not any(front.startswith("What kind of parts") for front, _ in cards), cards
    assert not any(q.startswith("what kind of parts") for q in asked(NOTE)), asked(NOTE)


def test_a_point_after_a_colon_is_not_its_empty_lead() -> None:
    cards = imported_pairs("batch79", "mercier-*.txt", "mercier-sperber-reason")
    assert not any(back.startswith("Conditions that") for _, back in cards), cards


def test_an_imperative_because_is_advice() -> None:
    found = asked(NOTE)
    assert found.get("why should a team value the harbour log more than the keeper's memory?") == (
        "The log is written when things happen"
    ), found
    cards = imported_pairs("batch79", "mercier-*.txt", "mercier-sperber-reason")
    assert not any("what explains why value" in front for front, _ in cards), cards
    assert any(front.endswith("why should a team value the critique more than the pitch?") for front, _ in cards)


def test_an_adverb_before_because_is_the_reasons() -> None:
    assert not any(q.endswith("simply?") for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch79", "lancaster-*.md", "lancaster-consumer-theory")
    assert not any(front.endswith("simply?") for front, _ in cards), cards


def test_a_bare_plural_keeps_its_relative_clause() -> None:
    assert "Crews on watch should look for signs" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch79", "mercier-*.txt", "mercier-sperber-reason")
    assert not any(back == "Someone building a case should look for reasons" for _, back in cards), cards


def _byline(path: Path) -> str:
    imported = convert(path.read_text(), path, path.name)
    return Note(path="x.md", id="x", title=imported.title, author=imported.author).byline


def test_and_colleagues_is_et_al_and_an_ampersand_joins_authors() -> None:
    assert _byline(FIXTURES / "fresh" / "batch79" / "decandia-et-al-dynamo.txt") == "DeCandia et al."
    lord = next((FIXTURES / "fresh" / "batch71").glob("lord-ross-lepper-*.txt"))
    assert _byline(lord) == "Lord, Ross and Lepper"
    cards = imported_pairs("batch79", "decandia-*.txt", "decandia-dynamo")
    assert cards and all("DeCandia et al.'s" in front for front, _ in cards), cards


RECALL = """---
id: okafor-harbour-habits-thirteen
title: The Harbour Almanac
author: Ada Okafor
---
Ada Okafor's history of harbour keeping.

## Central argument
Okafor's thesis is that the coastal lighthouse chain, not the radio, was the bigger change in harbour safety.
- Prefer fixed moorings to anchors dropped in a hurry, even if the moorings cost more.

## Critique
Paper tide tables as the only record are fragile: every copy is redrawn by hand and one error spreads to each harbour.
"""


def test_a_fronted_contrast_is_asked() -> None:
    found = asked(RECALL)
    assert (
        found.get("what was the bigger change in harbour safety, if not the radio?") == "The coastal lighthouse chain"
    ), found
    cards = imported_pairs("batch79", "standage-*.md", "standage-victorian-internet")
    # Standage's 'what was …, if not …?' — 'The telegraph' is two words: the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it
    assert not any(back == "The telegraph" for _, back in cards), cards


def test_a_judgement_and_its_reason() -> None:
    found = asked(RECALL)
    assert found.get("why are paper tide tables as the only record fragile?", "").startswith("Every copy is redrawn")
    cards = imported_pairs("batch79", "mcilroy-*.txt", "mcilroy-unix-foreword")
    assert any("why is plain text as the universal interface fragile?" in front for front, _ in cards), cards


def test_prefer_x_to_y() -> None:
    assert asked(RECALL).get("what should a team prefer to anchors dropped in a hurry?") == "Fixed moorings", asked(
        RECALL
    )
    cards = imported_pairs("batch79", "mcilroy-*.txt", "mcilroy-unix-foreword")
    assert any(back == "Building tools" for _, back in cards), cards


def test_a_ranked_part_of_the_critique_names_the_work() -> None:
    cards = imported_pairs("batch79", "gigerenzer-*.txt", "gigerenzer-frequency-formats")
    assert not any(front.endswith("what is the weakest part?") for front, _ in cards), cards
    # its answer is three words: the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it
    assert not any("weakest part" in front for front, _ in cards), cards
