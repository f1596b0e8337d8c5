"""The documented CI workflow runs commands this deckgen has, and uploads what the build writes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, run_deckgen

WORKFLOW = REPO / "docs" / "ci-example.yml"


def test_ci_example_commands_work_on_the_shipped_project(shipped: Path) -> None:
    from deckgen.sources.notes import load_yaml

    workflow = load_yaml(WORKFLOW.read_text(encoding="utf-8"), "docs/ci-example.yml")
    steps = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "deckgen build --locked" in runs
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for step in steps
        if step.get("uses", "").startswith("actions/upload-artifact")
    }
    assert set(uploads) == {"decks", "site"}
    # deckgen's cache is restored before the build (a CI build with it is the fast path of issue 14)
    names = [step.get("run", step.get("uses", "")) for step in steps]
    (cache,) = [step for step in steps if step.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == ".deckgen-cache" and cache["with"]["restore-keys"] == "deckgen-cache-"
    assert names.index(cache["uses"]) < names.index("deckgen build --locked")
    assert "deckgen lint" in names
    # Run the build exactly as CI does, then check every uploaded pattern matches a file.
    result = run_deckgen("build", "--locked", cwd=shipped)
    assert result.returncode == 0, result.stderr
    for track in sorted((shipped / "decks/tracks").glob("*.yaml")):
        plan = run_deckgen("plan", track.stem, "--format", "markdown", cwd=shipped)
        assert plan.returncode == 0 and plan.stdout.startswith("## "), plan.stderr
    for pattern in re.findall(r"build/\S+", uploads["decks"]):
        if "plans" not in pattern:
            assert list(shipped.glob(pattern)), pattern
    assert (shipped / uploads["site"].strip() / "index.html").is_file()
