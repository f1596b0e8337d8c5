"""The per-deck changelog (``build/<deck>.changelog.md``) learners read with each release.

Each release that changes a deck adds an entry at the top and keeps the earlier ones; the
header (how to update on each Anki app, how to find retired cards) is rewritten each time.
"""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.diff import CardDiff, DeckDiff
from deckgen.files import atomic_write_text
from deckgen.render import escape
from deckgen.retire import RETIRED_SEARCH

_ENTRY_RE = re.compile(r"^## Release (\d+)\b", re.MULTILINE)


def changelog_path(out_dir: Path, slug: str) -> Path:
    """Where a deck's changelog lives, beside its ``.apkg``."""
    return out_dir / f"{slug}.changelog.md"


def header(deck: DeckDiff) -> str:
    """The top of the changelog: what the deck is and how a learner updates it."""
    return f"""# {deck.deck} — changelog

## How to update

Import the new `{deck.slug}.apkg` over your existing deck. Keep the import options at their
defaults (update notes **if newer**, update note types **if newer**, merge note types off):
that is what keeps your progress.

- **Anki desktop**: File → Import…, choose `{deck.slug}.apkg`, then Import.
- **AnkiDroid**: on the deck list, open the menu (⋮) → Import, and choose `{deck.slug}.apkg`.
- **AnkiMobile**: open `{deck.slug}.apkg` from Files, Mail or Safari and choose to open it in AnkiMobile
  (or use Import on the decks screen).

You keep every review, interval and flag, and your own edits and tags on cards this release
does not change. A card that a release changes takes the new wording and the deck's tags.
Nothing is ever deleted from your collection by an import.

**Retired cards** stay in your collection with a "Retired" badge. To find them all, open
Browse and search `{RETIRED_SEARCH}`, select all, then suspend them (Cards → Toggle Suspend)
or delete them (Notes → Delete). Anki's Tools → Check Database gives retired notes a card in
the Default deck; the same search finds those too.
"""


def entry(deck: DeckDiff, note_types_changed: bool) -> str:
    """The Markdown entry for this release of ``deck``."""
    lines = [f"## Release {deck.version} — {deck.date}", ""]
    if deck.version == 1:
        lines += [f"First release: {len(deck.added) + len(deck.edited) + len(deck.unchanged)} cards.", ""]
    if deck.added and deck.version > 1:
        lines += [f"**New cards ({len(deck.added)})** — they arrive as new cards, in reading order.", ""]
        lines += [f"- {_one_line(c.front)}" for c in deck.added] + [""]
    if deck.edited:
        lines += [f"**Changed ({len(deck.edited)})** — updated in place; your progress on them is kept.", ""]
        lines += [f"- {_edit_line(c)}" for c in deck.edited] + [""]
    if deck.retired:
        lines += [
            f"**Retired ({len(deck.retired)})** — no longer part of the deck. In Anki, Browse and search "
            f"`{RETIRED_SEARCH}`, select all, then Cards → Toggle Suspend (or Notes → Delete).",
            "",
        ]
        lines += [f"- {_one_line(c.old_front)}" for c in deck.retired] + [""]
    for move in deck.moves:
        why = "This deck was renamed" if move.from_deck in deck.previous_names else "Some notes moved to this deck"
        lines += [
            f"**{why}** — Anki does not move cards you already have: {len(move.uids)} card(s) stay in "
            f"`{move.from_deck}`. To move them: Browse, search `{move.search}`, select all, "
            f"Cards → Change Deck…, choose `{deck.deck}`. New cards already go to `{deck.deck}`.",
            "",
        ]
    if note_types_changed:
        lines += ["**Card design** — the card templates or style changed; you get them with this import.", ""]
    if len(lines) == 2:
        lines += ["Card order or deck details changed; your cards are not affected.", ""]
    return "\n".join(lines)


def write_changelog(out_dir: Path, deck: DeckDiff, note_types_changed: bool) -> Path:
    """Add this release's entry on top of the earlier ones (replacing a same-numbered one)."""
    path = changelog_path(out_dir, deck.slug)
    earlier = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        blocks = _entries(text)
        earlier = "".join(block for version, block in blocks if version < deck.version)
    body = header(deck) + "\n" + entry(deck, note_types_changed) + ("\n" + earlier if earlier else "")
    atomic_write_text(path, body.rstrip("\n") + "\n")
    return path


def _entries(text: str) -> list[tuple[int, str]]:
    """The ``## Release N`` blocks of an existing changelog, in file order."""
    starts = list(_ENTRY_RE.finditer(text))
    blocks = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        block = text[match.start():end].rstrip("\n") + "\n\n"
        blocks.append((int(match.group(1)), block))
    return blocks


def _one_line(text: str) -> str:
    # Card text is untrusted: escape it so a Markdown viewer never runs HTML from a note.
    return escape(" ".join(text.split()))


def _edit_line(card: CardDiff) -> str:
    parts = []
    if card.front != card.old_front:
        parts.append(f"{_one_line(card.old_front)} → **{_one_line(card.front)}**")
    else:
        parts.append(_one_line(card.front))
    if card.back != card.old_back:
        parts.append(f"answer: {_one_line(card.old_back)} → **{_one_line(card.back)}**")
    return "; ".join(parts)
