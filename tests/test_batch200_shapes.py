"""Shapes of batch200's notes (issue 11), read after its blind run (evals/2026-12-04-batch200-run1…, the first run
that counts since batch192): a step's label asked as a term, a rejected view's reasoning given as the work's, a task's
'correct answer' with no task, and a subject's second verb after a preposition. Inline notes in the batch's shapes (our
own harbour wording); each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, harbour_note, never_asked, not_asked


def test_a_steps_label_is_not_asked_as_a_term() -> None:
    # '3. **Maximise virtual surplus.** Revenue equals the expected virtual valuation of the winner.' -> 'what is maximise
    # virtual surplus?' (T0 from every judge)
    cards = asked(
        harbour_note(
            "steps",
            "## Central argument\n1. **Berth allocation.** Who gets each berth at each tide.\n"
            "2. **Harbour dues.** The amount the port must leave a captain to make honesty worthwhile.\n"
            "3. **Maximise berth surplus.** Revenue equals the expected berth value of the winning ship.\n",
        )
    )
    assert not [q for q in cards if "maximise" in q.lower()], cards


def test_a_named_views_reasoning_is_not_the_works_cause() -> None:
    # 'The Science Comprehension Thesis holds that public conflict over evidence comes from weak reasoning, so more
    # numeracy should bring people together.' (T0 from every judge: the thesis the authors reject)
    cards = central_asked(
        "The Pilot Skill Thesis holds that harbour accidents come from weak seamanship, so more training should make"
        " harbours safe. The results favour a second explanation."
    )
    assert not [q for q in cards if "training should make harbours safe" in q], cards


def test_the_correct_answer_needs_its_task() -> None:
    # 'the correct answer needs a comparison of ratios' -> 'what does the correct answer need?' (T1 from every judge)
    cards = central_asked(
        "Pilots saw a tide table and had to say whether a channel was safe. The correct answer needs a comparison of"
        " ratios."
    )
    assert "what does the correct answer need?" not in cards, cards


def test_a_second_verb_after_and_with_a_preposition_is_not_the_object() -> None:
    # 'The chosen arm pays a reward and moves to a new state' -> 'what does the chosen arm pay?' — 'A reward and moves
    # to a new state' (T1 from every judge)
    cards = central_asked("The chosen berth pays a fee and moves to a new state, while the others stay frozen.")
    assert not [a for a in cards.values() if "and moves to" in a], cards


def test_batch200_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    not_asked("batch200", "myerson-*.md", question="maximise virtual surplus")
    never_asked("batch200", "kahan-*.txt", question="bring people together")
    never_asked("batch200", "kahan-*.txt", question="the correct answer")
    not_asked("batch200", "gittins-*.md", answer="and moves to a new state")


def test_his_evidence_comes_from_names_the_author() -> None:
    # 'His strongest evidence comes from involuntary loss.' (Belk: the note's one author; no card)
    cards = central_asked("Okafor surveys forty harbours. His strongest evidence comes from involuntary closures.")
    assert cards.get("where does Okafor's strongest evidence come from?") == "Involuntary closures", cards


def test_a_denial_corrected_in_the_next_sentence_is_a_contrast() -> None:
    # 'A message is not the topic or the raw information. It is what the audience should understand …' (Doumont, no
    # card; 20 such pairs in the development notes: 'Risk is not volatility. It is mainly the chance of permanent loss.')
    cards = central_asked("A berth is not a parking space. It is a contract between the port and the ship.")
    assert cards.get("what is a berth, if not a parking space?") == "A contract between the port and the ship", cards
    cards = central_asked(
        "Okafor argues that pilots are not passive drivers. They are navigators who read the whole harbour."
    )
    assert cards.get("what are pilots, if not passive drivers?") == "Navigators who read the whole harbour", cards
    cards = central_asked("Many harbour rules are not new. They are old rules that come back in new forms.")
    assert not [q for q in cards if "if not new" in q], cards  # a quality denied names nothing to contrast


def test_a_bare_setting_leads_its_advice() -> None:
    # 'In discovery and concept testing, bring two or three real alternatives to each session rather than one polished
    # prototype' (Tohidi et al.; a curator asked 'what should a PM bring to a concept-testing session?') and 'For early
    # bets, present the key assumptions …' gave no card: only 'in/for' with an article ('In an incident, …') led advice
    cards = asked(
        harbour_note(
            "bare",
            "## Why it matters for product\n- In berth reviews, ask each pilot for two or three alternatives.\n"
            "- For early bets, present the key assumptions and the tests that check them.\n"
            "- In practice, ask for two directions.\n- For everything else, borrow the parts.\n"
            "- For harbour tools, treat it with care.\n",
        )
    )
    assert cards.get("what should a team do in berth reviews?") == "Ask each pilot for two or three alternatives", cards
    assert cards.get("what should a team do for early bets?") == (
        "Present the key assumptions and the tests that check them"
    ), cards
    assert not [q for q in cards if "in practice" in q or "everything else" in q or "harbour tools" in q], cards
