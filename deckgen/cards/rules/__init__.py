"""The offline card-generation rules, in priority order (earlier rules win a sentence).

Each rule is a :data:`deckgen.cards.generate.Generator`: ``Note -> Iterable[Card]``. They are
deterministic, need no network or model, and are switched per project (``[generate]`` in
deckgen.toml) or per note (``generate:`` in front matter); see :mod:`deckgen.cards.curation`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from deckgen.cards.rules.claims import argues, connects, contrast, critique, definition, emphasis, lists, rather, thesis
from deckgen.core.model import Card, Note

RULES: dict[str, Callable[[Note], Iterable[Card]]] = {
    "thesis": thesis,  # which essay argues …? (metadata)
    "critique": critique,  # the main critique (section card)
    "definition": definition,  # what does Norton mean by X?
    "contrast": contrast,  # X is not A but B
    "connects": connects,  # Norton connects X to Y
    "argues": argues,  # Norton argues that X …
    "list": lists,  # one cloze per list item
    "rather": rather,  # X rather than Y -> cloze
    "emphasis": emphasis,  # cloze of an emphasised phrase
}
# Rules that ask about the note as a whole rather than one sentence: they never compete
# with sentence rules for the same sentence.
WHOLE_NOTE_RULES = frozenset({"author", "thesis"})
