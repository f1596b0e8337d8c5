"""Shapes of batch199's notes (issue 11), read after its blind run (evals/2026-12-04-batch199-run1…): a
characterisation asked as a definition, a why-question cut at its subordinate clause, a noun read as the verb, a
thesis or critique cut before what completes it, a quoted word as the effect and a second instruction after a role.
Inline notes in the batch's shapes (our own harbour wording); each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note, never_asked, not_asked


def test_a_superlative_characterisation_is_not_a_definition() -> None:
    # 'a non-compete is the most effective way to keep it in the firm' -> 'what is a non-compete?' (T0 from every judge)
    cards = central_asked(
        "Much of a harbour's know-how is tacit. It lives in its pilots' heads, and a stay-bond is the most effective way to"
        " keep it in the port."
    )
    assert "what is a stay-bond?" not in cards, cards


def test_a_why_question_is_not_cut_at_its_subordinate_clause() -> None:
    # 'Where narrow programs did succeed, he argued, it was because …' -> 'what explains why where narrow programs did
    # succeed, he argued, it was?' (T0 from every judge)
    cards = central_asked(
        "Where small harbours did succeed, he argued, it was because pilots had learned one coast in detail."
    )
    assert not [q for q in cards if "why where" in q], cards


def test_a_subject_holding_the_copula_is_not_asked_what_it_drives() -> None:
    # 'The framework was Hull–Spence drive theory: …' -> 'what drives theory?' — 'The framework was Hull–Spence' (T0)
    cards = central_asked(
        "The framework was Hull–Spence drive theory: higher drive strengthens whatever response is dominant."
    )
    assert "what drives theory?" not in cards, cards


def test_a_thesis_cut_at_a_colon_keeps_its_short_list() -> None:
    # 'argue that marketing has been judged against the wrong units: products, campaigns, single sales' was asked 'what
    # has happened to marketing?' — 'Judged against the wrong units' (T1 from every judge: which units?)
    cards = central_asked(
        "Okafor argues that harbours have been judged against the wrong units: ships, cranes, single berths."
    )
    assert not [a for a in cards.values() if a.endswith("the wrong units")], cards
    assert cards.get("What is the central claim of Okafor's 'Harbours Under Strain'?") == (
        "Harbours have been judged against the wrong units: ships, cranes, single berths"
    ), cards


def test_a_limit_keeps_what_it_denies_in_its_question() -> None:
    # 'The argument rests on history and reasoning, not statistics' -> 'History and reasoning' (T1 from every judge)
    cards = critique_asked(
        "The argument rests on harbour history and the author's own reasoning, not statistics.", "rests"
    )
    assert cards.get(
        "What does the note on Okafor's 'Harbours Under Strain' say the argument rests on, if not statistics?"
    ) == ("Harbour history and the author's own reasoning"), cards


def test_a_quoted_word_is_no_effect_to_explain() -> None:
    # 'so "unfruitful" overstated the case' (T1 from every judge: makes no sense without the note)
    cards = critique_asked(
        'Later research has found that tides do make small but real differences, so "unfruitful" overstated the case.',
        "quoted",
    )
    assert not [q for q in cards if "unfruitful" in q], cards


def test_treat_as_stops_before_the_next_instruction() -> None:
    # 'Treat the hot spots as your discovery backlog and use the arrow vote to choose …' (T1: a fragment)
    cards = asked(
        harbour_note(
            "hot",
            "## Why it matters for product\nTreat the hot spots as your discovery backlog and use the arrow vote to"
            " choose which problem to tackle first.\n",
        )
    )
    assert cards.get("how should the hot spots be treated?") == "As your discovery backlog", cards


def test_batch199_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    never_asked("batch199", "gilson-*.txt", question="what is a non-compete?")
    never_asked("batch199", "lighthill-*.txt", question="why where")
    never_asked("batch199", "glucksberg-*.txt", question="what drives theory?")
    not_asked("batch199", "gartner-*.md", question="unfruitful")
    not_asked("batch199", "blattberg-deighton-*.md", question="happened to marketing")
    not_asked("batch199", "brandolini-*.md", answer="and use the arrow vote")


def test_only_when_reads_a_plural_noun_and_its_verb_and_stops_at_the_next_clause() -> None:
    # 'Individual errors cancel out only when …' was asked 'when does individual error cancel out?' (the shortest
    # subject, 'Individual', and 'errors' as its verb); 'People use feelings as information only when …, and bad moods
    # are more likely …' (Schwarz and Clore) had the next clause in its condition
    cards = central_asked("Harbour pilots follow the schedule only when the tide is high.")
    assert cards.get("when do harbour pilots follow the schedule?") == "Only when the tide is high", cards
    cards = central_asked(
        "Pilots trust a tide table only when nothing casts doubt on the readings, and bad tides are more likely than"
        " good ones to be examined."
    )
    assert cards.get("when do pilots trust a tide table?") == "Only when nothing casts doubt on the readings", cards
