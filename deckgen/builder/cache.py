"""Build caches: safe to delete, ignored (with a warning) when corrupt.

Three levels, all keyed by content hashes, never by timestamps of the sources:

* **no-op**, in ``build/.deckgen-cache/`` (it describes the outputs, so it goes with them):
  a digest of every input (notes, manifests, tracks, media, deckgen.toml, deckgen.lock,
  the build options and deckgen's own code). When it matches the last build's and every
  output is still there untouched, nothing needs doing. The sha256 of each input is kept
  in ``<project>/.deckgen-cache/inputs.json`` with the file's size, mtime, ctime and inode,
  so an input whose status is exactly as recorded is not read again (git's index does the
  same); files changed within two seconds of being hashed are never recorded. A build that
  changed a few of them writes only those (``inputs-delta.json``), not the whole memo.
* **the last build**, in ``<project>/.deckgen-cache/`` (it survives ``rm -rf build/``, a CI
  cache restore and reinstalling the same deckgen): its state and a verified copy of every
  file it wrote (:data:`LAST_BUILD`, :mod:`deckgen.core.keptfiles`). A build into an output
  folder that has none of those files, with every input as that build saw it, copies them
  back instead of planning (:func:`restore_build`).
* **per note**, in ``<project>/.deckgen-cache/``: :mod:`deckgen.core.diskcache`.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.core.digests import (
    CACHE_DIR,
    cache_dir,
    code_fingerprint,
    known_digest,
    load_input_digests,
    make_cache_dir,
    remember_digest,
    save_code_memo,
    save_input_digests,
)
from deckgen.core.errors import ConfigError, Finding
from deckgen.core.files import atomic_write_bytes, remove_leftovers
from deckgen.core.keptfiles import OUTPUT_FILES, PACKAGES, SUFFIXES, KeptFiles, unlink_quietly

if TYPE_CHECKING:  # records and settings load only when a build has work to do
    from deckgen.core.config import Config
    from deckgen.core.model import BuildResult

_STATE = "build.json"
_MAX_STATE_BYTES = 64 * 1024 * 1024


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


# Input files bigger than this are hashed by size and mtime only: the build refuses them
# (notes, manifests and tracks are capped at 1 MB), so their bytes cannot change an output.
_HASH_LIMIT = 64 * 1024 * 1024


def inputs_digest(
    root: Path, files: Iterable[Path | str], options: Mapping[str, Any], digests: dict[str, str] | None = None
) -> str:
    """One hash over the path and bytes of every file the build reads, the options, and deckgen's code.

    ``digests``: filled with the sha256 of every file hashed (or known unchanged), by name.
    """
    hasher = hashlib.sha256()
    hasher.update(code_fingerprint(root / CACHE_DIR).encode())
    hasher.update(json.dumps(options, sort_keys=True, default=str).encode())
    prefix = str(root) + os.sep
    # One string per file, hashed together at the end: at 20,000 notes a hasher call (and an
    # encode) per file is a third of this loop.
    lines: list[str] = []
    for name in sorted(set(map(str, files))):
        rel = name[len(prefix) :] if name.startswith(prefix) else name
        if os.sep != "/":
            rel = rel.replace(os.sep, "/")
        try:
            info = os.stat(name)
            if not stat.S_ISREG(info.st_mode):
                token = "0"  # a missing optional input (no lockfile yet) must differ from an empty one
            elif info.st_size > _HASH_LIMIT:
                token = f"1:{info.st_size}:{info.st_mtime_ns}"
            else:
                digest = known_digest(name, info)
                if digest is None:
                    with open(name, "rb") as handle:
                        digest = hashlib.sha256(handle.read()).hexdigest()
                    remember_digest(name, info, digest)
                token = "1" + digest
                if digests is not None:
                    digests[name] = digest
        except FileNotFoundError:
            token = "0"
        except OSError:
            token = "?"  # unreadable: the build will say why
        lines.append(f"\0{rel}\0{token}")
    hasher.update("".join(lines).encode())
    return hasher.hexdigest()


def outputs_snapshot(out_dir: Path) -> dict[str, list[int]]:
    """Size and mtime of every output file (the cache itself and screenshots excluded)."""
    snapshot = {}
    for path in _tree_files(out_dir):
        rel = path.relative_to(out_dir).as_posix()
        if rel.startswith((CACHE_DIR + "/", "screenshots/")):
            continue
        stat = path.stat()
        snapshot[rel] = [stat.st_size, stat.st_mtime_ns]
    return snapshot


@dataclass
class BuildState:
    """What the last successful build saw and wrote."""

    digest: str
    outputs: dict[str, list[int]]
    summary: dict[str, Any]  # printed again on a no-op: decks and card counts, outputs, warnings
    deck_digests: dict[str, str] = field(default_factory=dict)  # output file -> digest of what it holds


def read_state(out_dir: Path, warnings: list[str]) -> BuildState | None:
    """The last build's state, or None (with a warning when the file is corrupt)."""
    path = cache_dir(out_dir) / _STATE
    if not path.exists():
        return None
    try:
        if path.stat().st_size > _MAX_STATE_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        return _validated_state(data)
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        warnings.append(
            f"{path}: build cache is unreadable ({exc.__class__.__name__}); ignoring it and building everything"
        )
        return None


def _validated_state(data: Any) -> BuildState:
    """A BuildState from parsed JSON, every field checked: a wrong shape is a corrupt cache, never a crash later."""
    if not isinstance(data, dict):
        raise TypeError("not an object")
    digest, outputs, summary = data["digest"], data["outputs"], data["summary"]
    deck_digests = data.get("deck_digests", {})
    if not isinstance(digest, str) or not isinstance(summary, dict):
        raise TypeError("digest or summary")
    if not isinstance(outputs, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 2 and all(type(n) is int for n in v)
        for k, v in outputs.items()
    ):
        raise TypeError("outputs")
    if not isinstance(deck_digests, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in deck_digests.items()
    ):
        raise TypeError("deck_digests")
    decks = summary.get("decks", [])
    if not isinstance(decks, list) or not all(
        isinstance(d, list) and len(d) == 2 and isinstance(d[0], str) and type(d[1]) is int for d in decks
    ):
        raise TypeError("summary.decks")
    for key in ("warnings", "media", "outputs", "planned"):
        value = summary.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(f"summary.{key}")
    if not all(_relative(m) for m in summary.get("media", []) + summary.get("planned", [])):
        raise ValueError("summary.media or summary.planned names a file outside its folder")
    if type(summary.get("cards", 0)) is not int:
        raise TypeError("summary.cards")
    return BuildState(digest, outputs, summary, deck_digests)


def write_state(out_dir: Path, state: BuildState, root: Path | None = None) -> None:
    """Record a finished build (atomically), and the hashes of the inputs below ``root`` it read.

    The state file is written last: it is what makes the next build a no-op, and a no-op
    does not tidy up, so a build killed while writing the memos before it must leave no state.
    """
    save_code_memo()
    if root is not None:
        save_input_digests(root / CACHE_DIR, root)
        prune_kept_packages(root, state.deck_digests.values())
    atomic_write_bytes(
        cache_dir(out_dir) / _STATE, json.dumps(_state_data(state), sort_keys=True).encode(), durable=False
    )
    if root is not None:
        keep_build(root, out_dir, state)


def _state_data(state: BuildState) -> dict[str, Any]:
    return {
        "digest": state.digest,
        "outputs": state.outputs,
        "summary": state.summary,
        "deck_digests": state.deck_digests,
    }


def is_noop(state: BuildState | None, digest: str, out_dir: Path) -> bool:
    """Whether the last build had exactly these inputs and its outputs are untouched."""
    return state is not None and state.digest == digest and outputs_snapshot(out_dir) == state.outputs


def build_options(config: Config, deck_names: Sequence[str], lint: bool) -> dict[str, Any]:
    """The settings a build depends on besides its input files."""
    return {
        "decks": list(deck_names),
        "namespace": config.namespace,
        "settings": config.settings,
        "lint": lint,
        "content": str(config.content_dir),
        "decks_dir": str(config.decks_dir),
    }


def project_inputs(config: Config, media: Sequence[str]) -> list[Path]:
    """Every file a build reads: notes, manifests, tracks and cohorts, settings, the lockfile, images.

    Only these files: a 2 GB video kept beside the notes is never read or hashed.
    """
    from deckgen.sources.layout import note_files

    return [*other_inputs(config), *(config.root / m for m in media), *note_files(config.content_dir)]


def other_inputs(config: Config) -> list[Path]:
    """The files of :func:`project_inputs` that are neither notes nor images: settings, lockfile, manifests, tracks."""
    from deckgen.sources.layout import cohort_files, manifest_files, track_files

    files = [config.root / "deckgen.toml", config.lock_path]
    files += manifest_files(config.decks_dir) + track_files(config.decks_dir)
    return files + cohort_files(config.decks_dir)  # the site's opt-in cohort pages


def project_digest(
    config: Config,
    options: Mapping[str, Any],
    media: Sequence[str],
    inputs: Sequence[Path | str] | None = None,
    digests: dict[str, str] | None = None,
) -> str:
    """The digest of :func:`project_inputs` (or ``inputs``, when the caller listed them) and the build
    options: equal means nothing to do. ``digests``: as :func:`inputs_digest` fills it."""
    from deckgen.core.config import generator_fingerprint

    load_input_digests(config.root / CACHE_DIR)  # files unchanged since the last build are not read again
    extra = generator_fingerprint(config.settings)  # "" for the default generator: its digests stay as they were
    options = {**options, "generator": extra} if extra else options
    files = _input_names(config, media) if inputs is None else inputs
    return inputs_digest(config.root, files, options, digests)


def _input_names(config: Config, media: Sequence[str]) -> list[Path | str]:
    """:func:`project_inputs` with the notes as strings (at 20,000 notes their Path objects cost 0.2 s)."""
    from deckgen.sources.layout import note_names

    return [*other_inputs(config), *(config.root / m for m in media), *note_names(config.content_dir)]


@dataclass
class InputScan:
    """What a build's no-op check listed and hashed, for the replay of the same build (one walk, one hash each)."""

    state: BuildState  # the state the check compared against: the same object only within one build
    options: dict[str, Any]
    media: list[str]
    notes: list[str]  # every note file, as listed
    digests: dict[str, str]  # the sha256 of each input, by name, as the check found it
    digest: str  # the project digest the check computed


# Per project, the last no-op check that found work to do. Consumed on use (take_scan).
_SCANS: dict[str, InputScan] = {}


def take_scan(config: Config, state: BuildState) -> InputScan | None:
    """The no-op check of this very build (``state`` is the object it compared against), if it ran; else None."""
    scan = _SCANS.pop(str(config.root), None)
    return scan if scan is not None and scan.state is state else None


def noop_summary(config: Config, state: BuildState, options: Mapping[str, Any]) -> dict[str, Any] | None:
    """The last build's summary when this build has nothing to do (same inputs, outputs untouched), else None."""
    from deckgen.sources.layout import note_names

    summary = state.summary
    media = list(summary.get("media", []))
    notes = note_names(config.content_dir)
    digests: dict[str, str] = {}
    files = [*other_inputs(config), *(config.root / m for m in media), *notes]
    digest = project_digest(config, options, media, files, digests)
    _SCANS.pop(str(config.root), None)
    if is_noop(state, digest, config.out_dir):
        return summary
    _SCANS[str(config.root)] = InputScan(state, dict(options), media, notes, digests, digest)
    return None


def up_to_date(config: Config, state: BuildState, options: Mapping[str, Any]) -> BuildResult | None:
    """The result of a build with nothing to do (every card unchanged, nothing written), or None."""
    from deckgen.core.model import BuildResult

    summary = noop_summary(config, state, options)
    if summary is None:
        return None
    return BuildResult(
        outputs=(),
        decks=(),
        changes=(),
        lock_changed=False,
        warnings=tuple(summary.get("warnings", [])),
        up_to_date=tuple((name, count) for name, count in summary.get("decks", [])),
        unchanged=int(summary.get("cards", 0)),
    )


# What deckgen wrote into the output folder. Not a cache (it lives outside .deckgen-cache/, which
# may be deleted at any time): without it, deckgen could not tell its own files from a user's.
OUTPUTS_RECORD = ".deckgen-outputs.json"


def outputs_record(rels: Iterable[str]) -> bytes:
    """The bytes of :data:`OUTPUTS_RECORD` listing ``rels``."""
    return (json.dumps(sorted(set(rels)), indent=0) + "\n").encode()


def _owned(out_dir: Path) -> set[str] | None:
    """Paths (relative to ``out_dir``) deckgen has written there, or None when it never recorded any."""
    path = out_dir / OUTPUTS_RECORD
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError):
        return set()  # unreadable: own nothing, so nothing foreign can be replaced
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        return set()
    return set(data)


def check_out_dir(config: Config) -> None:
    """Refuse an output folder that would mix outputs with sources (content/, decks/, the project root), with git's or
    deckgen's own folders (an attacker's try: `out = ".git"`), or that is a file."""
    out = config.out_dir.resolve()
    own = {".git": "git", CACHE_DIR: "deckgen", ".deckgen-import": "deckgen"}
    folders = [(config.content_dir, ""), (config.decks_dir, ""), *((config.root / n, who) for n, who in own.items())]
    for folder, keeper in folders:
        folder = folder.resolve()
        if out == folder or out.is_relative_to(folder):
            kept = f", which {keeper} keeps for itself" if keeper else ""
            raise ConfigError(_out_problem(config, f"the output folder is inside {config.rel(folder)}/{kept}"))
    if out == config.root.resolve():
        raise ConfigError(_out_problem(config, "the output folder is the project folder itself", "--out build", "."))
    if out.exists() and not out.is_dir():
        raise ConfigError(_out_problem(config, "the output folder is a file"))


def _out_problem(
    config: Config, message: str, elsewhere: str = "--out / DECKGEN_OUT elsewhere", path: str = ""
) -> Finding:
    return Finding(
        path or config.rel(config.out_dir),
        0,
        message,
        f"build into a folder of its own (the default build/, or {elsewhere})",
        "out",
    )


def claim_outputs(config: Config, planned: Sequence[Path]) -> None:
    """Before a build writes: refuse to replace files deckgen did not write, record the ones it will
    write (first, so a kill never leaves an output deckgen would not own), and remove the temp
    files a killed build left for exactly these outputs. Nothing else in the folder is touched."""
    check_out_dir(config)
    out_dir = config.out_dir
    owned = _owned(out_dir)
    # A folder built by a deckgen that predates the record: its outputs have deckgen's names and
    # the build cache beside them; adopt what exists.
    adopt = owned is None and cache_dir(out_dir).is_dir()
    rels = [p.relative_to(out_dir).as_posix() for p in planned]
    foreign = [
        p
        for p, rel in zip(planned, rels)
        if (p.exists() or p.is_symlink()) and not adopt and rel not in (owned or set())
    ]
    if foreign:
        unreadable = owned is not None and not owned and (out_dir / OUTPUTS_RECORD).is_file()
        raise ConfigError(
            [
                Finding(
                    config.rel(out_dir / OUTPUTS_RECORD),
                    0,
                    "the record of deckgen's own outputs is unreadable, so deckgen cannot tell its files from yours",
                    "if every file listed below was written by deckgen, delete the record and build again",
                    "out",
                )
            ]
            * unreadable
            + [
                Finding(
                    config.rel(p),
                    0,
                    "exists and was not written by deckgen; refusing to replace it",
                    "move it elsewhere, or build into another folder with --out",
                    "out",
                )
                for p in foreign
            ]
        )
    record = sorted(
        (owned or set())
        | set(rels)
        | ({p.relative_to(out_dir).as_posix() for p in planned if p.exists()} if adopt else set())
    )
    if record != sorted(owned or set()):
        atomic_write_bytes(out_dir / OUTPUTS_RECORD, outputs_record(record))
    for path in planned:
        remove_leftovers(path)
    for path in cache_dir(out_dir).glob(".*.tmp"):  # the cache folder is deckgen's own (and we hold its lock)
        try:
            path.unlink()
        except OSError:
            pass
    _remove_legacy_temp_databases()


def _remove_legacy_temp_databases(older_than: float = 3600.0) -> None:
    """Temp collections that builds before this version left in $TMPDIR when killed."""
    import tempfile
    import time

    cutoff = time.time() - older_than
    for path in Path(tempfile.gettempdir()).glob(".deckgen-*.anki2"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff and path.stat().st_uid == os.getuid():
                path.unlink()
        except OSError:
            pass


@contextmanager
def build_lock(
    config: Config, wait: float | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the project for one build: a second build waits (up to ``wait`` seconds,
    $DECKGEN_BUILD_WAIT or 300), then refuses with a clear message.

    The lock is an advisory lock on deckgen.toml itself (opened read-only): nothing is created,
    so a build that fails writes nothing, and builds of one project share one deckgen.lock
    whatever their --out.
    """
    import fcntl
    import time

    path = config.root / "deckgen.toml"
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        fd = -1  # load_config read it a moment ago; if it is gone, there is nothing to hold
    try:
        if fd >= 0:
            limit = wait if wait is not None else float(os.environ.get("DECKGEN_BUILD_WAIT", "300"))
            deadline = time.monotonic() + limit
            told = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if on_wait is not None and not told:
                        on_wait(
                            f"another deckgen build of this project is running: this one waits up to {limit:g} s for"
                            " it to finish (DECKGEN_BUILD_WAIT sets how long)"
                        )
                        told = True
                    if time.monotonic() >= deadline:
                        raise ConfigError(
                            Finding(
                                "deckgen.toml",
                                0,
                                f"another deckgen build of this project is still running after {limit:g} s",
                                "wait for it to finish and run the build again (a CI job that should not wait"
                                " so long: set DECKGEN_BUILD_WAIT to the seconds it may)",
                                "busy",
                            )
                        ) from None
                    time.sleep(0.1)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


class DeckWriter:
    """Writes an .apkg only when what it would hold changed since the last build.

    Output bytes are a pure function of what goes in, so an unchanged digest and an
    untouched file mean the file on disk is already exactly what a cold build writes.
    With ``root`` (the project), every package written is also kept in the project's
    cache, named by its digest, the versions of the libraries that wrote it and the sha256
    of its bytes; a later build that needs the same package (build/ deleted, restored from
    CI, or reverted to it) copies it after checking those bytes, and writes it when none
    is there or the copy is damaged. One :class:`~deckgen.anki.package.PackageWriter`
    serves the whole build.
    """

    def __init__(
        self,
        out_dir: Path,
        state: BuildState | None,
        root: Path | None = None,
        proven: Mapping[str, tuple[Any, list[Any], str]] | None = None,
    ) -> None:
        """``proven``: by output name, a package (one deck) with its note types and the digest already computed for it."""
        self.out_dir = out_dir
        self.proven = proven or {}
        self.previous = state.deck_digests if state else {}
        self.snapshot = state.outputs if state else {}
        self.digests: dict[str, str] = {}
        self.skipped = 0
        self.untouched: list[str] = []  # the packages left as they were (the same bytes already there)
        self.copied = 0
        self.kept = kept_packages(root)
        self._packager: Any = None  # a PackageWriter, made at the first write (it imports genanki)

    def write(self, target: Path, decks: Any, note_types: Any, media: Any = ()) -> None:
        """``package.write_apkg`` unless the same content is already at ``target`` (or in the project's cache)."""
        rel = target.relative_to(self.out_dir).as_posix() if target.is_relative_to(self.out_dir) else str(target)
        known = self.proven.get(rel)
        if (
            known is not None
            and not media
            and len(decks) == 1
            and decks[0] == known[0]
            and list(note_types) == known[1]
        ):
            digest = known[2]  # equal content (a deck the plan reused, proven by this very digest): equal digest
        else:
            digest = package_digest(decks, note_types, media)
        self.digests[rel] = digest
        if self.previous.get(rel) == digest and target.is_file():
            stat = target.stat()
            if self.snapshot.get(rel) == [stat.st_size, stat.st_mtime_ns]:
                self.skipped += 1
                self.untouched.append(str(target))
                if self.kept.folder is not None and not self.kept.names(digest):
                    self._keep(target, digest)  # (a cache deleted, or filled by an older deckgen)
                return
        if self._packager is None or self._packager.note_types != list(note_types):
            from deckgen.anki.package import PackageWriter

            self._packager = PackageWriter(note_types)
        data = self.kept.get(digest)
        if data is not None and not safe_output(rel, data):
            data = None  # not what deckgen writes (the cache is untrusted input): written anew below
        if data is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data, durable=False)  # an output: as write_apkg, no fsync
            self.copied += 1
            return
        self._packager.write(target, decks, media)
        if self.kept.folder is not None:
            self._keep(target, digest)

    def _keep(self, target: Path, digest: str) -> None:
        """Keep a copy of the package just written (a cache: failing to keep it only costs speed)."""
        try:
            data = target.read_bytes()
        except OSError:
            return
        self.kept.put(digest, data)


def safe_output(rel: str, data: bytes) -> bool:
    """Whether a copy of the output ``rel`` read back from the project's cache holds only what deckgen writes.

    A kept file's name is the hash of its bytes, which whoever edits the cache can compute: so a package, a page or
    a site asset is also checked for content (anything a learner's Anki or browser would run) before it is used.
    Changelogs and calendars are text no client runs.
    """
    if rel.endswith(".apkg"):
        from deckgen.anki.notetypes import note_types
        from deckgen.anki.package import safe_package

        return safe_package(data, note_types())
    if rel.endswith(".html"):
        from deckgen.site.pages import safe_page

        return safe_page(data.decode("utf-8", "replace"))
    if rel.startswith("site/assets/"):
        from deckgen.site.pages import asset_bytes

        return data == asset_bytes(rel.removeprefix("site/assets/"))
    if rel.startswith("site/") and not rel.endswith(".ics"):  # (a cohort's calendars are text)
        from deckgen.sources.media import image_bytes

        return image_bytes(rel, data)  # the site's other files are the cards' images
    return True


def kept_packages(root: Path | None) -> KeptFiles:
    """The packages kept in the project's cache by digest, as written by this code and genanki version."""
    if root is None:
        return KeptFiles(None, SUFFIXES[PACKAGES])
    from deckgen.anki.package import writer_version

    salt = hashlib.sha256(f"{code_fingerprint()}\0{writer_version()}".encode()).hexdigest()[:16]
    return KeptFiles(
        root / CACHE_DIR / PACKAGES,
        SUFFIXES[PACKAGES],
        salt=salt,
        max_bytes=2 * 1024 * 1024 * 1024,
        delete_damaged=True,
    )


def prune_kept_packages(root: Path, digests: Iterable[str]) -> None:
    """Remove the kept packages whose content no output of the last build holds (and their leftover temp files)."""
    KeptFiles(root / CACHE_DIR / PACKAGES, SUFFIXES[PACKAGES]).prune(digests)


def package_digest(decks: Any, note_types: Any, media: Any = ()) -> str:
    """One hash over everything ``write_apkg`` reads: its decks, their notes, the note types and the media.

    Encoded with ``marshal`` format 0 (no object references, no interning flags, so equal
    values give equal bytes in any process): 3-4x cheaper than ``repr`` on 16,000 notes.
    The bytes are only hashed, never loaded.
    """
    import marshal

    hasher = hashlib.sha256()
    for deck in decks:
        preset = deck.preset
        head = (deck.deck_id, deck.name, deck.description)
        hasher.update(
            marshal.dumps(head + (None if preset is None else (preset.preset_id, preset.name, preset.new_per_day),), 0)
        )
        rows = [(n.guid, n.model_id, n.fields, n.tags, n.mod, n.due, n.with_cards) for n in deck.notes]
        hasher.update(marshal.dumps(rows, 0))
    types = [
        (nt.id, nt.name, nt.kind, nt.fields, nt.css, [(t.name, t.qfmt, t.afmt) for t in nt.templates], mod)
        for nt, mod in note_types
    ]
    hasher.update(marshal.dumps(types, 0))
    for name, path in media:
        hasher.update(f"{name}\0{_file_digest(path)}".encode())
    return hasher.hexdigest()


def _relative(name: str) -> bool:
    """Whether ``name`` is a plain relative path that stays inside its folder."""
    return (
        bool(name)
        and not name.startswith("/")
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )


# <project>/.deckgen-cache/last-build.json: the last build's state and, for every file it left in
# its output folder, where the project's cache keeps a copy. It survives `rm -rf build/` (and a CI
# cache restore, or reinstalling the same deckgen), so a build whose inputs are unchanged copies
# its outputs back instead of planning them.
LAST_BUILD = "last-build.json"
_LAST_BUILD_FORMAT = 1
# the build's own records in its cache folder that the next build reads (build.json is written from the state)
_KEPT_RECORDS = (f"{CACHE_DIR}/lock-written.json", f"{CACHE_DIR}/site-pages.json")


@dataclass(frozen=True)
class KeptOutput:
    """One output file of the last build and its kept copy."""

    store: str  # a folder of <project>/.deckgen-cache/ (see deckgen.core.keptfiles)
    name: str  # the kept copy's name there
    sha256: str
    size: int
    mtime_ns: int  # as the build left it: restored, so the restored folder is what the build state describes

    def row(self) -> list[Any]:
        """The output as last-build.json stores it."""
        return [self.store, self.name, self.sha256, self.size, self.mtime_ns]


def _build_files(out_dir: Path, planned: Sequence[str]) -> list[str] | None:
    """Every file below ``out_dir`` that the build planned (folders listed), its outputs record and cache records;
    None when a planned output is missing or not a regular file or folder (there is nothing whole to keep)."""
    files: list[str] = []
    for rel in sorted(set(planned)):
        path = out_dir / rel
        if path.is_dir() and not path.is_symlink():
            for folder, dirs, names in os.walk(path):  # strings, not Paths: this runs after every build
                dirs.sort()
                base = os.path.relpath(folder, out_dir).replace(os.sep, "/")
                files += [f"{base}/{name}" for name in sorted(names) if os.path.isfile(os.path.join(folder, name))]
        elif path.is_file() and not path.is_symlink():
            files.append(rel)
        else:
            return None  # not as the build wrote it: nothing whole to keep
    files += [rel for rel in (OUTPUTS_RECORD, *_KEPT_RECORDS) if (out_dir / rel).is_file()]
    return files


def _kept_index(root: Path) -> dict[str, tuple[str, str]]:
    """Every kept file of the project's cache by the sha256 its name carries (32 hex): (store, name)."""
    index: dict[str, tuple[str, str]] = {}
    for store, suffix in SUFFIXES.items():
        try:
            names = os.listdir(root / CACHE_DIR / store)
        except OSError:
            continue
        for name in names:
            if name.endswith(suffix):
                index.setdefault(name[: -len(suffix)].rpartition(".")[2], (store, name))
    return index


def keep_build(root: Path, out_dir: Path, state: BuildState) -> None:
    """Record the build just finished in the project's cache, with a kept copy of each of its files.

    Packages and deck pages are kept already (by digest); every other file is kept by its
    sha256. A file whose size and mtime are as last recorded is not hashed again. A cache:
    a failure only costs the next build after ``rm -rf build/`` its speed.
    """
    record_path = root / CACHE_DIR / LAST_BUILD
    files = _build_files(out_dir, state.summary.get("planned", []))
    if files is None:
        unlink_quietly(record_path)  # an older record would not describe this folder
        return
    try:
        previous = (_read_last_build(root, str(out_dir)) or ({}, state))[0]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        previous = {}
    index = _kept_index(root)
    extra = KeptFiles(root / CACHE_DIR / OUTPUT_FILES, SUFFIXES[OUTPUT_FILES])
    kept: dict[str, KeptOutput] = {}
    added = False
    try:
        for rel in files:
            info = os.stat(out_dir / rel)
            old = previous.get(rel)
            if (
                old is not None
                and (old.size, old.mtime_ns) == (info.st_size, info.st_mtime_ns)
                and index.get(old.sha256[:32]) == (old.store, old.name)
            ):
                kept[rel] = old
                continue
            content = (out_dir / rel).read_bytes()
            sha = hashlib.sha256(content).hexdigest()
            where = index.get(sha[:32])
            if where is None:
                added = True
                name = extra.put(sha[:32], content)
                if name is None:
                    return
                where = index[sha[:32]] = (OUTPUT_FILES, name)
            kept[rel] = KeptOutput(where[0], where[1], sha, info.st_size, info.st_mtime_ns)
        if added:  # (else nothing new: what is no longer used goes the next time something is kept)
            extra.prune({k.name.partition(".")[0] for k in kept.values() if k.store == OUTPUT_FILES})
        record = {
            "format": _LAST_BUILD_FORMAT,
            "out": str(out_dir),
            "state": _state_data(state),
            "files": {rel: k.row() for rel, k in kept.items()},
        }
        atomic_write_bytes(record_path, json.dumps(record, sort_keys=True).encode(), durable=False)
    except OSError:
        pass


def _read_last_build(root: Path, out: str) -> tuple[dict[str, KeptOutput], BuildState] | None:
    """The last build's kept files and state, if it built into ``out`` (None otherwise, or when there is none).

    Untrusted: every field is checked (a wrong shape raises ValueError or TypeError).
    """
    path = root / CACHE_DIR / LAST_BUILD
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_STATE_BYTES:
        raise ValueError("not a regular file of a sensible size")
    data = json.loads(path.read_bytes())
    if not isinstance(data, dict) or data.get("format") != _LAST_BUILD_FORMAT:
        raise ValueError("format")
    if data["out"] != out:
        return None
    state = _validated_state(data["state"])
    files = data["files"]
    if not isinstance(files, dict):
        raise TypeError("files")
    planned = state.summary.get("planned", [])
    kept: dict[str, KeptOutput] = {}
    for rel, row in files.items():
        if not (
            isinstance(rel, str)
            and _relative(rel)
            and (rel in (OUTPUTS_RECORD, *_KEPT_RECORDS) or any(rel == p or rel.startswith(p + "/") for p in planned))
        ):
            raise ValueError("files: a path outside the build's outputs")
        if not (
            isinstance(row, list)
            and len(row) == 5
            and row[0] in SUFFIXES
            and isinstance(row[1], str)
            and isinstance(row[2], str)
            and len(row[2]) == 64
            and all(type(n) is int for n in row[3:])
        ):
            raise TypeError(f"files: {rel}")
        kept[rel] = KeptOutput(*row)
    return kept, state


def restore_build(config: Config, options: Mapping[str, Any], warnings: list[str]) -> BuildResult | None:
    """The last build's outputs copied back from the project's cache into an output folder that has none of them
    (``build/`` deleted, a fresh CI checkout with the cache restored), when every input is as that build saw it.

    None when anything does not match: no record, another output folder or other options,
    a changed input or deckgen, an output already there (nothing is written then), a kept
    copy missing or damaged (the files copied before it stay, all owned by deckgen). The
    caller then builds in full. The caller holds the build lock.
    """
    from deckgen.core.model import BuildResult

    out_dir = config.out_dir
    try:
        last = _read_last_build(config.root, str(out_dir))
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        warnings.append(
            f"{config.root / CACHE_DIR / LAST_BUILD}: build cache is unreadable ({exc.__class__.__name__}); "
            "ignoring it and building everything"
        )
        return None
    if last is None:
        return None
    kept, state = last
    summary = state.summary
    planned = summary.get("planned")
    if not planned or OUTPUTS_RECORD not in kept or cache_dir(out_dir).exists():
        return None
    if any(rel not in kept and not any(k.startswith(rel + "/") for k in kept) for rel in planned):
        return None  # an output the record does not say how to restore
    if any(os.path.lexists(out_dir / rel) for rel in kept):
        return None  # the folder holds outputs: the full build decides what to keep and replace
    if project_digest(config, options, summary.get("media", [])) != state.digest:
        return None
    try:
        check_out_dir(config)
    except ConfigError:
        return None  # the full build says why
    stores = {store: KeptFiles(config.root / CACHE_DIR / store, suffix) for store, suffix in SUFFIXES.items()}
    record = outputs_record(planned)  # as the cold build writes it (the folder's record may list older outputs)
    make_cache_dir(cache_dir(out_dir))  # from here on a refusal leaves the folder to the full build, which follows
    checked: dict[str, bool] = {}  # by sha256: whether the bytes are what deckgen writes (see safe_output)
    for rel in [OUTPUTS_RECORD, *sorted(set(kept) - {OUTPUTS_RECORD})]:  # the record first, as claim_outputs
        output = kept[rel]
        # one file in memory at a time; a copy is checked before it is written
        data = record if rel == OUTPUTS_RECORD else stores[output.store].read(output.name, output.sha256)
        if data is not None and rel != OUTPUTS_RECORD and output.sha256 not in checked:
            checked[output.sha256] = safe_output(rel, data)  # a site download is its package's bytes: checked once
        if data is None or (rel != OUTPUTS_RECORD and not checked[output.sha256]):
            return None  # the full build replaces what was copied (all of it deckgen's, by the record)
        target = out_dir / rel
        atomic_write_bytes(target, data, durable=False)
        # as the build left it (the folder's own record may have listed older outputs too: then it differs)
        if rel != OUTPUTS_RECORD or hashlib.sha256(record).hexdigest() == output.sha256:
            os.utime(target, ns=(output.mtime_ns, output.mtime_ns))
    save_code_memo()
    save_input_digests(config.root / CACHE_DIR, config.root)
    restored = BuildState(state.digest, outputs_snapshot(out_dir), summary, state.deck_digests)
    # last: the state is what makes the next build a no-op
    atomic_write_bytes(
        cache_dir(out_dir) / _STATE, json.dumps(_state_data(restored), sort_keys=True).encode(), durable=False
    )
    return BuildResult(
        outputs=tuple(summary.get("outputs", [])),
        decks=(),
        changes=(),
        lock_changed=False,
        warnings=tuple([*warnings, *summary.get("warnings", [])]),
        up_to_date=tuple((name, count) for name, count in summary.get("decks", [])),
        unchanged=int(summary.get("cards", 0)),
    )


def restored_build(config: Config) -> BuildResult | None:
    """A plain `deckgen build` answered by :func:`restore_build`, holding the project (never waiting for it)."""
    with build_lock(config, wait=0):
        return restore_build(config, build_options(config, (), True), [])
