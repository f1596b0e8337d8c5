"""Card identity and change times: GUIDs, the lockfile, and matching edited cards.

Anki matches notes by GUID only and updates a note only when the package's ``mod`` is
newer (CONTRIBUTING.md, "What Anki does on import"). So a GUID comes from (namespace, note id,
card key) and never from text, and ``deckgen.lock`` records for every card when its
shipped content last changed; unchanged cards keep their old time forever.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from deckgen.core.errors import Finding, LockError
from deckgen.core.model import Card, ChangeStatus
from deckgen.core.text import CLOZE_RE, cloze_hidden, match_sides, normalize, similarity, strip_context
from deckgen.lock.records import CardRecord, Lock, NoteTypeRecord

FUZZY_THRESHOLD = 0.6
FUZZY_MARGIN = 0.1


# One encoder for every hash: ``json.dumps`` with options builds a new encoder per call,
# which costs more than encoding a card's parts (the same text either way).
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)
_json_string = json.encoder.encode_basestring  # what _HASH_JSON writes for a string


def stable_hash(*parts: object) -> str:
    """sha256 of the JSON list of ``parts``: unambiguous, unlike joining with a separator."""
    return hashlib.sha256(_HASH_JSON.encode(list(parts)).encode("utf-8")).hexdigest()


def fields_hash(model_id: int, fields: Sequence[str], tags: Sequence[str]) -> str:
    """``stable_hash(model_id, list(fields), list(tags))``: a shipped note's content hash, the JSON written directly.

    One per card per cold build; the encoder's dispatch cost more than the strings' encoding
    (``tests/test_fields_hash.py`` checks they agree).
    """
    if type(model_id) is not int:  # a bool is an int the encoder writes as "true"
        return stable_hash(model_id, list(fields), list(tags))
    try:  # _json_string takes strings only (as the encoder writes them, subclasses too)
        data = f"[{model_id!r},[{','.join(map(_json_string, fields))}],[{','.join(map(_json_string, tags))}]]"
    except TypeError:
        return stable_hash(model_id, list(fields), list(tags))  # anything else: the encoder's own rules
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def card_guid(namespace: str, note_id: str, key: str) -> str:
    """The Anki GUID of a card: depends on where it lives, never on what it says."""
    # stable_hash("deckgen-guid", namespace, note_id, key), with the JSON list written directly
    # (one per card per build; tests/test_identity.py checks they agree)
    data = f'["deckgen-guid",{_json_string(namespace)},{_json_string(note_id)},{_json_string(key)}]'
    return "dg" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:18]


def stable_int(*parts: object, bits: int = 40) -> int:
    """A positive integer id (decks, note types) derived from ``parts``."""
    return (int(stable_hash(*parts)[:16], 16) % (1 << bits)) + (1 << bits)


def guid_of(namespace: str, note_id: str, key: str, anchor: str = "") -> str:
    """A card's GUID: from its place, or from ``anchor``, the place it had before it moved to another note."""
    if anchor and "/" in anchor:
        anchor_note, anchor_key = anchor.split("/", 1)
        return card_guid(namespace, anchor_note, anchor_key)
    return card_guid(namespace, note_id, key)


def build_time(environ: Mapping[str, str] | None = None) -> int:
    """The time stamped on content that changes now: ``SOURCE_DATE_EPOCH`` or the clock."""
    env = os.environ if environ is None else environ
    value = env.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            return int(value)
        except ValueError:
            raise LockError(
                Finding(
                    "SOURCE_DATE_EPOCH",
                    0,
                    f"{value!r} is not a whole number of seconds",
                    "unset it or set it to a Unix time",
                    "config",
                )
            ) from None
    return int(time.time())


@dataclass(frozen=True)
class MatchDecision:
    """How an authored card without an explicit id found (or did not find) its past self."""

    note_id: str
    key: str  # the key the card now has
    previous_key: str  # the lock key it was matched to, or "" for a new identity
    reason: str
    warning: str = ""


def _similarity(card: Card, record: CardRecord) -> float:
    """How alike two cards' wording is, question and answer, without the context their questions open with.

    Every card of a note may open with the same "In Cagan's 'Product vs. Feature Teams', …":
    shared by all of them, it would make two different facts look alike and hand one's
    review history to the other.
    """
    ours, theirs = _asked(card.front, card.back), _asked(record.front, record.back)
    if CLOZE_RE.search(card.front) and similarity(ours[1], theirs[1]) < FUZZY_THRESHOLD:
        return 0.0  # a cloze whose hidden text changed beyond a rewording asks another fact
    return similarity(" | ".join(ours), " | ".join(theirs))


def _asked(front: str, back: str) -> tuple[str, str]:
    """A card's (question without its opening context, answer), normalised as :func:`match_sides`."""
    return match_sides(strip_context(front), back)


def resolve_keys(cards: Sequence[Card], lock: Lock, note_id: str) -> tuple[list[Card], list[MatchDecision]]:
    """Give each of a note's cards its permanent key, matching edited cards to the lock.

    Cards with an explicit ``id:`` or a generated key keep that key. An authored card
    whose wording changed is matched to the one unclaimed lock record with the same
    answer, else the same question, else the single clearly most similar record; if two
    records are equally good candidates nothing is guessed: the card gets a new key and
    a warning that says how to pin it. A card that was just given an ``id:`` is matched
    the same way to the key it had before (its decision's ``previous_key``), so pinning a
    card never changes its identity.
    """
    records = lock.live(note_id)
    known = lock.cards.get(note_id, {})
    fixed = {c.key for c in cards if c.explicit_id or not c.key.startswith("q-") or c.key in records}
    unclaimed = {k: v for k, v in records.items() if k not in fixed and v.origin == "authored" and not v.explicit}
    # an explicit id the lock has never seen: the card may be an earlier card that was just pinned
    pinned = {i for i, c in enumerate(cards) if c.explicit_id and c.origin == "authored" and c.key not in known}
    pending = {i: c for i, c in enumerate(cards) if c.key not in fixed or i in pinned}
    decisions: list[MatchDecision] = []
    resolved: dict[int, Card] = {}

    def claim(index: int, card: Card, key: str, reason: str) -> None:
        if index in pinned:
            if match_sides(card.front, card.back) == match_sides(records[key].front, records[key].back):
                reason = "question and answer unchanged"
            resolved[index] = card  # keeps its new key; its GUID keeps coming from the old one
            decisions.append(MatchDecision(note_id, card.key, key, f"'id: {card.key}' added; {reason}"))
        else:
            resolved[index] = replace(card, key=key)
            decisions.append(MatchDecision(note_id, key, key, reason))
        unclaimed.pop(key, None)

    def open_cards() -> dict[int, Card]:
        return {i: c for i, c in pending.items() if i not in resolved}

    # A card that comes back (its note restored, a deleted card put back) under a key it never had: a card whose key
    # came from an earlier wording. It is the retired card whose question and answer it has, word for word, when
    # only one has them; else it would come back as a new card beside the learner's old one.
    retired = {
        k: v
        for k, v in known.items()
        if v.retired and not v.moved_to and k not in fixed and v.origin == "authored" and not v.explicit
    }
    for index, card in open_cards().items() if retired else ():
        if index in pinned:
            continue  # a card given an id keeps the identity it has now (matched below), never a retired one
        both = match_sides(card.front, card.back)
        candidates = [k for k, r in retired.items() if match_sides(r.front, r.back) == both]
        rivals = [c for c in open_cards().values() if match_sides(c.front, c.back) == both]
        if len(candidates) == 1 and len(rivals) == 1:
            claim(index, card, candidates[0], "the same question and answer, brought back")
            retired.pop(candidates[0])
    for side, reason in ((1, "same answer, question reworded"), (0, "same question, answer reworded")):
        for index, card in open_cards().items():
            wanted = match_sides(card.front, card.back)[side]
            candidates = [k for k, r in unclaimed.items() if match_sides(r.front, r.back)[side] == wanted]
            rivals = [c for c in open_cards().values() if match_sides(c.front, c.back)[side] == wanted]
            if len(candidates) == 1 and len(rivals) == 1:
                claim(index, card, candidates[0], reason)
    for index, card in open_cards().items():
        if not unclaimed:
            break
        scored = sorted(((_similarity(card, r), k) for k, r in unclaimed.items()), reverse=True)
        best_score, best_key = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best_score < FUZZY_THRESHOLD:
            continue
        # Never guess: the best record must clearly beat the runner-up, and must itself
        # prefer this card over every other card still looking for its past self.
        others = [_similarity(c, unclaimed[best_key]) for i, c in open_cards().items() if i != index]
        if best_score - runner_up >= FUZZY_MARGIN and all(best_score - s >= FUZZY_MARGIN for s in others):
            claim(index, card, best_key, f"question and answer reworded ({best_score:.0%} similar)")
        elif index not in pinned:  # a pinned card that matches nothing clearly is simply new
            decisions.append(
                MatchDecision(
                    note_id,
                    card.key,
                    "",
                    "ambiguous",
                    warning=f"{card.path}:{card.line}: this card could be an edit of more than one earlier card, "
                    "so it gets a new identity and learners get it as a new card — to keep their history, "
                    "give the card an explicit 'id:' line, or change fewer cards in one build",
                )
            )
    # A curator's rewrite of a generated card as their own, asking its very question: the generated card no longer
    # ships (an authored card asks it) and the rewrite continues it, as an edit (a PM lead's try: learners lost the
    # card's history to a new card, and nothing said how to keep it). The same note type only: a GUID keeps its type.
    shipping = {c.key for c in cards}
    superseded = {k: r for k, r in records.items() if r.origin == "generated" and k not in shipping and k not in fixed}
    for index, card in open_cards().items() if superseded else ():
        if index in pinned or card.origin != "authored":
            continue
        asked = match_sides(card.front, card.back)[0]
        candidates = [
            k
            for k, r in superseded.items()
            if match_sides(r.front, r.back)[0] == asked and ("{{c" in r.front) == (card.kind == "cloze")
        ]
        rivals = [c for c in open_cards().values() if match_sides(c.front, c.back)[0] == asked]
        if len(candidates) == 1 and len(rivals) == 1:
            claim(index, card, candidates[0], "rewritten from the generated card that asked the same question")
            superseded.pop(candidates[0])
    result = [resolved.get(i, c) for i, c in enumerate(cards)]
    return _inherit_generated(result, records, known, note_id, decisions), decisions


def _inherit_generated(
    cards: list[Card],
    records: Mapping[str, CardRecord],
    known: Mapping[str, CardRecord],
    note_id: str,
    decisions: list[MatchDecision],
) -> list[Card]:
    """A generated card under a new key that asks what a shipped generated card asked takes that card's key.

    Upgrading deckgen changes how generated cards are keyed; learners must keep their
    history, so the new card continues the old record instead of duplicating it. A card that
    comes back (curation's reject taken out) under a key it never shipped with is the retired
    generated card whose question and answer it has, word for word, when only one has them:
    its sentence was reworded while it shipped, so its record kept the first key (a PM lead's
    try: learners got a new card beside their old one).
    """
    taken = {c.key for c in cards}
    retired = {
        k: r
        for k, r in known.items()
        if r.origin == "generated" and r.retired and not r.moved_to and k not in taken and k not in records
    }
    out = list(cards)
    for index, card in enumerate(cards) if retired else ():
        if not card.origin.startswith("generated") or card.key in known:
            continue
        both = match_sides(card.front, card.back)
        candidates = [k for k, r in retired.items() if match_sides(r.front, r.back) == both]
        rivals = [c for c in cards if match_sides(c.front, c.back) == both]
        if len(candidates) == 1 and len(rivals) == 1:
            out[index] = replace(card, key=candidates[0])
            decisions.append(
                MatchDecision(note_id, candidates[0], candidates[0], "the same generated card, brought back")
            )
            del retired[candidates[0]]
    cards = out
    taken = {c.key for c in cards}
    old = {k: r for k, r in records.items() if r.origin == "generated" and k not in taken and r.live}
    if not old:
        return cards
    out = list(cards)
    for index, card in enumerate(cards):
        if not card.origin.startswith("generated") or card.key in records or not old:
            continue
        # a cloze and a question are different note types in Anki: a GUID cannot change type
        same_type = {k: r for k, r in old.items() if ("{{c" in r.front) == (card.kind == "cloze")}
        if not same_type:
            continue
        scored = sorted(((_generated_likeness(card, r), k) for k, r in same_type.items()), reverse=True)
        best, key = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= FUZZY_THRESHOLD and best - runner_up >= FUZZY_MARGIN:
            out[index] = replace(card, key=key)
            decisions.append(MatchDecision(note_id, key, key, f"generated card asks what {key} asked ({best:.0%})"))
            del old[key]
    return out


def _generated_likeness(card: Card, record: CardRecord) -> float:
    """How surely a generated card asks what a recorded one asked: question+answer wording, or the same answer."""
    answer = set(normalize(_hidden(card.front, card.back)).split()) - _SMALL
    theirs = set(normalize(_hidden(record.front, record.back)).split()) - _SMALL
    shared = len(answer & theirs) / min(len(answer), len(theirs)) if answer and theirs else 0.0
    return max(_similarity(card, record), 0.9 * shared if len(answer & theirs) >= 2 else 0.0)


_SMALL = frozenset("a an the of to and or in on for is are it its as by with that this".split())


def _hidden(front: str, back: str) -> str:
    """A card's answer: the back, or a cloze's hidden words."""
    return cloze_hidden(front) if "{{c" in front else back


@dataclass(frozen=True)
class BuiltCard:
    """A card as this build ships it: identity, rendered fields, change time and where it goes."""

    card: Card
    guid: str
    fields: tuple[str, ...]  # the note type's field values, rendered
    content_hash: str  # of the shipped fields and tags
    mod: int  # when the shipped content last changed
    status: ChangeStatus  # "added", "restored", "edited" or "unchanged"
    media: tuple[str, ...] = ()  # packaged names of the images it shows
    decks: tuple[str, ...] = ()  # every deck it ships in, manifest order ("" first deck when none)

    @property
    def uid(self) -> str:
        """The card's ``note/key``."""
        return self.card.uid

    @property
    def deck(self) -> str:
        """The first deck it ships in, or "" when no manifest selects it."""
        return self.decks[0] if self.decks else ""


def stamp(
    card: Card,
    fields: tuple[str, ...],
    content_hash: str,
    media: tuple[str, ...],
    decks: Sequence[str],
    namespace: str,
    lock: Lock,
    new_lock: Lock,
    now: int,
) -> BuiltCard:
    """Record ``card`` in ``new_lock``: keep its old time if unchanged, else a strictly newer one."""
    old = lock.card(card.note_id, card.key)
    status: ChangeStatus
    if old and old.hash == content_hash and not old.retired:
        mod, status = old.mod, "unchanged"
    else:
        # a restored card must also be newer than its retired note, which learners may have
        previous = old.shipped_mod if old else 0
        mod = max(now, previous + 1)
        status = "added" if old is None else "restored" if old.retired else "edited"
    deck = decks[0] if decks else ""
    origin = card.origin.split(":")[0]
    if (
        old is not None
        and status == "unchanged"
        and old.front == card.front
        and old.back == card.back
        and old.deck == deck
        and old.origin == origin
        and old.explicit == card.explicit_id
        and old.reverse == card.reverse
        and old.shipped_as == card.shipped_as
        and not (old.decks or old.retired_mod or old.retired_hash or old.moved_to or old.left)
    ):
        # the record below would equal the one read: keep that very object (most cards of a build;
        # the lock then reuses its line without comparing field by field)
        record = old
    else:
        record = CardRecord(
            hash=content_hash,
            mod=mod,
            front=card.front,
            back=card.back,
            deck=deck,
            origin=origin,
            explicit=card.explicit_id,
            # where its GUID comes from; its new-card position
            anchor=old.anchor if old else "",
            due=old.due if old else None,
            dues=old.dues if old else (),
            reverse=card.reverse,  # a retired card must keep it, or its reverse card would turn blank
            shipped_as=card.shipped_as,  # the DeckgenId it ships with, when not its uid (a pinned card's old one)
        )
    new_lock.put(card.note_id, card.key, record)
    guid = guid_of(namespace, card.note_id, card.key, record.anchor)
    return BuiltCard(card, guid, fields, content_hash, mod, status, media, tuple(decks))


def stamp_notetype(name: str, content_hash: str, lock: Lock, new_lock: Lock, now: int) -> int:
    """The note type's ``mod``: unchanged templates/CSS keep their time, changed ones move forward."""
    old = lock.notetypes.get(name)
    if old and old.hash == content_hash:
        mod = old.mod
    else:
        mod = max(now, old.mod + 1 if old else 0)
    new_lock.notetypes[name] = NoteTypeRecord(content_hash, mod)
    return mod


def carry_removed(lock: Lock, new_lock: Lock, now: int) -> list[tuple[str, str, CardRecord]]:
    """Keep records of cards no longer in the sources, marked retired, so identities are never reused."""
    removed: list[tuple[str, str, CardRecord]] = []
    # the notes with a record the new lock lacks, found without sorting every record (most have none)
    missing = Lock()
    for note_id, records in lock.cards.items():
        now_kept = new_lock.cards.get(note_id)
        if now_kept is None or any(key not in now_kept for key in records):
            missing.cards[note_id] = records
    for note_id, key, record in missing.records():
        if new_lock.card(note_id, key) is not None:
            continue
        kept = record
        if record.live:
            kept = replace(record, retired=max(now, record.mod + 1))
            removed.append((note_id, key, kept))
        new_lock.put(note_id, key, kept)
    return removed
