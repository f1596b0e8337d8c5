"""Text helpers for the generation rules: sentences with their place in the note, short answers, checks.

Everything here is plain string work, deterministic and offline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from deckgen.core.cardrules import LintSettings, Strictness, check_card, note_text, unfaithful
from deckgen.core.model import Card, Note, Section, possessive
from deckgen.core.text import (
    STOPWORDS,
    plural_word,
)
from deckgen.core.text import (
    content_words as content_words,  # re-exported for the rules
)
from deckgen.core.text import (
    plain as plain,
)
from deckgen.core.text import (
    split_sentences as split_sentences,
)
from deckgen.core.text import (
    words as words,
)

AUXILIARIES = (
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "can",
    "could",
    "should",
    "would",
    "will",
    "has",
    "have",
    "had",
    "may",
    "might",
    "must",
    "shall",
)
PRONOUNS = frozenset("it this that these those he she they we you i its their his her them there".split())
# Verbs that may follow a claim's subject ("startups take off", "innovation fails"); with the
# auxiliaries they split "argues that <subject> <predicate>" without a parser.
CLAIM_VERBS = frozenset(
    """take takes fail fails go goes matter matters come comes need needs pull pulls divide divides make makes
    measure measures tackle tackles define defines start starts lead leads depend depends win wins lose loses
    beat beats create creates drive drives require requires rest rests begin begins""".split()
)
MAX_ANSWER_WORDS = 20
HARD_ANSWER_WORDS = 25
MAX_CLOZE_WORDS = 40
MAX_QUESTION_WORDS = 25  # lint L2's default: a generated card never ships with a lint warning of its length
_FILLERS = re.compile(r"\b(?:fully|actually|really|very|simply|just|quite|merely)\s+", re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$")
# Compiled once: the rules run these on every sentence of every note, and re's own cache
# lookup cost more than the matching itself on a large library.
_SLUG_TOKEN_RE = re.compile(r"[a-z0-9]+")
_QUOTE_RE = re.compile(r"^\s*>\s?")
_BOLD_LABEL_RE = re.compile(r"\*\*[^*]+\*\*:?")
_CLAUSE_SPLIT_RE = re.compile(r"\s+[—–]\s+|\s+--\s+|;\s+|:\s+")
_AND_THAT_RE = re.compile(r",\s+and that\s+|\s+and that\s+")
_CUT_RE = re.compile(r",\s+|\s+(?:and|while|because|which|so that)\s+")
_RELATIVE_RE = re.compile(r"\s+(?:that|which|who)\s+")
_HEAD_PREPOSITION_RE = re.compile(r"\s+(?:in|of|for|on|at|with|from|about)\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) of a note, with where it is and what surrounds it."""

    text: str  # Markdown, as written
    heading: str  # the section heading, "" for the blurb
    line: int
    index: int  # position in the note, for a stable order
    item: int = 0  # list item number (1-based) when the sentence is a list item, else 0
    numbered: bool = False
    lead: str = ""  # for list items: the sentence that introduced the list
    previous: str = ""  # the sentence before, in the same paragraph
    lead_context: str = ""  # for list items: the sentence before the lead (what "its" refers to)

    @property
    def plain(self) -> str:
        """The text without Markdown emphasis, links or quote markers."""
        return plain(self.text)

    @property
    def in_blurb(self) -> bool:
        """Whether the sentence comes from the blurb rather than a section."""
        return not self.heading


def slug(text: str, limit: int = 3) -> str:
    """An anchor for a card key from the first content words of ``text``: 'empathy-craft'."""
    ascii_text = unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode().lower()
    tokens = _SLUG_TOKEN_RE.findall(ascii_text)
    picked = [w for w in tokens if w not in STOPWORDS][:limit] or tokens[:limit]
    return "-".join(picked)[:28].strip("-") or "x"


def sentences(note: Note) -> Iterator[Sentence]:
    """Every sentence and list item of the note's sections, then of its blurb."""
    # Every rule reads every sentence: split each note once (Sentence is frozen, so sharing is safe).
    return iter(_sentences(note.sections, note.blurb, note.meta_lines.get("title", 1)))


@lru_cache(maxsize=64)  # rules run note by note, so the last few notes are all that is reused
def _sentences(sections: tuple[Section, ...], blurb: str, title_line: int) -> tuple[Sentence, ...]:
    return tuple(_split_note(sections, blurb, title_line))


def may_read(note: Note, *words: str) -> bool:
    """False only when none of ``words`` (letters only) can be in any sentence of the note, or part
    of one, once Markdown is removed: a rule skips the whole note with one substring test.
    """
    bare = _bare_text(note.sections, note.blurb, note.meta_lines.get("title", 1))
    return bare is None or any(word in bare for word in words)


def has_marks(note: Note) -> bool:
    """Whether any sentence of the note, as written, has an emphasis mark (``*`` or ``_``)."""
    raw = _raw_text(note.sections, note.blurb, note.meta_lines.get("title", 1))
    return "*" in raw or "_" in raw


@lru_cache(maxsize=64)
def _raw_text(sections: tuple[Section, ...], blurb: str, title_line: int) -> str:
    return "\n".join(s.text for s in _sentences(sections, blurb, title_line))


@lru_cache(maxsize=64)
def _bare_text(sections: tuple[Section, ...], blurb: str, title_line: int) -> str | None:
    """The note's sentences without emphasis marks; None when a link or image makes that unsafe.

    Without '](' plain() only deletes '*', '_' and '`' and narrows runs of spaces, so a word
    in plain() of any sentence or clause is in this text too. A link's target is deleted
    whole, which could join letters around it, hence None.
    """
    raw = _raw_text(sections, blurb, title_line)
    if "](" in raw:
        return None
    return raw.replace("*", "").replace("_", "").replace("`", "")


def _split_note(sections: tuple[Section, ...], blurb: str, title_line: int) -> Iterator[Sentence]:
    index = 0
    parts = [(s.heading, s.text, s.line + 1) for s in sections] + [("", blurb, 0)]
    for heading, text, first_line in parts:
        lead = lead_context = ""
        previous = ""
        for kind, number, numbered, line_no, block in _blocks(text, first_line or title_line):
            if kind == "item":
                index += 1
                yield Sentence(block, heading, line_no, index, number, numbered, lead, previous, lead_context)
                continue
            previous = before = ""
            for sentence in split_sentences(block):
                index += 1
                yield Sentence(sentence, heading, line_no, index, previous=previous)
                before, previous = previous, sentence
            lead, lead_context = (previous, before) if previous.rstrip().endswith(":") else ("", "")


def _blocks(text: str, first_line: int) -> Iterator[tuple[str, int, bool, int, str]]:
    """(kind, item number, numbered, line, text) for each paragraph or list item; wrapped lines joined."""
    current: list[str] = []
    kind, number, numbered, start = "para", 0, False, first_line
    count = 0

    def flush() -> Iterator[tuple[str, int, bool, int, str]]:
        if current:
            yield kind, number, numbered, start, " ".join(current)
        current.clear()

    for offset, raw in enumerate(text.split("\n")):
        line = (_QUOTE_RE.sub("", raw) if ">" in raw else raw).strip()
        if not line or line.startswith(("#", "![", "|")) or line.startswith("**") and _BOLD_LABEL_RE.fullmatch(line):
            yield from flush()
            if not line:
                count = 0 if kind == "para" else count
            continue
        match = _LIST_ITEM_RE.match(line)
        if match:
            yield from flush()
            count += 1
            kind, number, numbered, start = "item", count, bool(match.group(1)), first_line + offset
            current.append(match.group(2).strip())
        elif kind == "item" and current and raw.startswith((" ", "\t")):
            current.append(line)  # an indented continuation of a list item
        else:
            if kind == "item" or not current:
                yield from flush()
                kind, number, numbered, start = "para", 0, False, first_line + offset
                count = 0
            current.append(line)
    yield from flush()


def strong_clauses(text: str) -> list[str]:
    """A sentence split at strong breaks (dash, semicolon, colon)."""
    return list(_clauses(text))


@lru_cache(maxsize=256)  # several rules split the same sentence
def _clauses(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in _CLAUSE_SPLIT_RE.split(text) if c.strip())


def short_answer(text: str, max_words: int = MAX_ANSWER_WORDS) -> str | None:
    """A short answer from a clause, or None when no honest cut is short enough (never a paragraph)."""
    text = _FILLERS.sub("", text.strip())
    text = _AND_THAT_RE.split(text)[0]
    text = text.strip().rstrip(".,;:").strip()
    head = strong_clauses(text)[0] if strong_clauses(text) else text
    if len(words(head)) >= 3:
        text = head
    if len(words(text)) > max_words:
        # cut at the first clause boundary that leaves a full thought (8+ words); a later
        # comma may sit inside a list ('dashboards, frameworks and process')
        cuts = [text[: m.start()] for m in _CUT_RE.finditer(text)]
        fitting = [c for c in cuts if 4 <= len(words(c)) <= max_words]
        best = next((c for c in fitting if len(words(c)) >= 8), fitting[-1] if fitting else None)
        if best is None:
            return None
        text = best
    text = text.strip().rstrip(".,;:").strip()
    if not words(text):
        return None
    return text[0].upper() + text[1:]


def trim_relative(text: str) -> str:
    """'a craft of product management that he argues …' -> 'a craft of product management'."""
    match = _RELATIVE_RE.search(text)
    if match and len(words(text[: match.start()])) >= 2:
        return text[: match.start()]
    return text


def is_plural(subject: str) -> bool:
    """Whether a noun phrase's head is plural: 'startups', 'product teams' (not 'empathy in teams')."""
    head = _HEAD_PREPOSITION_RE.split(subject.strip())[0].split()[-1].lower()
    return head in {"people", "teams", "users", "customers", "companies", "startups"} or plural_word(head)


def short_title(note: Note) -> str:
    """The title, or its main title when it is long: the part before ':' ('Opportunity Solution Trees'), or up to
    a question mark or dash that a subtitle follows ('Why Is It So Hard to Do My Work?')."""
    title = note.title
    if len(words(title)) > 7:
        main = re.match(r"^(?P<t>.{8,}?)(?::\s|(?<=\?)\s+(?=[A-Z])|\s+[—–]\s+)", title)
        if main:
            title = main.group("t").strip()
    # "'Most Advanced, Yet Acceptable'": a title quoted whole sits inside the card's own quotes without its own
    # (batch95: "Hekkert's ''Most Advanced, Yet Acceptable''")
    quoted = re.fullmatch(r"['‘](?P<t>[^'‘’]+)['’]", title)
    return quoted.group("t") if quoted else title


def surname_possessive(note: Note) -> str:
    """``Norton's`` / ``Jobs'``."""
    return possessive(note.surname)


# The generator's gate: the lint rules themselves (deckgen.core.cardrules), at stricter settings.
# An answer is never over HARD_ANSWER_WORDS (lint warns at 15, errs at 25), a question never
# over MAX_QUESTION_WORDS (lint warns), half of the answer in the question is a leak (lint:
# more than half; answers are at most 25 words, so no share lies between 0.49 and 0.5), a
# cloze hides exactly one thing (L11/L12) and is at most MAX_CLOZE_WORDS long, and the
# Strictness readings of L3, L4 and L7 apply.
GATE_SETTINGS = LintSettings(
    answer_words_warn=HARD_ANSWER_WORDS,
    answer_words_error=HARD_ANSWER_WORDS,
    question_words_warn=MAX_QUESTION_WORDS,
    answer_leak=0.49,
    clozes_per_card_warn=1,
    strict=Strictness(
        questions_only=True,
        auxiliary_start=True,
        hidden_anywhere=True,
        cloze_words_error=MAX_CLOZE_WORDS,
        pointing_back=True,
        pronoun_needs_noun=True,
    ),
)
# The rules a generated card must pass, at any severity; the others (L5 binary choice, L8
# lists, L9 compound, L10 sentences, L15 vague) are the generator's own business. L14 (a
# pronoun with nothing to refer to) and L18 (broken grammar, a cut answer) are warnings for
# a writer who can look again, but a generated card with either is broken text.
GATE_RULES = frozenset({"L1", "L2", "L3", "L4", "L6", "L7", "L11", "L12", "L13", "L14", "L17", "L18"})


def hard_problems(card: Card, note: Note) -> list[str]:
    """The card-quality rules a generated card must pass: lint's own rules at GATE_SETTINGS ("L2: …" each).

    A generated question/answer card also stays true to its source sentence (its ``extra``):
    cardrules.unfaithful, the one check of polarity, correlative halves and the contrast form.
    """
    problems = [
        f"{issue.rule}: {issue.message}" for issue in check_card(card, note, GATE_SETTINGS) if issue.rule in GATE_RULES
    ]
    if card.kind == "basic" and card.origin.startswith("generated") and not problems:
        problems += [f"L18: {problem}" for problem in unfaithful(card.front, card.back, card.extra, note_text(note))]
    return problems
