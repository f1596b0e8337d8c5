"""Measure maintained text libraries against deckgen's own helpers on every note we have (issue 11, item 5).

    pip install pysbd            # optional: only this script uses it
    python scripts/text_libraries.py

Sentence segmentation: deckgen.core.text.split_sentences vs pysbd (rule-based, the usual
choice) — sentences found, paragraphs where they disagree, CPU time. Similarity: the
rapidfuzz Indel ratio deckgen uses vs difflib's ratio it replaced, over every pair of
questions in each note's curator cards — agreement at the 0.85 "asks the same" line, CPU.
"""

from __future__ import annotations

import difflib
import itertools
import re
import time
from pathlib import Path

from deckgen.core.text import similarity, split_sentences

ROOTS = ("content", "tests/fixtures/fresh", "tests/fixtures/gold", "tests/fixtures/heldout")


def paragraphs() -> list[str]:
    """Prose paragraphs of every note (front matter, headings, lists and HTML left out)."""
    found: list[str] = []
    for root in ROOTS:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            for block in re.split(r"\n\s*\n|\n(?=[#>\-*<|])", path.read_text(encoding="utf-8")):
                text = " ".join(block.split())
                if len(text) > 80 and not text.startswith(("---", "#", "|", "<", ">", "-", "*")):
                    found.append(text)
    return found


def questions() -> list[list[str]]:
    """The questions of each curator ``.cards`` file."""
    return [
        [line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Q:")]
        for path in sorted(Path("tests/fixtures/fresh").rglob("*.cards"))
    ]


def main() -> None:
    texts = paragraphs()
    start = time.process_time()
    ours = [split_sentences(t) for t in texts]
    ours_cpu = time.process_time() - start
    try:
        import pysbd  # type: ignore[import-untyped]
    except ImportError:
        print("pysbd not installed: sentence comparison skipped")
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        start = time.process_time()
        theirs = [[s.strip() for s in segmenter.segment(t) if s.strip()] for t in texts]
        pysbd_cpu = time.process_time() - start
        differ = sum(a != b for a, b in zip(ours, theirs, strict=True))
        print(
            f"sentences: {len(texts)} paragraphs; split_sentences {sum(map(len, ours))} sentences in "
            f"{ours_cpu * 1000:.0f} ms, pysbd {sum(map(len, theirs))} in {pysbd_cpu * 1000:.0f} ms; "
            f"they disagree on {differ} paragraphs"
        )
    pairs = [p for group in questions() for p in itertools.combinations(group, 2)]
    start = time.process_time()
    old = [difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in pairs]
    difflib_cpu = time.process_time() - start
    start = time.process_time()
    new = [similarity(a, b) for a, b in pairs]
    rapid_cpu = time.process_time() - start
    flips = sum((o >= 0.85) != (n >= 0.85) for o, n in zip(old, new, strict=True))
    print(
        f"similarity: {len(pairs)} question pairs; difflib {difflib_cpu * 1000:.0f} ms, rapidfuzz "
        f"{rapid_cpu * 1000:.1f} ms; mean |difference| {sum(abs(o - n) for o, n in zip(old, new, strict=True)) / len(pairs):.3f}; "
        f"pairs on different sides of 0.85: {flips}"
    )


if __name__ == "__main__":
    main()
