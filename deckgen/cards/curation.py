"""Which generated cards ship: rule switches, the curator's accept/reject by key, authored cards first.

Project settings (``[generate]`` in deckgen.toml) and the note's own ``generate:`` front
matter decide which rules run; a generated card then ships unless the curator rejected
it, an authored card replaces it (same key) or asks the same thing, or another rule
already made a card from the same sentence.

```yaml
generate:                      # in a note's front matter; or `generate: false`
  skip: [emphasis]             # rules not to run for this note ('only: [...]' keeps just those)
  reject: [g.rather.hiring-filter]
  accept: [g.contrast.empathy]  # reviewed; required when review = "accepted"
```
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from deckgen.cards.rules import WHOLE_NOTE_RULES
from deckgen.cards.rules.text import content_words, plain
from deckgen.core.errors import ContentError, Finding
from deckgen.core.model import Card, Note

Status = Literal["ships", "rejected", "replaced", "duplicate", "overlap", "unreviewed"]
ReviewMode = Literal["auto", "accepted"]
# Not 'off': YAML reads an unquoted off/on/yes/no key as a boolean.
_NOTE_KEYS = ("skip", "only", "reject", "accept", "review")
_PROJECT_KEYS = ("enabled", "skip", "only", "review")
_SAME_QUESTION = 0.85
_CLOZE_RE = re.compile(r"\{\{c\d+::(.+?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Policy:
    """The generation settings that apply to one note."""

    enabled: bool = True
    rules: tuple[str, ...] = ()
    reject: frozenset[str] = frozenset()
    accept: frozenset[str] = frozenset()
    review: ReviewMode = "auto"


@dataclass(frozen=True)
class Verdict:
    """A generated card and whether it ships, with the reason when it does not."""

    card: Card
    status: Status
    reason: str = ""

    @property
    def ships(self) -> bool:
        """Whether the card goes into decks."""
        return self.status == "ships"


def policy(note: Note, project: Mapping[str, Any], known: Iterable[str]) -> Policy:
    """Combine ``[generate]`` in deckgen.toml with the note's ``generate:``; bad values raise ContentError."""
    known = tuple(known)
    findings: list[Finding] = []
    enabled = project.get("enabled", True)
    if not isinstance(enabled, bool):
        findings.append(
            Finding("deckgen.toml", 0, "[generate] enabled must be true or false", "write enabled = true", "generate")
        )
        enabled = True
    rules = _rule_set(project, known, "deckgen.toml", 0, "[generate] ", findings)
    review = _review(project.get("review", "auto"), "deckgen.toml", 0, findings)
    for key in project:
        if key not in _PROJECT_KEYS:
            findings.append(
                Finding(
                    "deckgen.toml",
                    0,
                    f"[generate] has no setting '{key}'",
                    "use: " + ", ".join(_PROJECT_KEYS),
                    "generate",
                )
            )
    raw = note.meta.get("generate", True)
    line = note.meta_lines.get("generate", 2)
    reject: frozenset[str] = frozenset()
    accept: frozenset[str] = frozenset()
    if isinstance(raw, bool):
        enabled = enabled and raw
    elif isinstance(raw, dict):
        for key in raw:
            if key not in _NOTE_KEYS:
                hint = " (YAML reads off/on/yes/no as true/false)" if isinstance(key, bool) else ""
                findings.append(
                    Finding(
                        note.path,
                        line,
                        f"'generate' has no setting '{key}'{hint}",
                        "use: " + ", ".join(_NOTE_KEYS),
                        "generate",
                    )
                )
        rules = tuple(r for r in rules if r in _rule_set(raw, known, note.path, line, "generate: ", findings))
        reject = frozenset(_keys(raw.get("reject"), note.path, line, "reject", findings))
        accept = frozenset(_keys(raw.get("accept"), note.path, line, "accept", findings))
        if "review" in raw:
            review = _review(raw["review"], note.path, line, findings)
    else:
        findings.append(
            Finding(
                note.path,
                line,
                "'generate' must be true, false or a mapping",
                "write 'generate: false' or 'generate: {skip: [emphasis]}'",
                "generate",
            )
        )
    if findings:
        raise ContentError(findings)
    return Policy(enabled, rules, reject, accept, review)


def _rule_set(
    table: Mapping[str, Any], known: tuple[str, ...], path: str, line: int, where: str, findings: list[Finding]
) -> tuple[str, ...]:
    chosen = list(known)
    for key in ("only", "skip"):
        value = table.get(key)
        if value is None:
            continue
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            findings.append(
                Finding(
                    path, line, f"{where}{key} must be a list of rule names", f"write {key}: [{known[-1]}]", "generate"
                )
            )
            continue
        for name in names:
            if name not in known:
                findings.append(
                    Finding(
                        path, line, f"{where}{key}: no rule named '{name}'", "rules: " + ", ".join(known), "generate"
                    )
                )
        chosen = [r for r in chosen if (r in names) == (key == "only")]
    return tuple(chosen)


def _keys(value: Any, path: str, line: int, what: str, findings: list[Finding]) -> list[str]:
    if value is None:
        return []
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        findings.append(
            Finding(
                path,
                line,
                f"generate: {what} must be a list of card keys",
                f"write {what}: [g.contrast.empathy] (keys are shown by `deckgen cards`)",
                "generate",
            )
        )
        return []
    return names


def _review(value: Any, path: str, line: int, findings: list[Finding]) -> ReviewMode:
    if value in ("auto", "accepted"):
        return value  # type: ignore[no-any-return]
    findings.append(
        Finding(
            path,
            line,
            f"review must be 'auto' or 'accepted', not {value!r}",
            "'accepted' ships only generated cards listed under accept",
            "generate",
        )
    )
    return "auto"


def review(
    note: Note,
    authored: list[Card],
    generators: Mapping[str, Callable[[Note], Iterable[Card]]],
    project: Mapping[str, Any] | None = None,
) -> list[Verdict]:
    """Every card the enabled rules generate for ``note``, each with whether it ships and why."""
    rules = policy(note, project or {}, generators)
    if not rules.enabled:
        return []
    verdicts: list[Verdict] = []
    authored_keys = {c.key for c in authored}
    taken: set[str] = set()
    used_sentences: dict[str, list[Card]] = {}
    for rule in rules.rules:
        for card in generators[rule](note):
            verdicts.append(_judge(card, rule, authored, authored_keys, taken, used_sentences, rules))
            taken.add(card.key)
    return verdicts


def _judge(
    card: Card,
    rule: str,
    authored: list[Card],
    authored_keys: set[str],
    taken: set[str],
    used: dict[str, list[Card]],
    rules: Policy,
) -> Verdict:
    if card.key in authored_keys:
        return Verdict(card, "replaced", "an authored card with this id replaces it")
    if card.key in taken:
        return Verdict(card, "overlap", "another generated card has this key")
    if rule not in WHOLE_NOTE_RULES and card.extra:
        # A sentence may give several cards only when they ask different things: a later
        # card whose answer overlaps an earlier one's, or an emphasis cloze, is dropped.
        earlier = used.setdefault(card.extra, [])
        clash = next((c for c in earlier if rule == "emphasis" or _same_answer(c, card)), None)
        if clash is not None:
            return Verdict(card, "overlap", f"{clash.key} already asks about this sentence")
        earlier.append(card)
    same = _first_asking_same(authored, card)
    if same is not None:
        return Verdict(card, "duplicate", f"the authored card at line {same.line} asks the same")
    if card.key in rules.reject:
        return Verdict(card, "rejected", "rejected in the note's front matter")
    if rules.review == "accepted" and card.key not in rules.accept:
        return Verdict(card, "unreviewed", "review = accepted and the key is not under accept")
    return Verdict(card, "ships")


def asks_same(authored: Card, generated: Card) -> bool:
    """Whether an authored card already asks what a generated one asks (same question or same answer)."""
    return _first_asking_same([authored], generated) is not None


def _first_asking_same(authored: list[Card], generated: Card) -> Card | None:
    """The first authored card that asks what ``generated`` asks: the same question or answer words, or
    questions whose difflib ratio reaches _SAME_QUESTION.

    ratio() is 2*M/T with M the characters of difflib's matching blocks, which form a common
    subsequence, so 2*LCS/T (and the length bound 2*min/T) is an upper bound computed with the
    same formula: when it falls short, the slow exact ratio cannot reach the threshold either.
    """
    question = _question(generated)
    matcher: difflib.SequenceMatcher[str] | None = None
    for card in authored:
        other = _question(card)
        if other == question or _same_answer(card, generated, 0.75):
            return card
        total = len(other) + len(question)
        if total and 2.0 * min(len(other), len(question)) / total < _SAME_QUESTION:
            continue
        if total and 2.0 * _common_subsequence(question, other) / total < _SAME_QUESTION:
            continue
        if matcher is None:
            # One matcher per generated card: difflib indexes the second sequence once.
            matcher = difflib.SequenceMatcher(None, "", question, autojunk=False)
        matcher.set_seq1(other)
        if matcher.ratio() >= _SAME_QUESTION:
            return card
    return None


def _common_subsequence(one: str, other: str) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one pass over ``other``."""
    masks, full = _char_masks(one)
    row = full
    for char in other:
        match = row & masks.get(char, 0)
        row = ((row + match) | (row - match)) & full
    return len(one) - row.bit_count()


@lru_cache(maxsize=256)  # a generated question meets the few authored cards of its note
def _char_masks(text: str) -> tuple[dict[str, int], int]:
    """For each character, the bit set of its positions in ``text``; and the mask of all positions."""
    masks: dict[str, int] = {}
    for position, char in enumerate(text):
        masks[char] = masks.get(char, 0) | (1 << position)
    return masks, (1 << len(text)) - 1


def _same_answer(one: Card, other: Card, threshold: float = 0.5) -> bool:
    """Whether two cards' answers (a cloze's hidden text) mostly share their content words."""
    a, b = _answer_words(one), _answer_words(other)
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= threshold and shared >= min(2, len(a), len(b))


def _question(card: Card) -> str:
    return _question_text(card.kind, card.front)


def _answer_words(card: Card) -> frozenset[str]:
    return _answer_set(card.kind, card.front, card.back)


# Each authored card is compared with every generated card of its note: work out its words once.
# Reuse is within one note, so small caches keep memory flat on any library size.
@lru_cache(maxsize=1024)
def _question_text(kind: str, front: str) -> str:
    text = _CLOZE_RE.sub(" ", front) if kind == "cloze" else front
    return " ".join(content_words(text))


@lru_cache(maxsize=1024)
def _answer_set(kind: str, front: str, back: str) -> frozenset[str]:
    if kind == "cloze":
        hidden = _CLOZE_RE.findall(front)
        return frozenset(content_words(" ".join(hidden)))
    return frozenset(content_words(plain(back)))


@dataclass(frozen=True)
class Preview:
    """One note's cards as the curator reviews them: authored ones and every generated verdict."""

    note: Note
    authored: list[Card]
    verdicts: list[Verdict]


def preview(
    note: Note,
    authored: list[Card],
    generators: Mapping[str, Callable[[Note], Iterable[Card]]],
    project: Mapping[str, Any] | None = None,
) -> Preview:
    """What ``deckgen cards`` shows: nothing is built or written."""
    return Preview(note, authored, review(note, authored, generators, project))
