"""The build's summary line counts cards that come back as restored, as ``deckgen diff`` and the changelog do.

Found by the PM-lead helper: after a note was deleted and restored, the build said
"10 added" while the diff and the changelog said "8 restored, 2 added" for the same change.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import run_deckgen

NOTE = Path("content/essays/horowitz-good-pm-bad-pm.md")
LINE = "  - id: horowitz-good-pm-bad-pm\n"
MANIFESTS = ("decks/foundations.yaml", "decks/onboarding.yaml")


def _summary(stdout: str) -> str:
    (line,) = [line for line in stdout.splitlines() if line.startswith("Changes since deckgen.lock:")]
    return line


def test_a_note_deleted_then_restored_is_summarised_as_restored_like_the_diff(shipped: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1900000000"}
    kept = tmp_path / "kept"
    kept.mkdir()
    manifests = {name: (shipped / name).read_text(encoding="utf-8") for name in MANIFESTS}
    shutil.move(shipped / NOTE, kept / NOTE.name)
    for name, text in manifests.items():
        assert LINE in text
        (shipped / name).write_text(text.replace(LINE, ""), encoding="utf-8")
    deleted = run_deckgen("build", cwd=shipped, env=env)
    assert deleted.returncode == 0, deleted.stderr
    assert re.search(r" [1-9]\d* retired,", _summary(deleted.stdout)), deleted.stdout

    shutil.move(kept / NOTE.name, shipped / NOTE)
    for name, text in manifests.items():
        (shipped / name).write_text(text, encoding="utf-8")
    diff = run_deckgen("diff", "--format", "json", cwd=shipped, env={"SOURCE_DATE_EPOCH": "1900000100"})
    assert diff.returncode == 0, diff.stderr
    decks = json.loads(diff.stdout)["decks"]
    restored = {card["uid"] for deck in decks for card in deck["restored"]}
    added = {card["uid"] for deck in decks for card in deck["added"]}
    assert restored and not restored & added

    restore = run_deckgen("build", cwd=shipped, env={"SOURCE_DATE_EPOCH": "1900000100"})
    assert restore.returncode == 0, restore.stderr
    summary = _summary(restore.stdout)
    assert f" {len(added)} added, {len(restored)} restored, 0 edited, 0 retired, " in summary, summary
    changelog = (shipped / "build" / "foundations.changelog.md").read_text(encoding="utf-8").split("## Release")[1]
    assert f"**Restored ({len(restored)})**" in changelog
