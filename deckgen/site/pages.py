"""The static site in ``build/site/``: a page per track, a preview per deck, the downloads.

Everything it needs is in the folder (no CDN, no remote fonts), so it works offline,
from a file share or from any static host. Cards are previewed with the note types' own
templates and CSS (deckgen.anki.cardview), so a reviewer sees what Anki will show.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import hashlib
import html
import json
import marshal
import os
import re
import shutil
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.anki.cardview import render_note
from deckgen.anki.notetypes import card_css, note_type_for
from deckgen.anki.render import render_markdown
from deckgen.core.diskcache import code_fingerprint
from deckgen.core.files import atomic_write_bytes, remove_leftovers, replace_dir, staging_dir
from deckgen.core.keptfiles import SITE_PAGES, SUFFIXES, KeptFiles
from deckgen.core.model import BuiltDeck, Card, Note, anki_cards, count_anki_cards
from deckgen.lock.retire import RETIRED_SEARCH
from deckgen.sources.tracks import BuiltTrack
from deckgen.tracks.workload import Schedule, ahead_note, days_off_label, fmt_date, plan_track

if TYPE_CHECKING:  # cohorts (and their calendars) load only when a cohort page is written
    from deckgen.tracks.cohorts import CohortPlan

SITE_DIR = "site"
# A fixed Monday: the site describes weeks, not dates, and must not depend on the clock.
_REFERENCE_MONDAY = dt.date(2024, 1, 1)
_CHANGELOG_PATTERNS = ("CHANGELOG*.md", "changelog*.md", "CHANGELOG*.html", "changelog*.html")


@dataclass(frozen=True)
class SiteInput:
    """What the site shows: project name, decks with their files, tracks with their bundles."""

    project: str
    notes: Mapping[str, Note]
    decks: Sequence[BuiltDeck]
    fields: Mapping[str, tuple[str, ...]]  # by card uid: exactly what ships
    deck_files: Mapping[str, Path]  # deck slug -> .apkg
    tracks: Sequence[BuiltTrack]
    track_files: Mapping[str, Path]  # track slug -> bundle .apkg
    changelog: Path | None = None
    media: Mapping[str, Path] = field(default_factory=dict)  # packaged image name -> file (card previews show them)
    cohorts: Sequence[CohortPlan] = ()  # only cohorts whose file says 'site: true': the page names people
    kept: Path | None = None  # <project>/.deckgen-cache/site-pages/: deck pages by digest (None: no cache)
    # Worked out once per site: the index and each track page both show every track's
    # schedule and every deck's card count (planning a track walks every card of it).
    _schedules: dict[str, Schedule] = field(default_factory=dict, init=False, repr=False, compare=False)
    _counts: dict[int, tuple[BuiltDeck, int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _track_uids: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _track_decks: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def schedule(self, built: BuiltTrack) -> Schedule:
        """The track's schedule from the site's fixed reference Monday (planned once per site)."""
        slug = built.track.slug
        if slug not in self._schedules:
            # probe: the pages show no warning text, so no search for a later start that fits (up to 12 more
            # plans of every card: 0.6 s of a one-card edit's build at 2,000 notes)
            self._schedules[slug] = plan_track(built, _REFERENCE_MONDAY, probe=True)
        return self._schedules[slug]

    def shared(self, deck: BuiltDeck) -> list[tuple[BuiltTrack, int]]:
        """The tracks that ship some of ``deck``'s cards without it being one of their decks, with how many Anki
        cards: a learner who imports both gets each such card once, in whichever deck it arrived in first (Anki
        never moves a card on import). A track's own decks are covered by the index's "Tracks already include"."""
        if not self._track_uids:
            for built in self.tracks:
                # what the bundle ships: its required decks' cards (an optional deck has its own download)
                self._track_uids[built.track.slug] = frozenset(card.uid for card in built.cards)
                self._track_decks[built.track.slug] = frozenset(d.spec.slug for s in built.stages for d in s.decks)
        out = []
        for built in self.tracks:
            if deck.spec.slug in self._track_decks[built.track.slug]:
                continue
            uids = self._track_uids[built.track.slug]
            count = sum(anki_cards(card) for card in deck.cards if card.uid in uids)
            if count:
                out.append((built, count))
        return out

    def anki_cards(self, deck: BuiltDeck) -> int:
        """How many Anki cards ``deck`` makes (counted once per deck object; the deck is kept with it)."""
        if id(deck) not in self._counts:
            self._counts[id(deck)] = (deck, count_anki_cards(deck.cards))
        return self._counts[id(deck)][1]


def esc(text: object) -> str:
    """Escape plain text for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def find_changelog(out_dir: Path) -> Path | None:
    """A changelog the build wrote next to the decks (``CHANGELOG*.md`` or ``.html``), if any."""
    for pattern in _CHANGELOG_PATTERNS:
        found = sorted(p for p in out_dir.glob(pattern) if p.is_file())
        if found:
            return found[0]
    return None


def _asset(name: str) -> str:
    return resources.files("deckgen.site").joinpath(name).read_text(encoding="utf-8")


def asset_bytes(name: str) -> bytes | None:
    """The bytes the site writes at ``assets/<name>`` (None: no such asset)."""
    if name == "card.css":
        return card_css().encode("utf-8")
    if name in ("site.css", "site.js"):
        return _asset(name).encode("utf-8")
    return None


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _minutes(value: float) -> str:
    return f"{value:.0f} min" if value >= 10 else f"{value:.1f} min".replace(".0 min", " min")


def page(project: str, title: str, body: str, depth: int, *, crumbs: Sequence[tuple[str, str]] = ()) -> str:
    """A complete HTML page around ``body``; ``depth`` is how many folders below the site root it is."""
    up = "../" * depth
    trail = ""
    if crumbs:
        items = "".join(f'<li><a href="{esc(up + href)}">{esc(label)}</a></li>' for label, href in crumbs)
        trail = f'<nav class="crumbs" aria-label="Breadcrumb"><ol>{items}<li aria-current="page">{esc(title)}</li></ol></nav>'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{esc(title)} · {esc(project)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{up}assets/card.css">
<link rel="stylesheet" href="{up}assets/site.css">
<script src="{up}assets/site.js" defer></script>
</head>
<body class="site">
<a class="skip" href="#main">Skip to content</a>
<header class="masthead"><div class="wrap"><a class="brand" href="{up}index.html">{esc(project)}</a><span class="tagline">Onboarding flashcards</span></div></header>
<main id="main" class="wrap" tabindex="-1">
{trail}
{body}
</main>
<footer class="wrap foot"><p>Built with deckgen. Every page and deck here works offline; import the <code>.apkg</code> files into Anki.</p></footer>
</body>
</html>
"""


# What a page of the site may hold, for a page read back from the cache (untrusted, like the notes): the tags and
# attributes the functions above write, the one script and the stylesheets of every page's head; no event handler,
# no style attribute, no link to a scheme other than http(s) or mailto.
_PAGE_TAGS = frozenset(
    "html head body title main header footer nav section article aside div span p a ul ol li dl dt dd h1 h2 h3 h4 h5 "
    "h6 strong em code pre blockquote hr br figure figcaption table thead tbody tr th td img details summary small "
    "time abbr del s sub sup".split()
)
_HEAD_TAG_RE = re.compile(
    r'<meta charset="utf-8">|<meta name="viewport" content="width=device-width, initial-scale=1">'
    r'|<meta name="color-scheme" content="light dark">|<link rel="icon" href="data:,">'
    r'|<link rel="stylesheet" href="(?:\.\./)*assets/(?:card|site)\.css">'
    r'|<script src="(?:\.\./)*assets/site\.js" defer>|</script>'
)
_OTHER_TAG_RE = re.compile(r"<(?!/?(?:" + "|".join(sorted(_PAGE_TAGS)) + r")[\s/>])[^<>]*>?")
_OPEN_TAG_RE = re.compile(r"<[a-zA-Z][^<>]*>")
_QUOTED_RE = re.compile(r'"[^"]*"')
_PAGE_ATTRIBUTES = (
    "class id href src alt title lang role scope tabindex defer start colspan rowspan datetime open download "
    "hidden width height loading charset name content rel".split()
)
# in a page's opening tags with their quoted values emptied: an attribute name outside the list, or a value unquoted
_BAD_ATTRIBUTE_RE = re.compile(
    r"\s(?!(?:" + "|".join(_PAGE_ATTRIBUTES) + r"|aria-[\w-]+)(?![\w:-]))[a-zA-Z][\w:-]*|=(?!\"\")", re.IGNORECASE
)
# a link or source with a ':' or a character reference (which could spell one) before its first '/', '?' or '#'
_SCHEMED_URL_RE = re.compile(r'\s(?:href|src)="([^"/?#]*[:&][^"]*)"')
_URL_SCHEME_RE = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def safe_page(text: str) -> bool:
    """Whether ``text`` is a page deckgen could have written (see :data:`_PAGE_TAGS`): checked before a page kept in
    the project's cache is used, so an edited copy never reaches the site. (A few regular expressions over the whole
    page: a deck page holds thousands of tags, and the copy of build/ back checks every page.)"""
    body = text.removeprefix("<!doctype html>\n")
    if not all(_HEAD_TAG_RE.fullmatch(tag.group()) for tag in _OTHER_TAG_RE.finditer(body)):
        return False  # a tag the site never writes, or its head's tags in another form
    tags = " ".join(_OPEN_TAG_RE.findall(body))
    if _BAD_ATTRIBUTE_RE.search(_QUOTED_RE.sub('""', tags)):  # (the site quotes every value, escapes '"' in text)
        return False
    for value in _SCHEMED_URL_RE.findall(tags):
        scheme = _URL_SCHEME_RE.match(html.unescape(value))
        if scheme and scheme.group(1).lower() not in ("http", "https", "mailto") and value != "data:,":
            return False
    return True


def _download(href: str, label: str, path: Path, primary: bool = False) -> str:
    cls = "button primary" if primary else "button"
    return f'<a class="{cls}" href="{esc(href)}" download>{esc(label)} <span class="meta">(.apkg, {_size(path)})</span></a>'


def index_page(site: SiteInput) -> str:
    """The landing page: every track, every deck, the changelog."""
    parts = [
        f"<h1>{esc(site.project)}</h1>",
        '<p class="lede">Spaced-repetition flashcards for the essays and ideas every new product manager here learns. '
        + (
            "Pick your track, import it into Anki, and study a few minutes a day.</p>"
            if site.tracks
            else "Pick a deck, import it into Anki, and study a few minutes a day.</p>"
        ),
    ]
    if site.tracks:
        parts.append('<section aria-labelledby="tracks-h"><h2 id="tracks-h">Onboarding tracks</h2><ul class="tiles">')
        for built in site.tracks:
            track, schedule = built.track, site.schedule(built)
            busiest = max((s.avg_minutes for s in schedule.stages), default=0.0)
            parts.append(
                f'<li class="tile"><h3><a href="tracks/{esc(track.slug)}.html">{esc(track.title)}</a></h3>'
                f'<p class="role">For: {esc(track.role)}</p>'
                + (f'<div class="desc">{render_markdown(track.description)}</div>' if track.description else "")
                + f'<p class="facts">{_plural(len(track.stages), "week")} · {_plural(schedule.total_cards, "card")} · '
                f"about {_minutes(busiest)} a day</p>"
                f'<p class="actions"><a class="button primary" href="tracks/{esc(track.slug)}.html">Open the track</a> '
                + _download(f"downloads/tracks/{track.slug}.apkg", "Download", site.track_files[track.slug])
                + "</p></li>"
            )
        parts.append("</ul></section>")
    if site.cohorts:
        parts.append('<section aria-labelledby="cohorts-h"><h2 id="cohorts-h">Cohorts</h2><ul>')
        parts.extend(
            f'<li><a href="cohorts/{esc(plan.cohort.slug)}.html">{esc(plan.cohort.title)}</a> '
            f"({_plural(len(plan.hires), 'hire')})</li>"
            for plan in site.cohorts
        )
        parts.append("</ul></section>")
    parts.append(
        '<section aria-labelledby="decks-h"><h2 id="decks-h">All decks</h2>'
        "<p>Every deck on its own, with a preview of every card."
        + (" Tracks already include their required decks." if site.tracks else "")
        + "</p>"
        '<div class="table-wrap"><table class="decks"><thead><tr><th scope="col">Deck</th><th scope="col">Cards</th>'
        '<th scope="col">Preview</th><th scope="col">Download</th></tr></thead><tbody>'
    )
    for deck in site.decks:
        slug = deck.spec.slug
        parts.append(
            f'<tr><th scope="row"><span class="deckname">{esc(deck.spec.name.split("::")[-1])}</span>'
            + (f'<span class="sub">{esc(deck.spec.description)}</span>' if deck.spec.description else "")
            + _shared_note(site.shared(deck))
            + f'</th><td class="num">{site.anki_cards(deck)}</td>'
            f'<td><a href="decks/{esc(slug)}.html">Preview<span class="sr"> {esc(deck.spec.name)}</span></a></td>'
            f'<td><a href="downloads/decks/{esc(slug)}.apkg" download>{esc(slug)}.apkg</a> <span class="meta">{_size(site.deck_files[slug])}</span></td></tr>'
        )
    parts.append("</tbody></table></div></section>")
    parts.append(_changelog_section(site, depth=0))
    return page(site.project, "Onboarding decks", "\n".join(parts), 0)


def _shared_note(shared: Sequence[tuple[BuiltTrack, int]]) -> str:
    """The index row's note on a deck whose cards a track also ships ('' when none does)."""
    if not shared:
        return ""
    tracks = " and ".join(
        f'<a href="tracks/{esc(built.track.slug)}.html">{esc(built.track.title)}</a> ({count})'
        for built, count in shared
    )
    return (
        f'<span class="sub">Its cards are also in {"the track" if len(shared) == 1 else "the tracks"} {tracks}: '
        "if you study a track, do not import this deck too (Anki keeps each card in the deck it first arrived in, "
        "so it would leave its week).</span>"
    )


def _changelog_section(site: SiteInput, depth: int) -> str:
    if site.changelog is None:
        return ""
    href = "../" * depth + "changelog.html"
    return (
        '<section aria-labelledby="changes-h"><h2 id="changes-h">What changed</h2>'
        f'<p>Decks are updated as the notes improve. <a href="{href}">Read the changelog</a>, then re-import the new file: '
        "your progress is kept.</p></section>"
    )


PRESET_OPTION = "Import any deck presets"  # the label of ``with_deck_configs`` in Anki's import dialog


def import_steps(root_deck: str, new_per_day: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per app, the steps to import a track so that Anki uses its pace (measured in anki 26.9.3)."""
    deck, pace = esc(root_deck), f"<strong>{new_per_day}</strong>"
    by_hand = (
        f"If the import had no <em>{PRESET_OPTION}</em> option, or you left it off: open the options of "
        f"<strong>{deck}</strong> (the gear beside it), choose <strong>Add Preset</strong> from the menu beside "
        "Save (so your other decks keep theirs), set <strong>New cards/day</strong> to "
        f"{pace}, and choose <strong>Save to All Subdecks</strong>."
    )
    return (
        (
            "Anki on a computer (Windows, Mac, Linux)",
            (
                "Install Anki from the official Anki website if you do not have it.",
                "Download the track file above.",
                "In Anki choose <strong>File → Import…</strong> and pick the file (or double-click the file).",
                f"Switch on <strong>{PRESET_OPTION}</strong>, leave the other options as they are, and click "
                f"<strong>Import</strong>: the track's decks then give you {pace} new cards a day.",
                f"Click <strong>{deck}</strong>, then <strong>Study Now</strong>. Anki shows new cards in the order "
                "of the weeks.",
                by_hand,
            ),
        ),
        (
            "AnkiDroid (Android)",
            (
                "Install AnkiDroid from Google Play or F-Droid.",
                "Download the track file on the phone.",
                "Open the file from the notification or your Downloads, and choose <strong>AnkiDroid</strong>; "
                "or in AnkiDroid tap <strong>⋮ → Import</strong> and pick the file.",
                f"If the import shows options, switch on <strong>{PRESET_OPTION}</strong>.",
                f"Tap <strong>{deck}</strong> to start studying.",
                by_hand,
            ),
        ),
        (
            "AnkiMobile (iPhone, iPad)",
            (
                "Install AnkiMobile from the App Store.",
                "Download the track file in Safari, or save it to Files.",
                "Tap the file and choose <strong>Open in Anki</strong> (Share → Anki).",
                f"Tap <strong>{deck}</strong> to start studying.",
                by_hand,
            ),
        ),
    )


def _import_section(root_deck: str, new_per_day: int) -> str:
    parts = ['<section aria-labelledby="import-h"><h2 id="import-h">How to import</h2><div class="steps">']
    for heading, steps in import_steps(root_deck, new_per_day):
        items = "".join(f"<li>{step}</li>" for step in steps)
        parts.append(f'<div class="step-card"><h3>{esc(heading)}</h3><ol>{items}</ol></div>')
    parts.append(
        "</div><p><strong>Updates:</strong> when a new version is announced, download it and import it the same way. "
        "Cards you have studied keep their progress, fixed cards are updated in place, and nothing is duplicated. "
        f"With <em>{PRESET_OPTION}</em> on, Anki puts the track's decks back on the track's preset if you moved "
        "them to a preset of your own (changes you made to the track's preset itself are kept); if you chose your "
        "own preset, switch the option off for updates (Anki remembers your last choice). "
        "A card the team retired stays in your collection with its history, marked <em>Retired</em>: in "
        f"<em>Browse</em>, search <code>{esc(RETIRED_SEARCH)}</code>, select them all, then "
        "<em>Cards → Toggle Suspend</em> (or <em>Notes → Delete</em>) so they stop coming up. "
        "If you use Anki on several devices, import on one and sync.</p></section>"
    )
    return "".join(parts)


def track_page(site: SiteInput, built: BuiltTrack) -> str:
    """A track: its weeks, decks, card counts, workload, download and import steps."""
    track, schedule = built.track, site.schedule(built)
    busiest = max((s.avg_minutes for s in schedule.stages), default=0.0)
    finish_week = 1 + ((schedule.finish - _REFERENCE_MONDAY).days // 7) if schedule.finish else len(track.stages)
    parts = [f"<h1>{esc(track.title)}</h1>", f'<p class="role">For: {esc(track.role)}</p>']
    if track.description:
        parts.append(f'<div class="lede">{render_markdown(track.description)}</div>')
    parts.append(
        '<p class="actions">'
        + _download(
            f"../downloads/tracks/{track.slug}.apkg", "Download the track", site.track_files[track.slug], primary=True
        )
        + "</p>"
    )
    # decks outside the track that ship some of its cards: imported too, they take those cards out of their weeks
    others = [
        f'<a href="../decks/{esc(deck.spec.slug)}.html">{esc(deck.spec.name.split("::")[-1])}</a> '
        f"({_plural(count, 'card')} of it are in this track)"
        for deck in site.decks
        for other, count in site.shared(deck)
        if other is built
    ]
    # ... and the decks it is made of, each on its own download too (a learner's try: importing Discovery before the
    # track left the track's Discovery week empty, and only the shared deck was named here)
    own = list({d.spec.slug: d for stage in built.stages for d in stage.decks}.values())
    made_of = ", ".join(
        f'<a href="../decks/{esc(d.spec.slug)}.html">{esc(d.spec.name.split("::")[-1])}</a>' for d in own
    )
    if others or own:
        parts.append(
            '<p class="warn" role="note">The track holds every card you need: do not also import '
            + ", ".join(others)
            + (", or " if others and own else "")
            + (f"the decks it is made of ({made_of}) on their own" if own else "")
            + ". Anki keeps each card in the deck it first arrived in, so those cards would leave their weeks.</p>"
        )
    parts.append(
        '<dl class="facts-grid">'
        f"<div><dt>Length</dt><dd>{_plural(len(track.stages), 'week')}</dd></div>"
        f"<div><dt>Cards</dt><dd>{schedule.total_cards}</dd></div>"
        f"<div><dt>New cards a day</dt><dd>{schedule.new_per_day}</dd></div>"
        f"<div><dt>Daily time</dt><dd>about {_minutes(busiest)}</dd></div>"
        f"<div><dt>All cards seen</dt><dd>in week {finish_week}</dd></div>"
        "</dl>"
    )
    parts.append('<section aria-labelledby="weeks-h"><h2 id="weeks-h">Week by week</h2><ol class="timeline">')
    stages = {stage.stage.number: stage for stage in built.stages}
    for week in schedule.weeks():  # the stages' weeks, then the weeks of cards left over
        plan, stage = week.stage, stages.get(week.number)
        head = f'<li class="stage"><span class="badge-week" aria-hidden="true">{week.number}</span><h3>Week {week.number} — {esc(week.title)}</h3>'
        facts = (
            f'<p class="facts">{_plural(week.new_cards, "new card")} this week · about {_minutes(week.avg_minutes)} a day '
            f"(at most {_minutes(week.peak_minutes)})</p>"
        )
        if plan is None or stage is None:  # a week of cards left over: no decks of its own
            parts.append(head + facts + "</li>")
            continue
        decks = [_deck_item(deck, site, optional=False, cards=site.anki_cards(deck)) for deck in stage.decks]
        decks += [_deck_item(deck, site, optional=True, cards=site.anki_cards(deck)) for deck in stage.optional]
        note = (
            f'<p class="warn" role="note">At {schedule.new_per_day} new cards a day this week runs over; '
            f"{plan.pace_to_fit} a day would fit.</p>"
            if not plan.fits and plan.pace_to_fit
            else f'<p class="facts" role="note">{esc(ahead)}</p>'
            if (ahead := ahead_note(plan, schedule, dated=False))
            else ""
        )
        description = (
            f'<div class="desc">{render_markdown(stage.stage.description)}</div>' if stage.stage.description else ""
        )
        parts.append(head + description + facts + note + f'<ul class="deck-list">{"".join(decks)}</ul></li>')
    parts.append("</ol>")
    model = schedule.model
    parts.append(
        '<p class="fine">How the time is estimated: new cards are started in order, '
        f"{schedule.new_per_day} a day on weekdays, each seen twice on its first day (Anki's default learning steps, 1 and 10 minutes, "
        f"{model.seconds_per_new_card:.0f} s in all); then reviewed after {', '.join(str(d) for d in model.review_offsets_days)} days "
        f"at {model.seconds_per_review:.0f} s each, with one in ten forgotten and seen again. "
        f"Managers can plan a cohort with dates: <code>deckgen plan {esc(track.slug)} --start YYYY-MM-DD</code>.</p></section>"
    )
    parts.append(_import_section(track.root_deck, track.new_per_day))
    parts.append(_changelog_section(site, depth=1))
    return page(site.project, track.title, "\n".join(parts), 1, crumbs=[("Home", "index.html")])


def cohort_page(site: SiteInput, plan: CohortPlan) -> str:
    """A cohort (opt-in with 'site: true'): each hire's track, dates, pace, weeks and calendar download."""
    from deckgen.tracks.calendar import calendar_name

    cohort = plan.cohort
    parts = [
        f"<h1>{esc(cohort.title)}</h1>",
        f'<p class="lede">{_plural(len(plan.hires), "hire")} · study time {cohort.study_time:%H:%M} ({esc(cohort.timezone)}). '
        "Each calendar holds a daily study block sized by the plan and the start of each week.</p>",
    ]
    for hp in plan.hires:
        schedule = hp.schedule
        finish = fmt_date(schedule.finish) if schedule.finish else "—"
        rows = "".join(
            f"<tr><td>{w.number}</td><td>{esc(fmt_date(w.week_start))}</td><td>{esc(w.title)}</td>"
            f'<td class="num">{w.new_cards}</td><td>{_minutes(w.avg_minutes)}</td></tr>'
            for w in schedule.weeks()
        )
        # The pace warnings `deckgen plan --cohort` prints for this hire: a manager who only reads the site sees them
        # too, marked as theirs (the hire reads the page and their calendar says what the hire does)
        warnings = "".join(
            f'<p class="warn" role="note"><strong>For the manager:</strong> {esc(warning)}</p>'
            for warning in schedule.warnings
        ) + "".join(
            f'<p class="facts" role="note"><strong>For the manager:</strong> {esc(note)}</p>' for note in schedule.notes
        )
        parts.append(
            f'<section aria-labelledby="hire-{esc(hp.hire.slug)}"><h2 id="hire-{esc(hp.hire.slug)}">{esc(hp.hire.name)}</h2>'
            f'<p class="facts"><a href="../tracks/{esc(hp.track.track.slug)}.html">{esc(hp.track.track.title)}</a> · '
            f"starts {esc(fmt_date(hp.hire.start))} · {_plural(schedule.new_per_day, 'new card')} a day · "
            f"every card started by {esc(finish)}"
            + (
                f" · days off: {esc(days_off_label(schedule.days_off, schedule.days_per_week))}"
                if schedule.days_off
                else ""
            )
            + f"</p><p>{esc(hp.instructions)}</p>{warnings}"
            '<div class="table-wrap"><table><thead><tr><th scope="col">Week</th><th scope="col">Starts</th>'
            '<th scope="col">Stage</th><th scope="col">New cards</th><th scope="col">A day</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
            f'<p class="actions"><a class="button" href="{esc(cohort.slug)}/{esc(calendar_name(hp))}" download>'
            f'Calendar for {esc(hp.hire.name)} <span class="meta">(.ics)</span></a></p></section>'
        )
    return page(site.project, cohort.title, "\n".join(parts), 1, crumbs=[("Home", "index.html")])


def _deck_item(deck: BuiltDeck, site: SiteInput, *, optional: bool, cards: int) -> str:
    slug = deck.spec.slug
    label = '<span class="pill optional">Optional</span>' if optional else '<span class="pill">Required</span>'
    download = (
        f' · <a href="../downloads/decks/{esc(slug)}.apkg" download>Download<span class="sr"> {esc(deck.spec.name)}</span></a>'
        if optional
        else ""
    )
    return (
        f'<li>{label} <span class="deckname">{esc(deck.spec.name.split("::")[-1])}</span> '
        f'<span class="meta">{_plural(cards, "card")}</span> · '
        f'<a href="../decks/{esc(slug)}.html">Preview<span class="sr"> {esc(deck.spec.name)}</span></a>{download}</li>'
    )


def deck_page(site: SiteInput, deck: BuiltDeck) -> str:
    """Every card of a deck, front and back, rendered with the note type's templates and CSS."""
    slug = deck.spec.slug
    total = site.anki_cards(deck)
    parts = [
        f"<h1>{esc(deck.spec.name.split('::')[-1])}</h1>",
        f'<p class="role">Anki deck: <span class="deckname">{esc(deck.spec.name)}</span> · {_plural(total, "card")}</p>',
    ]
    if deck.spec.description:
        parts.append(f'<div class="lede">{render_markdown(deck.spec.description)}</div>')
    parts.append(
        '<p class="actions">'
        + _download(f"../downloads/decks/{slug}.apkg", "Download this deck", site.deck_files[slug], primary=True)
        + "</p>"
    )
    number = 0
    note_id = None
    for card in deck.cards:
        if card.note_id != note_id:
            if note_id is not None:
                parts.append("</section>")
            note_id = card.note_id
            parts.append(_note_header(site.notes.get(card.note_id), card))
        for rendered in render_note(note_type_for(card), site.fields[card.uid]):
            number += 1
            kind = (
                "Cloze"
                if card.kind == "cloze"
                else ("Question → answer" if rendered.template == "Forward" else "Answer → question")
            )
            label = f"Card {number} of {total}"
            parts.append(
                f'<article class="preview" aria-label="{esc(label)}"><h3 class="preview-h">{esc(label)} <span class="meta">· {esc(kind)}</span></h3>'
                f'<div class="sides"><figure class="side"><figcaption>Front</figcaption><div class="card">{rendered.front}</div></figure>'
                f'<figure class="side"><figcaption>Back</figcaption><div class="card">{rendered.back}</div></figure></div></article>'
            )
    if note_id is not None:
        parts.append("</section>")
    return page(
        site.project, f"Preview: {deck.spec.name.split('::')[-1]}", "\n".join(parts), 1, crumbs=[("Home", "index.html")]
    )


def _note_header(note: Note | None, card: Card) -> str:
    if note is None:
        return f'<section class="note"><h2>{esc(card.note_id)}</h2>'
    byline = f'<p class="meta">{esc(note.author)}</p>' if note.author else ""
    return f'<section class="note" aria-label="{esc(note.title)}"><h2>{esc(note.title)}</h2>{byline}'


def changelog_page(site: SiteInput) -> str | None:
    """The build's changelog as a page (Markdown rendered safely), or None for an HTML changelog (copied)."""
    if site.changelog is None or site.changelog.suffix != ".md":
        return None
    body = render_markdown(site.changelog.read_text(encoding="utf-8"))
    return page(
        site.project,
        "Changelog",
        f'<div class="changelog">{body}</div>' if body.startswith("<h1") else f"<h1>Changelog</h1>{body}",
        0,
        crumbs=[("Home", "index.html")],
    )


PAGE_DIGESTS = ".deckgen-cache/site-pages.json"
KEPT_PAGES = SITE_PAGES  # in <project>/.deckgen-cache/: deck pages by digest, kept across `rm -rf build/`


def _deck_page_digests(site: SiteInput) -> dict[str, str]:
    """What each deck preview page is made from; an unchanged digest means an unchanged page."""
    digests = {}
    code = code_fingerprint()
    bylines = {note_id: (note.title, note.author) for note_id, note in site.notes.items()}
    for deck in site.decks:
        slug = deck.spec.slug
        digest = hashlib.sha256(
            repr((site.project, deck.spec, site.anki_cards(deck), _size(site.deck_files[slug]), code)).encode()
        )
        # marshal format 0 (as the package digest): equal values give equal bytes in any process,
        # several times cheaper than repr() of every card's HTML; only hashed, never loaded
        rows = [(c.uid, c.note_id, c.kind, bylines.get(c.note_id), site.fields[c.uid]) for c in deck.cards]
        digest.update(marshal.dumps(rows, 0))
        digests[f"decks/{slug}.html"] = digest.hexdigest()
    return digests


def _read_pages(path: Path) -> dict[str, tuple[str, int, int]]:
    """The last site's deck pages: digest, size and mtime of each file as written (untrusted: checked)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict):
        return {}
    return {
        name: (entry[0], entry[1], entry[2])
        for name, entry in pages.items()
        if isinstance(name, str)
        and isinstance(entry, list)
        and len(entry) == 3
        and isinstance(entry[0], str)
        and all(isinstance(n, int) and not isinstance(n, bool) for n in entry[1:])
    }


def _regular(path: Path) -> os.stat_result | None:
    """``path``'s stat if it is a regular file (not a link to somewhere else), else None."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _link(old: Path, dest: Path) -> bool:
    """Put the old site's file at ``dest`` without writing its bytes again (a hard link); False if impossible."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, dest, follow_symlinks=False)
    except OSError:  # a file system without hard links: the caller writes the bytes
        return False
    return True


def _place(dest: Path, data: bytes, old: Path) -> None:
    """Write ``data`` at ``dest``, or link the old site's file when it already holds exactly these bytes."""
    info = _regular(old)
    if info is not None and info.st_size == len(data) and old.read_bytes() == data and _link(old, dest):
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)


def _copy(source: Path, dest: Path, old: Path) -> None:
    """Copy ``source`` to ``dest``, or link the old site's copy when its bytes are the same."""
    info = _regular(old)
    if info is not None and info.st_size == source.stat().st_size and filecmp.cmp(source, old, shallow=False):
        if _link(old, dest):
            return
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)


def write_site(target: Path, site: SiteInput) -> Path:
    """Write the whole site to ``target`` (replacing it); built in a temp folder, then moved into place.

    A file whose bytes the last site already holds is hard-linked from it instead of written,
    and a deck page whose inputs are unchanged (same digest, file untouched since) is not
    rendered at all: a one-card edit renders one deck page. Without the last site (``build/``
    deleted) a deck page comes from the project's kept pages when its digest matches.
    """
    remove_leftovers(target)  # staging and old folders of a killed build: named after the site, never anything else
    for legacy in target.parent.glob(f".{target.name}-*"):  # the names deckgen used before (.site-XXXXXXXX, .site-old)
        if legacy.is_dir() and re.fullmatch(rf"\.{re.escape(target.name)}-(old|[a-z0-9_]{{8}})", legacy.name):
            shutil.rmtree(legacy, ignore_errors=True)
    staging = staging_dir(target)
    try:
        files: dict[str, str | bytes] = {
            "index.html": index_page(site),
            "assets/site.css": _asset("site.css"),
            "assets/site.js": _asset("site.js"),
            "assets/card.css": card_css(),
        }
        kept = KeptFiles(
            site.kept, SUFFIXES[SITE_PAGES]
        )  # deck pages by digest: no size limit, no salt (the digest has the code)
        for built in site.tracks:
            files[f"tracks/{built.track.slug}.html"] = track_page(site, built)
        for cohort_plan in site.cohorts:
            files[f"cohorts/{cohort_plan.cohort.slug}.html"] = cohort_page(site, cohort_plan)
        digests = _deck_page_digests(site)
        previous = _read_pages(target.parent / PAGE_DIGESTS)
        for deck in site.decks:
            name = f"decks/{deck.spec.slug}.html"
            old, info = target / name, _regular(target / name)
            last = previous.get(name)
            # same inputs and the file as the last build left it: the same page, linked, not rendered
            if last and info and last == (digests[name], info.st_size, info.st_mtime_ns) and _link(old, staging / name):
                continue
            data = kept.get(digests[name])
            if data is not None and not safe_page(data.decode("utf-8", "replace")):
                data = None  # not a page deckgen writes (the cache is untrusted input): rendered anew
            if data is None:
                data = deck_page(site, deck).encode("utf-8")
                kept.put(digests[name], data)
            files[name] = data
        changelog = changelog_page(site)
        if changelog is not None:
            files["changelog.html"] = changelog
        for name, text in files.items():  # the staging folder is moved as a whole: no per-file rename needed
            _place(staging / name, text.encode("utf-8") if isinstance(text, str) else text, target / name)
        if site.cohorts:
            from deckgen.tracks.calendar import calendar_name, hire_calendar
        for cohort_plan in site.cohorts:
            for hp in cohort_plan.hires:
                name = f"cohorts/{cohort_plan.cohort.slug}/{calendar_name(hp)}"
                _place(staging / name, hire_calendar(cohort_plan, hp), target / name)
        copies = {f"downloads/decks/{slug}.apkg": path for slug, path in site.deck_files.items()}
        copies.update({f"downloads/tracks/{slug}.apkg": path for slug, path in site.track_files.items()})
        for image, path in site.media.items():  # card HTML names images relative to its page
            copies.update({f"{folder}/{image}": path for folder in ("decks", "tracks")})
        if site.changelog is not None and site.changelog.suffix == ".html":
            copies["changelog.html"] = site.changelog
        for name, path in copies.items():
            _copy(path, staging / name, target / name)
        replace_dir(staging, target)
        pages = {}
        for name, digest in digests.items():
            info = _regular(target / name)
            if info is not None:
                pages[name] = [digest, info.st_size, info.st_mtime_ns]
        record = json.dumps({"pages": pages}, sort_keys=True).encode()
        atomic_write_bytes(target.parent / PAGE_DIGESTS, record, durable=False)
        kept.prune(digests.values())
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
