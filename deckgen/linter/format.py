"""Lint reports as text for machines: JSON and GitHub workflow annotations. Never prints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby

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


def to_github(report: LintReport) -> str:
    """One ``::error``/``::warning`` workflow command per finding (GitHub Actions annotations)."""
    lines = []
    for f in report.findings:
        props = [f"file={_prop(f.path)}"]
        if f.line > 0:
            props += [f"line={f.line}", f"col={f.col}"]
        props.append(f"title={_prop(f.rule)}")
        message = f"{f.message} — {f.fix}" if f.fix else f.message
        lines.append(f"::{f.severity} {','.join(props)}::{_data(message)}")
    return "\n".join(lines)
