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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from deckgen.core.errors import Finding, LockError
from deckgen.core.model import Card
from deckgen.core.text import cloze_hidden, normalize, similarity

LOCK_FORMAT = 1
FUZZY_THRESHOLD = 0.6
FUZZY_MARGIN = 0.1


def stable_hash(*parts: object) -> str:
    """sha256 of the JSON list of ``parts``: unambiguous, unlike joining with a separator."""
    data = json.dumps(list(parts), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def card_guid(namespace: str, note_id: str, key: str) -> str:
    """The Anki GUID of a card: depends on where it lives, never on what it says."""
    return "dg" + stable_hash("deckgen-guid", namespace, note_id, key)[:18]


def stable_int(*parts: object, bits: int = 40) -> int:
    """A positive integer id (decks, note types) derived from ``parts``."""
    return (int(stable_hash(*parts)[:16], 16) % (1 << bits)) + (1 << bits)


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


@dataclass
class Lock:
    """The parsed ``deckgen.lock``: card records by note id and key, and note type records."""

    cards: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    notetypes: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """Serialise with sorted keys and one card per line, so the file diffs cleanly in git.

        Built by hand around compact ``json.dumps`` calls because ``indent=`` forces the
        pure-Python encoder, which took ~0.3 s for 10,000 cards.
        """
        dump = _compact
        lines = ["{", f' "format": {LOCK_FORMAT},']
        for key in sorted(self.extra):
            lines.append(f" {dump(key)}: {dump(self.extra[key])},")
        lines.append(' "notetypes": {')
        lines.append(",\n".join(f"  {dump(k)}: {dump(v)}" for k, v in sorted(self.notetypes.items())))
        lines.append(" },")
        lines.append(' "cards": {')
        notes = []
        for note_id, records in sorted(self.cards.items()):
            body = ",\n".join(f"   {dump(k)}: {dump(v)}" for k, v in sorted(records.items()))
            notes.append(f"  {dump(note_id)}: {{\n{body}\n  }}")
        lines.append(",\n".join(notes))
        lines.append(" }")
        lines.append("}")
        return "\n".join(line for line in lines if line) + "\n"

    def copy(self) -> Lock:
        """A deep copy (records are plain JSON data)."""
        return Lock(**json.loads(json.dumps({"cards": self.cards, "notetypes": self.notetypes, "extra": self.extra})))

    def live(self, note_id: str) -> dict[str, dict[str, Any]]:
        """The note's records that are neither retired nor moved to another note."""
        return {k: v for k, v in self.cards.get(note_id, {}).items() if not v.get("retired") and not v.get("moved_to")}


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def read_lock(path: Path) -> Lock:
    """Read ``deckgen.lock``; a missing file is an empty lock."""
    if not path.exists():
        return Lock()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        raise LockError(
            Finding(
                path.name,
                line,
                f"deckgen.lock is not valid JSON: {exc}",
                "restore it from git (`git checkout deckgen.lock`); never delete it: it holds every card's identity",
                "lock",
            )
        ) from exc
    if not isinstance(data, dict) or data.get("format") != LOCK_FORMAT:
        raise LockError(
            Finding(
                path.name, 1, "deckgen.lock has an unknown format", "restore it from git, or upgrade deckgen", "lock"
            )
        )
    extra = {k: v for k, v in data.items() if k not in ("format", "cards", "notetypes")}
    return Lock(cards=data.get("cards", {}), notetypes=data.get("notetypes", {}), extra=extra)


@dataclass(frozen=True)
class MatchDecision:
    """How an authored card without an explicit id found (or did not find) its past self."""

    note_id: str
    key: str  # the key the card now has
    previous_key: str  # the lock key it was matched to, or "" for a new identity
    reason: str
    warning: str = ""


def _similarity(card: Card, record: Mapping[str, Any]) -> float:
    ours = normalize(card.front) + " | " + normalize(card.back)
    theirs = normalize(record.get("front", "")) + " | " + normalize(record.get("back", ""))
    return similarity(ours, theirs)


def resolve_keys(cards: Sequence[Card], lock: Lock, note_id: str) -> tuple[list[Card], list[MatchDecision]]:
    """Give each of a note's cards its permanent key, matching edited cards to the lock.

    Cards with an explicit ``id:`` or a generated key keep that key. An authored card
    whose wording changed is matched to the one unclaimed lock record with the same
    answer, else the same question, else the single clearly most similar record; if two
    records are equally good candidates nothing is guessed: the card gets a new key and
    a warning that says how to pin it.
    """
    records = lock.live(note_id)
    fixed = {c.key for c in cards if c.explicit_id or not c.key.startswith("q-") or c.key in records}
    unclaimed = {
        k: v
        for k, v in records.items()
        if k not in fixed and v.get("origin", "authored") == "authored" and not v.get("explicit")
    }
    pending = {i: c for i, c in enumerate(cards) if c.key not in fixed}
    decisions: list[MatchDecision] = []
    resolved: dict[int, Card] = {}

    def claim(index: int, card: Card, key: str, reason: str) -> None:
        resolved[index] = replace(card, key=key)
        decisions.append(MatchDecision(note_id, key, key, reason))
        unclaimed.pop(key, None)

    def open_cards() -> dict[int, Card]:
        return {i: c for i, c in pending.items() if i not in resolved}

    for field_name, reason in (("back", "same answer, question reworded"), ("front", "same question, answer reworded")):
        for index, card in open_cards().items():
            wanted = normalize(getattr(card, field_name))
            candidates = [k for k, r in unclaimed.items() if normalize(r.get(field_name, "")) == wanted]
            rivals = [c for c in open_cards().values() if normalize(getattr(c, field_name)) == wanted]
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
        else:
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
    result = [resolved.get(i, c) for i, c in enumerate(cards)]
    return _inherit_generated(result, records, note_id, decisions), decisions


def _inherit_generated(
    cards: list[Card], records: Mapping[str, Mapping[str, Any]], note_id: str, decisions: list[MatchDecision]
) -> list[Card]:
    """A generated card under a new key that asks what a shipped generated card asked takes that card's key.

    Upgrading deckgen changes how generated cards are keyed; learners must keep their
    history, so the new card continues the old record instead of duplicating it.
    """
    taken = {c.key for c in cards}
    old = {
        k: r
        for k, r in records.items()
        if r.get("origin") == "generated" and k not in taken and not r.get("retired") and not r.get("moved_to")
    }
    if not old:
        return cards
    out = list(cards)
    for index, card in enumerate(cards):
        if not card.origin.startswith("generated") or card.key in records or not old:
            continue
        # a cloze and a question are different note types in Anki: a GUID cannot change type
        same_type = {k: r for k, r in old.items() if ("{{c" in r.get("front", "")) == (card.kind == "cloze")}
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


def _generated_likeness(card: Card, record: Mapping[str, Any]) -> float:
    """How surely a generated card asks what a recorded one asked: question+answer wording, or the same answer."""
    answer = set(normalize(_hidden(card.front, card.back)).split()) - _SMALL
    theirs = set(normalize(_hidden(record.get("front", ""), record.get("back", ""))).split()) - _SMALL
    shared = len(answer & theirs) / min(len(answer), len(theirs)) if answer and theirs else 0.0
    return max(_similarity(card, record), 0.9 * shared if len(answer & theirs) >= 2 else 0.0)


_SMALL = frozenset("a an the of to and or in on for is are it its as by with that this".split())


def _hidden(front: str, back: str) -> str:
    """A card's answer: the back, or a cloze's hidden words."""
    return cloze_hidden(front) if "{{c" in front else back


@dataclass(frozen=True)
class Stamped:
    """A card with its shipped fields' hash and the time they last changed."""

    card: Card
    content_hash: str
    mod: int
    status: str  # "added", "edited", "unchanged"


def stamp(card: Card, content_hash: str, deck: str, lock: Lock, new_lock: Lock, now: int) -> Stamped:
    """Record ``card`` in ``new_lock``: keep its old time if unchanged, else a strictly newer one."""
    old = lock.cards.get(card.note_id, {}).get(card.key)
    if old and old.get("hash") == content_hash and not old.get("retired"):
        mod, status = int(old["mod"]), "unchanged"
    else:
        previous = int(old["mod"]) if old else 0
        mod = max(now, previous + 1)
        status = "edited" if old and not old.get("retired") else "added"
    record: dict[str, Any] = {
        "hash": content_hash,
        "mod": mod,
        "front": card.front,
        "back": card.back,
        "deck": deck,
        "origin": card.origin.split(":")[0],
    }
    if card.explicit_id:
        record["explicit"] = True
    for kept in ("anchor", "due"):  # where its GUID comes from; its new-card position
        if old and kept in old:
            record[kept] = old[kept]
    if card.reverse:
        record["reverse"] = True  # a retired card must keep it, or its reverse card would turn blank
    new_lock.cards.setdefault(card.note_id, {})[card.key] = record
    return Stamped(card, content_hash, mod, status)


def stamp_notetype(name: str, content_hash: str, lock: Lock, new_lock: Lock, now: int) -> int:
    """The note type's ``mod``: unchanged templates/CSS keep their time, changed ones move forward."""
    old = lock.notetypes.get(name)
    if old and old.get("hash") == content_hash:
        mod = int(old["mod"])
    else:
        mod = max(now, int(old["mod"]) + 1 if old else 0)
    new_lock.notetypes[name] = {"hash": content_hash, "mod": mod}
    return mod


def carry_removed(lock: Lock, new_lock: Lock, now: int) -> list[tuple[str, str, dict[str, Any]]]:
    """Keep records of cards no longer in the sources, marked retired, so identities are never reused."""
    removed: list[tuple[str, str, dict[str, Any]]] = []
    for note_id, records in sorted(lock.cards.items()):
        for key, record in sorted(records.items()):
            if key in new_lock.cards.get(note_id, {}):
                continue
            kept = dict(record)
            if not kept.get("retired") and not kept.get("moved_to"):
                kept["retired"] = max(now, int(record.get("mod", 0)) + 1)
                removed.append((note_id, key, kept))
            new_lock.cards.setdefault(note_id, {})[key] = kept
    return removed
