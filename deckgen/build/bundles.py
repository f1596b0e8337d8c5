"""Tracks in a build: resolve them against the built decks and write one bundle ``.apkg`` each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from deckgen.core.config import Config
from deckgen.lock.identity import stable_int
from deckgen.anki.notetypes import NoteType
from deckgen.anki.render import render_markdown
from deckgen.sources.tracks import BuiltTrack, assemble_track, load_tracks

if TYPE_CHECKING:
    from deckgen.core.model import BuiltDeck, DeckSpec
    from deckgen.tracks.cohorts import CohortPlan
    from deckgen.anki.packaged import PackagedDeck
    from deckgen.build.pipeline import Plan

BUNDLE_DIR = "tracks"


def resolve_tracks(config: Config, specs: Sequence["DeckSpec"], decks: Sequence["BuiltDeck"]) -> list[BuiltTrack]:
    """Parse every track and resolve it to cards; raises ContentError before anything is written."""
    tracks = load_tracks(config.decks_dir, config.root, specs, config.name)
    by_slug = {deck.spec.slug: deck for deck in decks}
    return [assemble_track(track, by_slug) for track in tracks]


def bundle_path(config: Config, slug: str) -> Path:
    """Where a track's bundle is written: ``build/tracks/<slug>.apkg``."""
    return config.out_dir / BUNDLE_DIR / f"{slug}.apkg"


WriteApkg = Callable[..., None]


def packaged_track(config: Config, plan: "Plan", built: BuiltTrack) -> list["PackagedDeck"]:
    """The bundle's decks: the track's parent deck, then one subdeck per stage.

    ``due`` numbers run across the whole track, so Anki serves new cards stage by stage
    in curriculum order; GUIDs and ``mod`` are the cards' own, shared with every other
    package that ships them.
    """
    from deckgen.anki.packaged import PackagedDeck

    from deckgen.anki.packaged import PackagedNote

    track = built.track
    # Retired cards of the track's decks ride along without cards (see deckgen.lock.retire), so a
    # learner who studies through the bundle sees them marked too.
    slugs = {deck.spec.slug for stage in built.stages for deck in (*stage.decks, *stage.optional)}
    retired = {n.guid: n for release in plan.releases if release.spec.slug in slugs for n in release.notes if not n.with_cards}
    parent = PackagedDeck(
        deck_id=stable_int("deck", track.root_deck), name=track.root_deck,
        description=render_markdown(track.description),
        notes=tuple(PackagedNote(n.guid, n.model_id, n.fields, n.tags, n.mod, 0, False) for _, n in sorted(retired.items())),
    )
    decks = [parent]
    position = 0
    for stage in built.stages:
        notes = []
        for card in stage.cards:
            position += 1
            notes.append(plan.packaged_note(config.namespace, card, position))
        decks.append(PackagedDeck(
            deck_id=stable_int("deck", stage.deck_name), name=stage.deck_name,
            description=render_markdown(stage.stage.description), notes=tuple(notes),
        ))
    return decks


def write_bundles(config: Config, plan: "Plan", tracks: Sequence[BuiltTrack], note_types: Sequence[tuple[NoteType, int]],
                  write: WriteApkg | None = None) -> list[Path]:
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


def publish_tracks(config: Config, plan: "Plan", tracks: Sequence[BuiltTrack], note_types: Sequence[tuple[NoteType, int]],
                   write: WriteApkg | None = None) -> list[Path]:
    """Write the track bundles, then ``build/site/`` over every deck and track; return what was written."""
    from deckgen.site.pages import SiteInput, find_changelog, write_site

    bundles = write_bundles(config, plan, tracks, note_types, write)
    cohorts = site_cohorts(config, plan, tracks)
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
    )
    return [*bundles, write_site(config.out_dir / "site", site)]


def site_cohorts(config: Config, plan: "Plan", tracks: Sequence[BuiltTrack]) -> list["CohortPlan"]:
    """The plans of the cohorts that opted in to the site ('site: true'); the others are never published."""
    from deckgen.core.errors import ContentError
    from deckgen.sources.cohorts import load_cohorts
    from deckgen.tracks.cohorts import plan_cohort

    by_slug = {built.track.slug: built for built in tracks}
    cohorts, findings = load_cohorts(config.decks_dir, config.root, by_slug)
    if findings:
        raise ContentError(findings)
    return [plan_cohort(cohort, by_slug, content_times(plan, tracks)) for cohort in cohorts if cohort.site]


def content_times(plan: "Plan", tracks: Sequence[BuiltTrack]) -> dict[str, int]:
    """When each track's cards last changed (deckgen.lock): a calendar's DTSTAMP, never the clock."""
    return {built.track.slug: max((plan.stamped[c.uid].mod for c in built.cards), default=0) for built in tracks}
