"""Card-quality rules L1–L15 and L17 (docs/lint-rules.md; Wozniak, Matuschak), one card at a time.

The one implementation of each rule: lint (deckgen.linter) applies them with the project's
``[lint]`` settings and reports; the generator's gate (deckgen.cards.rules.text.hard_problems)
applies the same rules with stricter settings (:data:`GATE_SETTINGS`-style records built
there) and drops a card with any issue. Checks return :class:`Issue` values with the rule's
default severity; the linter applies ``[lint.rules]`` overrides and per-card ``Ignore:``
lines. L16 needs the whole library and lives in deckgen.quality.neardup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from deckgen.core.errors import Severity
from deckgen.core.model import Card, Note
from deckgen.core.text import (
    AUXILIARIES,
    CLOZE_RE,
    answer_leak,
    cloze_parts,
    cloze_shown,
    cloze_structure_error,
    has_isolated,
    hidden_also_shown,
    plain,
    prompt_shape_ok,
    strip_context,
    words,
    yes_no_start,
)

Level = Literal["error", "warning", "off"]


@dataclass(frozen=True)
class Strictness:
    """Stricter readings of rules, for cards nobody wrote (the generator's gate); lint leaves them off."""

    questions_only: bool = False  # L3: only a prompt ending in '?' (no completion, no Name/List instruction)
    auxiliary_start: bool = False  # L4: also a prompt whose very first word is an auxiliary, context or not
    hidden_anywhere: bool = False  # L7: the hidden words may not appear as a word anywhere in the shown text
    cloze_words_error: int | None = None  # L2: a cloze over this many words (its whole text) is an error


@dataclass(frozen=True)
class LintSettings:
    """Thresholds of the card-quality rules and per-rule severity overrides."""

    answer_words_warn: int = 15
    answer_words_error: int = 25
    question_words_warn: int = 25
    answer_leak: float = 0.5
    list_items_warn: int = 3
    list_items_error: int = 5
    clozes_per_card_warn: int = 3
    near_duplicate: float = 0.8
    media_max_bytes: int = 2_000_000
    levels: Mapping[str, Level] = field(default_factory=dict)
    strict: Strictness = Strictness()

    def level(self, rule: str, default: Level) -> Level:
        """The severity configured for ``rule``, or ``default``."""
        return self.levels.get(rule, default)


Side = Literal["front", "back", "extra"]

_VAGUE_RE = re.compile(
    r"^(explain|discuss|describe|elaborate|talk about|tell me about|what about|thoughts on|what do you think)\b", re.I
)
# A prompt that opens with a pronoun, or asks "what does he/this …" with nobody named before it.
# "it"/"that" after a question word are usually expletive ("why is it a mistake to …"), so not flagged.
_PRONOUN_RE = re.compile(
    r"^((what|why|how|who|when|where|which)\s+(does|did|do|is|was|were|are|can|could|should|would|will)\s+"
    r"(?=(he|she|they|this|these|those|his|her|their)\b))?"
    r"(he|she|it|they|this|that|these|those|his|her|its|their|the (author|essay|article|book|piece|writer))\b",
    re.I,
)
_BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
# The leading lookahead changes no match (the punctuation must be there anyway) but lets the
# engine skip every other position before trying the seven lookbehinds: about 7x faster.
_SENTENCE_END_RE = re.compile(
    r"(?=[.!?])(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bDr)(?<!\bMr)(?<!\bMs)[.!?]+[\"')\]]*\s+(?=[A-Z0-9\"'(])"
)
_SEPARATOR_RE = re.compile(r"[,;](?=\s)")
_BINARY_CHOICE_RE = re.compile(r"\b\w[\w'-]*\s+or\s+\w", re.I)
_COMPOUND_RE = re.compile(r"\balso\b|\band\s+(what|why|how|who|when|where|which)\b", re.I)


@dataclass(frozen=True)
class Issue:
    """One quality problem of one card, before overrides and ignores."""

    rule: str
    severity: Severity
    message: str
    fix: str
    side: Side = "front"


def list_items(answer: str) -> int:
    """How many items the answer enumerates: bullets, or ``,``/``;``-separated parts (0: not a list)."""
    bullets = len(_BULLET_RE.findall(answer))
    if bullets >= 2:
        return bullets
    separators = len(_SEPARATOR_RE.findall(plain(answer)))
    return separators + 1 if separators >= 2 else 0


def sentences(text: str) -> int:
    """Number of sentences in ``text`` (abbreviations such as e.g. and i.e. do not end one)."""
    flat = " ".join(plain(text).split())
    return len(_SENTENCE_END_RE.findall(flat)) + 1 if flat else 0


def check_card(card: Card, note: Note, settings: LintSettings) -> list[Issue]:
    """Every L1–L15/L17 issue of one card."""
    if card.kind == "cloze":
        return list(_cloze_issues(card, note, settings))
    return list(_basic_issues(card, note, settings))


def _length_issue(rule: str, count: int, warn: int, error: int | None, what: str, side: Side) -> Iterator[Issue]:
    if error is not None and count > error:
        yield Issue(
            rule,
            "error",
            f"{what} has {count} words (limit {error})",
            f"cut the {what} to the one fact to recall, or split the card",
            side,
        )
    elif count > warn:
        yield Issue(
            rule,
            "warning",
            f"{what} has {count} words (more than {warn})",
            f"shorten the {what}, or split the card",
            side,
        )


def _basic_issues(card: Card, note: Note, s: LintSettings) -> Iterator[Issue]:
    question, answer = card.front.strip(), card.back.strip()
    if not plain(question).strip() or not plain(answer).strip():
        yield Issue(
            "L17",
            "error",
            "a side of the card is empty",
            "write both a question and an answer",
            "front" if not plain(question).strip() else "back",
        )
        return
    q_words, a_words = words(question), words(answer)
    if len(q_words) == len(a_words) and [w.lower() for w in q_words] == [w.lower() for w in a_words]:
        yield Issue(
            "L17", "error", "the answer repeats the question", "write what the learner should recall in 'A:'", "back"
        )
    yield from _length_issue("L1", len(a_words), s.answer_words_warn, s.answer_words_error, "answer", "back")
    yield from _length_issue("L2", len(q_words), s.question_words_warn, None, "question", "front")
    core = strip_context(plain(question))
    end = plain(question).rstrip().rstrip("*_`)\"'")
    if not prompt_shape_ok(question) or (s.strict.questions_only and not end.endswith("?")):
        yield Issue(
            "L3",
            "error",
            "the prompt is not a question",
            "end it with '?', write a completion ending in '…', or start with Name/List/Define…",
        )
    first = yes_no_start(question)
    if not first and s.strict.auxiliary_start:
        opening = (plain(question).split() or [""])[0].lower()
        first = opening if opening in AUXILIARIES else ""
    if first:
        yield Issue(
            "L4", "error", f"yes/no question (starts with '{first}')", "ask for the content: 'What…', 'Why…', 'How…'"
        )
    elif plain(answer).strip().rstrip(".!").lower() in ("yes", "no", "true", "false"):
        yield Issue(
            "L4",
            "error",
            "the answer is just yes or no",
            "ask for the content, so the answer is a fact to recall",
            "back",
        )
    if end.endswith("?") and _BINARY_CHOICE_RE.search(core):
        yield Issue(
            "L5",
            "warning",
            "binary-choice question ('X or Y?')",
            "ask an open question whose answer is the right option",
        )
    share = answer_leak(question, answer, " ".join((note.title, note.author)))
    if share > s.answer_leak:
        yield Issue(
            "L6",
            "error",
            f"{share:.0%} of the answer's words are already in the question",
            "reword the question so it does not contain the answer",
            "front",
        )
    items = list_items(answer)
    if items > s.list_items_error:
        yield Issue(
            "L8",
            "error",
            f"the answer lists {items} items (limit {s.list_items_error})",
            "split the list into one card per item, or ask for one item",
            "back",
        )
    elif items >= s.list_items_warn:
        yield Issue(
            "L8",
            "warning",
            f"the answer lists {items} items",
            "consider one card per item, or ask for one item",
            "back",
        )
    title_masked = plain(question).replace(note.title, "") if note.title else plain(question)
    if title_masked.count("?") > 1 or ";" in title_masked or _COMPOUND_RE.search(title_masked):
        yield Issue("L9", "warning", "this looks like two questions in one", "split it into two cards")
    count = sentences(answer)
    if count > 1 and len(_BULLET_RE.findall(answer)) < 2:
        yield Issue(
            "L10", "warning", f"the answer has {count} sentences", "keep one idea: move background to 'Extra:'", "back"
        )
    # "In Cagan's typology, what does he …": the stripped prefix names who "he" is.
    yield from _context_issues(plain(question))


def _context_issues(text: str) -> Iterator[Issue]:
    if _PRONOUN_RE.match(text.strip()):
        word = _PRONOUN_RE.match(text.strip()).group(5)  # type: ignore[union-attr]
        yield Issue(
            "L14",
            "warning",
            f"the prompt refers to '{word}', which will mean nothing months from now",
            "name the author, the essay or the idea",
        )
    if _VAGUE_RE.match(strip_context(text)):
        yield Issue(
            "L15", "warning", "vague prompt (Explain/Discuss/Describe)", "ask a precise question with one answer"
        )


def _cloze_issues(card: Card, note: Note, s: LintSettings) -> Iterator[Issue]:
    text = card.front
    problem = cloze_structure_error(text)
    if problem:
        yield Issue(
            "L13", "error", problem, "write each deletion as {{c1::hidden words}}, side by side, never inside another"
        )
        return
    parts = cloze_parts(text)
    if not parts or not all(plain(hidden).strip() for _, hidden in parts):
        yield Issue("L17", "error", "a cloze deletion is empty", "put the words to hide inside {{c1::…}}")
        return
    numbers: dict[int, list[str]] = {}
    for number, hidden in parts:
        numbers.setdefault(number, []).append(hidden)
    for number, hidden_list in sorted(numbers.items()):
        if len(hidden_list) > 1:
            yield Issue(
                "L11",
                "error",
                f"c{number} hides {len(hidden_list)} parts on one card",
                f"number them c{number}, c{number + 1}, … so each card hides one thing",
            )
    if len(numbers) > s.clozes_per_card_warn:
        yield Issue(
            "L12",
            "warning",
            f"{len(numbers)} cloze numbers in one card",
            "split the sentence, or keep the few deletions that matter",
        )
    for number, hidden_list in sorted(numbers.items()):
        longest = max(len(words(h)) for h in hidden_list)
        yield from _length_issue(
            "L1", longest, s.answer_words_warn, s.answer_words_error, f"deletion c{number}", "front"
        )
        for hidden in hidden_list:
            if hidden_also_shown(text, number, hidden, note.title) or (
                s.strict.hidden_anywhere and has_isolated(plain(cloze_shown(text)).lower(), plain(hidden).lower())
            ):
                yield Issue(
                    "L7",
                    "error",
                    f"'{plain(hidden).strip()}' is hidden by c{number} but also shown on the card",
                    "reword so the hidden words appear only inside the deletion",
                )
    shown = CLOZE_RE.sub("…", text)
    if s.strict.cloze_words_error is not None and len(words(text)) > s.strict.cloze_words_error:
        limit = s.strict.cloze_words_error
        yield from _length_issue("L2", len(words(text)), limit, limit, "cloze", "front")
    yield from _length_issue("L2", len(words(shown)), s.question_words_warn, None, "cloze text", "front")
    yield from _context_issues(plain(shown))
