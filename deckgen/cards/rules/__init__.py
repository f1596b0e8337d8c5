"""The offline card-generation rules.

The default rules are the idea kinds of :mod:`deckgen.cards.rules.ideas`: each is a
:data:`deckgen.cards.generate.Generator` (``Note -> Iterable[Card]``) giving the candidate
cards of one kind; :mod:`deckgen.cards.curation` then chooses one card per idea across
kinds, coverage first, up to the cap. ``author`` and ``thesis`` (bibliographic cards) are
opt-in. The pre-0.x sentence-pattern rules live on in :mod:`deckgen.cards.rules.claims`
only to map curation written for them (``reject: [g.rather.…]``) onto today's cards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from deckgen.cards.rules import claims, parse
from deckgen.cards.rules.ideas import candidates_of
from deckgen.core.model import Card, Note

Rule = Callable[[Note], Iterable[Card]]


def _kind(kind: str, spacy: bool = False) -> Rule:
    def rule(note: Note) -> Iterable[Card]:
        found = parse.candidates_of(note) if spacy else candidates_of(note)
        return [i.card for i in found if i.kind == kind]

    rule.__name__ = kind
    rule.__doc__ = f"Candidate '{kind}' cards of the note's key ideas."
    return rule


IDEA_KINDS = (
    "contrast",
    "definition",
    "list",
    "claim",
    "prescription",
    "mechanism",
    "diagnostic",
    "critique",
    "quantity",
    "naming",
)
RULES: dict[str, Rule] = {kind: _kind(kind) for kind in IDEA_KINDS}
RULES["thesis"] = claims.thesis  # which essay argues …? (bibliographic; opt-in)
# `[generate] parser = "spacy"`: the same kinds and keys, read from a dependency parse
PARSE_RULES: dict[str, Rule] = {kind: _kind(kind, spacy=True) for kind in IDEA_KINDS}
PARSE_RULES["thesis"] = claims.thesis
PARSERS = ("rules", "spacy")
# Rules a project or note must switch on (`[generate] include = ["author"]`): trivia by the rubric.
OPT_IN_RULES = frozenset({"author", "thesis"})
# Rules that ask about the note as a whole rather than one sentence: they never compete
# with sentence rules for the same sentence, and do not count against the cap.
WHOLE_NOTE_RULES = frozenset({"author", "thesis"})
# The kinds of card a rule makes under another name: a card's key and `deckgen cards` show the kind
# (g.reason.…), while `generate: skip/only/include` name the rule.
CARD_KIND_RULES = {
    "reason": "mechanism",
    "cause": "mechanism",
    "source": "mechanism",
    "called": "claim",
    "condition": "diagnostic",
    "parts": "list",
    "should": "prescription",
}
# Rule names of the sentence-pattern generator (before ideas) and what they became.
LEGACY_RULE_NAMES = {"argues": "claim", "connects": "claim", "rather": "contrast", "emphasis": "definition"}
LEGACY_RULES: dict[str, Rule] = {
    "thesis": claims.thesis,
    "critique": claims.critique,
    "definition": claims.definition,
    "contrast": claims.contrast,
    "connects": claims.connects,
    "argues": claims.argues,
    "list": claims.lists,
    "rather": claims.rather,
    "emphasis": claims.emphasis,
}
