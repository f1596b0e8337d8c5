"""Note -> candidate cards: the curator's authored cards plus rule-generated ones.

Generators plug in through :data:`GENERATORS` (made on first use: see :func:`generators_for`);
each has a rule name and turns a note into cards whose keys are stable (``g.<rule>`` plus
an anchor), never derived from the card's wording, so rewording a note updates a
learner's card instead of duplicating it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from deckgen.cards.curation import (
    CandidatesRecord,
    Verdict,
    candidates,
    candidates_record,
    curate,
    from_candidates_record,
    parser_of,
    review,
)
from deckgen.core.errors import ContentError, Finding
from deckgen.core.model import Card, CardBlock, Note, possessive
from deckgen.core.text import cloze_parts
from deckgen.core.text import normalize as normalize  # re-exported: the lock and drafting compare wording with it
from deckgen.sources.notes import CARD_ID_RE, EMPHASISED_FIELD_RE, FIELD_SPELLINGS
from deckgen.sources.notes import waiting_drafts as waiting_drafts  # re-exported: where callers found it before

if TYPE_CHECKING:
    from deckgen.core.diskcache import NoteCache

Generator = Callable[[Note], Iterable[Card]]
_TRUE = {"yes", "true", "on", "1"}
_FALSE = {"no", "false", "off", "0", ""}
# A card block's ``Status:``; only approved cards (or blocks without Status) ship.
CARD_STATUSES = ("draft", "approved", "rejected")

_KEY_WORD_RE = re.compile(r"^([A-Za-z]+):")


def provisional_key(front: str) -> str:
    """Key for an authored card without ``id:``, before the lockfile is consulted."""
    return "q-" + hashlib.sha256(normalize(front).encode()).hexdigest()[:10]


def authored_cards(note: Note) -> tuple[list[Card], list[Finding]]:
    """Turn a note's ``## Cards`` blocks into cards, collecting problems instead of stopping."""
    cards: list[Card] = []
    findings: list[Finding] = []
    for block in note.card_blocks:
        if not _ships(note, block, findings):
            continue  # drafts wait for the curator; rejected drafts are kept only as a memory
        card = _card_from_block(note, block, findings)
        if card is not None:
            cards.append(card)
    seen: dict[str, Card] = {}
    for card in cards:
        if card.key in seen:
            what = "id" if card.explicit_id else "question"
            findings.append(
                Finding(
                    note.path,
                    card.line,
                    f"two cards in this note have the same {what} (first at line {seen[card.key].line})",
                    "remove one, or give them different ids",
                    "duplicate-card",
                )
            )
        seen[card.key] = card
    return cards, findings


def draft_cards(note: Note) -> list[Card]:
    """The cards of a note's ``Status: draft`` blocks, as they would ship once approved (for previews only)."""
    drafts = [b for b in note.card_blocks if (b.get("Status") or "").strip().lower() == "draft"]
    return [card for block in drafts if (card := _card_from_block(note, block, [])) is not None]


def _ships(note: Note, block: CardBlock, findings: list[Finding]) -> bool:
    """Whether a block is a card to ship: no ``Status:`` or ``Status: approved``."""
    status = block.get("Status")
    if status is None:
        return True
    if status.strip().lower() not in CARD_STATUSES:
        findings.append(
            Finding(
                note.path,
                block.line_of("Status"),
                f"Status: {status!r} is not draft, approved or rejected",
                "write 'Status: approved' to ship the card or 'Status: rejected' to drop it",
                "card-syntax",
            )
        )
        return False
    return status.strip().lower() == "approved"


def _card_from_block(note: Note, block: CardBlock, findings: list[Finding]) -> Card | None:
    path = note.path
    question, answer, cloze = block.get("Q"), block.get("A"), block.get("C")
    before = len(findings)
    if cloze is not None and (question is not None or answer is not None):
        findings.append(
            Finding(
                path,
                block.line,
                "a card has both 'C:' (cloze) and 'Q:'/'A:'",
                "use 'C:' for a cloze card or 'Q:' + 'A:' for a question, not both; if these are two cards, "
                "put a blank line between them",
                "card-syntax",
            )
        )
    elif cloze is None and question is None:
        findings.append(
            Finding(path, block.line, "card has no 'Q:' line", "start the card with 'Q: your question'", "card-syntax")
        )
    elif cloze is None and answer is not None and not answer.strip():
        # 'A:' with nothing after it (a PM lead's try was told to add the 'A:' line that was there)
        findings.append(
            Finding(path, block.line_of("A"), "card has an empty answer", "write the answer after 'A:'", "card-syntax")
        )
    elif cloze is None and not answer:
        # 'Answer: …' or 'a: …' below the question reads as more of the question; so does an indented 'A:'
        spelled = next(
            (
                (offset, m.group(1))
                for offset, m in enumerate(map(_KEY_WORD_RE.match, (question or "").split("\n")[1:]), 1)
                if m and FIELD_SPELLINGS.get(m.group(1).lower()) == "A"
            ),
            None,
        )
        emphasised = next(
            (
                (offset, m.group(0).strip())
                for offset, m in enumerate(map(EMPHASISED_FIELD_RE.match, (question or "").split("\n")[1:]), 1)
                if m and FIELD_SPELLINGS.get(m.group(2).lower()) == "A"
            ),
            None,
        )
        line, message = block.line_of("Q"), "card has a question but no answer"
        if emphasised is not None:  # '**A:** …' as Notion and Obsidian users type it
            line, message = (
                line + emphasised[0],
                f"'{emphasised[1]}' is emphasised, so it is read as more of the question",
            )
            fix = "write 'A:' with no emphasis marks around it"
        elif spelled is None:
            fix = "add an 'A: …' line right below the question"
        elif spelled[1] == "A":  # the answer's line, indented (a PM lead was told "write 'A:' instead of 'A:'")
            line, message = line + spelled[0], "the 'A:' line is indented, so it is read as more of the question"
            fix = "start the line with 'A:' (no spaces before it)"
        else:
            fix = f"write 'A:' instead of '{spelled[1]}:'"
        findings.append(Finding(path, line, message, fix, "card-syntax"))
    elif cloze is None and not question:
        findings.append(
            Finding(
                path, block.line_of("Q"), "card has an empty question", "write the question after 'Q:'", "card-syntax"
            )
        )
    elif cloze is not None and not any(hidden for _, hidden in cloze_parts(cloze)):
        near = _NEAR_CLOZE_RE.search(cloze)
        written, fixed = (near.group().strip(), _near_cloze_fix(near)) if near else ("", "")
        findings.append(
            Finding(
                path,
                block.line_of("C"),
                f"cloze card has no deletion: '{written}' is not one" if fixed else "cloze card has no deletion",
                f"write {fixed} (two braces, a lower-case c and its number, two colons)"
                if fixed
                else "mark the hidden part like {{c1::hidden words}}",
                "card-syntax",
            )
        )
    explicit = block.get("id")
    if explicit is not None and not CARD_ID_RE.match(explicit):
        findings.append(
            Finding(
                path,
                block.line_of("id"),
                f"card id {explicit!r} is not valid",
                "use lowercase letters, digits, '-', '_' or '.'",
                "bad-id",
            )
        )
    reverse_text = (block.get("Reverse") or "").strip().lower()
    if reverse_text not in _TRUE | _FALSE:
        findings.append(
            Finding(
                path,
                block.line_of("Reverse"),
                f"Reverse: {reverse_text!r} is not yes or no",
                "write 'Reverse: yes' to also ask the answer -> question",
                "card-syntax",
            )
        )
    if cloze is not None and reverse_text in _TRUE:
        findings.append(
            Finding(
                path,
                block.line_of("Reverse"),
                "a cloze card cannot be reversed",
                "remove the 'Reverse:' line",
                "card-syntax",
            )
        )
    if len(findings) > before:
        return None
    front = cloze if cloze is not None else question
    assert front is not None
    ignore = tuple(r.strip() for r in re.split(r"[,\s]+", block.get("Ignore") or "") if r.strip())
    return Card(
        note_id=note.id,
        key=explicit or provisional_key(front),
        kind="cloze" if cloze is not None else "basic",
        front=front,
        back=answer or "",
        extra=block.get("Extra") or "",
        reverse=reverse_text in _TRUE,
        origin="authored",
        path=path,
        line=block.line,
        tags=note.tags,
        ignore=ignore,
        explicit_id=explicit is not None,
    )


# a deletion written almost right: '{{c1:x}}', '{c1::x}}', '{{c1::x}', '{{C1::x}}', '{{cl::x}}', '{{c 1::x}}', '{{c1::}}'
_NEAR_CLOZE_RE = re.compile(r"\{\{?\s*[cC]\s*([0-9lI]*)\s*:{1,3}([^{}]*?)(?:\}\}?|$)", re.M)


def _near_cloze_fix(near: re.Match[str]) -> str:
    """The deletion ``near`` was meant to be: '{{c1:empathy}' -> '{{c1::empathy}}'; '' when nothing is hidden."""
    number = near.group(1).replace("l", "1").replace("I", "1") or "1"
    hidden = near.group(2).strip()
    return "{{c" + str(int(number) or 1) + "::" + hidden + "}}" if hidden else ""


def context_phrase(note: Note) -> str:
    """ "In Norton's 'Empathy and Product Management'": the cue a question needs months later."""
    if note.surname:
        return f"In {possessive(note.surname)} '{note.title}'"
    return f"In '{note.title}'"


def author_card(note: Note) -> Iterable[Card]:
    """Metadata: who wrote the essay (only when the note names an author)."""
    if note.author:
        yield Card(
            note_id=note.id,
            key="g.author",
            kind="basic",
            front=f"Who wrote the essay '{note.title}'?",
            back=note.author,
            origin="generated:author",
            path=note.path,
            line=note.meta_lines.get("author", 2),
            tags=note.tags,
        )


@functools.cache
def _generators(spacy: bool) -> dict[str, Generator]:
    # Imported on first use: a card edit curated from the memo (see note_cards) runs no rule.
    from deckgen.cards.rules import PARSE_RULES, RULES

    # Rule order is priority: when two rules would ask about the same sentence, the earlier wins.
    # 'author' and 'thesis' are opt-in (deckgen.cards.rules.OPT_IN_RULES): trivia by the rubric.
    # `[generate] parser = "spacy"` (the deckgen[nlp] extra): the same rule names, read from a parse.
    return {**(PARSE_RULES if spacy else RULES), "author": author_card}


def __getattr__(name: str) -> dict[str, Generator]:
    """``GENERATORS`` (the default rules) and ``PARSE_GENERATORS`` (``parser = "spacy"``), made on first use."""
    if name in ("GENERATORS", "PARSE_GENERATORS"):
        return _generators(name == "PARSE_GENERATORS")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def generators_for(settings: Mapping[str, Any] | None) -> dict[str, Generator]:
    """The generators the project's ``[generate] parser`` selects (never chosen by what is installed)."""
    return _generators(parser_of(settings) == "spacy")


def prose_digest(note: Note) -> str:
    """A hash of everything :func:`deckgen.cards.curation.candidates` reads from a note: all of it but its card blocks."""
    return hashlib.sha256(repr(replace(note, card_blocks=())).encode()).hexdigest()


CANDIDATES = "candidates"  # the memo's entries of each note's candidates: "candidates:<note path>"


def note_cards(
    note: Note,
    generators: dict[str, Generator] | None = None,
    settings: Mapping[str, Any] | None = None,
    memo: NoteCache | None = None,
) -> list[Card]:
    """All cards of one note: authored first, then the generated ones that ship (see deckgen.cards.curation).

    ``settings`` is the project's ``[generate]`` table; the note's ``generate:`` front
    matter switches rules off, rejects or accepts generated cards by key. ``memo`` (a
    cache salted with deckgen's code and the settings): the generator's candidates are
    reused while the note's prose and front matter are unchanged, so a card edit runs no rule.
    """
    cards, findings = authored_cards(note)
    if findings:
        raise ContentError(findings)
    if memo is None or generators is not None or parser_of(settings) == "spacy":
        verdicts = review(note, cards, generators_for(settings) if generators is None else generators, settings)
    else:
        verdicts = _remembered_review(note, cards, settings, memo)
    return cards + [v.card for v in verdicts if v.ships]


def _remembered_review(
    note: Note, authored: list[Card], settings: Mapping[str, Any] | None, memo: NoteCache
) -> list[Verdict]:
    """:func:`deckgen.cards.curation.review` with the candidates (and the cap's choices) kept in ``memo``."""
    key, digest = f"{CANDIDATES}:{note.path}", prose_digest(note)
    record = memo.get(key, digest, _valid_candidates, CandidatesRecord, typed_only=True)
    stored = None if record is None else from_candidates_record(record)
    selections: dict[str, list[str]] = {}
    if stored is None:
        found = candidates(note, generators_for(settings), settings)  # a ContentError keeps nothing
    else:
        found, selections = stored
    verdicts = curate(found, authored, selections)
    updated = candidates_record(found, selections)
    if updated != record:
        memo.put(key, digest, updated, CandidatesRecord)
    return verdicts


def _valid_candidates(value: Any) -> bool:
    """A memoised :data:`deckgen.cards.curation.CandidatesRecord` (its items were type-checked while decoding)."""
    return isinstance(value, tuple) and len(value) == 3


def unshipped_reasons(note: Note, settings: Mapping[str, Any] | None = None) -> dict[str, tuple[tuple[str, str], str]]:
    """Why each generated card of ``note`` that does not ship does not (curation's verdict), by key, with what the card
    asks (:func:`deckgen.core.text.match_sides`); a key not here is not generated from the note as it is now. For
    the cards a build retires: a card shipped under an earlier key (its sentence reworded) is found by what it asks."""
    from deckgen.core.text import match_sides

    authored, _ = authored_cards(note)
    try:
        verdicts = review(note, authored, generators_for(settings), settings, check_keys=False)
    except ContentError:
        return {}
    return {
        v.card.key: (match_sides(v.card.front, v.card.back), f"{v.status}: {v.reason}" if v.reason else v.status)
        for v in verdicts
        if not v.ships
    }


def collect_cards(
    notes: Iterable[Note], settings: Mapping[str, Any] | None = None, memo: NoteCache | None = None
) -> tuple[dict[str, list[Card]], list[Finding]]:
    """Cards for every note whose cards are valid, and the problems of the others (``memo``: see :func:`note_cards`)."""
    result: dict[str, list[Card]] = {}
    findings: list[Finding] = []
    spacy = parser_of(settings) == "spacy"
    if spacy:
        from deckgen.cards.rules import parse
    for chunk in parse.batches(notes) if spacy else [notes]:
        if spacy:
            parse.prepare(chunk)  # one nlp.pipe batch over the chunk's sentences
        for note in chunk:
            try:
                result[note.id] = note_cards(note, settings=settings, memo=memo)
            except ContentError as exc:
                findings.extend(exc.findings)
        if spacy:
            parse.forget()  # the parses are done with: memory stays flat on any library size
    return result, list(dict.fromkeys(findings))  # a bad [generate] setting is found once per note; report it once
