"""Which generated cards ship: rule switches, the curator's accept/reject by key, authored cards first.

Project settings (``[generate]`` in deckgen.toml) and the note's own ``generate:`` front
matter decide which rules run; a generated card then ships unless the curator rejected
it, an authored card replaces it (same key) or asks the same thing, or another rule
already made a card from the same sentence.

```yaml
generate:                      # in a note's front matter; or `generate: false`
  skip: [quantity]             # rules not to run for this note ('only: [...]' keeps just those)
  include: [author]            # opt-in rules (author, thesis: bibliographic trivia, off by default)
  cap: 6                       # at most this many generated cards (default 8, or [generate] cap)
  reject: [g.critique.risks-romanticizing]
  accept: [g.contrast.empathy]  # reviewed; required when review = "accepted"
```

Curation written for the sentence-pattern rules of deckgen before ideas still applies:
their rule names map to today's (``rather`` -> ``contrast``), and a key of theirs in
``reject``/``accept`` is mapped to the card of today that asks what that card asked
(see :func:`legacy_targets`), so a rejected card never comes back under a new key.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from deckgen.core.errors import ContentError, Finding
from deckgen.core.model import Card, Note
from deckgen.core.text import CLOZE_RE, content_words, plain, similarity
from deckgen.sources.notes import GENERATE_SETTINGS

# The rules (deckgen.cards.rules) are imported inside the functions that run them: judging
# stored candidates against edited authored cards (:func:`curate`) needs none of them, and
# their import (about 0.05 s, mostly regular expressions compiled at load) was a tenth of
# `deckgen lint` after a one-card edit at 2,000 notes.

Status = Literal["ships", "rejected", "replaced", "duplicate", "overlap", "unreviewed", "capped"]
ReviewMode = Literal["auto", "accepted"]
# Not 'off': YAML reads an unquoted off/on/yes/no key as a boolean.
_PROJECT_KEYS = ("enabled", "skip", "only", "include", "review", "cap", "parser")
_SAME_QUESTION = 0.85


@dataclass(frozen=True)
class Policy:
    """The generation settings that apply to one note."""

    enabled: bool
    rules: tuple[str, ...]
    reject: frozenset[str]
    accept: frozenset[str]
    review: ReviewMode
    cap: int


@dataclass(frozen=True)
class Verdict:
    """A generated card and whether it ships, with the reason when it does not (or that the curator accepted it)."""

    card: Card
    status: Status
    reason: str = ""

    @property
    def ships(self) -> bool:
        """Whether the card goes into decks."""
        return self.status == "ships"


def policy(note: Note, project: Mapping[str, Any], known: Iterable[str]) -> Policy:
    """Combine ``[generate]`` in deckgen.toml with the note's ``generate:``; bad values raise ContentError."""
    from deckgen.cards.rules import OPT_IN_RULES, PARSERS
    from deckgen.cards.rules.ideas import DEFAULT_CAP

    known = tuple(known)
    findings: list[Finding] = []
    enabled = project.get("enabled", True)
    if not isinstance(enabled, bool):
        findings.append(
            Finding("deckgen.toml", 0, "[generate] enabled must be true or false", "write enabled = true", "generate")
        )
        enabled = True
    default = tuple(r for r in known if r not in OPT_IN_RULES)
    rules = _rule_set(project, known, default, "deckgen.toml", 0, "[generate] ", findings)
    review = _review(project.get("review", "auto"), "deckgen.toml", 0, findings)
    cap = _cap(project.get("cap", DEFAULT_CAP), "deckgen.toml", 0, "[generate] cap", findings)
    if parser_of(project) not in PARSERS:
        findings.append(
            Finding(
                "deckgen.toml",
                0,
                f"[generate] parser must be one of {', '.join(PARSERS)}, not {project.get('parser')!r}",
                'write parser = "rules" (the default) or parser = "spacy" (needs deckgen[nlp])',
                "generate",
            )
        )
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
            if key not in GENERATE_SETTINGS:
                hint = " (YAML reads off/on/yes/no as true/false)" if isinstance(key, bool) else ""
                findings.append(
                    Finding(
                        note.path,
                        line,
                        f"'generate' has no setting '{key}'{hint}",
                        "use: " + ", ".join(GENERATE_SETTINGS),
                        "generate",
                    )
                )
        reject = frozenset(_keys(raw.get("reject"), note.path, line, "reject", findings))
        accept = frozenset(_keys(raw.get("accept"), note.path, line, "accept", findings))
        # An accepted author/thesis card was reviewed and wanted: keep generating it.
        wanted = tuple(r for r in sorted(OPT_IN_RULES) if f"g.{r}" in accept and r in known)
        # no prefix: the finding's rule already says 'generate'
        note_rules = _rule_set(raw, known, rules + wanted, note.path, line, "", findings)
        rules = tuple(r for r in known if r in note_rules)
        if "review" in raw:
            review = _review(raw["review"], note.path, line, findings)
        if "cap" in raw:
            cap = _cap(raw["cap"], note.path, line, "generate: cap", findings)
    else:
        findings.append(
            Finding(
                note.path,
                line,
                "'generate' must be true, false or a mapping",
                "write 'generate: false' or 'generate: {skip: [quantity]}'",
                "generate",
            )
        )
    if findings:
        raise ContentError(findings)
    return Policy(enabled, rules, reject, accept, review, cap)


def parser_of(project: Mapping[str, Any] | None) -> str:
    """The project's ``[generate] parser``: "rules" (default) or "spacy"."""
    value = (project or {}).get("parser", "rules")
    return value if isinstance(value, str) else repr(value)


def _cap(value: Any, path: str, line: int, where: str, findings: list[Finding]) -> int:
    from deckgen.cards.rules.ideas import DEFAULT_CAP

    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    findings.append(
        Finding(path, line, f"{where} must be a whole number, not {value!r}", f"write cap: {DEFAULT_CAP}", "generate")
    )
    return DEFAULT_CAP


def _rule_set(
    table: Mapping[str, Any],
    known: tuple[str, ...],
    default: tuple[str, ...],
    path: str,
    line: int,
    where: str,
    findings: list[Finding],
) -> tuple[str, ...]:
    """The rules ``table`` switches on: ``default``, plus ``include``, narrowed by ``only``, minus ``skip``."""
    from deckgen.cards.rules import CARD_KIND_RULES, LEGACY_RULE_NAMES

    chosen = list(default)
    for key in ("include", "only", "skip"):
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
        mapped: list[str] = []
        for name in names:
            if name in LEGACY_RULE_NAMES:
                mapped.append(LEGACY_RULE_NAMES[name])  # a rule of the sentence-pattern generator
            elif name not in known:
                rule = CARD_KIND_RULES.get(name)
                if rule in known:  # the kind a card's key shows (g.reason.…) is not the rule's name
                    message = f"{where}{key}: '{name}' is a kind of card, made by the rule '{rule}'"
                    fix = (
                        f"write {key}: [{rule}] (every card of that rule); to drop one card, list its key under"
                        f" reject: (e.g. reject: [g.{name}.…], as `deckgen cards` shows it)"
                    )
                else:
                    close = difflib.get_close_matches(name, known, n=1)
                    message = f"{where}{key}: no rule named '{name}'"
                    fix = (f"did you mean '{close[0]}'? " if close else "") + "rules: " + ", ".join(known)
                findings.append(Finding(path, line, message, fix, "generate"))
            else:
                mapped.append(name)
        if key == "include":
            chosen = [r for r in known if r in chosen or r in mapped]
        else:
            chosen = [r for r in chosen if (r in mapped) == (key == "only")]
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
    *,
    check_keys: bool = True,
) -> list[Verdict]:
    """Every card the enabled rules generate for ``note``, each with whether it ships and why.

    Cards that pass the curator's decisions compete for the note's ``cap`` places: one card
    per idea across ideas first (see :func:`deckgen.cards.rules.ideas.select`); the rest
    are ``capped``. Bibliographic rules, when switched on, do not count against the cap.
    """
    return curate(candidates(note, generators, project, check_keys=check_keys), authored)


@dataclass(frozen=True)
class Candidate:
    """One generated card before curation, with what curation reads about its rule and idea."""

    rule: str
    card: Card
    whole_note: bool  # its rule asks about the note as a whole (WHOLE_NOTE_RULES)
    rank: tuple[str, str, str, float] | None  # its idea's (role, kind, idea, score); None for cards of no idea


@dataclass(frozen=True)
class Candidates:
    """What curation works out for a note before it reads the authored cards (see :func:`candidates`)."""

    policy: Policy  # with keys of the sentence-pattern generator mapped to today's cards
    cards: tuple[Candidate, ...]


def candidates(
    note: Note,
    generators: Mapping[str, Callable[[Note], Iterable[Card]]],
    project: Mapping[str, Any] | None = None,
    *,
    check_keys: bool = True,
) -> Candidates:
    """The note's generated cards and policy: everything of :func:`review` that its authored cards do not change.

    Reads the note but never its card blocks (the settings and deckgen's code aside), so a
    memo of it keyed by :func:`deckgen.cards.generate.prose_digest` stays right across card edits.
    """
    from deckgen.cards.rules import WHOLE_NOTE_RULES, parse
    from deckgen.cards.rules.ideas import idea_of

    rules = policy(note, project or {}, generators)
    if not rules.enabled:
        return Candidates(rules, ())
    generated: list[tuple[str, Card]] = [(rule, card) for rule in rules.rules for card in generators[rule](note)]
    rules, mapped = _with_legacy_keys(note, rules, [c for _, c in generated])
    if check_keys:  # off only for a preview that shows the cards beside the stale keys' error
        _check_keys(note, rules, [c for _, c in generated], mapped)
    lookup = parse.idea_of if parser_of(project) == "spacy" else idea_of
    found = []
    for rule, card in generated:
        idea = lookup(note, card)
        rank = None if idea is None else (idea.role, idea.kind, idea.idea, idea.score)
        found.append(Candidate(rule, card, rule in WHOLE_NOTE_RULES, rank))
    return Candidates(rules, tuple(found))


def curate(found: Candidates, authored: list[Card], selections: dict[str, list[str]] | None = None) -> list[Verdict]:
    """:func:`review`'s verdicts for a note's candidates against its authored cards.

    ``selections``: the cap's choice for each set of eligible keys met before (keys in
    JSON -> the keys chosen), consulted and added to; the choice is worked out only
    for a set it does not hold (the idea rules are imported only then).
    """
    rules = found.policy
    if not rules.enabled:
        return []
    verdicts: list[Verdict] = []
    authored_keys = {c.key for c in authored}
    taken: set[str] = set()
    used_sentences: dict[str, list[Card]] = {}
    for candidate in found.cards:
        verdicts.append(_judge(candidate, authored, authored_keys, taken, used_sentences, rules))
        taken.add(candidate.card.key)
    # A shipping card's key is in no earlier verdict (see _judge): keys name the eligible cards.
    eligible = [c for c, v in zip(found.cards, verdicts) if v.ships and c.rank is not None]
    asked = json.dumps([c.card.key for c in eligible])
    chosen = None if selections is None else selections.get(asked)
    if chosen is None:
        from deckgen.cards.rules.ideas import Idea, select

        ideas = [Idea(c.rank[0], c.rank[1], c.rank[2], c.card, c.rank[3]) for c in eligible if c.rank is not None]
        chosen = [idea.card.key for idea in select(ideas, rules.cap)]
        if selections is not None:
            selections[asked] = chosen
    # a card the curator accepted ships whatever the cap (it used to stay capped with no word: the accept was lost)
    capped = {c.card.key for c in eligible} - set(chosen) - rules.accept
    return [
        Verdict(
            v.card,
            "capped",
            f"not among the note's {rules.cap} best cards (cap = {rules.cap}; --accept {v.card.key} ships it anyway)",
        )
        if v.ships and v.card.key in capped
        else v
        for v in verdicts
    ]


# The memo's form of :class:`Candidates` (see :func:`candidates_record`): the policy as
# (enabled, rules, reject, accept, review, cap), each candidate as (rule, card, whole note,
# rank), and the cap's choices met so far (see :func:`curate`).
CandidatesRecord = tuple[
    tuple[bool, tuple[str, ...], tuple[str, ...], tuple[str, ...], str, int],
    list[tuple[str, Card, bool, tuple[str, str, str, float] | None]],
    dict[str, list[str]],
]
_MAX_SELECTIONS = 8  # sets of eligible keys remembered per note: a curator's edits meet a few


def candidates_record(found: Candidates, selections: dict[str, list[str]]) -> CandidatesRecord:
    """``found`` and its cap choices in the memo's form."""
    rules = found.policy
    kept = dict(list(selections.items())[-_MAX_SELECTIONS:])
    head = (
        rules.enabled,
        rules.rules,
        tuple(sorted(rules.reject)),
        tuple(sorted(rules.accept)),
        rules.review,
        rules.cap,
    )
    return head, [(c.rule, c.card, c.whole_note, c.rank) for c in found.cards], kept


def from_candidates_record(record: CandidatesRecord) -> tuple[Candidates, dict[str, list[str]]] | None:
    """:func:`candidates_record` read back; None when it is not one deckgen could have written."""
    (enabled, rules, reject, accept, review_mode, cap), cards, selections = record
    if review_mode not in ("auto", "accepted") or cap < 0:
        return None
    if any(not card.origin.startswith("generated:") for _, card, _, _ in cards):
        return None  # a record of some other note's or kind's cards
    mode: ReviewMode = "auto" if review_mode == "auto" else "accepted"
    found = Candidates(
        Policy(enabled, rules, frozenset(reject), frozenset(accept), mode, cap),
        tuple(Candidate(rule, card, whole, rank) for rule, card, whole, rank in cards),
    )
    return found, dict(selections)


def _with_legacy_keys(note: Note, rules: Policy, cards: list[Card]) -> tuple[Policy, set[str]]:
    """The policy with keys of the sentence-pattern generator in reject/accept mapped to today's cards,
    and the old keys that were mapped."""
    current = {c.key for c in cards}
    stale = sorted(k for k in rules.reject | rules.accept if k not in current)
    if not stale:
        return rules, set()
    reject, accept = set(rules.reject), set(rules.accept)
    mapped: set[str] = set()
    for key, targets in legacy_targets(note, stale, cards).items():
        mapped.add(key)  # an old card of that key exists; with no target, nothing of today asks it again
        if key in rules.reject:
            reject.update(targets)
        if key in rules.accept:
            accept.update(targets)
    policy = Policy(rules.enabled, rules.rules, frozenset(reject), frozenset(accept), rules.review, rules.cap)
    return policy, mapped


def _check_keys(note: Note, rules: Policy, cards: list[Card], mapped: set[str]) -> None:
    """Refuse reject/accept keys that reach no card of today: a stale reject would let its card come back unseen.

    A key reaches a card when it is that card's key or was mapped to one (:func:`_with_legacy_keys`).
    Keys of rules this note does not run are left alone: those cards cannot ship anyway. A key of
    no rule at all ('g.clam.empathy') is a typo, and refused like a key that reaches no card.
    """
    from deckgen.cards.rules import CARD_KIND_RULES, LEGACY_RULE_NAMES, LEGACY_RULES, OPT_IN_RULES, PARSE_RULES, RULES

    current = {c.key for c in cards}
    running = set(rules.rules) | set(LEGACY_RULE_NAMES)
    known = set(RULES) | set(PARSE_RULES) | set(LEGACY_RULES) | set(LEGACY_RULE_NAMES) | OPT_IN_RULES
    findings: list[Finding] = []
    line = note.meta_lines.get("generate", 2)
    for what, keys in (("reject", rules.reject), ("accept", rules.accept)):
        for key in sorted(keys - current):
            # a card's key names its kind, which is a rule's name or one a rule makes ('g.source.…': mechanism)
            rule = CARD_KIND_RULES.get(_rule_of(key), _rule_of(key))
            if key in mapped or (rule in known and rule not in running):
                continue
            near = _nearest_keys(key, cards)
            fix = f"write {what}: [{near[0]}] if that is the card you meant" if near else "remove the key"
            if len(near) > 1:
                fix += f" (also close: {', '.join(near[1:])})"
            if near:
                fix += ", or remove the key"
            if what == "accept":
                # the accepted card shipped: removing the key retires it, and the fix that keeps learners' reviews
                # went unsaid (a PM lead's trial found it by trying)
                fix += (
                    f" (its card is then retired for learners; to keep their reviews, write the card yourself under"
                    f" '## Cards' with 'id: {key}')"
                )
            message = (
                f"{what}: no generated card has the key '{key}' any more (a key is made from the words of the card's "
                "topic: the sentence was reworded, or deckgen changed, since it was written)"
                if rule in known
                else f"{what}: '{key}' is no generated card's key (keys read g.<kind>.<topic>, "
                + (f"and no card is of the kind '{rule}')" if rule else "starting with 'g.')")
            )
            findings.append(
                Finding(note.path, line, message, fix + "; `deckgen cards NOTE` lists today's keys", "generate")
            )
    if findings:
        raise ContentError(findings)


def _rule_of(key: str) -> str:
    parts = key.split(".")
    return parts[1] if len(parts) >= 2 and parts[0] == "g" else ""


def _nearest_keys(key: str, cards: list[Card], limit: int = 2) -> list[str]:
    """Today's keys that read most like ``key`` (same rule first), for the error's fix."""
    rule = _rule_of(key)
    scored = sorted(
        ((similarity(key, c.key) + (0.2 if _rule_of(c.key) == rule else 0.0), c.key) for c in cards),
        reverse=True,
    )
    return [k for score, k in scored[:limit] if score >= 0.6]


def legacy_targets(note: Note, keys: Iterable[str], cards: list[Card]) -> dict[str, list[str]]:
    """For each old generated key, the keys of today's cards that ask what the old card asked."""
    from deckgen.cards.rules import LEGACY_RULES

    wanted = set(keys)
    found: dict[str, list[str]] = {}
    for rule in sorted({k.split(".")[1] for k in wanted if k.startswith("g.") and k.count(".") >= 1}):
        legacy = LEGACY_RULES.get(rule)
        if legacy is None:
            continue
        for old in legacy(note):
            if old.key not in wanted:
                continue
            targets = [c.key for c in cards if c.key == old.key or _same_idea(old, c)]
            found.setdefault(old.key, []).extend(k for k in targets if k not in found.get(old.key, []))
    return found


def _same_idea(old: Card, new: Card) -> bool:
    """Whether two generated cards ask about the same thing: same sentence and overlapping answers, or same ask."""
    if old.extra and old.extra == new.extra and (_same_answer(old, new, 0.34) or old.line == new.line):
        return True
    return _first_asking_same([old], new) is not None


def _judge(
    candidate: Candidate,
    authored: list[Card],
    authored_keys: set[str],
    taken: set[str],
    used: dict[str, list[Card]],
    rules: Policy,
) -> Verdict:
    card, rule = candidate.card, candidate.rule
    if card.key in authored_keys:
        return Verdict(card, "replaced", "an authored card with this id replaces it")
    if card.key in taken:
        return Verdict(card, "overlap", "another generated card has this key")
    if card.key in rules.reject:
        # before the sentence is taken: the next card on it ships in its place (a PM lead's try: rejecting a garbled
        # card left the sound one on the same sentence 'overlap', and the idea out of the deck)
        return Verdict(card, "rejected", "rejected in the note's front matter")
    if not candidate.whole_note and card.extra:
        # A sentence may give several cards only when they ask different things: a later
        # card whose answer overlaps an earlier one's, or an emphasis cloze, is dropped.
        earlier = used.setdefault(card.extra, [])
        clash = next((c for c in earlier if rule == "emphasis" or _same_answer(c, card)), None)
        if clash is not None:
            return Verdict(card, "overlap", f"{clash.key} already asks about this sentence")
        earlier.append(card)
    same = _first_asking_same(authored, card) or next(
        (a for a in authored if _restates(a, card) or _holds_whole(a, card)), None
    )
    if same is not None and card.key in rules.accept:
        # the curator's accept outweighs the likeness test (a PM lead's try: an accepted 'what is an appetite?' was
        # retired for learners, with no word, once an authored card's answer mentioned an appetite)
        return Verdict(
            card, "ships", f"accepted in the note's front matter (the authored card at line {same.line} is alike)"
        )
    if same is not None:
        return Verdict(card, "duplicate", f"the authored card at line {same.line} asks the same")
    if rules.review == "accepted" and card.key not in rules.accept:
        return Verdict(card, "unreviewed", "review = accepted and the key is not under accept")
    # an accepted card says so in `deckgen cards` (a PM lead's try: it looked like one not reviewed yet)
    return Verdict(card, "ships", "accepted in the note's front matter" if card.key in rules.accept else "")


def asks_same(authored: Card, generated: Card) -> bool:
    """Whether an authored card already asks what a generated one asks (same question or same answer)."""
    return _first_asking_same([authored], generated) is not None


def _first_asking_same(authored: list[Card], generated: Card) -> Card | None:
    """The first authored card that asks what ``generated`` asks: the same question or answer words, or
    questions at least _SAME_QUESTION alike (:func:`deckgen.core.text.similarity`)."""
    question = _question(generated)
    for card in authored:
        other = _question(card)
        if other == question or _same_answer(card, generated, 0.75):
            return card
        if similarity(question, other, _SAME_QUESTION):
            return card
    return None


def _restates(authored: Card, generated: Card) -> bool:
    """Whether an authored card asks about the same thing in other words: their answers share half their content
    words and so do their questions, the essay's quoted title, possessive names and words such as 'essay' aside
    ("what is a sign that discovery has been hollowed out? — a box ticked before development" against "what is a
    sign of the hollowing-out Norton describes? — discovery run as a box to tick before development")."""
    if not _same_answer(authored, generated, 0.5):
        return False
    mine, theirs = _topic_words(authored.kind, authored.front), _topic_words(generated.kind, generated.front)
    if not mine or not theirs:
        return False
    shared = len(mine & theirs)
    return shared >= 2 and shared / min(len(mine), len(theirs)) > 0.5


def _holds_whole(authored: Card, generated: Card) -> bool:
    """Whether an authored card's question and answer hold every idea of a generated card's statement (four content
    words or more, at least 80% of them): the authored card tests the same fact from the other side (a PM lead's
    trial: 'what teaches a team more than big launches? — Customer calls every week' beside a generated 'what is
    the central claim …? — Customer calls teach a team more than big launches', shipped once the answer grew)."""
    theirs = _answer_words(generated)
    if len(theirs) < 4:
        return False
    mine = _topic_words(authored.kind, authored.front) | _answer_words(authored)
    return len(theirs & mine) >= 0.8 * len(theirs)


_QUOTED_RE = re.compile(r"(?<!\w)(?:'[^']+'|\"[^\"]+\"|‘[^’]+’|“[^”]+”)(?!\w)")
_POSSESSIVE_RE = re.compile(r"\b[\w-]+['’]s?\b(?=\s)")
_CONTEXT_WORDS = frozenset("essay article book note paper author according per describ say argu".split())


@lru_cache(maxsize=1024)
def _topic_words(kind: str, front: str) -> frozenset[str]:
    """What a question asks about: its content words without the essay's title, names in the possessive or words
    every question of a note uses ('essay', 'according'); hyphenated words count by their parts."""
    text = CLOZE_RE.sub(" ", front) if kind == "cloze" else front
    text = _POSSESSIVE_RE.sub(" ", _QUOTED_RE.sub(" ", text)).replace("-", " ")
    return frozenset(content_words(text)) - _CONTEXT_WORDS


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
    text = CLOZE_RE.sub(" ", front) if kind == "cloze" else front
    return " ".join(content_words(text))


@lru_cache(maxsize=1024)
def _answer_set(kind: str, front: str, back: str) -> frozenset[str]:
    if kind == "cloze":
        hidden = [m.group(2) for m in CLOZE_RE.finditer(front)]
        return frozenset(content_words(" ".join(hidden)))
    return frozenset(content_words(plain(back)))


@dataclass(frozen=True)
class Preview:
    """One note's cards as the curator reviews them: authored ones and every generated verdict."""

    note: Note
    authored: list[Card]
    verdicts: list[Verdict]
    quiet: list[str] = field(default_factory=list)  # headings of sections with text no generated card comes from

    @staticmethod
    def quiet_sections(note: Note, verdicts: Sequence[Verdict]) -> list[str]:
        """The headings of ``note``'s sections with text from which the generator made no card (shipping or not)."""
        lines = [v.card.line for v in verdicts]
        quiet = []
        for section, after in zip(note.sections, [*note.sections[1:], None]):
            end = after.line if after is not None else None
            if section.text.strip() and not any(section.line < n and (end is None or n < end) for n in lines):
                quiet.append(section.heading)
        return quiet


def preview(
    note: Note,
    authored: list[Card],
    generators: Mapping[str, Callable[[Note], Iterable[Card]]],
    project: Mapping[str, Any] | None = None,
    *,
    check_keys: bool = True,
) -> Preview:
    """What ``deckgen cards`` shows: nothing is built or written."""
    verdicts = review(note, authored, generators, project, check_keys=check_keys)
    enabled = policy(note, project or {}, generators).enabled
    return Preview(note, authored, verdicts, Preview.quiet_sections(note, verdicts) if enabled else [])
