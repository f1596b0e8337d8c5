"""The per-deck changelog (``build/<deck>.changelog.md``) learners read with each release.

Each release that changes a deck adds an entry at the top and keeps the earlier ones. The
entries are kept in ``deckgen.lock`` (so CI and cold rebuilds write the same file); the
header (how to update on each Anki app, how to find retired cards) is written each time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from deckgen.builder.bundles import BUNDLE_DIR, TrackChange
from deckgen.builder.diff import CardDiff, DeckDiff, DiffReport
from deckgen.core.files import atomic_write_text
from deckgen.core.text import CLOZE_RE
from deckgen.lock.records import ChangelogEntry, Lock
from deckgen.lock.retire import RETIRED_SEARCH

INDEX_NAME = "CHANGELOG.md"


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
        shipped = _count(deck.added) + _count(deck.restored) + _count(deck.edited) + len(deck.unchanged)
        lines += [f"First release: {shipped} cards.", ""]  # restored ones too: listed below, new to most learners
    if deck.added and deck.version > 1:
        lines += [f"**New cards ({_count(deck.added)})** — they arrive as new cards, in reading order.", ""]
        # a new cloze is listed with its deletions hidden, as a new question is listed without its answer (a PM
        # lead's trial: 'A job to be done has functional, social and emotional dimensions' gave the answers away)
        lines += [f"- {_one_line(c.front, hide=True)}{_several(c)}" for c in deck.added] + [""]
    reworded = [c for c in deck.edited if (c.front, c.back) != (c.old_front, c.old_back)]
    redisplayed = [c for c in deck.edited if (c.front, c.back) == (c.old_front, c.old_back)]
    if reworded:
        lines += [f"**Changed ({_count(reworded)})** — updated in place; your progress on them is kept.", ""]
        lines += [f"- {_edit_line(c)}{_several(c)}" for c in reworded] + [""]
    if redisplayed:
        lines += [
            f"**Display and safety updates ({_count(redisplayed)})** — question and answer are unchanged; how the "
            "card is shown or its context changed (for example, text that some Anki versions would read as "
            "markup or sound is now shown as plain text). Updated in place; your progress is kept.",
            "",
        ]
        lines += [f"- {_one_line(c.front)}{_several(c)}" for c in redisplayed] + [""]
    if deck.restored:
        lines += [
            f"**Restored ({_count(deck.restored)})** — retired earlier and back now. If you kept them, they are "
            "updated in place with your progress intact; if you suspended them, Browse, search "
            f"`{deck.restored_search}`, select all, then Cards → Toggle Suspend. "
            "If you deleted them, they arrive as new cards.",
            "",
        ]
        lines += [f"- {_one_line(c.front)}{_several(c)}" for c in deck.restored] + [""]
    if deck.retired:
        lines += [
            f"**Retired ({_count(deck.retired)})** — no longer part of the deck. In Anki, Browse and search "
            f"`{RETIRED_SEARCH}`, select all, then Cards → Toggle Suspend (or Notes → Delete).",
            "",
        ]
        lines += [f"- {_one_line(c.old_front)}{_several(c)}" for c in deck.retired] + [""]
    for move in deck.moves:
        why = "This deck was renamed" if move.from_deck in deck.previous_names else "Some notes moved to this deck"
        lines += [
            f"**{why}** — Anki does not move cards you already have: {len(move.uids)} card(s) stay in "
            f"`{move.from_deck}`. To move them: Browse, search `{move.search}`, select all, "
            f"Cards → Change Deck…, choose `{deck.deck}`. New cards already go to `{deck.deck}`.",
            "",
        ]
    for week in deck.week_moves:
        lines += [
            f"**If you study the {week.track} track** — these {len(week.uids)} card(s) now belong to "
            f"`{week.to_week}`; yours stay in `{week.from_week}`. To move them: Browse, search `{week.search}`, "
            f"select all, Cards → Change Deck…, choose `{week.to_week}`.",
            "",
        ]
    for move in deck.left:
        lines += [
            f"**Moved to `{move.to_deck}` ({len(move.uids)})** — these cards now belong to another deck and "
            f"this deck no longer has them; you keep yours, and they keep getting updates. If you study "
            f"`{move.to_deck}`, move them there: Browse, search `{move.search}`, select all, Cards → Change Deck…, "
            f"choose `{move.to_deck}`. If you do not, suspend them (Cards → Toggle Suspend).",
            "",
        ]
    if note_types_changed:
        lines += ["**Card design** — the card templates or style changed; you get them with this import.", ""]
    if deck.merged:
        lines += [
            "**Two branches merged** — this release brings together releases made on two branches; "
            "what each changed is listed under the previous release below.",
            "",
        ]
    if len(lines) == 2:
        lines += ["Card order or deck details changed; your cards are not affected.", ""]
    return "\n".join(lines)


def _count(cards: Sequence[CardDiff]) -> int:
    """How many cards the learner sees for ``cards`` in Anki (a Reverse card is two, a cloze one per number)."""
    return sum(c.cards for c in cards)


def _several(card: CardDiff) -> str:
    """What follows a listed card that Anki shows as more than one card."""
    return f" ({card.cards} cards)" if card.cards > 1 else ""


def record_entries(report: DiffReport, lock: Lock, new_lock: Lock) -> None:
    """Keep each deck's changelog entries in ``new_lock`` (newest first), adding this release's.

    The entries live in the lockfile, not only in ``build/``, so a clean checkout (CI) or
    a cold rebuild writes the same changelog with every earlier entry.
    """
    design_changed = any(change == "changed" for _, change in report.note_types)
    kept = dict(lock.changelog)
    for deck in report.decks:
        if deck.bumped:
            earlier = tuple(e for e in kept.get(deck.slug, ()) if e.version < deck.version)
            kept[deck.slug] = (ChangelogEntry(entry(deck, design_changed)), *earlier)
    new_lock.changelog = kept


TRACK_KEY = "track:"  # + track slug: a track's entries among the lock's changelog entries (deck slugs have no ':')


def track_changelog_path(out_dir: Path, slug: str) -> Path:
    """Where a track's changelog lives, beside its bundle."""
    return out_dir / BUNDLE_DIR / f"{slug}.changelog.md"


def track_entry(change: TrackChange, version: int, date: str) -> str:
    """The Markdown entry for a release of a track's bundle that renames weeks or changes the pace."""
    lines = [f"## Release {version} — {date}", ""]
    for rename in change.renames:
        lines += [
            f"**Week renamed** — the cards of {', '.join(f'`{d}`' for d in rename.names)} now belong to "
            f"`{rename.now}`. Anki does not move cards you already have: yours stay in `{rename.was}`. To move "
            f"them: Browse, search `{rename.search}`, select all, Cards → Change Deck…, choose `{rename.now}`.",
            "",
        ]
    if change.pace is not None:
        was, now = change.pace
        lines += [
            f"**New pace: {now} new cards a day** (was {was}). If you import with *Import any deck presets* on, "
            "the track's decks switch to the new pace (edits you made to the old preset stop applying). If you "
            f"import without it, nothing changes: to follow the new pace, open the options of the deck "
            f"`{change.root_deck}` and set *New cards/day* to {now}.",
            "",
        ]
    return "\n".join(lines)


def record_track_entries(changes: Sequence[TrackChange], lock: Lock, new_lock: Lock, date: str) -> None:
    """Add an entry for each track ``changes`` names to ``new_lock``'s changelog (after :func:`record_entries`)."""
    kept = dict(new_lock.changelog)
    for change in changes:
        earlier = lock.changelog.get(TRACK_KEY + change.slug, ())
        version = 1 + max((e.version for e in earlier), default=0)
        kept[TRACK_KEY + change.slug] = (ChangelogEntry(track_entry(change, version, date)), *earlier)
    new_lock.changelog = kept


def track_header(title: str, slug: str) -> str:
    """The top of a track's changelog: what it covers and how a learner updates."""
    return f"""# {title} — track changelog

What changed in the track itself: its weeks and its pace. What changed in the cards is in
`CHANGELOG.md`, under each deck.

Import the new `{slug}.apkg` over your existing decks, with the import options at their defaults
(update notes **if newer**): you keep every review, interval and flag.
"""


def write_changelogs(
    out_dir: Path, report: DiffReport, lock: Lock, tracks: Sequence[tuple[str, str]] = ()
) -> list[Path]:
    """Write every built deck's changelog and the combined ``CHANGELOG.md`` from the lockfile's entries; and the
    changelog of each track of ``tracks`` ((slug, title) pairs) that has entries.

    The combined file (what the site links as "the changelog") holds every deck's and track's
    entries under its name, so one page tells a learner what changed in any deck or track.
    """
    stored = lock.changelog
    written: list[Path] = []
    parts = [
        f"# Changelog\n\nTo update, import the new file as you did the first time: your progress is kept. "
        f"In the folder the decks are built into, each deck also has its own changelog beside its `.apkg` "
        f"({', '.join(f'`{d.slug}.changelog.md`' for d in report.decks)}) with the steps for each Anki app. "
        f"Find retired cards in Anki with the search `{RETIRED_SEARCH}`.\n"
    ]
    for deck in report.decks:
        entries = [_readable(e.text) for e in stored.get(deck.slug, ())]
        if not entries:
            continue
        path = changelog_path(out_dir, deck.slug)
        atomic_write_text(path, header(deck) + "\n" + "\n".join(entries))
        written.append(path)
        parts.append(f"## {deck.deck}\n\n" + "\n".join(e.replace("## Release ", "### Release ", 1) for e in entries))
    for slug, title in tracks:
        entries = [_readable(e.text) for e in stored.get(TRACK_KEY + slug, ())]
        if not entries:
            continue
        path = track_changelog_path(out_dir, slug)
        atomic_write_text(path, track_header(title, slug) + "\n" + "\n".join(entries))
        written.append(path)
        parts.append(
            f"## {title} (track)\n\n" + "\n".join(e.replace("## Release ", "### Release ", 1) for e in entries)
        )
    if written:
        index = out_dir / INDEX_NAME
        atomic_write_text(index, "\n".join(parts).rstrip("\n") + "\n")
        written.append(index)
    return written


def _readable(entry: str) -> str:
    """A stored entry as today's entries read: those a deckgen before 0.2.0 recorded (they stay in deckgen.lock as they
    were) kept a cloze's markup and HTML-escaped quotes, which a learner read as '{{c1::specific}}' and '&quot;'."""
    shown = CLOZE_RE.sub(lambda m: m.group(2), entry)
    return shown.replace("&quot;", '"').replace("&#x27;", "'").replace("&#39;", "'").rstrip("\n") + "\n"


def _one_line(text: str, *, hide: bool = False) -> str:
    """Card text as a learner reads it in the changelog (often as plain text): a cloze with its words shown, or
    with ``hide`` each deletion as Anki asks it ('[…]', or '[hint]').

    Card text is untrusted: every '<' becomes '&lt;', so a Markdown viewer that passes HTML
    through never sees a tag (the site renders the file with raw HTML off anyway).
    """
    shown = CLOZE_RE.sub(lambda m: f"[{m.group(3) or '…'}]" if hide else m.group(2), text)
    return " ".join(shown.split()).replace("<", "&lt;")


def _edit_line(card: CardDiff) -> str:
    parts = []
    if card.front != card.old_front:
        parts.append(f"{_one_line(card.old_front)} → **{_one_line(card.front)}**")
    else:
        parts.append(_one_line(card.front))
    if card.back != card.old_back:
        parts.append(f"answer: {_one_line(card.old_back)} → **{_one_line(card.back)}**")
    return "; ".join(parts)
