"""DeckWriter takes a package's digest from the plan's proof only for that very content; reused rows equal built ones."""

from __future__ import annotations

from pathlib import Path

from deckgen.anki.notetypes import note_types
from deckgen.anki.packaged import PackagedDeck, PackagedNote
from deckgen.builder.cache import DeckWriter, package_digest


def _deck(answer: str) -> PackagedDeck:
    basic = next(nt for nt in note_types() if nt.kind != "cloze")
    values = ("<p>Q</p>", f"<p>{answer}</p>", *("" for _ in basic.fields[2:]))
    note = PackagedNote("guid-1", basic.id, values, ("deckgen",), 1_700_000_000, 0)
    return PackagedDeck(deck_id=1, name="Proof", description="", notes=(note,))


def test_a_proven_digest_is_used_only_for_equal_content(tmp_path: Path) -> None:
    nts = [(nt, 1_700_000_000) for nt in note_types()]
    shipped, edited = _deck("A"), _deck("A, reworded")
    proven = {"proof.apkg": (shipped, list(nts), "digest-the-plan-proved")}
    writer = DeckWriter(tmp_path, None, None, proven=proven)
    writer.write(tmp_path / "proof.apkg", [shipped], nts)
    assert writer.digests["proof.apkg"] == "digest-the-plan-proved"  # the same content: not hashed again

    # different content (or note types, or media) under that name: the proof does not apply, the package is hashed
    for decks, types in (([edited], nts), ([shipped], [(nt, 1_700_000_001) for nt, _ in nts])):
        writer = DeckWriter(tmp_path, None, None, proven=proven)
        writer.write(tmp_path / "proof.apkg", decks, types)
        assert writer.digests["proof.apkg"] == package_digest(decks, types)
        assert writer.digests["proof.apkg"] != "digest-the-plan-proved"


def test_rows_filled_without_init_equal_the_constructed_ones() -> None:
    """core.model.filled (the lock's records, the rows and cards a card edit reuses) sets every field as __init__."""
    from dataclasses import fields

    from deckgen.builder.release import ShipNote
    from deckgen.core.model import Card, filled
    from deckgen.lock.identity import BuiltCard

    ship = {"guid": "g", "model_id": 7, "fields": ("Q", "A"), "tags": ("t",), "mod": 5, "due": 3}
    ship.update(with_cards=True, uid="n/k")
    card = Card("n", "k", "basic", "Q", "A")
    built = {"card": card, "guid": "g", "fields": ("Q", "A"), "content_hash": "h", "mod": 5, "status": "unchanged"}
    built.update(media=(), decks=("Deck",))
    for cls, values in ((ShipNote, ship), (BuiltCard, built)):
        assert set(values) == {f.name for f in fields(cls)}  # every field: a new one must be given here too
        made, constructed = filled(cls, **values), cls(**values)
        assert made == constructed and hash(made) == hash(constructed) and vars(made) == vars(constructed)
