"""A generated card answers what it asks: no judgement for a definition, no frame, no stranded preposition.

Shapes the batch24 blind run and batches 1-23 rated T0/T1 from every judge, tested on sentences
written in our own words:
- 'what is tidal silting?' — 'A useful warning for harbour boards': the note judges the thing, it does
  not say what it is (ten judged cards, none above T1);
- 'what decides how long a quay lasts?' — "Okafor's lesson is that the stone": the answer keeps the
  note's '… is that' frame and cuts the thing itself off;
- 'what does the book's novelty lie?' — 'More in the label than …': the verb's preposition went into
  the answer;
- 'what should a keeper log in?' — 'Advance what must not fail': 'in advance' is an adverb, not the
  verb's preposition.
Each refusal fails on the code before this change; the guards are cards that must still pass.
"""

from __future__ import annotations

from deckgen.core.cardrules import unfaithful


def test_a_definition_question_answered_by_a_judgement_is_refused() -> None:
    source = "Tidal silting is a useful warning for harbour boards that plan big dredges."
    assert unfaithful(
        "According to Okafor's 'The Quay', what is tidal silting?", "A useful warning for harbour boards", source
    )
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what are night logs?",
        "The vaguest of the four records",
        "Night logs are the vaguest of the four records.",
    )


def test_an_answer_holding_its_own_frame_is_refused() -> None:
    source = "Okafor's lesson is that the stone decides how long a quay lasts."
    assert unfaithful(
        "According to Okafor's 'The Quay', what decides how long a quay lasts?",
        "Okafor's lesson is that the stone",
        source,
    )


def test_a_preposition_stranded_in_the_answer_is_refused() -> None:
    source = "The book's novelty lies more in the label than in the practice it describes."
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what does the book's novelty lie?",
        "More in the label than in the practice it describes",
        source,
    )
    source = "A keeper should log in advance what must not fail."
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what should a keeper log in?",
        "Advance what must not fail",
        source,
    )


def test_definitions_and_prepositions_that_belong_stay() -> None:
    # an acronym spelled out by a superlative is a definition; a preposition the verb takes is no idiom
    assert not unfaithful(
        "In Okafor's 'The Quay', what is a BATNA?",
        "The best alternative to a negotiated agreement",
        "A BATNA is the best alternative to a negotiated agreement.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Quay', what is the cheapest repair?",
        "Repointing the stone",
        "Repointing the stone is the cheapest repair.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Quay', what do harbour boards rely on?",
        "Volunteer crews",
        "Harbour boards rely on volunteer crews.",
    )


def test_a_names_label_in_lower_case_is_no_topic() -> None:
    # 13 of 14 judged 'what is Boehm's alternative?' cards were T0/T1; named laws and counted wholes are topics
    source = "Okafor's alternative is a rolling repair budget."
    assert unfaithful(
        "According to Okafor's 'The Quay', what is Okafor's alternative?", "A rolling repair budget", source
    )
    assert unfaithful(
        "According to Okafor's 'The Quay', what does Okafor's picture contrast?",
        "Two ways of building a quay",
        "Okafor's picture contrasts two ways of building a quay.",
    )
    for question in (
        "According to Okafor's 'The Quay', what does Okafor's law say?",
        "According to Okafor's 'The Quay', what are Okafor's four duties?",
        "According to Okafor's 'The Quay', what was the board's survey called?",
    ):
        assert not unfaithful(question, "Something the note says", "Something the note says."), question


def test_what_a_work_risks_and_an_abstract_pointer_subject_are_refused() -> None:
    source = "The book risks crediting the board for what was luck."
    assert unfaithful("What does the note on Okafor's 'The Quay' say the book risks?", "Crediting the board", source)
    source = "The framing treats repairs as simply done or not done."
    assert unfaithful(
        "What does the note on Okafor's 'The Quay' say the framing treats repairs as?",
        "Simply done or not done",
        source,
    )
    # the pointer qualified ('the process of dredging') or the work named by its kind stays
    assert not unfaithful(
        "According to Okafor's 'The Quay', what does the process of dredging remove?",
        "Silt from the channel",
        "The process of dredging removes silt from the channel.",
    )
    assert not unfaithful(
        "What does the note on Okafor's 'The Quay' say the book treats stone as?",
        "A material that never ages",
        "The book treats stone as a material that never ages.",
    )


def test_where_the_evidence_comes_from_is_provenance() -> None:
    # 'where does the evidence/data come from?' (and the critique's 'say the evidence comes from?'): a detail of
    # provenance, like where the examples come from (12 judged cards on batches 1-24, two T2+)
    for question in (
        "According to the note on Okafor's 'The Quay', where does the evidence come from?",
        "According to Okafor's 'The Quay', where does the data come from?",
        "What does the note on Okafor's 'The Quay' say the evidence comes from?",
    ):
        assert unfaithful(question, "Harbours still in use", ""), question
    assert not unfaithful("According to Okafor's 'The Quay', where does silt come from?", "Upstream farms", "")


def test_a_pointer_to_another_note_is_no_part_of_an_answer() -> None:
    # batch26: 'Incentives (see Kerr - On the Folly of Rewarding A While Hoping for B)' (an Obsidian link's text)
    from deckgen.cards.rules.ideas import clean_answer

    assert clean_answer("incentives (see Kerr - On the Folly of Rewarding A While Hoping for B).") == "Incentives"
    assert clean_answer("tides (cf. Okafor, The Quay)") == "Tides"
    assert clean_answer("silt (mostly from upstream farms)") == "Silt (mostly from upstream farms)"


def test_a_simple_past_after_do_support_is_refused() -> None:
    # batch26: 'what do full-price buyers went to?' — the verb after 'do' carries the tense again
    from deckgen.core.cardrules import broken_text

    question = "According to Okafor's 'The Quay', what do full-price buyers went to?"
    assert broken_text(question, "More plays", "Full-price buyers went to more plays.")
    assert not broken_text("According to Okafor's 'The Quay', what do full-price buyers go to?", "More plays", "")
    assert not broken_text("According to Okafor's 'The Quay', what did the keepers build?", "A wall", "")


def test_a_critique_verb_with_its_own_subject_is_not_the_works() -> None:
    # batch26 (T0 from every judge): '…, and the right depth in practice depends on how often an interface has
    # to change' was asked as 'say the book depends on?'
    from noteutil import generated_cards

    note = """---
id: quay
title: The Quay
author: Ada Okafor
---
A book on harbour walls.

## Central argument
Okafor argues that stone outlasts timber in tidal harbours.

## Critique
The case for stone brushes past the cost of quarrying, and the right wall height in practice depends on how often storms come.

## Why it matters for product
Durable choices cost more up front.
"""
    fronts = [front for front, _ in generated_cards(note).values()]
    assert not any("say the book depends on" in front for front in fronts), fronts


def test_a_why_clause_opening_on_a_subordinator_and_a_headless_superlative_are_refused() -> None:
    # batch25, T0 from every judge: 'what explains why before adopting a practice?' and 'what is a mature product
    # team?' — 'The most exposed to active inertia'
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what explains why before adopting a repair?",
        "A rival did it",
        "Boards ask whether a rival did it before adopting a repair.",
    )
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what is an old harbour?", "The most exposed to silting", ""
    )
    # a why-clause opening on 'in' has its own subject and verb; a superlative with its noun defines
    assert not unfaithful(
        "According to Okafor's 'The Quay', what explains why in winter the quay cracks?",
        "Frost opens the joints",
        "In winter the quay cracks because frost opens the joints.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Quay', what is a keystone?", "The most important stone in an arch", ""
    )


def test_a_story_a_repeated_term_and_a_participle_answer_are_refused() -> None:
    # batches 25-26, T1 from every judge: a past event asked as a rule, a term its answer repeats, a definition
    # answered by a participle phrase
    assert unfaithful(
        "According to Okafor's 'The Quay', what follows if the storm flooded the north wall?",
        "The board rebuilt it in stone",
        "When the storm flooded the north wall, the board rebuilt it in stone.",
    )
    assert unfaithful(
        "In Okafor's 'The Quay', what is 'Drain', one of the five habits?", "Drain the quay every tide", ""
    )
    assert unfaithful("In Okafor's 'The Quay', what is a tide model?", "Based on the lunar cycle", "")
    # a passive present is a rule; a definition sharing one word with its term, or a noun phrase, stays
    assert not unfaithful(
        "According to Okafor's 'The Quay', what follows if a wall is flooded?",
        "Its mortar must be replaced",
        "If a wall is flooded, its mortar must be replaced.",
    )
    assert not unfaithful(
        "In Okafor's 'The Quay', what is change amplification?", "A change that needs edits in many places", ""
    )
    assert not unfaithful(
        "In Okafor's 'The Quay', what is a tide model?", "A forecast of water levels from the moon", ""
    )


def test_a_subjectless_condition_an_adjective_term_and_a_participle_contrast_are_refused() -> None:
    # batch27, T0 from most judges: 'what follows if predicting?', 'what is intrinsic?', 'what is the mechanism,
    # if not measured?' — 'Inferred'
    assert unfaithful(
        "According to Okafor's 'The Quay', what follows if predicting?",
        "Boards built a plan",
        "When predicting, boards built a plan.",
    )
    note = "The motive that matters most is intrinsic — people working because it interests them. It crushes intrinsic drive."
    assert unfaithful(
        "In Okafor's 'The Quay', what is intrinsic?", "People working because it interests them", note, note
    )
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what is the mechanism, if not measured?",
        "Inferred",
        "The mechanism is inferred rather than measured.",
    )
    # a condition with its subject, and a noun the note uses as one ('the logic'), stay
    assert not unfaithful(
        "According to Okafor's 'The Quay', what follows if boards predict?",
        "They plan too little",
        "If boards predict, they plan too little.",
    )
    logic = "The logic of the tide is simple: the logic decides the repair."
    assert not unfaithful("In Okafor's 'The Quay', what is logic?", "The rule that decides the repair", logic, logic)


def test_an_answer_ending_on_the_verbs_particle_is_refused() -> None:
    # batch27, T0 from all five judges: 'say a single snapshot of one company cannot tell?' — 'The two apart'
    assert unfaithful(
        "What does the note on Okafor's 'The Quay' say a single survey cannot tell?",
        "The two apart",
        "A single survey cannot tell the two apart.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Quay', what do boards give up?",
        "Their winter budget",
        "Boards give up their winter budget.",
    )


def test_a_frame_around_a_whole_clause_stays() -> None:
    # batch28: 'The key point is that each player is acting rationally' was T2 from all four judges
    assert not unfaithful(
        "According to Okafor's 'The Quay', what explains why telling boards to behave better does nothing?",
        "The key point is that each board is acting rationally",
        "Telling boards to behave better does nothing: the key point is that each board is acting rationally.",
    )


def test_a_bare_count_a_cut_contrast_subject_and_found_after_do_are_refused() -> None:
    # batch28, T0 from every judge: 'what causes are presented separately?' — 'The four'; 'what are teams that,
    # if not experiments?'; 'what does later experiments found that …?'
    from deckgen.core.cardrules import broken_text

    assert unfaithful("According to Okafor's 'The Quay', what causes are listed separately?", "The four", "")
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what are boards that, if not surveys?",
        "Always repairing",
        "Boards that are always repairing learn to show finished walls, not surveys.",
    )
    assert broken_text(
        "According to Okafor's 'The Quay', what does later surveys found?", "Cracks", "Later surveys found cracks."
    )
    assert not unfaithful(
        "According to Okafor's 'The Quay', what are the four causes?", "Silt, rust, frost, storms", ""
    )


def test_a_numbered_label_is_no_term() -> None:
    # batch28, T1 from all six judges: 'what is gap 1?' — 'A research problem (talk to customers)'
    assert unfaithful(
        "According to the note on Okafor's 'The Quay', what is gap 1?", "A survey problem", "Gap 1 is a survey problem."
    )
    assert not unfaithful("According to Okafor's 'The Quay', what is web 2.0 for boards?", "A shared log", "")
