"""Template questions read as English, and a list or term question names the whole it belongs to.

The generator cuts a sentence into subject and verb ('what does <subject> <verb>?'); when the
cut lands on the wrong word the card is garbled. The note below is invented for these tests:
each sentence is a shape a reading note uses, cut wrongly by an earlier generator.
"""

from __future__ import annotations

from noteutil import generated_cards, scoring_note

from deckgen.cards.rules.ideas import well_formed
from deckgen.core.cardrules import base_verb_problem, noun_phrase_problem, unreferenced_pronoun
from deckgen.core.model import Card
from deckgen.sources.notes import parse_note

NOTE = """---
id: harbour
title: The Quiet Harbour
author: Ines Calloway
---
Ines Calloway's 2021 book on how operations teams keep a port running.

## Central argument
Around the quay sits a ring of tugboats trained for night work. The crane crews built the loading plan from spare parts with borrowed software licences. Four sources of rising delays in winter ports. Calloway describes two port designs that balance the same three goals — throughput, safety and cost — in opposite ways. If calm grows with practice, then the spare tugs and radios that let crews adapt are investments rather than waste.

- **Habits**: patience, candour, dry rehearsal, spare slack.
- **Three buffers**: spare time, extra crews, empty berths.
- Tugs are always scarce, so night crews work in split shifts. Normal nights already mean covering gaps.
- Rules for a night rota: be boring, because nobody trusts a clever rota; rotate weekly; and publish early.

## Critique
The book overrates the harbour master. Her fix is a rota of rehearsed night shifts. If resilience comes from crews adapting, then the spare tugs, radios and rosters that let them adapt are investments, not waste.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/harbour.md", cap=20)


def _questions() -> str:
    return "\n".join(front for front, _ in _cards().values())


def test_an_inverted_place_sentence_asks_for_the_thing_not_for_a_preposition() -> None:
    # 'Around the quay sits a ring of tugboats …': the subject comes after the verb
    assert "does around" not in _questions()
    assert _cards()["g.claim.around-quay-sit"] == (
        "According to Calloway's 'The Quiet Harbour', what sits around the quay?",
        "A ring of tugboats trained for night work",
    )


def test_a_subject_that_holds_a_verb_and_its_object_gives_no_card() -> None:
    assert "crews built" not in _questions()


def test_a_counted_subject_never_takes_does() -> None:
    assert "does four sources" not in _questions()


def test_a_condition_is_never_the_subject_of_a_source_question() -> None:
    assert "does if" not in _questions()


def test_a_consequence_cut_to_its_subject_is_not_asked() -> None:
    # 'then the spare tugs and radios that let crews adapt are investments': the answer would be its subject only
    assert all(back != "The spare tugs and radios" for _, back in _cards().values()), _cards()


def test_a_bare_plural_term_is_named_by_its_author_and_keeps_its_key() -> None:
    cards = _cards()
    assert cards["g.definition.habits"] == (
        "In Calloway's 'The Quiet Harbour', what are Calloway's four habits?",
        "Patience, candour, dry rehearsal, spare slack",
    )
    assert cards["g.definition.three-buffers"][0].endswith("what are Calloway's three buffers?")


def test_a_list_is_named_by_the_phrase_its_relative_clause_hangs_on() -> None:
    front, back = _cards()["g.list.goals"]
    assert front.endswith("what three goals do the two port designs balance?"), front
    assert back == "Throughput, safety, cost"


def test_noun_phrase_check_reads_word_forms_and_agreement() -> None:
    assert noun_phrase_problem(["a", "product", "manager"], "does") == ""
    assert noun_phrase_problem(["a", "company's", "real", "values"], "do") == ""  # the possessor's article
    assert noun_phrase_problem(["the", "cost", "of", "the", "delay"], "does") == ""
    assert "starts with" in noun_phrase_problem(["beside", "the", "dock"], "does")
    assert "starts with" in noun_phrase_problem(["if", "safety"], "does")
    assert "agree" in noun_phrase_problem(["three", "sources"], "does")
    assert "agree" in noun_phrase_problem(["a", "crew"], "do")
    assert "clause" in noun_phrase_problem(["the", "leader", "then", "goes"], "does")
    assert "verb and its object" in noun_phrase_problem(["a", "team", "convinced", "every", "shift"], "is")
    assert "no noun" in noun_phrase_problem(["the", "three"], "are")
    assert "no noun" in noun_phrase_problem(["the", "first", "to", "notice"], "are")
    assert "agree" in noun_phrase_problem(["people", "drift", "to", "quieter", "ports"], "does")


def test_the_verb_after_an_auxiliary_is_a_base_form() -> None:
    assert base_verb_problem("own") == ""
    assert base_verb_problem("need") == ""
    assert base_verb_problem("balance") == ""
    assert base_verb_problem("planned")
    assert base_verb_problem("built")
    assert base_verb_problem("builds")
    assert base_verb_problem("next")


def test_a_personal_pronoun_needs_a_person_named_before_it() -> None:
    assert (
        unreferenced_pronoun("According to 'The Quiet Harbour', what explains why his sharpest point holds?") == "his"
    )
    assert unreferenced_pronoun("According to Calloway's 'The Quiet Harbour', why does she distrust slack?") == ""


def test_the_gate_refuses_a_what_is_topic_that_is_no_noun_phrase() -> None:
    note = parse_note(NOTE, "content/harbour.md")
    ctx = "In Calloway's 'The Quiet Harbour'"

    def card(front: str, back: str) -> Card:
        return Card("harbour", "g.x", "basic", front, back, origin="generated:definition", path="content/harbour.md")

    assert well_formed(card(f"{ctx}, what is a berth plan?", "A schedule of the ships docking at each berth"), note)
    for topic in ("a steer the Rudder", "the two is self-righting", "a crew convinced every tide"):
        assert not well_formed(card(f"{ctx}, what is {topic}?", "Keep the rudder trimmed for the tide"), note), topic


def test_the_gate_refuses_a_ranked_topic_with_nothing_it_ranks_within() -> None:
    note = parse_note(NOTE, "content/harbour.md")
    ctx = "According to Calloway's 'The Quiet Harbour'"

    def card(front: str) -> Card:
        return Card(
            "harbour",
            "g.x",
            "basic",
            front,
            "Rehearsed night shifts",
            origin="generated:claim",
            path="content/harbour.md",
        )

    assert well_formed(card(f"{ctx}, what is the cheapest safeguard?"), note)  # ranked by a measure of its own
    for topic in ("the key lever", "the main safeguard", "the single most useful ritual here"):
        assert not well_formed(card(f"{ctx}, what is {topic}?"), note), topic


def test_an_owned_topic_that_needs_its_problem_named_is_not_asked() -> None:
    # 'what is Calloway's fix?' — a fix for what? (a prescription or a definition names its own whole)
    assert "Calloway's fix" not in _questions()


def test_an_answer_is_one_sentence_of_the_note() -> None:
    # '… work in split shifts. Normal nights already …' (one bullet): the answer stops where the first sentence does
    assert all(". " not in back for key, (_, back) in _cards().items() if ".definition." not in key), _cards()


def test_a_definition_that_opens_with_a_label_keeps_the_sentence_that_defines() -> None:
    # '**Crew**: the working unit. Four people who …': the label alone ('the working unit') defines nothing
    text = NOTE.replace(
        "- **Three buffers**",
        "- **Crew**: the working unit. Four people who share one tug and one radio channel.\n- **Three buffers**",
    )
    cards = dict(generated_cards(text, "content/harbour.md", cap=20).values())
    crew = [back for front, back in cards.items() if front.endswith("what is a crew?")]
    assert crew and "Four people who share one tug" in crew[0], cards


def test_a_question_never_carries_a_colon_cut_from_the_note() -> None:
    assert all(":" not in front.split("', ", 1)[-1] for front, _ in _cards().values()), _cards()


def test_an_article_before_a_clause_word_or_a_count_is_no_noun_phrase() -> None:
    # a bullet label such as '**When wrong**:' or '**Two cooks**:' asked as 'what is a when wrong?'
    for subject in (["a", "when", "wrong"], ["an", "over", "time"], ["a", "two", "cooks"]):
        assert noun_phrase_problem(subject, "is"), subject
    for subject in (["the", "two", "ports"], ["the", "night", "rota"], ["a", "harbour", "master"]):
        assert not noun_phrase_problem(subject, "are" if subject[1] == "two" else "is"), subject


def test_the_context_names_the_first_author_of_a_shared_work() -> None:
    for author, surname in (
        ("Ines Calloway et al.", "Calloway"),
        ("Ines Calloway & Tom Reyes", "Calloway"),
        ("Ines Calloway and Tom Reyes", "Calloway"),
        ("Calloway, Ines", "Calloway"),
    ):
        note = parse_note(NOTE.replace("author: Ines Calloway", f"author: {author}"), "content/harbour.md")
        assert note.surname == surname, (author, note.surname)


SCORED = scoring_note(
    "scored",
    "**Reach** is the number of people an idea affects in one quarter.",
    "**Effort** is the person-months the idea takes to ship.",
)


def test_a_term_the_note_uses_bare_is_asked_bare() -> None:
    """'**Reach** is the number of people …' was asked 'what is a reach?' and '**Effort** is …' 'what is an effort?'
    (noticed on a note of the RICE model): the note uses the term with no article, so the question does too; a
    term the note gives its article keeps it. Fails on acef518."""
    from noteutil import asked

    questions = asked(SCORED)
    assert "what is reach?" in questions and "what is effort?" in questions, questions
    assert not any(" a reach" in q or " an effort" in q for q in questions), questions
