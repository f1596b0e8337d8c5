"""Check that two deckgen checkouts write byte-identical outputs on a truly cold build.

    python bench/compare_outputs.py /path/to/base/checkout [--notes 2000]

For each library (the synthetic benchmark library of bench/synthetic.py and this
checkout's own ``content/`` + ``decks/`` + ``deckgen.toml`` + ``deckgen.lock``), each
checkout's code runs ``python -m deckgen build`` on its own copy: once to write the lock
(the synthetic library has none), then after ``rm -rf build .deckgen-cache`` (a truly cold
build, the lock present). The sha256 of every file under ``build/``, of ``deckgen.lock``
and of every file under ``.deckgen-cache/`` is compared, and so is the text ``deckgen lint``
prints after the truly cold build (the project's folder replaced by ``<root>``, its exit code
included); files of the cache that differ are listed apart (the cache records deckgen's own code digest, so some may differ without
meaning anything: read them). Not a test: it takes a minute or two.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import copy_project, make_library  # noqa: E402

from deckgen.core.digests import read_input_memo  # noqa: E402

EPOCH = "1750000000"


def deckgen(code: Path, root: Path, pycache: Path, command: str) -> subprocess.CompletedProcess[str]:
    """``python -m deckgen <command>`` in ``root`` with the code of checkout ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1", "COLUMNS": "200"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return subprocess.run([sys.executable, "-m", "deckgen", command], cwd=root, env=env, capture_output=True, text=True)


def build(code: Path, root: Path, pycache: Path) -> None:
    """One ``deckgen build`` of ``root`` with the code of checkout ``code``; fails loudly."""
    done = deckgen(code, root, pycache, "build")
    if done.returncode != 0:
        raise SystemExit(f"[{code}] deckgen build in {root} failed:\n{done.stderr[-3000:]}")


LINT = "<deckgen lint output>"


def lint_text(code: Path, root: Path, pycache: Path) -> str:
    """What ``deckgen lint`` prints (both streams) and its exit code, the project's folder as ``<root>``."""
    done = deckgen(code, root, pycache, "lint")
    return f"exit {done.returncode}\n{done.stdout}{done.stderr}".replace(str(root), "<root>")


_KEPT = re.compile(r"^[0-9a-f]{32}\.[0-9a-f]{32}\.kept$|^[0-9a-f]{64}$")


def _normal(value: Any, root: str, digest: str) -> Any:
    """A cache value with what cannot mean anything blanked.

    File times and inodes (``[size, mtime, ctime, inode, sha256]`` rows), the project's
    folder, the project digest (it covers deckgen's code and the folder) and the names of
    kept copies (named by content, and a few hold file times: they are compared apart).
    """
    if isinstance(value, dict):
        return {_normal(k, root, digest): _normal(v, root, digest) for k, v in sorted(value.items())}
    if isinstance(value, list):
        if len(value) == 5 and all(type(v) is int for v in value[:4]):
            value = [value[0], "<time>", "<time>", "<inode>", value[4]]
        return [_normal(v, root, digest) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value > 10**15:
        return "<time>"
    if isinstance(value, str):
        if digest and value == digest:
            return "<digest>"
        if _KEPT.match(value) and value.endswith(".kept"):
            return "<kept>"
        return value.replace(root, "<root>")
    return value


_TIME = re.compile(r"\b1[0-9]{18}\b")  # a file time in nanoseconds
_HEX = re.compile(r"[0-9a-f]{16,64}")


def _loose(text: str) -> str:
    """A second signature with every hex digest blanked (project digests and kept files' names cover deckgen's code)."""
    return " loose:" + hashlib.sha256(_HEX.sub("<hex>", text).encode()).hexdigest()


def _meaning(path: Path, root: Path, digest: str) -> str:
    """sha256 of what a cache file means: JSON with times blanked, SQLite rows sorted, else its bytes."""
    data = path.read_bytes()
    if path.name == "notes.sqlite":
        db = sqlite3.connect(path)
        rows = sorted(db.execute("select key, digest, schema, value from entries"))
        meta = sorted(db.execute("select name, value from meta"))
        db.close()
        salt = dict(meta).get("salt", "")
        code = salt[2:66]
        text = _TIME.sub("<time>", json.dumps([meta, rows]))
        for secret, blank in ((code, "<code>"), (digest, "<digest>")):
            text = text.replace(secret, blank) if secret else text
        return "sqlite:" + hashlib.sha256(text.encode()).hexdigest() + _loose(text)
    if path.name.endswith((".json", ".kept")):
        try:
            value = json.loads(data)
        except ValueError:
            return hashlib.sha256(data).hexdigest()
        text = json.dumps(_normal(value, str(root), digest), sort_keys=True)
        return "json:" + hashlib.sha256(text.encode()).hexdigest() + _loose(text)
    return hashlib.sha256(data).hexdigest()


def digests(root: Path) -> dict[str, str]:
    """sha256 of every output file (build/**, deckgen.lock); of the meaning of every cache file.

    Cache files (.deckgen-cache/** and build/.deckgen-cache/**) record file times and
    deckgen's code digest; ``outputs/*.kept`` are named by their content, so they are
    keyed by their meaning instead of their name.
    """
    out: dict[str, str] = {}
    try:
        digest = json.loads((root / "build" / ".deckgen-cache" / "build.json").read_bytes())["digest"]
    except (OSError, ValueError, KeyError):
        digest = ""
    for top in ("build", ".deckgen-cache"):
        for path in sorted((root / top).rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            if ".deckgen-cache" not in rel:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
                continue
            meaning = _meaning(path, root, digest)
            if rel.endswith(".deckgen-cache/code.json"):
                continue  # the hashes of deckgen's own files: differs with the code by design
            if rel.endswith(".deckgen-cache/inputs.json"):
                # a memo of input files' hashes by their stat; a file changed too recently to trust
                # its time is left out, so which files it holds depends on timing: only the hashes count
                for name, entry in read_input_memo(path).items():
                    out[f"{rel}:{name.replace(str(root), '<root>')}"] = f"sha {entry[-1]} loose:{entry[-1]}"
                continue
            if "/outputs/" in rel or "/packages/" in rel or "/site-pages/" in rel:
                # kept copies are named by their content and the code's digest: keyed by content here
                rel = f"{rel.rsplit('/', 1)[0]}/<{meaning.split(' loose:')[-1][:20]}>"
            out[rel] = meaning
    out["deckgen.lock"] = hashlib.sha256((root / "deckgen.lock").read_bytes()).hexdigest()
    return out


def cold(code: Path, root: Path, pycache: Path) -> dict[str, dict[str, str]]:
    """Digests after a first build (writes the lock if missing) and after a truly cold one."""
    build(code, root, pycache)
    first = digests(root)
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / ".deckgen-cache", ignore_errors=True)
    build(code, root, pycache)
    truly_cold = digests(root)
    text = lint_text(code, root, pycache)
    truly_cold[LINT] = hashlib.sha256(text.encode()).hexdigest() + f" ({text.count(chr(10))} lines)"
    return {"first build": first, "truly cold build": truly_cold}


def compare(name: str, a: dict[str, str], b: dict[str, str]) -> bool:
    """Print the differences of two digest maps; True when build/ and the lock are identical."""
    same = True
    for path in sorted(set(a) | set(b)):
        if "inputs.json:" in path and (path not in a or path not in b):
            continue  # see digests(): an entry left out for timing
        if a.get(path) != b.get(path):
            where = "cache" if ".deckgen-cache" in path else "OUTPUT"
            loose = [(x.get(path) or "").split(" loose:")[-1] for x in (a, b)]
            if where == "cache" and loose[0] == loose[1] and loose[0]:
                where = "cache (digests only)"
            if where == "OUTPUT":
                same = False
            print(f"  {name}: {where} differs: {path} ({(a.get(path) or '-')[:12]} vs {(b.get(path) or '-')[:12]})")
    outputs = sum(1 for p in a if ".deckgen-cache" not in p)
    print(f"{name}: {outputs} output files {'IDENTICAL' if same else 'DIFFERENT'}; {len(a) - outputs} cache files")
    cache = [p for p in a if ".deckgen-cache" in p]
    cache = [p for p in cache if not ("inputs.json:" in p and p not in b)]
    loose = {p: (a.get(p) or "").split(" loose:")[-1] for p in cache}
    if cache and all(loose[p] == (b.get(p) or "").split(" loose:")[-1] for p in cache):
        print(f"{name}: cache meaning identical (times, folder, digests aside)")
    else:
        print(f"{name}: CACHE MEANING DIFFERS")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, help="the checkout to compare this one with")
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the libraries in this folder and keep them")
    args = parser.parse_args()
    codes = {"base": args.base.resolve(), "this": REPO}
    ok = True
    with tempfile.TemporaryDirectory(prefix="deckgen-compare-") as tmp:
        work = args.keep or Path(tmp)
        if args.keep:
            shutil.rmtree(work, ignore_errors=True)
        sources: dict[str, Path] = {}
        sources["shipped"] = copy_project(REPO, work / "src-shipped")
        if not args.skip_synthetic:
            sources["synthetic"] = make_library(work / "src-synthetic", args.notes)
        for lib, source in sources.items():
            results = {}
            for name, code in codes.items():
                root = work / f"{lib}-{name}"
                shutil.copytree(source, root)
                results[name] = cold(code, root, work / f"pycache-{name}")
            for stage in ("first build", "truly cold build"):
                ok &= compare(f"{lib} / {stage}", results["base"][stage], results["this"][stage])
    print("ALL OUTPUTS IDENTICAL" if ok else "OUTPUTS DIFFER")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
