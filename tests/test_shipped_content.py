"""The shipped library itself: enough well-sourced notes, cards that meet the card-quality
hard rules, theme decks that cover every note, and decks that import cleanly into Anki.

The card checks below are the project's *hard* rules for authored cards (see
docs/lint-rules.md): short answers, one question per card,
no yes/no questions, no answer leaked into its question, context in every question, no
long enumerations, at most one single-deletion cloze per note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection
from conftest import CliResult

from deckgen.cards.generate import authored_cards
from deckgen.core.config import load_config
from deckgen.core.model import Card, Note
from deckgen.lock.identity import card_guid
from deckgen.sources.manifests import load_manifests, select_notes
from deckgen.sources.notes import load_notes

MIN_NOTES = 7
STANDARD_SECTIONS = ("Central argument", "Critique", "Why it matters for product", "Cards")
CARDS_PER_NOTE = range(5, 9)  # 5–8 authored cards
MAX_ANSWER_WORDS = 20
SHORT_ANSWER_WORDS = 12
MAX_LIST_ITEMS = 3
LEAK_SHARE = 0.5
THEME_DECKS = ("foundations", "discovery", "strategy")
ONBOARDING_DECK = "onboarding"

# A question starting with an auxiliary verb asks for yes or no.
AUXILIARIES = frozenset(
    "is are was were am do does did can could should would will shall may might must has have had".split()
)
# Function words that say nothing about whether the answer is given away.
STOPWORDS = frozenset(
    """about after also been before being both does from have into just like more most much must
    only other over same such than that their them then there these they this those through
    very were what when where which while whom whose with would your could should""".split()
)
_CLOZE_RE = re.compile(r"\{\{c\d+::")
_WORD_RE = re.compile(r"[a-z0-9%]+")


# --- the small checks ---------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower().replace("’", "'").replace("'s", ""))


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def content_words(text: str, masked: set[str]) -> set[str]:
    """Meaningful words of ``text`` (4+ letters, not function words, not title/author words)."""
    return {_stem(w) for w in _words(text) if len(w) >= 4 and w not in STOPWORDS and _stem(w) not in masked}


def leak_share(question: str, answer: str, note: Note) -> float:
    """Share of the answer's meaningful words already present in the question."""
    masked = {_stem(w) for w in _words(f"{note.title} {note.author}")}
    answer_words = content_words(answer, masked)
    if not answer_words:
        return 0.0
    return len(answer_words & content_words(question, masked)) / len(answer_words)


def list_items(answer: str) -> int:
    """How many items the answer enumerates: bullets, or comma/semicolon-separated parts."""
    bullets = sum(1 for line in answer.splitlines() if re.match(r"\s*([-*+]|\d+[.)])\s", line))
    if bullets:
        return bullets
    separators = answer.count(",") + answer.count(";")
    tail = re.split(r"[,;]", answer)[-1]
    joined = 1 if separators and re.search(r"\b(and|or)\b", tail) else 0
    return separators + 1 + joined


def has_context(text: str, note: Note) -> bool:
    """The card names the author or the title, so it still makes sense months later."""
    lowered = text.lower()
    return bool(note.surname) and note.surname.lower() in lowered or note.title.lower() in lowered


def card_problems(card: Card, note: Note) -> list[str]:
    """Every hard rule ``card`` breaks, as readable messages (empty when it passes)."""
    where = f"{note.path}:{card.line}"
    problems: list[str] = []
    if not has_context(card.front, note):
        problems.append(f"{where}: names neither '{note.surname}' nor the title")
    if card.kind == "cloze":
        deletions = len(_CLOZE_RE.findall(card.front))
        if deletions != 1:
            problems.append(f"{where}: cloze has {deletions} deletions, not exactly 1")
        return problems
    question, answer = card.front.strip(), card.back.strip()
    if not question.endswith("?"):
        problems.append(f"{where}: question does not end with '?'")
    if question.count("?") != 1:
        problems.append(f"{where}: asks {question.count('?')} questions in one card")
    first = _words(question)[:1]
    if first and first[0] in AUXILIARIES:
        problems.append(f"{where}: yes/no question (starts with '{first[0]}')")
    if not answer:
        problems.append(f"{where}: empty answer")
    if len(answer.split()) > MAX_ANSWER_WORDS:
        problems.append(f"{where}: answer has {len(answer.split())} words (max {MAX_ANSWER_WORDS})")
    if list_items(answer) > MAX_LIST_ITEMS:
        problems.append(f"{where}: answer lists {list_items(answer)} items (max {MAX_LIST_ITEMS})")
    share = leak_share(question, answer, note)
    if share >= LEAK_SHARE:
        problems.append(f"{where}: question gives away {share:.0%} of the answer's words")
    return problems


# --- the checks themselves must bite ---------------------------------------------------------

_DEMO = Note(id="demo", title="Do Things that Don't Scale", path="content/demo.md", author="Paul Graham")


def _qa(question: str, answer: str) -> Card:
    return Card(note_id="demo", key="k", kind="basic", front=question, back=answer, line=9)


@pytest.mark.parametrize(
    ("card", "rule"),
    [
        (
            _qa("In Graham's essay, name the first unscalable job.", "Recruiting users by hand."),
            "does not end with '?'",
        ),
        (_qa("Does Graham say founders should recruit users by hand?", "Yes."), "yes/no question"),
        (_qa("Can Graham's advice work inside large companies?", "Sometimes."), "yes/no question"),
        (_qa("In Graham's essay, who recruits users? Why?", "Founders, by hand."), "asks 2 questions"),
        (_qa("What is the first unscalable job for founders?", "Recruiting users by hand."), "names neither"),
        (_qa("According to Graham, what do founders recruit by hand?", "Founders recruit users."), "gives away"),
        (
            _qa("According to Graham, which examples does he give?", "Stripe, Airbnb, Wufoo and Facebook."),
            "lists 4 items",
        ),
        (_qa("According to Graham, what is the point?", " ".join(["word"] * 21)), "answer has 21 words"),
        (
            Card(
                note_id="demo",
                key="c",
                kind="cloze",
                front="Graham says {{c1::founders}} recruit {{c2::users}}.",
                line=9,
            ),
            "cloze has 2 deletions",
        ),
    ],
)
def test_the_card_checks_catch_each_broken_rule(card: Card, rule: str) -> None:
    problems = card_problems(card, _DEMO)
    assert any(rule in p for p in problems), problems
    assert all(p.startswith("content/demo.md:9: ") for p in problems)


def test_the_card_checks_pass_a_well_made_card() -> None:
    good = _qa(
        "In Graham's 'Do Things that Don't Scale', what did Wufoo do to delight early users?",
        "Sent them handwritten thank-you notes.",
    )
    assert card_problems(good, _DEMO) == []
    assert list_items("Customer needs, pain points and desires.") == 3
    assert leak_share("In Graham's essay, what makes startups take off?", "Startups take off.", _DEMO) == 1.0


# --- the shipped library ----------------------------------------------------------------------


@pytest.fixture
def library(shipped: Path) -> list[Note]:
    """The shipped notes, parsed from a throw-away copy of the project."""
    return load_notes(shipped / "content", shipped)


def test_library_has_enough_fully_sourced_notes(library: list[Note]) -> None:
    assert len(library) >= MIN_NOTES
    assert len({n.source for n in library}) == len(library), "two notes cite the same source"
    for note in library:
        assert note.title and note.author, note.path
        assert re.fullmatch(r"https://[^\s/]+\.[a-z]+/\S*", note.source), f"{note.path}: source {note.source!r}"
        assert note.blurb, f"{note.path}: no blurb"
        assert note.tags, f"{note.path}: no tags"
        year = note.meta.get("year")
        assert year is None or (isinstance(year, int) and 1990 <= year <= 2030), f"{note.path}: year {year!r}"
        headings = [s.heading for s in note.sections]
        for heading in STANDARD_SECTIONS[:-1]:
            section = note.section(heading)
            assert section is not None and len(section.text.split()) >= 40, (
                f"{note.path}: thin or missing '## {heading}'"
            )
        assert note.cards_line, f"{note.path}: no '## Cards' section"
        assert headings[:3] == list(STANDARD_SECTIONS[:3]), f"{note.path}: sections out of order: {headings}"
        assert note.path.count("/") >= 2, f"{note.path}: put notes in a themed folder such as content/essays/"


def test_every_authored_card_meets_the_hard_rules(library: list[Note]) -> None:
    problems: list[str] = []
    short = total = 0
    for note in library:
        cards, findings = authored_cards(note)
        assert not findings, findings
        if len(cards) not in CARDS_PER_NOTE:
            problems.append(f"{note.path}: {len(cards)} authored cards (want 5–8)")
        clozes = [c for c in cards if c.kind == "cloze"]
        if len(clozes) > 1:
            problems.append(f"{note.path}: {len(clozes)} cloze cards (max 1)")
        for card in cards:
            problems.extend(card_problems(card, note))
            if card.kind == "basic":
                total += 1
                short += len(card.back.split()) <= SHORT_ANSWER_WORDS
    assert problems == []
    assert short / total >= 0.9, f"only {short}/{total} answers have <= {SHORT_ANSWER_WORDS} words"


def test_theme_decks_split_the_library_and_onboarding_takes_it_all(shipped: Path, library: list[Note]) -> None:
    specs = {spec.slug: spec for spec in load_manifests(shipped / "decks", shipped)}
    assert set(specs) >= {ONBOARDING_DECK, *THEME_DECKS}
    every = {n.id for n in library}

    def chosen(slug: str) -> list[str]:
        notes, findings = select_notes(specs[slug], library)
        assert not findings, findings
        return [n.id for n in notes]

    assert set(chosen(ONBOARDING_DECK)) == every
    assert chosen(ONBOARDING_DECK)[0] == "norton-empathy", "the seed essay opens the reading order"
    themes = [set(chosen(slug)) for slug in THEME_DECKS]
    assert set().union(*themes) == every, "a note belongs to no theme deck"
    assert sum(map(len, themes)) == len(every), "theme decks overlap"
    assert all(len(t) >= 3 for t in themes)


def test_every_deck_builds_locked_and_imports_into_anki(
    shipped: Path, tmp_path: Path, library: list[Note], cli: Callable[..., CliResult]
) -> None:
    # --locked: the committed deckgen.lock already matches the shipped content.
    result = cli("build", "--locked", "--out", str(tmp_path / "out"), cwd=shipped)
    assert result.exit_code == 0, result
    config = load_config(shipped)
    specs = load_manifests(shipped / "decks", shipped)
    by_id = {n.id: n for n in library}
    authored = {(n.id, c.front.strip()): c for n in library for c in authored_cards(n)[0]}
    for spec in specs:
        apkg = tmp_path / "out" / f"{spec.slug}.apkg"
        assert apkg.is_file(), f"no package for {spec.path}"
        selected, _ = select_notes(spec, library)
        col = open_collection(tmp_path / f"{spec.slug}.anki2")
        try:
            log = import_apkg(col, apkg)
            assert (log.updated, log.duplicate, log.conflicting) == (0, 0, 0)
            assert not any(log.other.values()), log.other
            assert log.new == len(col.find_notes("")) > 0
            note_ids = {col.get_note(nid)["DeckgenId"].split("/")[0] for nid in col.find_notes("")}
            assert note_ids == {n.id for n in selected}, spec.path
            checked_answers = 0
            for cid in col.find_cards(""):
                card = col.get_card(cid)
                note = card.note()
                assert col.decks.name(card.did) == spec.name
                note_id = note["DeckgenId"].split("/")[0]
                key = note["DeckgenId"].split("/", 1)[1]
                assert note.guid == card_guid(config.namespace, note_id, key)
                shown = _visible(card.question())
                assert _region(card.question()), f"{spec.slug}: blank question on {note['DeckgenId']}"
                assert len(_visible(card.answer())) > len(shown), f"{spec.slug}: blank answer on {note['DeckgenId']}"
                assert by_id[note_id].title in shown, f"{spec.slug}: no context line on {note['DeckgenId']}"
                if "Question" in note and (note_id, _visible(note["Question"])) in authored:
                    assert _visible(note["Answer"]) == " ".join(
                        authored[(note_id, _visible(note["Question"]))].back.split()
                    )
                    checked_answers += 1
            # every authored question/answer card of the deck's notes arrived with its own answer
            assert checked_answers == sum(
                1 for (nid, _), c in authored.items() if c.kind == "basic" and nid in note_ids
            )
        finally:
            col.close()


def _visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    for entity, char in (
        ("&quot;", '"'),
        ("&#x27;", "'"),
        ("&#39;", "'"),
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
    ):
        text = text.replace(entity, char)
    return " ".join(text.split())


def _region(html: str) -> str:
    """The visible text of the question (or cloze) block, without the context line."""
    match = re.search(r'<div class="dg-(?:question|cloze)">(.*?)</div>', html, flags=re.S)
    return _visible(match.group(1)) if match else ""
