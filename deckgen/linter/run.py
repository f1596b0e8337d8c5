"""Schema, safety and card-quality checks over the whole project; returns findings, never prints.

Parsing here is tolerant: a broken note is reported and the others are still checked,
so one run lists every problem. ``pipeline.lint_project`` adds the lockfile check,
which needs a build plan.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from deckgen.anki.render import MAX_CLOZE, anki_syntax
from deckgen.cards.load import Sources, valid_findings
from deckgen.core.cardrules import Issue, LintSettings, Side, check_card
from deckgen.core.config import CONFIG_NAME, Config, setting_line
from deckgen.core.diskcache import PROJECT
from deckgen.core.errors import ContentError, Finding
from deckgen.core.model import Card, CardBlock, Note
from deckgen.core.sections import PLACEHOLDER_BLURB, misspelled_heading, role_of
from deckgen.core.text import plain
from deckgen.quality.catalogue import BY_ID, QUALITY_IDS, find_rule
from deckgen.quality.neardup import Pair, prompt_stems, similar_sets, similarity
from deckgen.quality.neardup import near_duplicates as find_near_duplicates
from deckgen.quality.settings import lint_settings
from deckgen.sources.layout import cohort_files, track_files
from deckgen.sources.manifests import missing_manifests, note_index, select_notes
from deckgen.sources.media import MediaStore
from deckgen.sources.notes import waiting_drafts, written_ids

_REF_RE = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_CODE_SPAN_RE = re.compile(r"`+[^`]*`+")
_RAW_HTML_RE = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>|<!--")
_SAFE_LINK_RE = re.compile(r"^(https?:|mailto:)", re.I)
_BARE_DOMAIN_RE = re.compile(r"^([a-z0-9-]+\.)+[a-z]{2,}(/\S*)?$", re.I)  # www.svpg.com/inspired
# What reaches a learner's Anki or browser: never silenced by `Ignore:` or [lint.rules].
SAFETY_RULES = frozenset({"media", "raw-html", "unsafe-link", "anki-syntax"})
_CARD_RULES = frozenset(QUALITY_IDS) | SAFETY_RULES
_CLOZE_NUMBER_RE = re.compile(r"\{\{c(\d+)::")
_SIDE_KEYS = {"front": ("Q", "C"), "back": ("A",), "extra": ("Extra",)}


@dataclass(frozen=True)
class LintReport:
    """The findings of one lint run, sorted by file and line."""

    findings: tuple[Finding, ...]
    files: int = 0
    cards: int = 0

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings that stop a build."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings that do not stop a build."""
        return tuple(f for f in self.findings if f.severity == "warning")

    def failed(self, strict: bool = False) -> bool:
        """Whether the run should exit 1 (errors; or any finding when ``strict``)."""
        return bool(self.errors or (strict and self.findings))

    def only(self, files: Collection[str], folders: Collection[str]) -> LintReport:
        """The findings in ``files`` or under ``folders`` (project-relative POSIX paths), the counts kept; and a
        near-duplicate found in another file whose twin is in them (a PM lead linting the note they just wrote
        was told only '(1 more in other files)': L16 reports a pair at its later card)."""

        def within(path: str) -> bool:
            return path in files or any(not folder or path.startswith(folder + "/") for folder in folders)

        kept = tuple(
            f
            for f in self.findings
            if within(f.path) or (f.rule == "L16" and (twin := _L16_TWIN_RE.search(f.message)) and within(twin[1]))
        )
        return LintReport(kept, self.files, self.cards)


_L16_TWIN_RE = re.compile(r" like the one at (.+):\d+$")  # pair_findings' message names the pair's first card


def lint_scope(config: Config, targets: Sequence[str]) -> tuple[set[str], set[str]]:
    """The files and folders (project-relative) that ``deckgen lint TARGET…`` reports on.

    A target is a path (a note, a deck manifest, a folder) or a note's id; ConfigError names
    each one that is neither, or a path outside the project.
    """
    from deckgen.core.errors import ConfigError
    from deckgen.sources.layout import note_files

    files: set[str] = set()
    folders: set[str] = set()
    problems: list[Finding] = []
    by_stem: dict[str, list[str]] | None = None
    by_id: dict[str, list[str]] | None = None
    for target in targets:
        path = Path(target)
        if path.exists():
            resolved = path.resolve()
            try:
                rel = resolved.relative_to(config.root.resolve()).as_posix()
            except ValueError:
                problems.append(
                    Finding(target, 0, "is not in this project", f"name a file under {config.root}", "lint")
                )
                continue
            if resolved.is_dir():
                folders.add("" if rel == "." else rel)  # "": the whole project
            else:
                files.add(rel)
            continue
        if by_stem is None:
            by_stem = {}
            for note_path in note_files(config.content_dir):
                by_stem.setdefault(note_path.stem, []).append(config.rel(note_path))
        matches = by_stem.get(target, [])
        if not matches:  # an id that is not its file's name: read the notes' ids (once)
            if by_id is None:
                from deckgen.sources.notes import collect_notes

                by_id = {}
                for note in collect_notes(config.content_dir, config.root)[0]:
                    by_id.setdefault(note.id, []).append(note.path)
            matches = by_id.get(target, [])
        if matches:
            files.update(matches)
        else:
            problems.append(
                Finding(
                    target, 0, "no note, file or folder by that name", "name a note file, a folder or a note id", "lint"
                )
            )
    if problems:
        raise ConfigError(problems)
    return files, folders


def settings_for(config: Config) -> LintSettings:
    """The project's ``[lint]`` settings (ConfigError when invalid)."""
    toml = config.root / CONFIG_NAME
    return lint_settings(config.section("lint"), CONFIG_NAME, lambda table, key: setting_line(toml, table, key))


def media_store(config: Config, settings: LintSettings | None = None) -> MediaStore:
    """A media store for the project with its configured size limit."""
    return MediaStore(config.root, (settings or settings_for(config)).media_max_bytes)


@dataclass
class LintParts:
    """One lint run's raw findings, split by what can change them: one note file, or the whole project."""

    shared: list[Finding]  # parsing, ids, manifests, tracks, cohorts: whole-project checks
    own: dict[str, list[Finding]]  # note path -> the findings of its own cards (no other note changes them)
    near: list[Finding] | None  # near-duplicate questions across notes; None when not checked
    files: int = 0
    cards: int = 0

    def report(self, settings: LintSettings, *, near_duplicates: bool = True) -> LintReport:
        """The finished report (``near_duplicates=False`` leaves out the near duplicates)."""
        findings = list(self.shared)
        for own in self.own.values():
            findings += own
        if near_duplicates and self.near:
            findings += self.near
        return finish(findings, settings, files=self.files, cards=self.cards)


def lint_sources(
    config: Config, sources: Sources, settings: LintSettings | None = None, *, near_duplicates: bool = True
) -> LintReport:
    """Every finding for parsed sources (the lockfile check is added by the pipeline)."""
    settings = settings or settings_for(config)
    return lint_parts(config, sources, settings, near_duplicates=near_duplicates).report(settings)


def lint_parts(config: Config, sources: Sources, settings: LintSettings, *, near_duplicates: bool = True) -> LintParts:
    """:func:`lint_sources`'s findings before they are finished, split by where they come from."""
    findings = list(sources.findings)
    if sources.specs:
        index = note_index(sources.notes)
        unreadable = written_ids(config.root, sources.findings)
        for spec in sources.specs:
            findings += select_notes(spec, index, unreadable)[1]
    else:
        findings += missing_manifests(config.rel(config.decks_dir), sources.specs, sources.findings)
    # Tracks and cohorts are read here only: a lint that the last build's snapshot answers
    # (deckgen.builder.incremental) does not import them.
    from deckgen.sources.tracks import load_tracks

    try:  # the build reads the tracks too: a track it would refuse fails lint
        load_tracks(config.decks_dir, config.root, sources.specs, config.name)
    except ContentError as exc:
        findings += exc.findings
    findings += cohort_findings(config)
    store = media_store(config, settings)
    own = {note.path: note_findings(sources, note, settings, store) for note in sources.notes}
    near = near_duplicate_findings(sources, settings) if near_duplicates else None
    cards = sum(len(sources.cards.get(note.id, [])) for note in sources.notes)
    return LintParts(findings, own, near, files=sources.files, cards=cards)


def note_findings(sources: Sources, note: Note, settings: LintSettings, store: MediaStore) -> list[Finding]:
    """The findings of ``note``'s own cards (memoised per note file)."""
    return sources.remembered(  # type: ignore[no-any-return]
        "lint",
        note,
        functools.partial(_note_findings, sources.cards.get(note.id, []), note, settings, store),
        valid_findings,
    )


def near_duplicate_findings(sources: Sources, settings: LintSettings) -> list[Finding]:
    """L16 over every pair of questions in the project (pairs of unchanged notes reused from the memo)."""
    notes = {note.id: note for note in sources.notes}
    cards = [card for note in sources.notes for card in sources.cards.get(note.id, [])]
    return pair_findings(cards, notes, settings, _prompt_pairs(sources, settings.near_duplicate))


def cohort_findings(config: Config) -> list[Finding]:
    """Problems in ``decks/cohorts/*.yaml``; a hire's track must be a track file's stem."""
    if not cohort_files(config.decks_dir):
        return []  # what load_cohorts finds in no file, without importing the cohort reader (zoneinfo and all)
    from deckgen.sources.cohorts import load_cohorts

    tracks = [path.stem for path in track_files(config.decks_dir)]
    return load_cohorts(config.decks_dir, config.root, tracks)[1]


def with_unread_files(config: Config, report: LintReport) -> LintReport:
    """``report`` plus an ``unread-file`` warning for each file in content/ that looks like a note but is not read.

    Listed afresh on every run (a folder walk, no parsing): such a file is no input of a build,
    so no cache of the last build could know about it.
    """
    from deckgen.sources.layout import unread_findings

    found = unread_findings(config.content_dir, config.rel, config.decks_dir)
    if not found:
        return report
    return finish([*report.findings, *found], settings_for(config), report.files, report.cards)


def finish(findings: Iterable[Finding], settings: LintSettings, files: int = 0, cards: int = 0) -> LintReport:
    """Apply ``[lint.rules]`` severities, drop repeats and sort by file, line and rule."""
    kept: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        # card rules were graded per card (generated cards stay warnings); grade the rest here
        level = finding.severity if finding.rule in _CARD_RULES else settings.level(finding.rule, finding.severity)
        if level == "off":
            continue
        if level != finding.severity:  # most keep theirs: no copy (a library's thousands of near duplicates)
            finding = replace(finding, severity=level)
        kept.setdefault((finding.path, finding.line, finding.col, finding.rule, finding.message), finding)
    ordered = sorted(kept.values(), key=lambda f: (f.path, f.line, f.col, f.rule, f.message))
    return LintReport(tuple(ordered), files=files, cards=cards)


def lock_findings(lock_name: str, lock_exists: bool, changed: Sequence[str], line: int = 0) -> list[Finding]:
    """A warning when building would rewrite deckgen.lock (``--locked`` builds would fail); ``line``: where, if known."""
    if not lock_exists:
        return [
            Finding(
                lock_name,
                0,
                "there is no deckgen.lock yet",
                "run `deckgen build` and commit deckgen.lock",
                "lock-stale",
                severity="warning",
            )
        ]
    if not changed:
        return []
    shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return [
        Finding(
            lock_name,
            line,
            f"deckgen.lock is out of step with the notes ({shown})",
            "run `deckgen build` and commit deckgen.lock",
            "lock-stale",
            severity="warning",
        )
    ]


def _block_of(card: Card, note: Note) -> CardBlock | None:
    return next((b for b in note.card_blocks if b.line == card.line), None) if card.origin == "authored" else None


def _line(card: Card, block: CardBlock | None, side: str) -> int:
    if block is None:
        return card.line
    for key in _SIDE_KEYS.get(side, ()):
        if key in block.fields:
            return block.line_of(key)
    return block.line


def _card_findings(card: Card, note: Note, settings: LintSettings, store: MediaStore) -> list[Finding]:
    issues = check_card(card, note, settings)
    issues += _safety_issues(card, note, store)
    if not issues and not card.ignore:
        return []  # most cards: no line to locate
    block = _block_of(card, note)
    ignored: set[str] = set()
    findings: list[Finding] = []
    for name in card.ignore:
        rule = find_rule(name)
        if rule is None or not rule.configurable:
            close = difflib.get_close_matches(name, [r for r in BY_ID if BY_ID[r].configurable], n=1)
            fix = (
                f"did you mean '{close[0]}'?"
                if close
                else "name quality rules such as L1 or L8 (see `deckgen lint --rules`)"
            )
            why = "is not a rule" if rule is None else "cannot be ignored"
            findings.append(
                Finding(
                    card.path,
                    block.line_of("Ignore") if block else card.line,
                    f"Ignore: '{name}' {why}",
                    fix,
                    "bad-ignore",
                    severity="warning",
                )
            )
        else:
            ignored.add(rule.id)
    generated = card.origin != "authored"
    # a generated card the curator accepted as it is: its quality warnings were read (a PM lead's try: L8 went on
    # warning about an accepted 'what are the four big risks?', and the fix offered was 'generate: false')
    accepted = generated and card.key in _accepted_keys(note)
    for issue in issues:
        safety = issue.rule in SAFETY_RULES
        severity = issue.severity if safety else settings.level(issue.rule, issue.severity)
        if severity == "off" or (not safety and (issue.rule in ignored or accepted)):
            continue
        message, fix = issue.message, issue.fix
        if generated and issue.rule != "media" and not (safety and severity == "error"):
            # The curator cannot edit or Ignore: a generated card; flag it without blocking the build.
            message = f"generated card '{plain(card.front)[:60]}': {message}"
            fix = (
                f"{fix}; or reject it (`deckgen cards {note.id} --reject {card.key}`), accept it as it is"
                f" (--accept {card.key}), or write your own card with 'id: {card.key}' under '## Cards'"
            )
            severity = "warning"
        findings.append(Finding(card.path, _line(card, block, issue.side), message, fix, issue.rule, severity=severity))
    return findings


def _accepted_keys(note: Note) -> frozenset[str]:
    """The keys under the note's ``generate: accept`` (empty when there are none or the entry is malformed)."""
    entry = note.meta.get("generate")
    accept = entry.get("accept") if isinstance(entry, dict) else None
    return frozenset(str(key) for key in accept) if isinstance(accept, list) else frozenset()


def _note_findings(cards: list[Card], note: Note, settings: LintSettings, store: MediaStore) -> list[Finding]:
    found = [finding for card in cards for finding in _card_findings(card, note, settings, store)]
    return _unfinished(note) + _misspelled_headings(note) + _unchecked(note) + _no_cards(note, cards) + found


def _no_cards(note: Note, cards: list[Card]) -> list[Finding]:
    """``no-cards``: a note that gives no card (none written, none generated, no draft waiting) ships nothing.

    A build reports decks by their card counts, so a note that adds nothing to its deck went unnoticed
    (a reminder to read an essay, a note whose generated cards were all rejected).
    """
    if cards or waiting_drafts(note):
        return []
    return [
        Finding(
            note.path,
            1,
            "this note gives no card: it has no cards of its own under '## Cards' and deckgen generated none from it,"
            " so it adds nothing to its deck",
            "write the cards you want learners to study under '## Cards' (`deckgen cards NOTE` shows what would"
            ' ship); a note kept only for reference: set no-cards = "off" under [lint.rules] in deckgen.toml',
            "no-cards",
            severity="warning",
        )
    ]


def _unchecked(note: Note) -> list[Finding]:
    """``unchecked-import``: each '# CHECK:' comment `deckgen import` left in the front matter, until it is deleted.

    A guessed author is in every card's question ('According to Henning and Queue's …' when a venue was read as an
    author): the importer asked for a check, and nothing else reminded the curator.
    """
    return [
        Finding(
            note.path,
            line,
            f"`deckgen import` could not be sure of this: '# CHECK: {what[:100]}'",
            "check the line (correct it if it is wrong), then delete the '# CHECK: …' comment; a re-import keeps"
            " what you confirmed",
            "unchecked-import",
            severity="warning",
        )
        for line, what in note.unchecked
    ]


def _misspelled_headings(note: Note) -> list[Finding]:
    """``section-heading``: a heading of no role that looks like a role heading misspelled (``## Critque``).

    The generator reads a section by its heading's role, so the typo would change the note's cards unnoticed.
    """
    found = []
    for section in note.sections:
        meant = misspelled_heading(section.heading)
        if meant is not None:
            found.append(
                Finding(
                    note.path,
                    section.line,
                    f"section heading '{section.heading}' looks like '{meant}' misspelled: deckgen reads it as a"
                    f" section of no role, so the cards that its {role_of(meant)} ideas would give are not made",
                    f"write '## {meant}' (a heading meant as it is: set section-heading = \"off\" under"
                    " [lint.rules] in deckgen.toml)",
                    "section-heading",
                )
            )
    return found


# a front-matter status a writer (or an Obsidian template) uses for a note not ready to read
_UNFINISHED_STATUS = frozenset({"draft", "wip", "todo", "to do", "in progress", "unfinished", "incomplete", "stub"})


def _unfinished(note: Note) -> list[Finding]:
    """``incomplete-note``: a source left blank, the blurb `deckgen new` wrote, and each empty section heading.

    Only a ``source:`` key that is there and empty counts (``deckgen new`` and imports write it so,
    to be filled in); a library that never keeps links has no key to flag.
    """
    found = []
    if "source" in note.meta_lines and not note.source.strip():
        found.append(
            Finding(
                note.path,
                note.meta_lines["source"],
                "the note has no source link: learners cannot open the essay from a card or the site",
                "write 'source: https://…' in the front matter",
                "incomplete-note",
                severity="warning",
            )
        )
    elif "source" in note.meta_lines and _BARE_DOMAIN_RE.match(note.source.strip()):
        # a web address without its scheme is shown as plain text; a citation ('Grove, 1983') is meant as text
        address = note.source.strip()
        found.append(
            Finding(
                note.path,
                note.meta_lines["source"],
                f"the source '{address[:80]}' has no https://: cards and the site show it as text, not a link",
                f"write the full address ('source: https://{address[:80]}')",
                "incomplete-note",
                severity="warning",
            )
        )
    if note.blurb.startswith(PLACEHOLDER_BLURB):
        found.append(
            Finding(
                note.path,
                note.blurb_line,
                "the blurb is still the placeholder 'deckgen new' wrote",
                "replace it with a sentence or two on what the essay is and why a new PM should read it",
                "incomplete-note",
                severity="warning",
            )
        )
    status = note.meta.get("status")
    if isinstance(status, str) and status.strip().lower() in _UNFINISHED_STATUS:
        found.append(
            Finding(
                note.path,
                note.meta_lines.get("status", 2),
                f"'status: {status.strip()}' does not hold the note back: its cards ship in every deck that selects it",
                "to keep it out until it is ready, leave it out of the decks' selectors in decks/*.yaml (a deck"
                " with 'notes: all' takes every note); remove the line once it is done",
                "incomplete-note",
                severity="warning",
            )
        )
    for section in note.sections:
        if not section.text.strip():
            found.append(
                Finding(
                    note.path,
                    section.line,
                    f"section '{section.heading}' is empty",
                    "write what the note says there, or delete the heading",
                    "incomplete-note",
                    severity="warning",
                )
            )
    return found


def _safety_issues(card: Card, note: Note, store: MediaStore) -> list[Issue]:
    """Images that would not ship, links that would be dropped, HTML that shows as text."""
    issues: list[Issue] = []
    sides: tuple[tuple[Side, str], ...] = (("front", card.front), ("back", card.back), ("extra", card.extra))
    for side, text in sides:
        if not text:
            continue
        # each pattern below needs a character sequence that most cards never hold: tested first
        for bang, url in _REF_RE.findall(text) if "](" in text else ():
            if bang:
                try:
                    store.resolve(note.path, url)
                except ContentError as exc:
                    finding = exc.findings[0]
                    issues.append(Issue("media", "error", finding.message, finding.fix, side))
            elif url and not _SAFE_LINK_RE.match(url):
                issues.append(
                    Issue(
                        "unsafe-link",
                        "warning",
                        f"link target '{url[:60]}' is not http(s) or mailto, so only its text is shown",
                        "link to an https:// page, or remove the link",
                        side,
                    )
                )
        syntax = anki_syntax(text, cloze=side == "front" and card.kind == "cloze")
        if syntax:
            issues.append(
                Issue(
                    "anki-syntax",
                    "warning",
                    f"'{syntax}' is Anki syntax; it is shipped as plain text, so it plays, typesets or runs nothing",
                    "write it in words, or drop it",
                    side,
                )
            )
        for number in _CLOZE_NUMBER_RE.findall(text) if "{{c" in text else ():
            if not 1 <= int(number) <= MAX_CLOZE:
                issues.append(
                    Issue(
                        "anki-syntax",
                        "error",
                        f"cloze number c{number[:12]} is not between 1 and {MAX_CLOZE}",
                        "number the deletions c1, c2, c3, …",
                        side,
                    )
                )
                break
        tag = _RAW_HTML_RE.search(_CODE_SPAN_RE.sub("", text)) if "<" in text else None
        if tag:
            issues.append(
                Issue(
                    "raw-html",
                    "warning",
                    f"raw HTML '{tag.group(0)[:40]}' is shown as text, not rendered",
                    "use Markdown (**bold**, *italic*, lists) instead of HTML",
                    side,
                )
            )
    return issues


# The last run's near duplicates: each note's prompts (path, hash of its prompts, count) in
# order, and the pairs, by position in that order. Pairs between prompts that did not
# change are still pairs; only the changed prompts are compared with the rest.
_NEAR = PROJECT + "near-duplicates"
_NearRecord = tuple[list[tuple[str, str, int]], list[tuple[int, int, float]]]
_REPLAN_SHARE = 20  # more than 1 prompt in this many changed: the indexed search over all is faster


def _prompt_pairs(sources: Sources, threshold: float) -> list[Pair]:
    """Every near-duplicate pair of the project's prompts (in card order), reusing the last run's."""
    groups = [(note, sources.cards.get(note.id, [])) for note in sources.notes]
    if sources.cache is None or not 0 < threshold <= 1:
        return find_near_duplicates([card.front for _, cards in groups for card in cards], threshold)
    stems: list[frozenset[str]] = []
    notes: list[tuple[str, str, int]] = []
    for note, cards in groups:
        fronts = [card.front for card in cards]
        note_stems = sources.remembered("stems", note, functools.partial(stems_of, fronts), valid_stems)
        if len(note_stems) != len(fronts):  # not this note's cards after all (a repeated note id)
            note_stems = stems_of(fronts)
        stems += [frozenset(s) for s in note_stems]
        notes.append((note.path, hashlib.sha256("\0".join(fronts).encode()).hexdigest(), len(fronts)))
    old: _NearRecord | None = sources.cache.get(_NEAR, repr(threshold), _valid_near, _NearRecord)
    now = _carry_pairs(old, notes, stems, threshold) if old is not None else None
    if now is None:
        now = similar_sets(stems, threshold)
    record: _NearRecord = (notes, [(p.first, p.second, p.similarity) for p in now])
    if record != old:
        sources.cache.put(_NEAR, repr(threshold), record, _NearRecord)
    return now


def _carry_pairs(
    old: _NearRecord, notes: list[tuple[str, str, int]], stems: list[frozenset[str]], threshold: float
) -> list[Pair] | None:
    """The pairs of ``old`` between unchanged prompts, plus those of changed prompts; None when most changed."""
    starts: dict[tuple[str, str, int], int] = {}
    position = 0
    for note in old[0]:
        starts[note] = position
        position += note[2]
    moved: dict[int, int] = {}  # old position -> new position, for prompts that did not change
    changed: list[int] = []
    position = 0
    for note in notes:
        start = starts.get(note)
        for offset in range(note[2]):
            if start is None:
                changed.append(position + offset)
            else:
                moved[start + offset] = position + offset
        position += note[2]
    if len(changed) * _REPLAN_SHARE > max(len(stems), _REPLAN_SHARE):
        return None
    pairs = [
        Pair(min(a, b), max(a, b), score)
        for a, b, score in ((moved.get(first), moved.get(second), score) for first, second, score in old[1])
        if a is not None and b is not None
    ]
    fresh = set(changed)
    for i in changed:
        for j, other in enumerate(stems):
            if j != i and not (j in fresh and j < i):  # a pair of two changed prompts is found once
                score = similarity(stems[i], other, threshold)
                if score is not None:
                    pairs.append(Pair(min(i, j), max(i, j), score))
    return sorted(pairs, key=lambda p: (p.first, p.second))


def _valid_near(value: object) -> bool:
    """The last run's near duplicates: (notes, pairs), as :func:`_prompt_pairs` stores them."""
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(part, list) for part in value)


def stems_of(prompts: list[str]) -> list[list[str]]:
    """Each prompt's stems, sorted: what the memo keeps per note for near duplicates."""
    return [sorted(prompt_stems(prompt)) for prompt in prompts]


def valid_stems(value: object) -> bool:
    """A note's memoised stems: a list of lists."""
    return isinstance(value, list) and all(isinstance(s, list) for s in value)


def pair_findings(
    cards: Sequence[Card], notes: dict[str, Note], settings: LintSettings, pairs: Sequence[Pair]
) -> list[Finding]:
    """L16's findings for near-duplicate ``pairs`` (positions in ``cards``; ``notes`` by id)."""
    findings: list[Finding] = []
    for pair in pairs:
        first, second = cards[pair.first], cards[pair.second]
        if "L16" in second.ignore or "L16" in first.ignore:
            continue
        where = f"{first.path}:{first.line}"
        severity = settings.level("L16", "warning")
        if severity == "off":
            break
        findings.append(
            Finding(
                second.path,
                _line(second, _block_of(second, notes[second.note_id]), "front"),
                f"question is {pair.similarity:.0%} like the one at {where}",
                "merge the two cards, or make each question ask something different",
                "L16",
                severity=severity,
            )
        )
    return findings
