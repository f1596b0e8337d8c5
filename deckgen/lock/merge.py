"""Merging two branches' ``deckgen.lock``: every identity kept, the newest change times, nothing guessed.

Two branches that both built touch the lock in the same places (a deck's release record,
the top of its changelog) and often in neighbouring card lines, so git's line merge
conflicts. The notes are the truth, and the next ``deckgen build`` reconciles the lock
with them; what the merge must guarantee is that nothing a learner may already have is
forgotten:

* every card record of either side is kept (an identity is never lost or reused);
* a card changed on both sides keeps the record with the newer change time, so the next
  build gives it a still newer ``mod`` if the merged notes differ from it (a learner who
  imported either branch's release then gets the merged content);
* a deck released on both sides keeps the higher release number and forgets its digest,
  so the next build releases it again with a higher number;
* changelog entries of both sides are kept; one release number written on both sides
  becomes one entry holding both texts.

Used by the git merge driver (``deckgen lock merge %O %A %B``) and by ``deckgen lock
resolve`` for a lock a merge left with conflict markers (a hosted merge button).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from deckgen.core.errors import Finding, LockError
from deckgen.core.files import atomic_write_text
from deckgen.lock.records import CardRecord, ChangelogEntry, Lock, ReleaseRecord, has_conflict_markers, parse_lock

T = TypeVar("T")
DRIVER_NAME = "deckgen"
ATTRIBUTES_LINE = "deckgen.lock merge=deckgen"


@dataclass
class MergeReport:
    """What a merge did, for the curator."""

    cards: int = 0  # card records in the result
    from_ours: int = 0  # changed on our side only
    from_theirs: int = 0  # changed on their side only (including cards new there)
    both: list[str] = field(default_factory=list)  # uids changed on both sides: the newer record kept
    releases: list[str] = field(default_factory=list)  # decks released on both sides
    changelog: list[str] = field(default_factory=list)  # "slug release N" written on both sides

    def lines(self) -> list[str]:
        """The report as short lines."""
        out = [
            f"deckgen.lock merged: {self.cards} card records kept, {self.from_ours} changed on this branch, "
            f"{self.from_theirs} on the other, {len(self.both)} on both"
        ]
        if self.both:
            shown = ", ".join(self.both[:5]) + (" …" if len(self.both) > 5 else "")
            out.append(
                f"  changed on both branches (the newer change time kept; the next build re-checks them): {shown}"
            )
        if self.releases:
            out.append(
                f"  released on both branches: {', '.join(self.releases)} — the next build makes a new release of each"
            )
        if self.changelog:
            out.append(f"  changelog entries written on both branches kept together: {', '.join(self.changelog)}")
        out.append("  next: run `deckgen build` on the merge and commit deckgen.lock (the notes are the truth)")
        return out


def _changed_side(base: object, ours: object, theirs: object) -> str:
    """Which side changed a record: "same", "ours", "theirs" or "both" (None: absent on that side)."""
    if ours == theirs:
        return "same"
    if ours == base:
        return "theirs"
    if theirs == base:
        return "ours"
    if ours is None:
        return "theirs"
    if theirs is None:
        return "ours"
    return "both"


def _card_time(record: CardRecord) -> tuple[int, int, str]:
    return (record.shipped_mod, record.mod, record.hash)


def _newer_card(ours: CardRecord, theirs: CardRecord) -> CardRecord:
    keep, other = (ours, theirs) if _card_time(ours) >= _card_time(theirs) else (theirs, ours)
    # An identity claimed on either side stays claimed: where the GUID comes from, and a move away.
    return replace(keep, anchor=keep.anchor or other.anchor, moved_to=keep.moved_to or other.moved_to)


def _newer_release(ours: ReleaseRecord, theirs: ReleaseRecord) -> ReleaseRecord:
    names = list(ours.names) + [n for n in theirs.names if n not in ours.names]
    # No digest matches: the next build sees a change and releases max(version) + 1.
    return ReleaseRecord("", tuple(names), max(ours.time, theirs.time), max(ours.version, theirs.version), merged=True)


def _merge_entries(
    base: tuple[ChangelogEntry, ...], ours: tuple[ChangelogEntry, ...], theirs: tuple[ChangelogEntry, ...]
) -> tuple[tuple[ChangelogEntry, ...], list[int]]:
    """Entries of both sides by release number, newest first; a number written on both sides holds both texts."""
    known = {e.text for e in base}
    by_version: dict[int, list[str]] = {}
    for entry in (*ours, *theirs):
        texts = by_version.setdefault(entry.version, [])
        if entry.text not in texts:
            texts.append(entry.text)
    both: list[int] = []
    merged: list[ChangelogEntry] = []
    for version in sorted(by_version, reverse=True):
        texts = by_version[version]
        fresh = [t for t in texts if t not in known] or texts
        if len(fresh) > 1:
            both.append(version)
            heading, _, body = fresh[0].partition("\n")
            parts = [body.strip("\n")] + [t.partition("\n")[2].strip("\n") for t in fresh[1:]]
            text = f"{heading} (two branches, merged)\n\n" + "\n\n".join(p for p in parts if p) + "\n"
            merged.append(ChangelogEntry(text))
        else:
            merged.append(ChangelogEntry(fresh[0]))
    return tuple(merged), both


def _merge_maps(
    base: Mapping[str, T], ours: Mapping[str, T], theirs: Mapping[str, T], newer: Callable[[T, T], T]
) -> tuple[dict[str, T], dict[str, str]]:
    merged: dict[str, T] = {}
    sides: dict[str, str] = {}
    for name in sorted(set(ours) | set(theirs)):
        side = _changed_side(base.get(name), ours.get(name), theirs.get(name))
        mine, other = ours.get(name), theirs.get(name)
        if mine is None or other is None:
            # new on one side, or deleted on one side: a lock never forgets a record
            value = mine if mine is not None else other
        else:
            value = {"same": mine, "ours": mine, "theirs": other}.get(side) or newer(mine, other)
        assert value is not None
        merged[name] = value
        sides[name] = side
    return merged, sides


def merge_locks(base: Lock | None, ours: Lock, theirs: Lock) -> tuple[Lock, MergeReport]:
    """The merge of two branches' locks (``base`` their common ancestor, None when unknown)."""
    base = base or Lock()
    report = MergeReport()
    flat = {
        side: {f"{n}/{k}": r for n, k, r in lock.records()} for side, lock in (("b", base), ("o", ours), ("t", theirs))
    }
    cards, sides = _merge_maps(flat["b"], flat["o"], flat["t"], _newer_card)
    result = Lock()
    for uid, record in cards.items():
        note_id, _, key = uid.partition("/")
        result.put(note_id, key, record)
    report.cards = len(cards)
    report.from_ours = sum(1 for s in sides.values() if s == "ours")
    report.from_theirs = sum(1 for s in sides.values() if s == "theirs")
    report.both = [uid for uid, s in sides.items() if s == "both"]

    result.notetypes, _ = _merge_maps(
        base.notetypes, ours.notetypes, theirs.notetypes, lambda a, b: a if (a.mod, a.hash) >= (b.mod, b.hash) else b
    )
    result.releases, release_sides = _merge_maps(base.releases, ours.releases, theirs.releases, _newer_release)
    report.releases = [slug for slug, s in release_sides.items() if s == "both"]
    for slug in sorted(set(ours.changelog) | set(theirs.changelog)):
        entries, both = _merge_entries(
            base.changelog.get(slug, ()), ours.changelog.get(slug, ()), theirs.changelog.get(slug, ())
        )
        result.changelog[slug] = entries
        report.changelog += [f"{slug} release {v}" for v in both]
    result.extra = {**theirs.extra, **ours.extra}
    return result, report


def split_conflicts(text: str) -> tuple[str | None, str, str]:
    """(base, ours, theirs) texts of a file with git conflict markers; base is None without diff3 markers."""
    ours: list[str] = []
    theirs: list[str] = []
    base: list[str] = []
    saw_base = False
    state = "both"
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            state = "ours"
        elif line.startswith("||||||| ") and state == "ours":
            state, saw_base = "base", True
        elif line.rstrip("\r\n") == "=======" and state in ("ours", "base"):
            state = "theirs"
        elif line.startswith(">>>>>>> ") and state == "theirs":
            state = "both"
        elif state == "both":
            ours.append(line)
            theirs.append(line)
            base.append(line)
        elif state == "ours":
            ours.append(line)
        elif state == "base":
            base.append(line)
        else:
            theirs.append(line)
    return ("".join(base) if saw_base else None), "".join(ours), "".join(theirs)


def merge_files(base_path: Path, ours_path: Path, theirs_path: Path) -> MergeReport:
    """The git merge driver: merge three lock files and write the result over ``ours_path``."""
    locks = [
        parse_lock(p.read_text(encoding="utf-8"), "deckgen.lock") if p.exists() else Lock()
        for p in (base_path, ours_path, theirs_path)
    ]
    merged, report = merge_locks(*locks)
    atomic_write_text(ours_path, merged.to_text())
    return report


def resolve_file(path: Path) -> MergeReport:
    """Replace a lock left with conflict markers by the merge of both sides; LockError when there are none.

    A lock git still holds unmerged with no markers (the merge driver's command failed: a venv moved, a
    switch to pipx) is merged from git's index, where both sides and their base wait (stages 1-3).
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    marked = has_conflict_markers(text)
    staged = None if marked else _index_sides(path)
    if staged is None and not marked:
        raise LockError(
            Finding(
                path.name, 0, "deckgen.lock has no conflict markers: nothing to resolve", "run `deckgen build`", "lock"
            )
        )
    base_text, ours_text, theirs_text = staged if staged is not None else split_conflicts(text)
    if base_text is None:  # git's default conflict style shows no base: git's index still holds it mid-merge
        base_text = _index_base(path)
    base = parse_lock(base_text, path.name) if base_text is not None else None
    merged, report = merge_locks(base, parse_lock(ours_text, path.name), parse_lock(theirs_text, path.name))
    atomic_write_text(path, merged.to_text())
    return report


def _index_sides(path: Path) -> tuple[str | None, str, str] | None:
    """(base, ours, theirs) of ``path`` from git's index when git holds it unmerged; None when it does not."""
    ours, theirs = _index_stage(path, 2), _index_stage(path, 3)
    if ours is None or theirs is None:
        return None
    return _index_stage(path, 1), ours, theirs


def unmerged_lock(path: Path) -> bool:
    """Whether git holds ``path`` unmerged mid-merge (its merge driver failed, or none is installed and the file
    has markers). Only a folder with a merge in progress (a MERGE_HEAD beside git's index) runs git at all."""
    for folder in (path.parent, *path.parent.parents):
        git = folder / ".git"
        if git.is_dir():
            if not (git / "MERGE_HEAD").exists():
                return False
            break
        if git.exists():
            break  # a worktree's or submodule's .git file: git is asked
    else:
        return False
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-u", "--", path.name], cwd=path.parent, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return False
    return listed.returncode == 0 and bool(listed.stdout.strip())


def _index_stage(path: Path, stage: int) -> str | None:
    """``path`` as git's index holds it at ``stage`` during a conflicted merge (1 base, 2 ours, 3 theirs), or None."""
    try:
        shown = subprocess.run(
            ["git", "show", f":{stage}:./{path.name}"], cwd=path.parent, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    return shown.stdout if shown.returncode == 0 else None


def _index_base(path: Path) -> str | None:
    """The merge base of ``path`` that git keeps in its index during a conflicted merge (stage 1), or None.

    Without it a card changed on one side only looks changed on both, and a deck released on one side looks
    released on both (an upgrading team's try: `lock resolve` after a merge in git's default conflict style
    reported a card 'changed on both branches' and the next build shipped a release with nothing in it).
    """
    return _index_stage(path, 1)


def driver_command() -> str:
    """The merge driver command git runs: this Python's deckgen, so it works without ``deckgen`` on PATH."""
    return f"{shlex.quote(sys.executable)} -m deckgen lock merge %O %A %B"


def install_merge_driver(root: Path) -> list[str]:
    """Mark deckgen.lock for the deckgen merge driver in .gitattributes and define the driver in git config.

    Returns what was done, one line each. Raises LockError when ``root`` is not in a git
    work tree (the .gitattributes line is written anyway: it is committed and shared).
    """
    done: list[str] = []
    attributes = root / ".gitattributes"
    old = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if ATTRIBUTES_LINE not in old.splitlines():
        atomic_write_text(attributes, old + ("" if not old or old.endswith("\n") else "\n") + ATTRIBUTES_LINE + "\n")
        done.append(f"added '{ATTRIBUTES_LINE}' to .gitattributes (commit it)")
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise LockError(
            Finding(
                "git",
                0,
                f"git could not be run: {exc}",
                "install git, then `deckgen lock install-merge-driver`",
                "lock",
            )
        ) from exc
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise LockError(
            Finding(
                str(root),
                0,
                "not a git repository, so the merge driver could not be configured",
                "run `git init`, then `deckgen lock install-merge-driver`",
                "lock",
            )
        )
    for key, value in (
        (f"merge.{DRIVER_NAME}.name", "deckgen.lock merge (keeps every card identity, newest change times)"),
        (f"merge.{DRIVER_NAME}.driver", driver_command()),
    ):
        subprocess.run(["git", "config", key, value], cwd=root, check=True, capture_output=True)
    done.append(f"set git config merge.{DRIVER_NAME}.driver = {driver_command()}")
    return done
