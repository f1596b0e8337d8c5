"""Card-quality rules L1–L15 and L17 (docs/lint-rules.md; Wozniak, Matuschak), one card at a time.

Checks return :class:`Issue` values with the rule's default severity; lint.py applies
``[lint.rules]`` overrides and per-card ``Ignore:`` lines. L16 needs the whole library
and lives in neardup.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from deckgen.core.errors import Severity
from deckgen.core.model import Card, Note
from deckgen.core.text import has_bounded
from deckgen.quality.settings import LintSettings

Side = Literal["front", "back", "extra"]

STOPWORDS = frozenset(
    """a an the of to in on at by for from with about as into than then and or but nor not no so if
    is are was were be been being am do does did done has have had having can could should would will
    shall may might must it its it's this that these those he she they them his her their him we you
    i me my our your what which who whom whose when where why how there here one ones own per
    according also just only very more most much many any some such own same other each every""".split()
)
_AUXILIARIES = frozenset(
    """is are was were am do does did can could should would will shall may might must has have had
    isn't aren't wasn't weren't don't doesn't didn't can't couldn't shouldn't wouldn't won't hasn't haven't""".split()
)
_INSTRUCTIONS = (
    "name",
    "list",
    "give",
    "define",
    "state",
    "identify",
    "complete",
    "fill",
    "translate",
    "recall",
    "finish",
)
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
_CONTEXT_PREFIX_RE = re.compile(r"^(in|according to|per|for|from|within|as)\b[^,?]{0,120},\s*", re.I)
_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_CLOZE_OPEN_RE = re.compile(r"\{\{c(\d+)::")
_CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
# The leading lookahead changes no match (the punctuation must be there anyway) but lets the
# engine skip every other position before trying the seven lookbehinds: about 7x faster.
_SENTENCE_END_RE = re.compile(
    r"(?=[.!?])(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bDr)(?<!\bMr)(?<!\bMs)[.!?]+[\"')\]]*\s+(?=[A-Z0-9\"'(])"
)
_MARKUP_CHAR_RE = re.compile(r"[\[*_`~#>]")
_MARKUP_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`~]+|^\s*#+\s*|^\s*>\s*", re.M)
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


# Text-keyed memos are small (reuse is within one card or note, and memory stays flat);
# word-keyed ones are large (a library has a few thousand distinct words).
@lru_cache(maxsize=1024)  # pure; each check asks for the same side's plain text several times
def plain(text: str) -> str:
    """Markdown with markup removed: what a learner reads."""
    if not _MARKUP_CHAR_RE.search(text):  # every markup alternative needs one of these characters
        return text
    return _MARKUP_RE.sub(r"\1", text)  # an unmatched group is replaced by "": only links keep text


def words(text: str) -> list[str]:
    """The words of ``text`` (Markdown markup ignored)."""
    return list(_words(text))


@lru_cache(maxsize=1024)  # pure; each check counts the words of the same side several times
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(plain(text)))


@lru_cache(maxsize=1 << 16)  # a library has a few thousand distinct words and calls this ~30x per card
def stem(word: str) -> str:
    """A crude English stem, enough to match 'teams'/'team' and 'crowded'/'crowd'."""
    word = word.lower().replace("’", "'").removesuffix("'s").strip("'-")
    for suffix in ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@lru_cache(maxsize=1024)  # pure; the note's title and author are masked on every one of its cards
def content_stems(text: str) -> frozenset[str]:
    """Stems of the words that carry meaning (stopwords dropped)."""
    return frozenset(filter(None, map(_content_stem, _words(text))))


@lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str:
    """The stem of a word that carries meaning, or "" for a stopword or a one-letter word."""
    return stem(word) if word.lower() not in STOPWORDS and len(word) > 1 else ""


def strip_context(question: str) -> str:
    """``In Norton's 'X', what …`` -> ``what …``: the part a learner must parse."""
    return _CONTEXT_PREFIX_RE.sub("", question.strip(), count=1)


def cloze_parts(text: str) -> list[tuple[int, str]]:
    """``(number, hidden text)`` for each well-formed ``{{cN::…}}`` deletion."""
    return [(int(m.group(1)), m.group(2)) for m in _CLOZE_RE.finditer(text)]


def cloze_structure_error(text: str) -> str:
    """Why the cloze markup is nested, overlapping or unclosed, or "" when it is sound."""
    depth = 0
    index = 0
    while True:
        # Only an opening '{{cN::' or (inside a deletion) a closing '}}' changes anything: jump to the next.
        opening = text.find("{{c", index)
        closing = text.find("}}", index) if depth else -1
        if closing >= 0 and (opening < 0 or closing < opening):
            depth -= 1
            index = closing + 2
            continue
        if opening < 0:
            break
        match = _CLOZE_OPEN_RE.match(text, opening)
        if match is None:
            index = opening + 1
            continue
        depth += 1
        if depth > 1:
            return "a cloze is nested inside another"
        index = match.end()
    return "a cloze is never closed with '}}'" if depth else ""


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
    first = (core.split() or [""])[0].lower().strip("'\"(")
    end = plain(question).rstrip().rstrip("*_`)\"'")
    if not (
        end.endswith(("?", "…", "...")) or first in _INSTRUCTIONS or plain(question).split()[0].lower() in _INSTRUCTIONS
    ):
        yield Issue(
            "L3",
            "error",
            "the prompt is not a question",
            "end it with '?', write a completion ending in '…', or start with Name/List/Define…",
        )
    if first in _AUXILIARIES:
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
    masked = content_stems(question) - content_stems(" ".join((note.title, note.author)))
    answer_stems = content_stems(answer)
    if answer_stems:
        share = len(answer_stems & masked) / len(answer_stems)
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


def _other_deletions(number: int, match: re.Match[str]) -> str:
    """A cloze replacement that hides deletion ``number`` and shows the others' text."""
    return "" if int(match.group(1)) == number else match.group(2)


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
        visible = _CLOZE_RE.sub(functools.partial(_other_deletions, number), text) + " " + note.title
        for hidden in hidden_list:
            needle = " ".join(words(hidden)).lower()
            if needle and has_bounded(" ".join(words(visible)).lower(), needle):
                yield Issue(
                    "L7",
                    "error",
                    f"'{plain(hidden).strip()}' is hidden by c{number} but also shown on the card",
                    "reword so the hidden words appear only inside the deletion",
                )
    shown = _CLOZE_RE.sub("…", text)
    yield from _length_issue("L2", len(words(shown)), s.question_words_warn, None, "cloze text", "front")
    yield from _context_issues(plain(shown))
