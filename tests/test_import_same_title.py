"""Two files of one title imported together: both become notes, and the second is flagged (it was silent).

Likely one essay exported twice (a vault's copy in two folders), whose cards would ship twice to learners.
"""

from __future__ import annotations

from pathlib import Path

from conftest import write

SEED = (
    "Hyrum's Law\nSource: https://www.hyrumslaw.com/ ↗\nHyrum Wright (2020)\nA law about interfaces.\n\n"
    "Central argument\nWith enough users of an API, every observable behaviour is depended on by somebody.{extra}\n\n"
    "Critique\nThe law says little about which mitigations work.\n"
)


def test_a_second_file_of_the_same_title_is_flagged(project: Path, tmp_path: Path, cli) -> None:
    folder = tmp_path / "export"
    write(folder / "a.txt", SEED.format(extra=""))
    write(folder / "b.txt", SEED.format(extra=" Contracts do not stop it."))
    write(folder / "c.txt", SEED.format(extra="").replace("Hyrum's Law\n", "Postel's Law\n", 1))
    done = cli("import", str(folder), cwd=project)
    assert done.exit_code == 0, done
    assert sorted(p.name for p in (project / "content").glob("*.md")) == [
        "hyrums-law-2.md",
        "hyrums-law.md",
        "postels-law.md",
    ]
    flagged = [line for line in done.stdout.splitlines() if "same title as" in line]
    assert len(flagged) == 1 and "a.txt (content/hyrums-law.md)" in flagged[0], done.stdout
