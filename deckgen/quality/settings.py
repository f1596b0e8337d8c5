"""Lint settings from deckgen.toml ``[lint]`` (thresholds) and ``[lint.rules]`` (severity per rule)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any

from deckgen.core.cardrules import Level, LintSettings
from deckgen.core.errors import ConfigError, Finding
from deckgen.quality.catalogue import BY_ID, find_rule

_LEVELS = ("error", "warning", "off")

# The numbers a project may set in [lint]; the gate's Strictness is not a project setting.
_NUMBERS = {f.name: f.type for f in fields(LintSettings) if f.name not in ("levels", "strict")}


def lint_settings(
    section: Mapping[str, Any],
    config_name: str = "deckgen.toml",
    locate: Callable[[str, str], int] | None = None,
) -> LintSettings:
    """Validate the ``[lint]`` table; raise ConfigError naming every bad entry at its line.

    ``locate(table, key)`` gives a setting's line in the file (0 when unknown).
    """
    where = locate or (lambda table, key: 0)
    findings: list[Finding] = []
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key == "rules":
            continue
        if key not in _NUMBERS:
            close = difflib.get_close_matches(key, list(_NUMBERS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "known settings: " + ", ".join(_NUMBERS)
            findings.append(
                Finding(config_name, where("lint", key), f"[lint] has an unknown setting '{key}'", hint, "config")
            )
            continue
        wants_float = _NUMBERS[key] == "float"
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        if ok and not wants_float and not isinstance(value, int):
            ok = False
        if ok and wants_float and value > 1:
            ok = False
        if not ok:
            kind = "a number between 0 and 1" if wants_float else "a whole number >= 0"
            findings.append(
                Finding(
                    config_name,
                    where("lint", key),
                    f"[lint] {key} = {value!r} is not {kind}",
                    f"write e.g. {key} = {getattr(LintSettings, key)}",
                    "config",
                )
            )
            continue
        values[key] = value
    levels: dict[str, Level] = {}
    rules = section.get("rules", {})
    if not isinstance(rules, Mapping):
        findings.append(
            Finding(
                config_name,
                where("lint", "rules"),
                "[lint] rules must be a table",
                'write [lint.rules] then lines like L8 = "off"',
                "config",
            )
        )
        rules = {}
    for name, level in rules.items():
        rule = find_rule(str(name))
        if rule is None:
            close = difflib.get_close_matches(str(name), list(BY_ID), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see `deckgen lint --rules`"
            findings.append(
                Finding(
                    config_name,
                    where("lint.rules", str(name)),
                    f"[lint.rules] names an unknown rule '{name}'",
                    hint,
                    "config",
                )
            )
        elif not rule.configurable:
            findings.append(
                Finding(
                    config_name,
                    where("lint.rules", str(name)),
                    f"rule '{rule.id}' cannot be changed",
                    "fix the problem it reports instead",
                    "config",
                )
            )
        elif level not in _LEVELS:
            findings.append(
                Finding(
                    config_name,
                    where("lint.rules", str(name)),
                    f"[lint.rules] {name} = {level!r}",
                    'use "error", "warning" or "off"',
                    "config",
                )
            )
        else:
            levels[rule.id] = level
    if findings:
        raise ConfigError(findings)
    return LintSettings(**values, levels=levels)
