"""sha256 of every output deckgen writes, for the shipped project and a synthetic library.

A refactor that claims "behaviour unchanged" must leave these identical: every
``build/*.apkg``, ``build/tracks/*.apkg``, every file of ``build/site/`` and
``deckgen.lock``, each project built without any cache (a copy of the project in a
temporary folder, ``build/`` removed first), with a fixed ``SOURCE_DATE_EPOCH``.

    python scripts/output_hashes.py --out before.json
    # ... move code ...
    python scripts/output_hashes.py --out after.json --compare before.json

Exit 1 (and the differing paths listed) when ``--compare`` finds a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import make_library  # noqa: E402


def _hash_tree(project: Path) -> dict[str, str]:
    out = project / "build"
    hashes: dict[str, str] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(project).as_posix()
        if not path.is_file() or "/.deckgen-cache" in f"/{rel}" or rel.startswith("build/screenshots"):
            continue
        if path.suffix == ".apkg" or rel.startswith("build/site/") or rel.endswith("CHANGELOG.md"):
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    lock = project / "deckgen.lock"
    if lock.exists():
        hashes["deckgen.lock"] = hashlib.sha256(lock.read_bytes()).hexdigest()
    return hashes


def build_and_hash(project: Path) -> dict[str, str]:
    """Build ``project`` with no cache and return {relative path: sha256}."""
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / ".deckgen-cache", ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stdout}\n{done.stderr}")
    return _hash_tree(project)


def snapshot(notes: int) -> dict[str, dict[str, str]]:
    """Hashes of the shipped project (a copy) and of a synthetic library of ``notes`` notes."""
    result: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped"
        skip = shutil.ignore_patterns(".git", ".deckgen-cache", "*.egg-info", ".pybuild", "__pycache__", ".venv")

        def ignore(folder: str, names: list[str]) -> set[str]:
            # only the project's own build/ output: deckgen/builder/ is code and must be copied
            top = {"build"} if Path(folder) == ROOT else set()
            return set(skip(folder, names)) | (top & set(names))

        shutil.copytree(ROOT, shipped, ignore=ignore)
        result["shipped"] = build_and_hash(shipped)
        synthetic = make_library(Path(tmp) / "synthetic", notes=notes, decks=5)
        result["synthetic"] = build_and_hash(synthetic)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="JSON file to write the hashes to")
    parser.add_argument("--compare", type=Path, help="an earlier file of hashes that must be identical")
    parser.add_argument("--notes", type=int, default=200, help="synthetic library size (default 200)")
    args = parser.parse_args()
    figures = snapshot(args.notes)
    args.out.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    counts = ", ".join(f"{name}: {len(files)} files" for name, files in figures.items())
    print(f"hashed {counts} -> {args.out}")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [
            f"{name}/{path}"
            for name in sorted(set(before) | set(figures))
            for path in sorted(set(before.get(name, {})) | set(figures.get(name, {})))
            if before.get(name, {}).get(path) != figures.get(name, {}).get(path)
        ]
        if differ:
            print(f"{len(differ)} outputs differ:")
            for path in differ:
                print(f"  {path}")
            raise SystemExit(1)
        print("identical: every package, site file and lock matches")


if __name__ == "__main__":
    main()
