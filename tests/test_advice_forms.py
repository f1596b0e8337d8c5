"""The note's advice and two unmarked claim shapes become cards (issue 11, recall).

A curator asks a note's advice by its situation ('what should a team do before investigating a
metric change?') or its object ('what should a bare spinner be replaced with?', 'how should the
checklist be used?'); the generator asked 'what follows if …?' of a situation and nothing of an
instruction. Two unmarked claim shapes were also never asked: a definition by its head noun ('X is
the practice of …') and the means of 'S V by V-ing'. The note below is invented for these tests;
each test of a new card fails on the code before this change, and the refusals are guards.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: lanterns
title: The Lamplighter's Ledger
author: Oren Pask
---
Oren Pask's 2009 book on how lighthouse crews keep their records.

## Central argument
Logbook drift is the tendency to record what the crew expected rather than what they saw.
Good keepers catch errors by reading each entry aloud at the change of watch.
The ledger is the most trusted record in the station.
Test entries by comparing them with the tide tables.

## Critique
Pask studied only three stations.

## Why it matters for product
Before investigating a metric change, write down several rival explanations, including boring ones such as tracking bugs.
When designing a dashboard that depends on user contributions, plan around the people who only read dashboards.
Replace a bare spinner with a truthful account of what is happening, for example "checked 212 listings".
Use the logbook checklist as a template for design reviews.
Before launching a new line, list the four dimensions and ask which of them it contradicts.
If it breaks, fix it quickly.
"""


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(NOTE).values() if fragment in front]


NOTE_ON = "According to the note on Pask's 'The Lamplighter's Ledger'"


def test_advice_after_a_situation_is_asked_by_the_situation() -> None:
    assert _asked("before investigating") == [
        (
            f"{NOTE_ON}, what should a team do before investigating a metric change?",
            "Write down several rival explanations",
        )
    ]
    assert _asked("when designing a dashboard") == [
        (
            f"{NOTE_ON}, what should a team do when designing a dashboard that depends on user contributions?",
            "Plan around the people who only read dashboards",
        )
    ]


def test_advice_with_an_object_is_asked_by_the_object() -> None:
    assert _asked("bare spinner") == [
        (f"{NOTE_ON}, what should a bare spinner be replaced with?", "A truthful account of what is happening")
    ]
    assert _asked("checklist") == [
        (f"{NOTE_ON}, how should the logbook checklist be used?", "As a template for design reviews")
    ]


def test_advice_that_leans_on_the_note_is_not_asked() -> None:
    # 'the four dimensions' and 'it' point into the note; 'if it breaks' names no situation
    assert _asked("new line") == []
    assert _asked("if it breaks") == []
    assert not any("what follows if" in front for front, _ in generated_cards(NOTE).values())


def test_an_unmarked_definition_is_asked_by_its_head_noun() -> None:
    assert _asked("logbook drift") == [
        (
            "In Pask's 'The Lamplighter's Ledger', what is logbook drift?",
            "The tendency to record what the crew expected rather than what they saw",
        )
    ]
    assert _asked("the ledger") == []  # 'the most trusted record' ranks it, it defines nothing


def test_the_means_of_a_claim_is_asked_with_how() -> None:
    assert _asked("how do good keepers") == [
        (
            "According to Pask's 'The Lamplighter's Ledger', how do good keepers catch errors?",
            "By reading each entry aloud at the change of watch",
        )
    ]
    assert not any("how does test" in front.lower() for front, _ in generated_cards(NOTE).values())


MORE = """---
id: beacons
title: The Beacon Keepers
author: Oren Pask
---
Oren Pask's 2012 sequel on how lighthouse crews train newcomers.

## Central argument
Shadowing a keeper through a full storm reveals the habits that no manual records.
A watch rota rewards the loudest keepers, which can sideline quieter crews with good ideas.

## Critique
Pask's own stations never adopted the rota, which suggests the radical proposals underrate the cost of retraining crews.

## Why it matters for product
If a cause matters to a decision, test it with an experiment.
If ideas really are the main goal, have people write ideas alone first and then share them.
Because people are poor judges of their own motives, pair interviews with behavioural data before acting on them.
"""


def _more(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(MORE).values() if fragment in front]


MORE_NOTE_ON = "According to the note on Pask's 'The Beacon Keepers'"


def test_advice_after_a_situation_may_name_it_and_have_people_act() -> None:
    assert _more("a cause matters") == [
        (f"{MORE_NOTE_ON}, what should a team do if a cause matters to a decision?", "Test it with an experiment")
    ]
    assert _more("main goal") == [
        (
            f"{MORE_NOTE_ON}, what should a team do if ideas really are the main goal?",
            "Have people write ideas alone first and then share them",
        )
    ]
    assert not any("what follows if" in front for front, _ in generated_cards(MORE).values())


def test_advice_with_its_reason_is_asked_why() -> None:
    assert _more("why should a team") == [
        (
            f"{MORE_NOTE_ON}, why should a team pair interviews with behavioural data?",
            "People are poor judges of their own motives",
        )
    ]


def test_a_gerund_subject_is_asked_for_its_object() -> None:
    assert _more("shadowing a keeper") == [
        (
            "According to Pask's 'The Beacon Keepers', what does shadowing a keeper through a full storm reveal?",
            "The habits that no manual records",
        )
    ]


def test_a_claim_inside_a_sentence_is_asked_on_its_own() -> None:
    assert _more("underrate") == [
        (f"{MORE_NOTE_ON}, what do the radical proposals underrate?", "The cost of retraining crews")
    ]


THIRD = """---
id: tides
title: The Tide Tables
author: Oren Pask
---
Oren Pask's 2015 book on planning harbour work around the tides.

## Central argument
Pask separates three things crews confuse:
- A forecast is a prediction of when the water will reach the quay.
- A schedule is a promise to finish the repair by a given tide.
Stream-aligned crews in larger harbours are self-contained teams.

## Critique
An organisation that does not choose one of these defaults to the first, if an organisation does not choose one of these, the first is chosen for it.

## Why it matters for product
If the date is truly fixed, negotiate scope.
Latency budgets should be set per type of interaction rather than as one global figure.
Estimates should therefore be honest ranges.
"""


def _third(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(THIRD).values() if fragment in front]


def test_a_generic_subject_is_defined_even_as_a_list_item() -> None:
    assert _third("what is a forecast") == [
        ("In Pask's 'The Tide Tables', what is a forecast?", "A prediction of when the water will reach the quay")
    ]
    assert _third("what is a schedule") == [
        ("In Pask's 'The Tide Tables', what is a schedule?", "A promise to finish the repair by a given tide")
    ]


def test_a_bare_verb_after_a_situation_is_advice() -> None:
    assert _third("truly fixed") == [
        (
            "According to the note on Pask's 'The Tide Tables', what should a team do if the date is truly fixed?",
            "Negotiate scope",
        )
    ]


def test_a_passive_prescription_is_asked_how_or_what() -> None:
    assert _third("latency budgets") == [
        (
            "According to the note on Pask's 'The Tide Tables', how should latency budgets be set?",
            "Per type of interaction rather than as one global figure",
        )
    ]
    assert _third("what should estimates be") == [
        ("According to the note on Pask's 'The Tide Tables', what should estimates be?", "Honest ranges")
    ]


def test_an_adjective_is_not_a_subject_and_a_pointer_is_no_condition() -> None:
    fronts = [front for front, _ in generated_cards(THIRD).values()]
    assert not any("stream-aligned" in front.lower() for front in fronts)
    assert not any("one of these" in front for front in fronts)


FOURTH = """---
id: buoys
title: The Buoy Register
author: Oren Pask
---
Oren Pask's 2018 book on how harbours mark their channels.

## Central argument
They define a safe channel as the water a loaded ship can cross at the lowest tide.

## Critique
The register method works best where the seabed changes slowly, as in sheltered bays.

## Why it matters for product
Mark what changes often.
"""


def test_a_term_the_author_defines_as_something_is_a_definition() -> None:
    fronts = generated_cards(FOURTH)
    assert (
        "According to Pask's 'The Buoy Register', what is a safe channel?",
        "The water a loaded ship can cross at the lowest tide",
    ) in fronts.values()


def test_where_a_remedy_works_best_is_asked_with_where() -> None:
    assert (
        "According to the note on Pask's 'The Buoy Register', where does the register method work best?",
        "Where the seabed changes slowly",
    ) in generated_cards(FOURTH).values()


FIFTH = """---
id: fares
title: The Ferry Fare
author: Oren Pask
---
Oren Pask's 2020 essay on pricing ferry crossings.

## Central argument
Standard fare tables treat a free crossing as one more point on the price curve.
Expect commuter surveys to overrate new routes and timetable variety.

## Critique
The data come from one harbour.

## Why it matters for product
Fare tests should treat free and one euro as different categories, not neighbouring points.
"""


def test_what_a_thing_is_treated_as_and_an_instruction_are_not_asked_as_objects() -> None:
    # batch32: 'what does standard economics treat?' - 'A price of zero as …' (T0 from two judges, T1 from two) and
    # 'what does expect concept test to?' (T0 from every judge)
    fronts = [front for front, _ in generated_cards(FIFTH).values()]
    assert not any(front.endswith(("treat?", "treats?")) for front in fronts), fronts
    assert not any("expect commuter" in front.lower() for front in fronts), fronts


SIXTH = """---
id: logs
title: The Logbook Method
author: Oren Pask
---
Oren Pask's 2022 paper on harbour logbooks.

## Central argument
The paper starts by describing the ideal keeper.
Studying 45 harbour crews in five ports, they found three habits of careful logging.
Printed tide tables promise to shrink the gap between forecast and arrival.

## Critique
The sample is small.

## Why it matters for product
Keep logs short.
"""


def test_a_numbered_noun_an_infinitive_and_the_text_itself_are_not_asked() -> None:
    # batch33, T0 from every judge: 'how does the paper start?', 'what does studying 45 new-product team in?',
    # 'what do natural-language and AI features promise to?'
    fronts = [front.lower() for front, _ in generated_cards(SIXTH).values()]
    assert not any("the paper start" in f or "studying 45" in f or "promise to?" in f for f in fronts), fronts


SETTINGS_NOTE = """---
id: signal-fires
title: The Signal Fire Manual
author: Oren Pask
---
Oren Pask's 2011 manual on running a chain of signal fires.

## Central argument
Fires carry news faster than riders.

## Critique
Pask ignores fog.

## Why it matters for product
In an incident, name the situation out loud early and explain unusual orders.
When comparing beacon designs, measure lighting time and visibility alongside crew opinion: a polished model will always win a vote.
For each stage, define the signal that counts as received.
Before a change of route, work through the list.
Use logbooks to learn, keep them out of crew reviews, and pair every logbook with the weather it misses.
"""


def _asked_in(note: str, fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(note).values() if fragment in front]


def test_advice_in_a_named_setting_and_before_a_colon_is_asked_by_its_situation() -> None:
    on = "According to the note on Pask's 'The Signal Fire Manual'"
    assert _asked_in(SETTINGS_NOTE, "in an incident") == [
        (f"{on}, what should a team do in an incident?", "Name the situation out loud early and explain unusual orders")
    ]
    assert _asked_in(SETTINGS_NOTE, "comparing beacon designs") == [
        (
            f"{on}, what should a team do when comparing beacon designs?",
            "Measure lighting time and visibility alongside crew opinion",
        )
    ]


def test_a_setting_that_needs_the_note_or_advice_that_points_into_it_is_not_asked() -> None:
    fronts = " ".join(front for front, _ in generated_cards(SETTINGS_NOTE).values())
    assert "each stage" not in fronts
    assert "change of route" not in fronts


STEPS_NOTE = """---
id: beacon-steps
title: The Beacon Keeper's Method
author: Oren Pask
---
Oren Pask's 2013 handbook for beacon crews.

## Central argument
Pask lists the steps of a sound watch:
- Understand the harbour master's claims before defining the problem.
- Rotate lookouts so that no one owns the night watch for too long.
- Evaluate signals against the standing orders, including their risks.

The authors pool roughly fifty logbooks on night signals, with more than 5,000 entries in total.

## Critique
Pask ignores fog.

## Why it matters for product
Crews are teams.
"""


def test_the_steps_of_a_listed_method_ask_their_own_advice() -> None:
    according = "According to Pask's 'The Beacon Keeper's Method'"
    assert _asked_in(STEPS_NOTE, "before defining") == [
        (f"{according}, what should a team understand before defining the problem?", "The harbour master's claims")
    ]
    assert _asked_in(STEPS_NOTE, "rotate") == [
        (f"{according}, why should a team rotate lookouts?", "So that no one owns the night watch for too long")
    ]
    assert _asked_in(STEPS_NOTE, "evaluated") == [
        (f"{according}, what should signals be evaluated against?", "The standing orders")
    ]


def test_a_number_and_its_plural_noun_are_not_read_as_a_verb() -> None:
    assert _asked_in(STEPS_NOTE, "pool") == []


def test_a_later_instruction_of_a_list_of_them_is_asked_by_its_object() -> None:
    on = "According to the note on Pask's 'The Signal Fire Manual'"
    assert _asked_in(SETTINGS_NOTE, "paired") == [
        (f"{on}, what should every logbook be paired with?", "The weather it misses")
    ]
