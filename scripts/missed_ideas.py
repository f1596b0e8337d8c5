"""Which of the judges' key ideas the curator tested and the generator missed, and what their source text looks like.

For every run under evals/ (batches 1-9), each key idea the judge listed is *curator-covered*
when one of its cards is a curator card the same judge rated T2/T3, and *generator-covered*
when one is a generated card that judge rated T2/T3. A *missed* idea is curator-covered and
not generator-covered. For each missed idea the script finds the note sentence its best
curator card was written from (most shared content words with the card's question and
answer) and classifies (a) the sentence's surface form and (b) how the curator asked it,
then counts the classes, once per (batch, note, idea) of each batch's first judge (run1),
so a batch rated by four judges does not count four times.

    python scripts/missed_ideas.py            # the counts
    python scripts/missed_ideas.py --list     # every missed idea with its sentence and curator card
    python scripts/missed_ideas.py --shapes   # finer sentence shapes of the missed ideas (a sentence may count twice)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from judged_cards import imported  # scripts/ is on sys.path when a script runs

from deckgen.cards.rules.ideas import role_of
from deckgen.cards.rules.text import content_words, sentences

ROOT = Path(__file__).resolve().parent.parent

_NUMBER_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*%?|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_TERM_MARK_RE = re.compile(r"\*\*?[^*]{2,40}\*\*?|\"[^\"]{2,40}\"|“[^”]{2,40}”|'[A-Za-z][^']{2,40}'")
_CALLED_RE = re.compile(r"\b(?:call|calls|called|term|terms|termed|name|names|named|dubs|coined|label)\b", re.I)
_DEFINING_RE = re.compile(r"\b(?:is|are|means|mean|refers to)\b")
_TITLE_PHRASE_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")
_CONTRAST_RE = re.compile(r"\bnot\b.{2,80}\bbut\b|\brather than\b|\binstead of\b|, not\b", re.I)
_CAUSE_RE = re.compile(r"\b(?:because|so that|since|which means|so|therefore|leads to|causes)\b", re.I)
_PRESCRIBE_RE = re.compile(r"\b(?:should|must|never|always|need to|needs to|ought)\b", re.I)
_LIST_RE = re.compile(r"(?:[^,;]+,){2,}[^,;]*\b(?:and|or)\b|:\s*[^:]+,[^:]+\b(?:and|or)\b")


# Finer shapes a card form could be written for (iteration 15); each is a literal test on the sentence as written.
SHAPES = {
    "counted list 'N of them: a; b; c' (whole counted by the previous sentence)": re.compile(
        r"\b(?:two|three|four|five|six|seven) of (?:them|these|those)\b", re.I
    ),
    "counted list 'N <noun>: a, b, c' / 'N <noun> — a, b, c'": re.compile(
        r"\b(?:two|three|four|five|six|seven)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*(?::|—)\s*\S"
    ),
    "  of which the parts are separated by ';'": re.compile(
        r"\b(?:two|three|four|five|six|seven)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*:[^:]+;"
    ),
    "ranked, subject first: 'X is the most/-est N'": re.compile(
        r"\b(?:is|are)\s+(?:the|[A-Z]?\w+'s|his|her|their)\s+(?:\w+\s+)?(?:most|least|\w{3,}est)\s+\w+"
    ),
    "any superlative/ranking word ('the easiest to', 'most often', 'first to')": re.compile(
        r"\b(?:most|least|\w{3,}(?<!inter)(?<!sugg)(?<!t)est|first|last)\b"
    ),
    "'X requires/needs A more than B'": re.compile(
        r"\b(?:requires?|needs?|takes?|depends? on)\b[^.]{0,80}\bmore than\b"
    ),
    "'X requires / depends on Y'": re.compile(r"\b(?:requires?|depends? on)\b"),
    "'X are ADJ, ADJ, and V' (properties with their subject)": re.compile(
        r"\b(?:is|are|be)\s+(?:\w+ly\s+)?\w+,\s+(?:\w+\s+){0,4}\w+,?\s+and\s+\w+"
    ),
}


@dataclass
class Missed:
    """One key idea the curator's T2/T3 cards tested and no T2/T3 generated card did."""

    batch: str
    note: str
    idea: str
    question: str  # the best curator card's question
    answer: str
    sentence: str  # the note sentence the card was written from, as written
    role: str  # the sentence's section role
    form: str  # the sentence's surface form
    asked: str  # how the curator asked it
    verbatim: float  # share of the answer's content words found in the sentence


def surface_form(text: str, role: str) -> str:
    """The sentence's surface form, the first that applies in a fixed order (most specific first)."""
    marked = bool(_TERM_MARK_RE.search(text))
    if role == "critique":
        return "critique point"
    if (marked or _CALLED_RE.search(text) or _TITLE_PHRASE_RE.search(text)) and (
        _DEFINING_RE.search(text) or ":" in text or " — " in text or _CALLED_RE.search(text)
    ):
        return "named concept + definition"
    if _CONTRAST_RE.search(text):
        return "not A but B"
    if _LIST_RE.search(text):
        return "list of parts"
    if _CAUSE_RE.search(text):
        return "cause (because/so)"
    if _NUMBER_RE.search(text):
        return "number"
    if _PRESCRIBE_RE.search(text) or role == "application":
        return "recommendation/application"
    return "plain claim"


def asked_as(question: str) -> str:
    """How the curator's question asks (its opening)."""
    q = re.sub(r"^(?:according to|in)\s[^,]+,\s*", "", question.strip(), flags=re.I).lower()
    if q.startswith("why"):
        return "why"
    if re.match(r"(?:what|which) (?:two|three|four|five|six|\d)\b", q):
        return "what are the N parts"
    if re.match(r"how (?:many|much|long)|what (?:share|percentage|fraction|number)", q):
        return "how many"
    if re.search(r"\b(?:should|must|advise|recommend)\b", q):
        return "what should one do"
    if re.match(r"what (?:is|are|was|were|does|do) (?:the |a |an )?[\"'“*]?[\w' -]{2,40}[\"'”*]?(?: mean)?\?$", q):
        return "what is X"
    if re.search(r"\bnote\b", question.lower()):
        return "what does the note say (critique)"
    if re.match(r"what .* if not\b", q):
        return "what is X, if not A"
    return "other what/how"


def _best_sentence(note_path: Path, question: str, answer: str) -> tuple[str, str, float]:
    """(sentence as written, section role, verbatim share) of the note sentence a card was written from."""
    note = imported(note_path)
    a_words = set(content_words(answer))
    q_words = set(content_words(question))
    best: tuple[float, str, str] = (-1.0, "", "")
    for s in sentences(note):
        if not s.heading:
            continue
        w = set(content_words(s.plain))
        score = 2 * len(w & a_words) + len(w & q_words)
        if score > best[0]:
            best = (score, s.text, role_of(s.heading))
    found = set(content_words(best[1]))
    verbatim = len(a_words & found) / len(a_words) if a_words else 0.0
    return best[1], best[2], verbatim


def missed_ideas(root: Path = ROOT) -> tuple[list[Missed], Counter[str]]:
    """Every missed idea of each batch's first run, and coverage counts of every run ('run/curator' …)."""
    counts: Counter[str] = Counter()
    missed: list[Missed] = []
    first_run: dict[str, str] = {}
    for run in sorted((root / "evals").glob("*/judge.json")):
        key = json.loads((run.parent / "key.json").read_text(encoding="utf-8"))
        batch = Path(key["notes_dir"]).name
        first_run.setdefault(batch, run.parent.name)
    for run in sorted((root / "evals").glob("*/judge.json")):
        judged = json.loads(run.read_text(encoding="utf-8"))
        key = json.loads((run.parent / "key.json").read_text(encoding="utf-8"))
        batch = Path(key["notes_dir"]).name
        rows = {r["id"]: r for r in key["rows"]}
        tiers = {r["id"]: int(r["tier"]) for r in judged["ratings"]}
        name = run.parent.name
        for note, ideas in judged["key_ideas"].items():
            for idea in ideas:
                good = [c for c in idea["cards"] if c in rows and tiers.get(c, 0) >= 2]
                cur = [c for c in good if rows[c]["source"] == "curator"]
                gen = [c for c in good if rows[c]["source"] != "curator"]
                counts[f"{name}/ideas"] += 1
                counts[f"{name}/curator"] += bool(cur)
                counts[f"{name}/generated"] += bool(gen)
                if not cur or gen:
                    continue
                counts[f"{name}/missed"] += 1
                if first_run[batch] != name:
                    continue
                best = max(cur, key=lambda c: tiers[c])
                q, a = rows[best]["question"], rows[best]["answer"]
                text, role, verbatim = _best_sentence(root / "tests/fixtures/fresh" / batch / note, q, a)
                missed.append(
                    Missed(batch, note, idea["idea"], q, a, text, role, surface_form(text, role), asked_as(q), verbatim)
                )
    return missed, counts


def main() -> None:
    """Print the coverage table and the classes of missed ideas (or, with --list, each missed idea)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print every missed idea")
    parser.add_argument("--shapes", action="store_true", help="count the finer sentence shapes of the missed ideas")
    args = parser.parse_args()
    missed, counts = missed_ideas()
    if args.shapes:
        print(f"missed ideas of each batch's first run: {len(missed)}\n\n| sentence shape | missed ideas |\n|---|---|")
        for shape, pattern in SHAPES.items():
            print(f"| {shape} | {sum(bool(pattern.search(m.sentence)) for m in missed)} |")
        return
    if args.list:
        for m in sorted(missed, key=lambda m: (m.form, m.batch, m.note)):
            print(f"[{m.form} | {m.asked} | verbatim {m.verbatim:.0%}] {m.batch}/{m.note}\n  idea: {m.idea}")
            print(f"  card: {m.question} -> {m.answer}\n  text: {m.sentence}\n")
        return
    print("| run | key ideas | curator T2/T3 covers | generated T2/T3 covers | missed (curator yes, generated no) |")
    print("|---|---|---|---|---|")
    runs = sorted({k.split("/")[0] for k in counts})
    for run in runs:
        c = {k.split("/")[1]: v for k, v in counts.items() if k.startswith(run + "/")}
        print(f"| {run} | {c['ideas']} | {c['curator']} | {c['generated']} | {c['missed']} |")
    print(f"\nmissed ideas of each batch's first run: {len(missed)}")
    by_form: dict[str, list[Missed]] = defaultdict(list)
    for m in missed:
        by_form[m.form].append(m)
    print("\n| source text form | missed | answer >= 80% verbatim in the sentence | how the curator asked (top 3) |")
    print("|---|---|---|---|")
    for form, group in sorted(by_form.items(), key=lambda kv: -len(kv[1])):
        asked = Counter(m.asked for m in group).most_common(3)
        verbatim = sum(m.verbatim >= 0.8 for m in group)
        print(f"| {form} | {len(group)} | {verbatim} | {', '.join(f'{a} {n}' for a, n in asked)} |")
    print("\n| how the curator asked | missed |")
    print("|---|---|")
    for asked, n in Counter(m.asked for m in missed).most_common():
        print(f"| {asked} | {n} |")


if __name__ == "__main__":
    main()
