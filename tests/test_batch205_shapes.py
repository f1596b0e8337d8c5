"""Shapes of batch205's notes (issue 11), read after its blind run (evals/2026-12-05-batch205-run1…): a share of the
subject's own time read as an object, a comparison of how read as an object, a label glossed by the first step of a
procedure, a list named with its passive verb, advice whose answer points at 'that one', a fronted setting left at the
head of a 'why' question, a reason that runs on into its consequence, advice asked as an effect, the note's own figure
asked as a definition, what the whole work leans on, the note's remarks about its readers, and advice whose verb is a
noun too asked as an effect. Inline notes in the batch's shapes (our own harbour wording); each test fails on the commit
before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note


def application_asked(text: str) -> dict[str, str]:
    return asked(harbour_note("application", f"## Why it matters for product\n{text}\n"))


def test_a_share_of_the_subjects_own_time_is_no_object() -> None:
    # 'PMs spend much of their time in Badaracco's grey zone: …' -> 'what do PMs spend?' (T0)
    cards = application_asked("Harbour masters spend much of their time in Okafor's grey zone.")
    assert not [q for q in cards if q.endswith(" spend?")], cards


def test_a_comparison_of_how_is_no_object() -> None:
    # '… so the specific model travels less well than the method' -> 'what does the specific model travel?' — 'Less well
    # than the method' (T0)
    cards = critique_asked(
        "- The setting is one quay. Ferries and barges break the first-come assumption, so the specific model travels"
        " less well than the method."
    )
    assert not [a for a in cards.values() if a.startswith("Less well")], cards


def test_the_first_step_of_a_procedure_is_no_gloss() -> None:
    # 'Dialectical inquiry: one subgroup builds a recommendation and lists its assumptions; another builds a counter-plan
    # …; the two debate …' -> 'what is dialectical inquiry?' — the first step (T0)
    cards = central_asked(
        "Strategic berthing rests on tides nobody states. Three conditions were compared:\n"
        "- Dialectical inquiry: one crew builds a berth plan and lists its assumptions; another builds a counter-plan on"
        " negated assumptions; the two debate and then synthesise.\n"
        "- Consensus: the whole crew discusses openly and agrees on a single berth plan."
    )
    assert not [q for q in cards if "dialectical inquiry" in q.lower()], cards
    # 'Three conditions were compared:' names 'the three conditions' ("one of the three conditions were compared?", T2
    # 'ungrammatical')
    assert cards.get("what is 'Consensus', one of the three conditions?") == (
        "The whole crew discusses openly and agrees on a single berth plan"
    ), cards


def test_that_one_points_back() -> None:
    # 'If the new option closely resembles one existing option, expect it to hit that one much harder' (T1)
    cards = application_asked(
        "If the new berth closely resembles one existing berth, expect it to hit that one much harder; use nested"
        " models, or test."
    )
    assert not [a for a in cards.values() if "that one" in a], cards


def test_a_fronted_setting_follows_its_clause_and_the_reason_stops_at_so() -> None:
    # 'On pricing pages, decoy tiers work precisely because people violate Luce's axiom, so don't expect …' -> 'what
    # explains why on pricing pages, decoy tiers work?' — '…, so don't expect a Luce-based model …' (T1)
    cards = application_asked(
        "2. On crowded quays, decoy berths work precisely because captains routinely violate Okafor's berthing axiom, so don't"
        " expect a simple model to predict their effect."
    )
    assert cards.get("what explains why decoy berths work on crowded quays?") == (
        "Captains routinely violate Okafor's berthing axiom"
    ), cards


def test_one_of_a_list_of_reasons_is_not_why() -> None:
    # 'coordination works because the code is modular, because much of the coordination happens through the code
    # itself, and because …' (a development note's card 'The code is modular, because much of …' once the fronted
    # setting above is moved: a guard of that fix, not a shape the commit before made)
    cards = central_asked(
        "For the harbour, coordination works because the quays are modular, because much of the coordination happens"
        " through the berth plan itself, and because harbour masters settle disputes."
    )
    assert not [a for a in cards.values() if ", because" in a], cards


def test_advice_and_its_reason_is_no_effect_to_explain() -> None:
    # 'Expect a trade-off curve, not a free lunch: test several diversification levels online and pick the peak,
    # because past a point satisfaction drops' -> 'what explains why test several diversification levels …?' (T1/T2)
    cards = application_asked(
        "- Expect a trade-off curve, not a free lunch: test several berth mixes online and pick the peak, because past a"
        " point congestion rises."
    )
    assert not [q for q in cards if "explains why test" in q], cards
    # a single instruction and its reason is asked as the advice
    cards = application_asked(
        "- Share tide forecasts with crews early, because a harbour that hides its tides cannot plan berths."
    )
    assert cards.get("why should a team share tide forecasts with crews early?") == (
        "A harbour that hides its tides cannot plan berths"
    ), cards


def test_the_notes_own_figure_is_no_definition() -> None:
    # '- A product is a bundle of coupled choices: pricing, packaging, onboarding, architecture.' in the application ->
    # 'what is a product?' (T1: many valid answers)
    cards = application_asked(
        "- A berth is a bundle of coupled choices: pricing, pilots, moorings, tugs. Testing one element at a time is"
        " local search; it polishes a local peak."
    )
    assert "what is a berth?" not in cards, cards
    # a term the note introduces there keeps its card ('Track **cycle time** (how long one turn of the loop takes)')
    cards = application_asked(
        "- Track **turn time** (how long one turn of the tide takes) and the berths freed per turn."
    )
    assert cards.get("what is turn time?") == "How long one turn of the tide takes", cards


def test_what_the_whole_work_leans_on_is_not_asked() -> None:
    # 'What does the note … say the work leans on?' — 'A handful of cases the author knows well' (19 of 24 such cards on
    # the development notes T0/T1: which weakness?); a named part keeps its card
    cards = critique_asked("The work leans on a handful of ports the author knows well, mostly in the north.")
    assert not [q for q in cards if q.endswith("leans on?")], cards
    cards = critique_asked(
        "The tide analysis depends on gauge logs that harbour masters kept about ships that never docked."
    )
    assert [q for q in cards if q.endswith("the tide analysis depends on?")], cards


def test_a_remark_about_the_notes_readers_is_no_claim() -> None:
    # 'PMs sit on all three boundaries at once' in the application -> 'what do PMs sit on?' (every such card on the
    # development notes T0/T1: many answers)
    cards = application_asked("PMs sit on all three quays at once, so the berth plan is theirs to keep.")
    assert not [q for q in cards if q.startswith("what do PMs")], cards
    cards = application_asked("Product teams run on tide tables more than they admit.")
    assert not [q for q in cards if q.startswith("what do product teams")], cards


def test_an_instruction_whose_verb_is_a_noun_too_is_no_effect() -> None:
    # 'Look at what happens downstream of a flag, because the harm sits in the action taken' -> 'what explains why look
    # at what happens downstream of a flag?'; '…, so design for both moments' -> 'what explains why design for both
    # moments?' (development notes: 6 of 6 such cards T0/T1)
    cards = application_asked(
        "Look at what happens downstream of a berth flag, because the harm sits in the action taken."
    )
    assert "what explains why look at what happens downstream of a berth flag?" not in cards, cards
    assert cards.get("why should a team look at what happens downstream of a berth flag?") == (
        "The harm sits in the action taken"
    ), cards
    cards = application_asked(
        "Captains judge a berth twice, once when booking and once when mooring, so design for both moments."
    )
    assert not [q for q in cards if "explains why design" in q], cards
