"""Shapes of batch203's notes (issue 11), read after its blind run (evals/2026-12-04-batch203-run1…, a run that counts):
its three T0s — a label applied to something read as a term introduced, an echoed term given the echoing term's gloss,
and a gloss cut at an aside of examples before its verb. Inline notes in the batch's shapes (our own harbour wording);
each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, harbour_note, not_asked


def test_a_label_applied_is_no_term_introduced() -> None:
    # 'the support-ticket theme filed as "edge case", the experiment result explained away …' -> 'what is edge case?'
    cards = asked(
        harbour_note(
            "label",
            "## Why it matters for product\nPorts are blind in predictable ways: the berth survey no one schedules, the"
            ' pilot complaint filed as "one-off", the tide reading explained away because the sailing date is fixed.\n',
        )
    )
    assert not [q for q in cards if "one-off" in q], cards


def test_an_echoed_term_is_not_given_the_echoing_terms_gloss() -> None:
    # 'He calls the practice "proofiness", echoing Stephen Colbert's "truthiness": using mathematical-looking evidence …'
    cards = central_asked(
        'Okafor calls the practice "tideiness", echoing Joseph Conrad\'s "truthiness": using chart-looking evidence to'
        " support what a captain already wants to believe."
    )
    assert not [q for q in cards if "truthiness" in q], cards


def test_a_gloss_is_not_cut_at_an_aside_of_examples() -> None:
    # '- **Transcoding**: the computer's own categories, such as the database, the file and the search, seep into
    # culture.' -> 'what is transcoding?' — 'The computer's own categories' (T0 from every judge)
    cards = central_asked(
        "- **Berth coding**: the port's own categories, such as the manifest, the bill and the berth, seep into"
        " shipping.\n- **Tide logic**: the habit of planning around the tide table."
    )
    assert not [q for q in cards if "berth coding" in q.lower()], cards


def test_batch203_notes_no_longer_give_the_cards_its_judges_rated_t0() -> None:
    not_asked("batch203", "heffernan-*.txt", question="edge case")
    not_asked("batch203", "seife-*.txt", question="truthiness")
    not_asked("batch203", "manovich-*.md", question="what is transcoding?")
