"""Tracks in a build: resolve them against the built decks and write one bundle ``.apkg`` each."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.anki.notetypes import NoteType
from deckgen.anki.render import render_markdown
from deckgen.core.config import Config
from deckgen.core.digests import CACHE_DIR
from deckgen.lock.identity import stable_int
from deckgen.sources.layout import cohort_files
from deckgen.sources.tracks import BuiltTrack, assemble_track, load_tracks

if TYPE_CHECKING:
    from deckgen.anki.packaged import DeckPreset, PackagedDeck
    from deckgen.builder.diff import DiffReport
    from deckgen.builder.pipeline import Plan
    from deckgen.core.model import BuiltDeck, DeckSpec
    from deckgen.tracks.cohorts import CohortPlan

BUNDLE_DIR = "tracks"
TRACKS_KEY = "tracks"  # deckgen.lock: per track, the week deck each required deck shipped in last
PACES_KEY = "track-paces"  # deckgen.lock: per track, the new cards a day its bundle's preset last shipped with


@dataclass(frozen=True)
class WeekRename:
    """A track's decks whose cards now ship in another week deck than the one learners have them in."""

    was: str  # the week deck learners' cards sit in
    now: str  # the week deck the bundle puts them in now
    decks: tuple[str, ...]  # the decks (slugs) that moved
    names: tuple[str, ...] = ()  # their names, as learners know them

    @property
    def search(self) -> str:
        """The Anki Browse search that finds the cards in the old week deck."""
        from deckgen.builder.diff import escape_search

        return f'"deck:{escape_search(self.was)}"'


@dataclass(frozen=True)
class TrackChange:
    """What a build changes in a track for the learners who have its bundle: week decks, pace."""

    slug: str
    title: str
    root_deck: str
    renames: tuple[WeekRename, ...] = ()
    pace: tuple[int, int] | None = None  # (was, now) new cards a day, when it changed


def track_changes(tracks: Sequence[BuiltTrack], extra: Mapping[str, Any]) -> list[TrackChange]:
    """Each track's changes since the lock's record (``extra``): renamed or moved weeks, a new pace.

    A track the lock has no record of (new, or from a deckgen that did not record paces) has none.
    """
    weeks_before, paces_before = (
        value if isinstance(value := extra.get(key), dict) else {} for key in (TRACKS_KEY, PACES_KEY)
    )
    changes = []
    for built in tracks:
        track = built.track
        recorded = weeks_before.get(track.slug)
        old: dict[str, Any] = recorded if isinstance(recorded, dict) else {}
        moved: dict[tuple[str, str], list[str]] = {}
        for deck_slug, name in stage_decks([built])[track.slug].items():
            was = old.get(deck_slug)
            if isinstance(was, str) and was != name:
                moved.setdefault((was, name), []).append(deck_slug)
        names = {d.spec.slug: d.spec.name for stage in built.stages for d in stage.decks}
        renames = tuple(
            WeekRename(was, now, tuple(decks), tuple(names[d] for d in decks))
            for (was, now), decks in sorted(moved.items())
        )
        was_pace = paces_before.get(track.slug)
        pace = (was_pace, track.new_per_day) if isinstance(was_pace, int) and was_pace != track.new_per_day else None
        if renames or pace:
            changes.append(TrackChange(track.slug, track.title, track.root_deck, renames, pace))
    return changes


def stage_decks(tracks: Sequence[BuiltTrack]) -> dict[str, dict[str, str]]:
    """Per track, the Anki deck (week) each required deck's cards ship in."""
    return {
        built.track.slug: {deck.spec.slug: stage.deck_name for stage in built.stages for deck in stage.decks}
        for built in tracks
    }


def stage_moves(changes: Sequence[TrackChange]) -> list[str]:
    """The curator's warnings for ``changes``: week decks renamed (or decks moved to another week), a new pace.

    Anki never moves a card a learner already has: theirs stay in the old week's deck, as
    after a deck rename; the track's changelog gives learners the Browse search and Change Deck
    steps. A new pace re-plans hires already started from their start date.
    """
    warnings = []
    for change in changes:
        for rename in change.renames:
            warnings.append(
                f"track '{change.slug}': the week deck '{rename.was}' is now '{rename.now}' "
                f"({', '.join(rename.decks)}): Anki never moves cards learners already have, so theirs stay in "
                f"'{rename.was}'; the track's changelog tells them: Browse, search {rename.search}, select all, "
                f"Cards → Change Deck…, choose '{rename.now}'"
            )
        if change.pace is not None:
            was, now = change.pace
            warnings.append(
                f"track '{change.slug}': the pace is now {now} new cards a day (was {was}); learners get it only by "
                f"importing with 'Import any deck presets' on or by setting it themselves (the track's changelog "
                f"tells them). Plans and progress of hires already started are now worked out at {now} a day from "
                f"their start: to keep a hire at {was}, write 'new_per_day: {was}' in their entry of the cohort file"
            )
    return warnings


def week_moves(report: DiffReport, tracks: Sequence[BuiltTrack], shipped: Any) -> DiffReport:
    """``report`` with each deck's moves that change a track's week (the week decks ``shipped``, the lock's record,
    held the cards in) also told to that track's learners."""
    from dataclasses import replace

    from deckgen.builder.diff import WeekMove

    before = shipped if isinstance(shipped, dict) else {}
    now = stage_decks(tracks)
    titles = {built.track.slug: built.track.title for built in tracks}
    slugs = {name: deck.slug for deck in report.decks for name in (deck.deck, *deck.previous_names)}
    decks = []
    for deck in report.decks:
        found = []
        for move in deck.moves:
            for track, weeks in sorted(now.items()):
                recorded = before.get(track)
                was = recorded.get(slugs.get(move.from_deck, "")) if isinstance(recorded, dict) else None
                week = weeks.get(deck.slug)
                if isinstance(was, str) and week is not None and was != week:  # a new track's learners have none
                    found.append(WeekMove(titles[track], was, week, move.uids))
        decks.append(replace(deck, week_moves=tuple(found)) if found else deck)
    return replace(report, decks=tuple(decks))


def record_stages(tracks: Sequence[BuiltTrack], extra: dict[str, Any]) -> None:
    """Remember each track's week decks and pace in the lock (``extra``): the next build tells what changed."""
    record = stage_decks(tracks)
    if record:
        extra[TRACKS_KEY] = record
        extra[PACES_KEY] = {built.track.slug: built.track.new_per_day for built in tracks}
    else:
        extra.pop(TRACKS_KEY, None)
        extra.pop(PACES_KEY, None)


def resolve_tracks(config: Config, specs: Sequence[DeckSpec], decks: Sequence[BuiltDeck]) -> list[BuiltTrack]:
    """Parse every track and resolve it to cards; raises ContentError before anything is written."""
    tracks = load_tracks(config.decks_dir, config.root, specs, config.name)
    by_slug = {deck.spec.slug: deck for deck in decks}
    return [assemble_track(track, by_slug) for track in tracks]


def bundle_path(config: Config, slug: str) -> Path:
    """Where a track's bundle is written: ``build/tracks/<slug>.apkg``."""
    return config.out_dir / BUNDLE_DIR / f"{slug}.apkg"


WriteApkg = Callable[..., None]


def pace_preset(namespace: str, scope: str, label: str, new_per_day: int) -> DeckPreset:
    """The deck preset for ``scope`` (a track or deck) at ``new_per_day``: one namespaced id per scope and pace.

    Measured (anki 26.9.3): an import never updates a preset the learner already has, so a
    pace change ships as a new preset (new id), which learners get when they import presets.
    """
    from deckgen.anki.packaged import DeckPreset

    return DeckPreset(
        preset_id=stable_int("deck-preset", namespace, scope, new_per_day),
        name=f"{label} — {new_per_day} new cards/day",
        new_per_day=new_per_day,
    )


def packaged_track(config: Config, plan: Plan, built: BuiltTrack) -> list[PackagedDeck]:
    """The bundle's decks: the track's parent deck, then one subdeck per stage.

    ``due`` numbers run across the whole track, so Anki serves new cards stage by stage
    in curriculum order; GUIDs and ``mod`` are the cards' own, shared with every other
    package that ships them.
    """
    from deckgen.anki.packaged import PackagedDeck, PackagedNote

    track = built.track
    # Retired cards of the track's decks ride along without cards (see deckgen.lock.retire), so a
    # learner who studies through the bundle sees them marked too. Only its required decks': an optional
    # deck is not in the bundle (its own package marks its retired cards).
    slugs = {deck.spec.slug for stage in built.stages for deck in stage.decks}
    live = {plan.cards[card.uid].guid for stage in built.stages for card in stage.cards}
    # (a card that left one of the track's decks for another ships live in the bundle: never twice)
    retired = {
        n.guid: n
        for release in plan.releases
        if release.spec.slug in slugs
        for n in release.notes
        if not n.with_cards and n.guid not in live
    }
    # Every deck of the bundle, the parent included, uses the track's preset: Anki's v3 scheduler caps
    # a parent by its own limit too, so a parent left on Anki's default would let 3 weeks give 18.
    preset = pace_preset(config.namespace, f"track:{track.slug}", track.title, track.new_per_day)
    parent = PackagedDeck(
        deck_id=stable_int("deck", track.root_deck),
        name=track.root_deck,
        description=render_markdown(track.description),
        notes=tuple(
            PackagedNote(n.guid, n.model_id, n.fields, n.tags, n.mod, 0, False) for _, n in sorted(retired.items())
        ),
        preset=preset,
    )
    decks = [parent]
    position = 0
    # each card as its deck's release ships it (the same GUID, fields, tags and mod): only its place differs
    shipped = {n.uid: n for release in plan.releases for n in release.notes if n.with_cards}
    for stage in built.stages:
        notes = []
        for card in stage.cards:
            position += 1
            ship = shipped.get(card.uid)
            notes.append(
                plan.packaged_note(config.namespace, card, position)
                if ship is None
                else PackagedNote(ship.guid, ship.model_id, ship.fields, ship.tags, ship.mod, position)
            )
        decks.append(
            PackagedDeck(
                deck_id=stable_int("deck", stage.deck_name),
                name=stage.deck_name,
                description=render_markdown(stage.stage.description),
                notes=tuple(notes),
                preset=preset,
            )
        )
    return decks


def write_bundles(
    config: Config,
    plan: Plan,
    tracks: Sequence[BuiltTrack],
    note_types: Sequence[tuple[NoteType, int]],
    write: WriteApkg | None = None,
) -> list[Path]:
    """Write one bundle per track (``write`` defaults to package.write_apkg); return the paths."""
    if write is None:
        from deckgen.anki.package import write_apkg

        write = write_apkg

    written = []
    for built in tracks:
        target = bundle_path(config, built.track.slug)
        cards = [card for stage in built.stages for card in stage.cards]
        write(target, packaged_track(config, plan, built), note_types, media=plan.media_for(cards))
        written.append(target)
    return written


def publish_tracks(
    config: Config,
    plan: Plan,
    tracks: Sequence[BuiltTrack],
    note_types: Sequence[tuple[NoteType, int]],
    write: WriteApkg | None = None,
    cache_root: Path | None = None,
) -> list[Path]:
    """Write the track bundles, then ``build/site/`` over every deck and track; return what was written.

    ``cache_root`` is the project whose cache keeps rendered deck pages (None: render every changed page).
    """
    from deckgen.site.pages import KEPT_PAGES, SiteInput, find_changelog, write_site

    bundles = write_bundles(config, plan, tracks, note_types, write)
    cohorts, stale = site_cohorts(config, plan, tracks)
    plan.warnings.extend(stale)  # standing: each build says so until the calendars are written again
    plan.standing.extend(stale)
    site = SiteInput(
        project=config.name,
        notes=plan.notes,
        decks=plan.decks,
        fields=plan.fields,
        deck_files={deck.spec.slug: config.out_dir / f"{deck.spec.slug}.apkg" for deck in plan.decks},
        tracks=tracks,
        track_files={built.track.slug: path for built, path in zip(tracks, bundles)},
        changelog=find_changelog(config.out_dir),
        media=plan.media_files,
        cohorts=cohorts,
        kept=cache_root / CACHE_DIR / KEPT_PAGES if cache_root is not None else None,
    )
    return [*bundles, write_site(config.out_dir / "site", site)]


def site_cohorts(config: Config, plan: Plan, tracks: Sequence[BuiltTrack]) -> tuple[list[CohortPlan], list[str]]:
    """The plans of the cohorts that opted in to the site ('site: true'; the others are never published), and a
    warning for each cohort whose calendars in ``build/cohorts/`` no longer hold its plan."""
    if not cohort_files(config.decks_dir):
        return [], []  # no cohort file: nothing to plan, and the cohort modules need not load
    from deckgen.core.errors import ContentError
    from deckgen.sources.cohorts import load_cohorts
    from deckgen.tracks.calendar import cohort_dir, stale_calendars
    from deckgen.tracks.cohorts import plan_cohort

    by_slug = {built.track.slug: built for built in tracks}
    cohorts, findings = load_cohorts(config.decks_dir, config.root, by_slug)
    if findings:
        raise ContentError(findings)
    times = content_times(plan, tracks)
    wanted = [c for c in cohorts if c.site or cohort_dir(config, c.slug).is_dir()]
    plans = {c.slug: plan_cohort(c, by_slug, times) for c in wanted}
    sent = [plans[c.slug] for c in wanted if cohort_dir(config, c.slug).is_dir()]
    return [plans[c.slug] for c in wanted if c.site], stale_calendars(config, sent)


def content_times(plan: Plan, tracks: Sequence[BuiltTrack]) -> dict[str, int]:
    """When each track's cards last changed (deckgen.lock): a calendar's DTSTAMP, never the clock."""
    return {built.track.slug: max((plan.cards[c.uid].mod for c in built.cards), default=0) for built in tracks}
