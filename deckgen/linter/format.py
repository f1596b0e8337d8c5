"""Lint reports as text for machines: JSON and GitHub workflow annotations. Never prints."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from deckgen.core.errors import Finding
from deckgen.linter.run import LintReport


def by_file(report: LintReport) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by file, in report order."""
    for path, group in groupby(report.findings, key=lambda f: f.path):
        yield path, list(group)


def summary(report: LintReport) -> str:
    """``2 errors, 1 warning in 3 files (40 cards checked)``."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    files = len({f.path for f in report.findings})
    found = f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}"
    where = f" in {plural(files, 'file')}" if report.findings else ""
    return f"{found}{where} ({plural(report.cards, 'card')} checked)"


def to_json(report: LintReport) -> str:
    """The report as a JSON document (stable key order)."""
    data = {
        "version": 1,
        "summary": {"errors": len(report.errors), "warnings": len(report.warnings), "cards": report.cards},
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "col": f.col,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "fix": f.fix,
            }
            for f in report.findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: LintReport, root: Path | None = None) -> str:
    """One ``::error``/``::warning`` workflow command per finding (GitHub Actions annotations).

    ``root``: the project's folder. GitHub places an annotation by its path from the repository's root
    (``GITHUB_WORKSPACE``): a project in a subfolder of the repository (a monorepo) has its paths prefixed with that
    subfolder (a CI engineer's try: every annotation pointed at a file that did not exist).
    """
    prefix = _workspace_prefix(root)
    lines = []
    for f in report.findings:
        path = f.path if not prefix or os.path.isabs(f.path) else prefix + f.path
        props = [f"file={_prop(path)}"]
        if f.line > 0:
            props += [f"line={f.line}", f"col={f.col}"]
        props.append(f"title={_prop(f.rule)}")
        message = f"{f.message} — {f.fix}" if f.fix else f.message
        lines.append(f"::{f.severity} {','.join(props)}::{_data(message)}")
    return "\n".join(lines)


def _workspace_prefix(root: Path | None) -> str:
    """``root``'s folder from ``GITHUB_WORKSPACE`` with a trailing '/', or '' (not in Actions, or at its root)."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if root is None or not workspace:
        return ""
    try:
        inside = root.resolve().relative_to(Path(workspace).resolve())
    except (ValueError, OSError):
        return ""
    return "" if inside == Path(".") else inside.as_posix() + "/"
