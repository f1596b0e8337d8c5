"""Frozen data passed between deckgen's stages. No I/O here."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


def filled(cls: type[_T], **values: Any) -> _T:
    """An instance of the frozen dataclass ``cls`` given every one of its fields, set without ``__init__``.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``: twice the cost of filling the
    instance's dict, for the lock's thousands of records and the rows and built cards a card edit's plan takes from
    the last build. The caller names every field (tests/test_proven_digest.py compares with ``__init__``'s).
    """
    made: _T = object.__new__(cls)
    made.__dict__.update(values)
    return made


CardKind = Literal["basic", "cloze"]
# "restored": a retired card that ships again (learners who kept it have its history; not new to them)
ChangeStatus = Literal["added", "restored", "edited", "unchanged", "retired"]


@dataclass(frozen=True)
class Section:
    """A ``##`` section of a note body: its heading, text and the line the heading is on."""

    heading: str
    text: str
    line: int


@dataclass(frozen=True)
class FieldValue:
    """One ``Key: value`` entry of a card block, with the line where it starts."""

    value: str
    line: int


@dataclass(frozen=True)
class CardBlock:
    """An unparsed card from a note's ``## Cards`` section: keys to values, with lines."""

    line: int
    fields: Mapping[str, FieldValue]

    def get(self, key: str) -> str | None:
        """The value of ``key`` or None when the block does not have it."""
        entry = self.fields.get(key)
        return entry.value if entry else None

    def line_of(self, key: str) -> int:
        """The line of ``key`` or of the block itself when missing."""
        entry = self.fields.get(key)
        return entry.line if entry else self.line


@dataclass(frozen=True)
class Note:
    """A parsed note file: front matter, blurb, sections and card blocks."""

    id: str
    title: str
    path: str  # relative to the project root, with forward slashes
    author: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    blurb: str = ""
    sections: tuple[Section, ...] = ()
    card_blocks: tuple[CardBlock, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    meta_lines: Mapping[str, int] = field(default_factory=dict)
    cards_line: int = 0  # line of the "## Cards" heading, 0 if absent
    blurb_line: int = 0  # line of the blurb's first line, 0 if there is none
    # (line, what) of each '# CHECK: what' comment in the front matter: a guess `deckgen import` left to check
    unchecked: tuple[tuple[int, str], ...] = ()

    def section(self, heading: str) -> Section | None:
        """The first section whose heading matches ``heading`` case-insensitively."""
        wanted = heading.strip().lower()
        for section in self.sections:
            if section.heading.strip().lower() == wanted:
                return section
        return None

    @functools.cached_property  # asked for every candidate card's context
    def surname(self) -> str:
        """The author's last name, used in question context ("In Norton's …")."""
        names = _last_names(self.author)
        return names[0] if names else ""  # 'Saleema Amershi et al.' -> 'Amershi', not 'al.'

    @functools.cached_property
    def byline(self) -> str:
        """Every author as a card names them: 'Norton', 'Prelec and Loewenstein', 'Card, Moran and Newell',
        and 'Dmitriev et al.' for four or more (or when the note says 'et al.'); '' when the note names none."""
        last = _last_names(self.author)
        if not last:
            return ""
        if len(last) in (2, 3) and len(set(last)) == 1:
            # 'Mary Poppendieck, Tom Poppendieck' -> 'Mary and Tom Poppendieck', not 'Poppendieck and Poppendieck'
            first = [n.split()[0] for n in re.split(r",|\s+(?:and|&)\s+", self.author) if n.split()]
            return f"{', '.join(first[:-1])} and {first[-1]} {last[0]}"
        if len(last) > 3 or re.search(r"\bet\s+al\b", self.author):
            return f"{last[0]} et al."
        return last[0] if len(last) == 1 else f"{', '.join(last[:-1])} and {last[-1]}"


# what follows a name without being one ('Martin Luther King, Jr.', 'Frederick P. Brooks Jr.')
_NAME_SUFFIXES = frozenset("jr sr ii iii iv phd md ed eds editor editors".split())


def _last_names(author: str) -> list[str]:
    """Each author's last name, in order: 'Frederick P. Brooks Jr., Ken Norton' -> ['Brooks', 'Norton']."""
    last = []
    # a bracketed aside names no author: 'Adam Wiggins (Heroku)', 'Jeffrey Dean, Sanjay Ghemawat (2004)', '(eds.)'
    unbracketed = re.sub(r"\([^()]*(?:\)|$)", " ", author)  # (an aside left open by an older import is an aside too)
    author = unbracketed if unbracketed.strip(" ,") else author  # '(Heroku)' alone is the author
    # 'Chris Voss with Tahl Raz', 'Hans Rosling, with Ola Rosling and …': the cover's author, not the co-writer (batch103:
    # 'Raz's 'Never Split the Difference'', T0/T1 from every judge)
    author = re.split(r",?\s+with\s+", author, maxsplit=1)[0] if re.search(r"\S\s+with\s+\S", author) else author
    for name in re.split(r",|\s+(?:and|&)\s+|\s+et\s+al\b\.?", author):
        tokens = [t.strip("()") for t in name.split() if t.strip("()").rstrip(".").lower() not in _NAME_SUFFIXES]
        tokens = [t for t in tokens if t]
        if tokens and tokens[-1].lower() in _ORGANISATION_HEADS:
            # 'Open Science Collaboration' is one author, named whole ('In Collaboration's …' named nobody, batch74)
            last.append(" ".join(tokens[1:] if tokens[0].lower() == "the" else tokens))
        elif tokens:
            last.append(tokens[-1])
    return last


_ORGANISATION_HEADS = frozenset(
    """collaboration consortium group team institute foundation committee council association society project
    initiative agency office board center centre university lab labs laboratory network corporation company inc
    ltd llc""".split()
)


def possessive(name: str) -> str:
    """``Norton`` -> ``Norton's``; ``Jobs`` -> ``Jobs'``; ``Dmitriev et al.`` -> ``Dmitriev et al.'s``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@dataclass(frozen=True)
class Card:
    """One Anki note to ship: Markdown texts plus where they came from.

    ``key`` is unique within the note and never derived from the card's text once
    the lockfile has recorded it; ``origin`` is "authored" or "generated:<rule>".
    """

    note_id: str
    key: str
    kind: CardKind
    front: str  # Markdown: the question, or the cloze text
    back: str = ""  # Markdown: the answer (empty for cloze)
    extra: str = ""
    reverse: bool = False
    origin: str = "authored"
    path: str = ""
    line: int = 0
    tags: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()  # lint rules the curator silenced for this card
    explicit_id: bool = False
    # the DeckgenId its Anki note holds when that is not its uid: a card pinned with an ``id:`` in its
    # own note keeps the one it shipped with (see deckgen.lock.moves.keep_shipped_ids)
    shipped_as: str = ""

    @functools.cached_property  # asked ~18 times per card by a build (ids, decks, changes, releases)
    def uid(self) -> str:
        """``note_id/key``: unique in the whole project."""
        return f"{self.note_id}/{self.key}"


@dataclass(frozen=True)
class Selector:
    """One line of a deck manifest's ``notes:`` list."""

    kind: Literal["id", "tag", "path", "all"]
    value: str
    line: int


@dataclass(frozen=True)
class DeckSpec:
    """A deck manifest from ``decks/*.yaml``."""

    name: str  # Anki deck name, ``::`` for subdecks
    slug: str  # output file stem
    path: str
    selectors: tuple[Selector, ...]
    description: str = ""
    line: int = 1
    new_per_day: int | None = None  # the pace the deck ships as an Anki preset; None: Anki's default


@dataclass(frozen=True)
class BuiltDeck:
    """One deck as it will be packaged: its name and its ordered cards."""

    spec: DeckSpec
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class CardChange:
    """How one card differs from what the lockfile recorded."""

    uid: str
    status: ChangeStatus
    front: str = ""
    back: str = ""
    old_front: str = ""
    old_back: str = ""
    matched_from: str = ""  # previous key when an edit was matched by content
    reason: str = ""


@dataclass(frozen=True)
class BuildResult:
    """What a build produced (or would produce, for a dry run)."""

    outputs: tuple[str, ...]
    decks: tuple[BuiltDeck, ...]
    changes: tuple[CardChange, ...]
    lock_changed: bool
    warnings: tuple[str, ...] = ()
    up_to_date: tuple[tuple[str, int], ...] = ()  # (deck, Anki cards) when the cache proved nothing changed
    unchanged: int = 0  # cards known unchanged without listing them (an up-to-date build)
    report: Any = None  # deckgen.builder.diff.DiffReport: per-deck changes, for `diff` and `build --dry-run`
    kept: tuple[str, ...] = ()  # outputs this build found already holding what it would write, and left alone
    lock_created: bool = False  # there was no deckgen.lock: this build wrote the first one

    def count(self, status: str) -> int:
        """Number of cards with the given change status."""
        extra = self.unchanged if status == "unchanged" else 0
        return extra + sum(1 for c in self.changes if c.status == status)

    def anki_count(self, status: str) -> int:
        """The Anki cards of the cards with ``status`` that a deck of this build ships (a Reverse card twice, a
        cloze once per number); a card in no deck counts once, as written."""
        changed = [c.uid for c in self.changes if c.status == status]
        if not changed:
            return 0
        cards = {card.uid: card for deck in self.decks for card in deck.cards}
        return sum(anki_cards(cards[uid]) if uid in cards else 1 for uid in changed)

    def deck_sizes(self) -> tuple[tuple[str, int], ...]:
        """(deck name, number of Anki cards) for every deck built or found up to date: a Reverse card counts
        twice and a cloze card once per number, as in Anki, on the site and in ``deckgen plan``."""
        return self.up_to_date or tuple((d.spec.name, count_anki_cards(d.cards)) for d in self.decks)


_CLOZE_NUMBER_RE = re.compile(r"\{\{c(\d+)::")


def anki_cards(card: Card) -> int:
    """How many Anki cards a deckgen card makes: reverse adds one; a cloze makes one per number."""
    return anki_card_count(card.front, card.reverse, cloze=card.kind == "cloze")


def anki_card_count(front: str, reverse: bool, *, cloze: bool) -> int:
    """How many Anki cards a card with this question makes (``anki_cards`` for a card known by its lock record)."""
    if cloze:
        return _cloze_numbers(front)
    return 2 if reverse else 1


@functools.lru_cache(maxsize=1 << 16)
def _cloze_numbers(text: str) -> int:
    """How many cloze numbers ``text`` uses (at least one): a build counts each card's several times (site, plan)."""
    return max(1, len(set(_CLOZE_NUMBER_RE.findall(text))))


def count_anki_cards(cards: Iterable[Card]) -> int:
    """Total Anki cards (what a learner studies) of ``cards``."""
    return sum(anki_cards(card) for card in cards)
