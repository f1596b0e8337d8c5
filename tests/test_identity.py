"""GUIDs and matching edited cards to their past selves through the lockfile."""

from __future__ import annotations

from dataclasses import replace

from deckgen.cards.generate import provisional_key
from deckgen.core.model import Card
from deckgen.lock.identity import card_guid, resolve_keys, stable_hash
from deckgen.lock.records import CardRecord, Lock


def test_guid_depends_on_place_not_text_and_is_unambiguous() -> None:
    assert card_guid("ns", "a", "b") == card_guid("ns", "a", "b")
    assert card_guid("ns", "a__b", "c") != card_guid("ns", "a", "b__c")  # genanki's guid_for would collide
    assert card_guid("ns", "a", "b") != card_guid("other", "a", "b")
    assert stable_hash(1) != stable_hash("1")


def card(front: str, back: str, key: str | None = None) -> Card:
    return Card(
        note_id="n",
        key=key or provisional_key(front),
        kind="basic",
        front=front,
        back=back,
        explicit_id=key is not None,
    )


def lock_with(*cards: Card) -> Lock:
    return Lock(
        cards={"n": {c.key: CardRecord(hash="h", mod=1, front=c.front, back=c.back, origin="authored") for c in cards}}
    )


def test_reworded_question_keeps_identity_by_its_answer() -> None:
    old = card("What is A?", "Alpha")
    other = card("What is B?", "Beta")
    new = [card("Which letter is A?", "Alpha"), other]
    resolved, decisions = resolve_keys(new, lock_with(old, other), "n")
    assert [c.key for c in resolved] == [old.key, other.key]
    assert decisions[0].reason.startswith("same answer")


def test_reworded_answer_keeps_identity_by_its_question() -> None:
    old = card("What is A?", "Alpha")
    resolved, _ = resolve_keys([card("What is A?", "The letter alpha")], lock_with(old), "n")
    assert resolved[0].key == old.key


def test_question_edited_twice_still_matches_latest_recorded_text() -> None:
    old = card("What is A?", "Alpha")
    lock = lock_with(old)
    lock.cards["n"][old.key] = replace(
        lock.cards["n"][old.key], front="Which letter is A?"
    )  # what the last build recorded
    resolved, _ = resolve_keys([card("Which letter is A?", "The first letter")], lock, "n")
    assert resolved[0].key == old.key


def test_both_sides_edited_matches_by_clear_similarity() -> None:
    old = card("In Norton's essay, what is empathy as craft?", "A set of concrete learnable moves")
    unrelated = card("Who coined product/market fit?", "Marc Andreessen")
    edited = card(
        "In Norton's essay, what does empathy as craft mean?", "A set of concrete, learnable moves, not a trait"
    )
    resolved, decisions = resolve_keys([edited, unrelated], lock_with(old, unrelated), "n")
    assert resolved[0].key == old.key
    assert "similar" in decisions[0].reason


def test_never_guesses_between_two_equally_good_candidates() -> None:
    a = card("What colour is the sky on Mars by day?", "Butterscotch")
    b = card("What colour is the sky on Mars at dusk?", "Blue")
    edited = card("What colour is the sky on Mars?", "It depends")
    resolved, decisions = resolve_keys([edited], lock_with(a, b), "n")
    assert resolved[0].key == edited.key  # a new identity
    assert decisions[0].previous_key == "" and "id:" in decisions[0].warning


def test_explicit_ids_keep_their_key_and_a_new_one_finds_the_card_it_pinned() -> None:
    old = card("Q1?", "Same answer")
    pinned = card("Q2?", "Same answer", key="pinned")
    resolved, decisions = resolve_keys([pinned], lock_with(old), "n")
    assert resolved[0].key == "pinned"
    # issue 12 item 10: the id was just added to the earlier card; its identity is kept through the old key
    assert [(d.key, d.previous_key) for d in decisions] == [("pinned", old.key)]
    # an id the lock already knows is never matched again
    known = lock_with(pinned, old)
    resolved, decisions = resolve_keys([card("Q3?", "Same answer", key="pinned")], known, "n")
    assert resolved[0].key == "pinned" and decisions == []


def _generated(front: str, back: str, key: str) -> Card:
    return Card(note_id="n", key=key, kind="basic", front=front, back=back, origin="generated:claim")


def _generated_lock(*cards: Card) -> Lock:
    return Lock(
        cards={"n": {c.key: CardRecord(hash="h", mod=1, front=c.front, back=c.back, origin="generated") for c in cards}}
    )


def test_a_generated_card_about_another_fact_does_not_inherit_an_identity_through_the_shared_context() -> None:
    """Every question of a note opens with the same context ("According to the note on Vogels' 'Working
    Backwards', what …"): that prefix alone must not make two different facts "the same card", or a
    learner's reviewed card would silently turn into an unrelated one with its history attached."""
    ctx = "According to the note on Vogels' 'Working Backwards', "
    old = _generated(ctx + "what can a polished press release breed?", "False confidence", "g.claim.polished")
    new = _generated(ctx + "what is the post?", "A CTO's description of his own company", "g.claim.post")
    resolved, decisions = resolve_keys([new], _generated_lock(old), "n")
    assert resolved[0].key == "g.claim.post", decisions


def test_a_reworded_generated_card_still_inherits_its_identity() -> None:
    """The same fact asked in the new generator's words keeps the learner's card (the upgrade path)."""
    old = _generated(
        "In Norton's 'Empathy and Product Management', how is empathy positioned?",
        "As the core craft competency",
        "g.x",
    )
    new = _generated(
        "According to Norton's 'Empathy and Product Management', what does the work position empathy as?",
        "The core craft competency",
        "g.claim.empathy",
    )
    resolved, _ = resolve_keys([new], _generated_lock(old), "n")
    assert resolved[0].key == "g.x"


def test_an_authored_card_replacing_another_fact_is_new_even_under_the_same_context() -> None:
    """Delete one card and write a card about something else in the same edit: the shared opening
    ("In Cagan's 'Product vs. Feature Teams', what …") must not make it the deleted card's edit."""
    ctx = "In Cagan's 'Product vs. Feature Teams', "
    old = card(ctx + "what do feature teams get handed?", "A roadmap of features to build")
    new = card(ctx + "who owns the outcome on an empowered team?", "The product trio")
    resolved, decisions = resolve_keys([new], lock_with(old), "n")
    assert resolved[0].key != old.key, decisions


def test_stamping_an_unchanged_card_records_exactly_what_its_fields_say() -> None:
    """An unchanged card's new record keeps the record read only when every field would be the same.

    ``stamp`` reuses the lock's own record object for the commonest case; any field the
    new record sets differently (decks of a multi-deck card, a retired note's hash, a move,
    decks left, a changed side, origin, ``id:`` or reverse) must give a new record.
    """
    from deckgen.lock.identity import stamp

    card = Card("n1", "k1", "qa", "Q?", "A.", origin="authored")
    fields, content = ("Q?", "A."), "h1"
    base = CardRecord(content, 7, "Q?", "A.", deck="Deck", origin="authored", anchor="", due=1024)
    variants = [
        base,
        replace(base, decks=("Deck", "Other")),
        replace(base, retired_hash="x"),
        replace(base, retired_mod=9),
        replace(base, moved_to="n2/k1"),
        replace(base, left=("Gone",)),
        replace(base, front="Q old?"),
        replace(base, back="A old."),
        replace(base, deck="Other"),
        replace(base, origin="generated"),
        replace(base, explicit=True),
        replace(base, reverse=True),
        replace(base, dues=(("Other", 5),), anchor="n0/k0"),
    ]
    for old in variants:
        lock, new_lock = Lock(), Lock()
        lock.put("n1", "k1", old)
        built = stamp(card, fields, content, (), ("Deck",), "ns", lock, new_lock, 100)
        expected = CardRecord(
            content, 7, "Q?", "A.", deck="Deck", origin="authored", anchor=old.anchor, due=old.due, dues=old.dues
        )
        assert built.status == "unchanged"
        assert new_lock.card("n1", "k1") == expected, old
        assert (new_lock.card("n1", "k1") is old) == (old == expected)
