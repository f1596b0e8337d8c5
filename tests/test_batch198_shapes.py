"""Shapes of batch198's notes (issue 11), read after its blind run was prepared: a second clause or a second verb
carried into an answer, a preposition its answer dropped from one half of a pair, and a thesis that denies in 'aren't'.
Inline notes in the batch's shapes (our own harbour wording); each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note, never_asked, not_asked


def test_a_new_clause_after_and_it_is_not_part_of_the_answer() -> None:
    # 'The surplus estimate depends on the assumed shape of demand for each niche title, and it extrapolates that
    # shape to prices no one actually paid' was answered 'The assumed shape of demand …, and it extrapolates'
    cards = critique_asked(
        "- The queue forecast depends on the assumed pattern of arrivals for each small berth, and it"
        " extrapolates that pattern to tides no one actually recorded.",
        "clause",
    )
    assert not [a for a in cards.values() if ", and it" in a or a.endswith("extrapolates")], cards


def test_an_object_and_a_second_verb_are_not_one_answer() -> None:
    # 'Central heating delivers the warmth and removes everything else' -> 'what does central heating deliver?' —
    # 'The warmth and removes everything else'
    cards = central_asked(
        "A crane yard delivers the lifting power and removes everything else: the skill, the rhythm, the crew."
    )
    assert not [a for a in cards.values() if " and removes" in a], cards


def test_a_pair_of_sources_keeps_no_stray_preposition() -> None:
    # 'Much of the leverage comes from growing others and from small, well-timed corrections …' was answered
    # 'Growing others and from small, well-timed corrections …'
    cards = central_asked(
        "Much of the harbour's capacity comes from training pilots and from small, well-timed changes to berths"
        " already in use."
    )
    assert not [a for a in cards.values() if " and from " in a and not a.lower().startswith("from ")], cards


def test_treat_as_keeps_its_role_not_the_next_instruction() -> None:
    # 'Treat accelerator lock-in as a strategic risk and revisit it at each major contract' was answered 'As a
    # strategic risk and revisit it at each major contract'
    cards = asked(
        harbour_note(
            "treat",
            "## Why it matters for product\n- Choosing a berth plan now decides which ships can dock later. Treat crane"
            " lock-in as a strategic risk and revisit it at each major lease.\n",
        )
    )
    assert not [a for a in cards.values() if " and revisit" in a], cards
    assert cards.get("how should crane lock-in be treated?") == "As a strategic risk", cards


def test_a_thesis_denied_in_arent_is_not_the_central_claim() -> None:
    # 'Malhotra and Bazerman argue that good negotiators aren't born persuaders. They prepare systematically …' was
    # asked as the central claim and answered with the denial
    cards = central_asked(
        "Okafor argues that good harbour pilots aren't born navigators. They prepare systematically and treat each"
        " tide as a puzzle to solve."
    )
    assert not [a for a in cards.values() if "aren't" in a], cards


def test_a_copula_claim_asks_with_what_it_denies() -> None:
    # 'Larson argues that staff engineering is a real leadership role with its own work, not a reward for being a very
    # good senior engineer' was asked 'what is staff engineering?' (T1 from every judge: many valid answers)
    cards = central_asked(
        "Okafor argues that harbour engineering is a real leadership role with its own work, not a reward for being a"
        " very good senior engineer."
    )
    assert cards.get("what is harbour engineering, if not a reward for being a very good senior engineer?") == (
        "A real leadership role with its own work"
    ), cards


def test_the_main_force_names_nothing_to_contrast() -> None:
    # 'The main force is identity and status-seeking, not algorithmic filtering alone.' (T1 from two judges of
    # three: the main force of what?)
    cards = central_asked("The main force is tidal pressure and crowding, not berth scheduling alone.")
    assert not [q for q in cards if "the main force" in q], cards


def test_batch198_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    # the batch's own notes (development data since its first run, evals/2026-12-04-batch198-run1…)
    never_asked("batch198", "borgmann-*.md", answer="and removes everything else")
    not_asked("batch198", "malhotra-bazerman-*.md", answer="aren't born persuaders")
    not_asked("batch198", "bail-*.md", question="the main force")
    not_asked("batch198", "brynjolfsson-*.txt", answer="and it extrapolates")
    pairs = not_asked("batch198", "larson-*.md", answer="Growing others and from")
    assert any(
        f.endswith("what is staff engineering, if not a reward for being a very good senior engineer?")
        for f, _ in pairs
    ), pairs
    pairs = not_asked("batch198", "hennessy-patterson-*.txt", answer="and revisit it")
    assert "As a strategic risk" in [b for f, b in pairs if f.endswith("how should accelerator lock-in be treated?")], (
        pairs
    )


def test_a_reason_led_by_they_names_the_subject_it_stands_for() -> None:
    # 'Most presentations fail because they are built around …' had its auxiliary; 'users innovate because they know
    # their own needs precisely' had none, and its reason, led by 'they', was refused
    cards = central_asked("Small crews move faster because they need fewer meetings to agree.")
    assert cards.get("what explains why small crews move faster?") == "Small crews need fewer meetings to agree", cards
    cards = central_asked("The queue grows quickly because it feeds on every late ship.")
    assert cards.get("what explains why the queue grows quickly?") == "The queue feeds on every late ship", cards


def test_they_is_not_read_as_the_subject_when_another_plural_could_be_meant() -> None:
    # 'Most pilots prefer short berths because they turn faster': the berths or the pilots?
    cards = central_asked("Most pilots prefer short berths because they turn faster.")
    assert not [a for a in cards.values() if a.startswith("Most pilots turn")], cards
    cards = central_asked("Young founders drift into it because they assume money will come.")
    assert not [q for q in cards if "drift into it" in q], cards


def test_so_they_names_the_reasons_subject() -> None:
    # 'most studies are short lab or field tasks with low stakes, so they say little about high-effort choices' (a
    # curator's card: 'why do the studies say little about high-effort choices?') gave no card: 'they' led the effect
    cards = central_asked(
        "Most pilot studies are short drills with low stakes, so they say little about night landings."
    )
    assert cards.get("what explains why most pilot studies say little about night landings?") == (
        "Most pilot studies are short drills with low stakes"
    ), cards
    cards = central_asked("Pilots prefer short berths, so they turn faster.")
    assert not cards, cards  # the pilots or the berths?
