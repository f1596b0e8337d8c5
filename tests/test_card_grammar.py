"""Lint L18 (broken grammar, a cut answer) and L14's referent check, on cards in the checks' own words.

Each check is shown firing on a broken card and staying quiet on a sound card of the same
shape; the last tests show the generator's gate refuses what lint only warns about, and reads
L14 more strictly than lint does.
"""

from __future__ import annotations

import pytest

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.text import hard_problems
from deckgen.core.cardrules import LintSettings, Strictness, check_card
from deckgen.core.model import Card
from deckgen.sources.notes import parse_note

# The note is the lexicon L18 reads: 'roadmap' is a noun here (after 'the'), 'ship' only a verb.
NOTE = """---
id: okafor-roadmaps
title: Roadmaps Without Dates
author: Ada Okafor
generate: false
---
## Central argument

Okafor argues that the roadmap should list problems, not features. The team ships a
small test first and the planner ranks bets by what they teach. Product teams rarely
revisit a roadmap once a quarter starts. Teams that ship weekly learn faster.

## Cards

"""


def rules_for(question: str, answer: str) -> dict[str, list[str]]:
    """Which rules fire on one Q/A card inside NOTE, with their messages."""
    note = parse_note(NOTE + f"Q: {question}\nA: {answer}\n", "content/okafor.md")
    found: dict[str, list[str]] = {}
    for card in note_cards(note):
        for issue in check_card(card, note, LintSettings()):
            found.setdefault(issue.rule, []).append(issue.message)
    return found


@pytest.mark.parametrize(
    ("question", "answer", "broken"),
    [
        # do-support takes the base form; an -s verb after a singular subject is the copied sentence's tense
        ("In Okafor's 'Roadmaps Without Dates', what do the planner ranks bets by?", "What the bets teach", True),
        ("In Okafor's 'Roadmaps Without Dates', what does the team goes after first?", "A small test", True),
        ("In Okafor's 'Roadmaps Without Dates', what do product teams rarely revisit?", "The roadmap", False),
        # an adjective before the plural head: 'estimates' is the subject, not a verb
        ("In Okafor's 'Roadmaps Without Dates', what do the confident estimates deserve?", "Less weight", False),
        # 'what kind of' asks for a noun
        ("What kind of learn does Okafor's 'Roadmaps Without Dates' say weekly teams do?", "Faster", True),
        ("What kind of roadmap does Okafor's 'Roadmaps Without Dates' favour?", "One that lists problems", False),
        # a plural after 'what is' needs 'are'
        ("In Okafor's 'Roadmaps Without Dates', what is bets?", "Ranked guesses about problems", True),
        ("In Okafor's 'Roadmaps Without Dates', what is a bet?", "A ranked guess about a problem", False),
    ],
)
def test_question_grammar(question: str, answer: str, broken: bool) -> None:
    assert ("L18" in rules_for(question, answer)) is broken


@pytest.mark.parametrize(
    ("answer", "broken"),
    [
        ("Problems rather than features, so the", True),  # stops on a function word
        ("Small tests first, and the planner", True),  # a conjunction whose clause was cut off
        ("It teaches the team far more than it", True),  # a comparative without its second term
        ("But ship a small test first", True),  # starts mid-sentence
        ("Weekly, and teams that ship weekly learn faster", True),  # runs into a second fact
        ("Problems, not features", False),
        ("A small test, then a bigger bet", False),
        ("Whatever the team can ship this week", False),
        ("Problems, which saves arguing", False),  # a relative clause whose pronoun is its subject
        ("Dates slip, because teams learn", False),
    ],
)
def test_cut_answers(answer: str, broken: bool) -> None:
    question = "According to Okafor's 'Roadmaps Without Dates', what should a roadmap list?"
    assert ("L18" in rules_for(question, answer)) is broken


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("According to Okafor's 'Roadmaps Without Dates', what explains why it slips?", True),
        ("According to Okafor's 'Roadmaps Without Dates', what happens if a roadmap lists none of them?", True),
        ("According to Okafor's 'Roadmaps Without Dates', why do roadmaps slip when teams hide their bets?", False),
        ("According to Okafor's 'Roadmaps Without Dates', why does a roadmap fail when it lists features?", False),
        ("According to Okafor's 'Roadmaps Without Dates', why is it risky to date a roadmap?", False),
        # a clause's own subject is never its 'them' (that would be 'themselves')
        ("According to Okafor's 'Roadmaps Without Dates', why do planners keep revisiting them?", True),
        ("According to Okafor's 'Roadmaps Without Dates', why do planners drop bets when teams ignore them?", False),
    ],
)
def test_pronoun_needs_a_referent_in_the_question(question: str, flagged: bool) -> None:
    assert ("L14" in rules_for(question, "Nobody learns what the dates assumed")) is flagged


def test_the_gate_refuses_what_lint_only_warns_about() -> None:
    note = parse_note(NOTE, "content/okafor.md")
    card = Card(
        note.id,
        "g.test",
        "qa",
        "In Okafor's 'Roadmaps Without Dates', what do the planner ranks bets by?",
        "What the bets teach",
        origin="generated:statement",
    )
    assert {issue.severity for issue in check_card(card, note, LintSettings()) if issue.rule == "L18"} == {"warning"}
    assert any(problem.startswith("L18:") for problem in hard_problems(card, note))


@pytest.mark.parametrize(
    ("question", "answer", "leans"),
    [
        # words whose referent is a sentence of the note the card does not give (blind batches 41-45: T1)
        ("According to Okafor's 'Roadmaps Without Dates', why do the two clash over dates?", "Each wants a date", True),
        ("According to Okafor's 'Roadmaps Without Dates', why are such roadmaps brittle?", "Dates hide bets", True),
        ("According to Okafor's 'Roadmaps Without Dates', what should therefore planners list?", "Problems", True),
        ("According to Okafor's 'Roadmaps Without Dates', what should a roadmap list?", "Therefore problems", True),
        ("According to Okafor's 'Roadmaps Without Dates', who ranks the bets?", "The planner in them", True),
        ("According to Okafor's 'Roadmaps Without Dates', what do weekly teams share?", "The same roadmap", True),
        # the same words, naming their own referent
        ("According to Okafor's 'Roadmaps Without Dates', what are the two kinds of roadmap?", "Dated, undated", False),
        ("According to Okafor's 'Roadmaps Without Dates', what do bets such as tests teach?", "What users do", False),
        (
            "According to Okafor's 'Roadmaps Without Dates', what should a roadmap list?",
            "Problems, not features",
            False,
        ),
        (
            "According to Okafor's 'Roadmaps Without Dates', what do weekly teams share?",
            "The same goal as sales",
            False,
        ),
    ],
)
def test_the_gate_reads_l14_strictly(question: str, answer: str, leans: bool) -> None:
    """The generator's gate flags any word that points back at the note (Strictness.pointing_back); lint, which a
    writer reads with the note open, keeps L14's referent check, so a writer's card is not flagged for these."""
    note = parse_note(NOTE, "content/okafor.md")
    card = Card(note.id, "g.test", "qa", question, answer, origin="generated:statement")
    gate = [problem for problem in hard_problems(card, note) if problem.startswith("L14:")]
    assert bool(gate) is leans
    strict = LintSettings(strict=Strictness(pointing_back=True))
    assert any(issue.rule == "L14" for issue in check_card(card, note, strict)) is leans
    assert "L14" not in rules_for(question, answer)  # lint's own reading: no pronoun without a referent


def test_a_cloze_whose_hidden_word_is_in_the_title_says_the_title_shows_it() -> None:
    """A PM lead's try: '{{c1::Leverage}}' in a note titled 'LNO Framework: Leverage, Neutral, Overhead' was told
    the word is 'also shown on the card' and to reword the cloze, where it is not: the title shows it."""
    from deckgen.core.model import Card, Note

    note = Note("lno", "LNO Framework: Leverage, Neutral, Overhead", "content/lno.md", author="Shreyas Doshi")
    titled = Card("lno", "k", "cloze", "A task that returns ten times its effort is a {{c1::Leverage}} task.")
    (issue,) = [i for i in check_card(titled, note, LintSettings()) if i.rule == "L7"]
    assert "the card shows it in the note's title ('LNO Framework: Leverage, Neutral, Overhead')" in issue.message
    shown = Card("lno", "k", "cloze", "A {{c1::Leverage}} task returns ten times. Leverage tasks come first.")
    (issue,) = [i for i in check_card(shown, note, LintSettings()) if i.rule == "L7"]
    assert issue.message.endswith("also shown on the card")
