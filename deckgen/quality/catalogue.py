"""The catalogue of lint rules: id, default severity, what it checks, and a bad and a good example.

Pure data. ``deckgen lint --explain RULE`` prints one entry; ``docs/lint-rules.md`` is
generated from this table (``deckgen lint --rules``) and a test keeps it in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from deckgen.core.errors import Severity

RuleKind = Literal["schema", "quality", "safety"]


@dataclass(frozen=True)
class Rule:
    """One lint rule and its documentation."""

    id: str
    title: str
    severity: Severity
    kind: RuleKind
    why: str
    bad: str
    good: str
    # Quality and advisory rules may be switched off or re-graded in [lint.rules];
    # structural errors cannot, because a build could not proceed without fixing them.
    configurable: bool = False


_CARD_HEAD = "---\nid: norton-empathy\ntitle: Empathy and Product Management\nauthor: Ken Norton\n---\n## Cards\n\n"

RULES: tuple[Rule, ...] = (
    # --- schema: the files must be readable and complete ---------------------------------
    Rule(
        "schema",
        "YAML or file cannot be read",
        "error",
        "schema",
        "The file is not valid UTF-8 text or its YAML does not parse, so nothing in it can be built.",
        "---\ntitle: Strategy: a primer\n---",
        '---\ntitle: "Strategy: a primer"\n---',
    ),
    Rule(
        "missing-id",
        "Note has no id",
        "error",
        "schema",
        "Every note needs a permanent id: it is part of each card's identity in Anki.",
        "---\ntitle: Empathy and Product Management\n---",
        "---\nid: norton-empathy\ntitle: Empathy and Product Management\n---",
    ),
    Rule(
        "bad-id",
        "Note or card id has invalid characters",
        "error",
        "schema",
        "Ids are lowercase letters, digits, '-', '_' or '.', at most 64 characters, so they are stable in every tool.",
        "id: Norton Empathy!",
        "id: norton-empathy",
    ),
    Rule(
        "missing-title",
        "Note has no title",
        "error",
        "schema",
        "The title is the context line shown above every question.",
        "---\nid: norton-empathy\n---",
        "---\nid: norton-empathy\ntitle: Empathy and Product Management\n---",
    ),
    Rule(
        "bad-type",
        "Front-matter value has the wrong type",
        "error",
        "schema",
        "author and source are text; tags are a list of words.",
        "tags: {a: 1}",
        "tags: [empathy, craft]",
    ),
    Rule(
        "bad-tag",
        "Tag contains a space",
        "error",
        "schema",
        "Anki tags are single words.",
        "tags: [product craft]",
        "tags: [product-craft]",
    ),
    Rule(
        "unknown-key",
        "Unknown front-matter key",
        "error",
        "schema",
        "A misspelt key would silently change what ships (e.g. 'tag:' instead of 'tags:' drops the note from "
        "tag-selected decks and retires its cards), so it stops the build with a did-you-mean. Keys of your own "
        "go under 'meta:', a free-form mapping deckgen never reads. Deck manifests and tracks refuse unknown "
        "keys the same way (rules 'manifest' and 'track').",
        "---\nid: norton-empathy\ntitle: Empathy\ntag: [craft]\nreviewer: ana\n---",
        "---\nid: norton-empathy\ntitle: Empathy\ntags: [craft]\nmeta:\n  reviewer: ana\n---",
    ),
    Rule(
        "reserved-tag",
        "Tag in deckgen's own namespace",
        "error",
        "schema",
        "deckgen tags retired cards 'deckgen::retired' and every changelog tells learners to suspend or delete "
        "what 'tag:deckgen::retired' finds; a live note (or a manifest's tag selector) may not use 'deckgen::' tags.",
        "tags: [deckgen::retired, strategy]",
        "tags: [strategy]",
    ),
    Rule(
        "duplicate-key",
        "Key appears twice",
        "error",
        "schema",
        "YAML keeps only the last value, so the first is silently lost.",
        "title: Empathy\ntitle: Empathy and Product Management",
        "title: Empathy and Product Management",
    ),
    Rule(
        "duplicate-id",
        "Two notes share an id",
        "error",
        "schema",
        "Their cards would overwrite each other in every learner's collection.",
        "content/a.md: id: empathy\ncontent/b.md: id: empathy",
        "content/a.md: id: norton-empathy\ncontent/b.md: id: cagan-empathy",
    ),
    Rule(
        "duplicate-cards",
        "Two '## Cards' sections",
        "error",
        "schema",
        "All cards of a note belong under one heading.",
        "## Cards\n...\n## Cards\n...",
        "## Cards\n...",
    ),
    Rule(
        "card-syntax",
        "Card block cannot be read",
        "error",
        "schema",
        "Cards are 'Key: value' lines (Q/A, or C for a cloze) separated by blank lines.",
        _CARD_HEAD + "Question: What is empathy as craft?\nAnswer: Learnable moves.",
        _CARD_HEAD + "Q: In Norton's view, what is empathy as craft?\nA: A set of learnable moves.",
    ),
    Rule(
        "duplicate-card",
        "Two cards in a note have the same question or id",
        "error",
        "schema",
        "Both would get the same identity in Anki.",
        _CARD_HEAD
        + "Q: What is empathy as craft?\nA: Learnable moves.\n\nQ: What is empathy as craft?\nA: Not a trait.",
        _CARD_HEAD
        + "Q: What is empathy as craft?\nA: Learnable moves.\n\nQ: What is empathy not, per Norton?\nA: A personality trait.",
    ),
    Rule(
        "bad-ignore",
        "Ignore: names an unknown rule",
        "warning",
        "schema",
        "A typo in 'Ignore:' would silence nothing.",
        _CARD_HEAD + "Q: ...?\nA: ...\nIgnore: L99",
        _CARD_HEAD + "Q: ...?\nA: ...\nIgnore: L1",
    ),
    Rule(
        "manifest",
        "Deck manifest is invalid",
        "error",
        "schema",
        "A manifest needs 'deck:' (the Anki deck name) and 'notes:' (what it selects).",
        "deck: Onboarding\nnote: all",
        "deck: PM Onboarding::Essentials\nnotes: all",
    ),
    Rule(
        "empty-selector",
        "Manifest line selects no note",
        "error",
        "schema",
        "An id that matches nothing is a typo (error); a tag or path that matches nothing is a warning.",
        "notes:\n  - id: norton-empaty",
        "notes:\n  - id: norton-empathy",
    ),
    Rule(
        "empty-deck",
        "Deck has no notes",
        "error",
        "schema",
        "An empty deck would ship an empty .apkg.",
        "notes:\n  - tag: nothing-has-this",
        "notes:\n  - tag: discovery",
    ),
    Rule(
        "lock-stale",
        "deckgen.lock is out of step with the notes",
        "warning",
        "schema",
        "CI builds with --locked fail until the lockfile is rebuilt and committed.",
        "(notes edited, deckgen.lock not rebuilt)",
        "deckgen build && git add deckgen.lock",
        configurable=True,
    ),
    Rule(
        "lock",
        "deckgen.lock cannot be read",
        "error",
        "schema",
        "The lockfile holds every card's identity; a damaged one must be restored, never deleted. "
        "After a merge that left conflict markers in it, `deckgen lock resolve` merges both sides.",
        "<<<<<<< HEAD",
        "deckgen lock resolve && deckgen build   (a damaged file: git checkout HEAD -- deckgen.lock)",
    ),
    Rule(
        "locked",
        "`build --locked` would change deckgen.lock",
        "error",
        "schema",
        "In CI the lockfile must already match the notes, so releases are reproducible.",
        "(notes edited; CI runs deckgen build --locked)",
        "deckgen build && git add deckgen.lock (locally, before pushing)",
    ),
    Rule(
        "config",
        "deckgen.toml is invalid",
        "error",
        "schema",
        "Settings are checked before anything is built; unknown [lint] settings and rules are named with a did-you-mean.",
        "[lint]\nanser_words_warn = 10",
        "[lint]\nanswer_words_warn = 10",
    ),
    Rule(
        "unknown-deck",
        "No deck by that name",
        "error",
        "schema",
        "`deckgen build NAME` takes a manifest's file stem or its deck name.",
        "deckgen build onbording",
        "deckgen build onboarding",
    ),
    # --- safety: what reaches a learner's Anki ---------------------------------------------
    Rule(
        "media",
        "Image is missing, remote, unsafe or too large",
        "error",
        "safety",
        "Images are packaged with the deck; they must be local files inside the project, of a known image type, under the size limit.",
        "![diagram](https://example.com/x.png)\n![diagram](../../secret.png)",
        "![diagram](images/build-measure-learn.png)",
    ),
    Rule(
        "raw-html",
        "Raw HTML is shown as text",
        "warning",
        "safety",
        "Anki runs scripts in cards, so deckgen never passes HTML through: tags appear literally. Use Markdown.",
        "A: <b>Empathy</b> is a craft.",
        "A: **Empathy** is a craft.",
    ),
    Rule(
        "unsafe-link",
        "Link is not http(s) or mailto",
        "warning",
        "safety",
        "Only http(s) and mailto links reach a card; anything else is shown as plain text.",
        "A: See [the essay](javascript:alert(1)).",
        "A: See [the essay](https://www.bringthedonuts.com/).",
    ),
    Rule(
        "anki-syntax",
        "Anki-interpreted syntax is shown as text",
        "warning",
        "safety",
        "Anki reads [sound:…], [anki:tts], [latex], [$], MathJax \\( \\) and {{…}} in any field; deckgen ships them as "
        "plain text so a card can never play, typeset or run anything. A cloze number must be 1 to 500 (an error).",
        "A: Play [sound:intro.mp3] for the \\(x\\) part.",
        "A: The intro recording explains the x part.",
    ),
    # --- quality: docs/lint-rules.md; Wozniak, Matuschak ----------------------------------
    Rule(
        "unread-file",
        "A file in content/ (or a note in decks/) looks like a note but is not read",
        "warning",
        "schema",
        "Only files ending in '.md' (lower case) in content/ are notes. A note saved as '.txt', '.MD' or '.markdown',"
        " or saved in decks/ beside the manifests, is skipped by every build: its cards never ship, and nothing else"
        " would say so. (A file in decks/ counts as a note when it has front matter or a 'Central argument' or"
        " 'Cards' section: a decks/README.md is left alone.)",
        "content/high-output-management.txt",
        "content/high-output-management.md",
        configurable=True,
    ),
    Rule(
        "no-deck",
        "Note is in no deck: its cards ship to no learner",
        "warning",
        "schema",
        "A deck ships the notes its file in decks/ selects (by path, tag or id). A note none selects (e.g. one"
        " `deckgen new` wrote at the top of content/, where the decks read only their folders) has its cards"
        " recorded in deckgen.lock but in no package: no learner gets them. The build says so too.",
        "content/new-essay.md (and decks/foundations.yaml: notes: - path: content/essays/*.md)",
        "content/essays/new-essay.md, or '- id: new-essay' in decks/foundations.yaml",
        configurable=True,
    ),
    Rule(
        "no-cards",
        "Note gives no card: it adds nothing to its deck",
        "warning",
        "schema",
        "A note ships its own cards (under '## Cards') and the cards deckgen generates from its sections. A note"
        " with neither — a reminder to read an essay, a few lines the generator finds nothing to ask in, a note"
        " whose generated cards were all rejected — is in its deck but gives learners nothing, and the build's"
        " card counts do not show which note it is. A note waiting on drafts is not flagged.",
        "---\nid: thin-note\ntitle: A Thin Note\n---\nRead this later.",
        "---\nid: thin-note\ntitle: A Thin Note\n---\nRead this later.\n\n## Cards\n\nQ: …\nA: …",
        configurable=True,
    ),
    Rule(
        "unchecked-import",
        "A guess `deckgen import` marked '# CHECK:' is not checked yet",
        "warning",
        "schema",
        "Where the importer had to guess (an author found only in the blurb, a missing source link, an image not"
        " beside the note) it writes a '# CHECK: …' comment in the front matter. A guessed author is named in every"
        " card's question, so a wrong guess reaches every learner. Check the line, correct it if needed, then delete"
        " the comment; a re-import keeps what you confirmed.",
        "---\nid: trust\ntitle: Trust\nauthor: Francis Fukuyama  # CHECK: author inferred from the blurb\n---",
        "---\nid: trust\ntitle: Trust\nauthor: Francis Fukuyama\n---",
        configurable=True,
    ),
    Rule(
        "section-heading",
        "Section heading looks like a misspelled one deckgen reads by name",
        "error",
        "schema",
        "The generator reads a section by its heading: the central argument (also 'Summary', 'Key ideas', …) holds"
        " the author's claims, the critique ('Criticism', 'Limitations', …) the note-writer's criticism, 'Why it"
        " matters for product' ('Implications', 'In practice', …) the applications. A heading that is one of them"
        " misspelled ('Critque', 'Central Arguement', 'Weakness') is read as a section of no role, which changes the"
        " note's generated cards with no other sign; a typo never changes what ships.",
        "## Critque\nThe essay names no method for teaching the craft.",
        "## Critique\nThe essay names no method for teaching the craft.",
        configurable=True,
    ),
    Rule(
        "incomplete-note",
        "Note left unfinished: a blank or unusable source link, the placeholder blurb, an empty section, or a draft"
        " status",
        "warning",
        "schema",
        "A blank `source:` (as `deckgen new` and an import leave it to be filled) gives learners no way to the"
        " essay (the link is on every card's back and on the site), nor does a web address without its https://"
        " ('www.svpg.com/inspired'): it is shown as plain text (a citation such as 'Grove, 1983' is fine as text)."
        " The blurb `deckgen new` writes ('What the essay is and why a new PM should read it.') is a placeholder"
        " to replace: drafting and the generator read it as the note's own words."
        " An empty section is a heading left to fill: the cards that section's ideas would give are missing."
        " A front-matter 'status: draft' (or wip, todo, …) is kept for you but holds nothing back: the note's"
        " cards ship in every deck that selects it.",
        "---\nid: norton-empathy\ntitle: Empathy and Product Management\nauthor: Ken Norton\nsource: ''\n---\n"
        "## Critique\n\n## Cards",
        "---\nid: norton-empathy\ntitle: Empathy and Product Management\nauthor: Ken Norton\n"
        "source: https://www.bringthedonuts.com/essays/empathy.html\n---\n## Critique\nThe essay names no method.",
        configurable=True,
    ),
    Rule(
        "L1",
        "Answer too long",
        "error",
        "quality",
        "Minimum information: answers as short as imaginably possible (warning over answer_words_warn words, error over answer_words_error).",
        "Q: What does Norton mean by empathy as craft?\nA: He means that empathy is not a mood or a trait that some people are born with but a practice made of many concrete moves that a PM can learn, repeat and get better at over a career.",
        "Q: What does Norton mean by empathy as craft?\nA: A set of concrete, learnable moves.",
        configurable=True,
    ),
    Rule(
        "L2",
        "Question too long",
        "warning",
        "quality",
        "A good question is short, simple and tractable (warning over question_words_warn words). The context that "
        "names the work ('According to Norton's 'Title',') is not counted, and a quoted title counts as one word: a "
        "long title makes no question hard to parse.",
        "Q: Thinking back to the part of the essay where Norton describes what happens in prioritisation meetings when user needs compete with dashboards, what does he say a PM should do?\nA: Represent the customer.",
        "Q: In Norton's essay, what should a PM do for users in a prioritisation meeting?\nA: Represent the customer.",
        configurable=True,
    ),
    Rule(
        "L3",
        "Prompt is not a question",
        "error",
        "quality",
        "The prompt must show the answer's shape: end with '?', or be a completion ending in '…', or start with an instruction (Name, List, Give, Define, State, Identify, Complete).",
        "Q: Empathy as craft\nA: Learnable moves.",
        "Q: What does Norton mean by empathy as craft?\nA: Learnable moves.",
        configurable=True,
    ),
    Rule(
        "L4",
        "Yes/no question",
        "error",
        "quality",
        "A yes/no prompt is answered by a coin flip; ask for the content instead.",
        "Q: Is empathy a craft, according to Norton?\nA: Yes.",
        "Q: What does Norton say empathy is, if not a trait?\nA: A craft.",
        configurable=True,
    ),
    Rule(
        "L5",
        "Binary-choice question",
        "warning",
        "quality",
        "A question that offers a choice (which A or B, does it A or B, or '…, A or B?') and whose answer takes one side leads the learner to it; an 'or' the answer takes neither side of ('what is X, if not A or B?') offers none.",
        "Q: Which does Norton call empathy, a trait or a craft?\nA: A craft.",
        "Q: How does Norton characterise empathy, if not as a trait?\nA: As a craft.",
        configurable=True,
    ),
    Rule(
        "L6",
        "Answer leaked in the question",
        "error",
        "quality",
        "If most of the answer's words are already in the question, the card tests reading, not memory (share above answer_leak).",
        "Q: What crowds out empathy: dashboards and frameworks?\nA: Dashboards and frameworks.",
        "Q: According to Norton, what has crowded out the practice of empathy?\nA: Dashboards and frameworks.",
        configurable=True,
    ),
    Rule(
        "L7",
        "Cloze answer given away",
        "error",
        "quality",
        "The hidden text also appears, not hidden, elsewhere on the card (or in the title above it).",
        "C: Empathy is a craft: Norton calls empathy {{c1::a craft}}.",
        "C: Norton calls empathy {{c1::a craft}}, not a trait.",
        configurable=True,
    ),
    Rule(
        "L8",
        "Answer is a list",
        "warning",
        "quality",
        "Sets are nearly impossible to memorise; split them (warning at list_items_warn items, error over"
        " list_items_error). Up to three short parts (list_short_words words or fewer each) name one idea and are"
        " not warned about: 'Quarterly OKRs, understaffed research, incentives'.",
        "Q: According to Norton, what crowds out empathy?\nA: Dashboards, frameworks, OKRs, process, velocity targets, politics.",
        "Q: According to Norton, what crowds out empathy?\nA: Dashboards and frameworks.",
        configurable=True,
    ),
    Rule(
        "L9",
        "Compound question",
        "warning",
        "quality",
        "Two questions in one card: more than one '?', a ';', 'also', or 'and what/why/how…'.",
        "Q: What is empathy as craft, and why does it matter?\nA: Learnable moves; it can be coached.",
        "Q: What is empathy as craft?\nA: Learnable moves.",
        configurable=True,
    ),
    Rule(
        "L10",
        "Answer has several sentences",
        "warning",
        "quality",
        "More than one sentence usually means more than one idea.",
        "Q: What is empathy as craft?\nA: Learnable moves. They can be coached.",
        "Q: What is empathy as craft?\nA: Learnable moves that can be coached.",
        configurable=True,
    ),
    Rule(
        "L11",
        "More than one deletion per cloze card",
        "error",
        "quality",
        "Each cloze card should hide one thing: {{c1::…}} used twice hides two on the same card.",
        "C: Norton sees empathy as {{c1::a craft}} made of {{c1::learnable moves}}.",
        "C: Norton sees empathy as {{c1::a craft}} made of {{c2::learnable moves}}.",
        configurable=True,
    ),
    Rule(
        "L12",
        "Too many clozes in one note",
        "warning",
        "quality",
        "Many deletions of one sentence interfere with each other (warning over clozes_per_card_warn).",
        "C: Norton calls {{c1::empathy}} {{c2::a craft}} of {{c3::learnable}} {{c4::moves}}.",
        "C: Norton calls empathy {{c1::a craft}}, not a trait.",
        configurable=True,
    ),
    Rule(
        "L13",
        "Nested, overlapping or unclosed cloze",
        "error",
        "quality",
        "Anki does not support nested clozes; an unclosed one shows raw braces.",
        "C: Norton calls empathy {{c1::a craft {{c2::of learnable}} moves}}.",
        "C: Norton calls empathy {{c1::a craft}} built from {{c2::learnable moves}}.",
        configurable=True,
    ),
    Rule(
        "L14",
        "No context: a pronoun with nothing to refer to",
        "warning",
        "quality",
        "Months later, 'he' or 'this' means nothing; name the author or the idea. The generator's gate reads this"
        " rule more strictly, because nobody reads its cards with the note open: any word that points back at a"
        " sentence of the note (*they*, *them*, *these*, *those*, *such* + noun, *the two* without its plural,"
        " *therefore*/*thus*/*hence*), and an answer that opens with a link word (*Therefore …*, *So …*, *Also …*)"
        " or leans on one (*The employee in them …*, *The same minute* with no *as*), drops a generated card."
        " Lint keeps the reading above: a writer's *they* usually has its referent in the question, *its* (and *it*"
        " right after an auxiliary) after a context that names the work stands for the work (*According to the note"
        " on X's 'T', why are its examples weak?*, *what does it underplay?*, not *what explains why it slips?*), and"
        " *what does it mean to …* has no referent to find; the gate asks a noun for both.",
        "Q: What does he mean by empathy as craft?\nA: Learnable moves.",
        "Q: What does Norton mean by empathy as craft?\nA: Learnable moves.",
        configurable=True,
    ),
    Rule(
        "L15",
        "Vague prompt",
        "warning",
        "quality",
        "Explain/Discuss/Describe prompts have no precise answer to check against.",
        "Q: Discuss Norton's view of empathy.\nA: It is a craft.",
        "Q: What does Norton say empathy is, if not a trait?\nA: A craft.",
        configurable=True,
    ),
    Rule(
        "L16",
        "Near-duplicate question in the library",
        "warning",
        "quality",
        "Two almost identical prompts interfere with each other (word overlap >= near_duplicate).",
        "a.md: Q: What does Norton mean by empathy as craft?\nb.md: Q: What does Norton mean by empathy as a craft?",
        "a.md: Q: What does Norton mean by empathy as craft?\nb.md: Q: What does Cagan mean by empowered teams?",
        configurable=True,
    ),
    Rule(
        "L17",
        "Empty side, or answer equals question",
        "error",
        "quality",
        "A blank side or a card whose answer repeats the question teaches nothing.",
        "Q: Empathy as craft?\nA: Empathy as craft?",
        "Q: What does Norton mean by empathy as craft?\nA: Learnable moves.",
        configurable=True,
    ),
    Rule(
        "L18",
        "Broken grammar or a cut answer",
        "warning",
        "quality",
        "A question whose verb disagrees with its auxiliary ('what do the essay argues') or asks 'what kind of' a"
        " non-noun, or an answer that starts or stops mid-clause (', so the', 'better than it', 'Yet …'), cannot"
        " be read as written; the note is the lexicon that tells a noun from a verb.",
        "Q: What do the essay argues teams should measure?\nA: Outcomes, and the",
        "Q: What does Norton argue teams should measure?\nA: Outcomes, not output.",
        configurable=True,
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
QUALITY_IDS: tuple[str, ...] = tuple(r.id for r in RULES if r.kind == "quality")


def find_rule(rule_id: str) -> Rule | None:
    """The rule named ``rule_id`` (case-insensitive), or None."""
    wanted = rule_id.strip().lower()
    return next((r for r in RULES if r.id.lower() == wanted), None)


def explain(rule: Rule) -> str:
    """A plain-text explanation of one rule with its bad and good example."""
    change = " (configurable in deckgen.toml [lint.rules])" if rule.configurable else ""
    bad = "\n".join("    " + line for line in rule.bad.split("\n"))
    good = "\n".join("    " + line for line in rule.good.split("\n"))
    return (
        f"{rule.id}: {rule.title}\n"
        f"default: {rule.severity}{change}; kind: {rule.kind}\n\n"
        f"{rule.why}\n\nBad:\n{bad}\n\nGood:\n{good}\n"
    )


def rules_markdown() -> str:
    """The generated rule reference (docs/lint-rules.md)."""
    out = [
        "# deckgen lint rules",
        "",
        "<!-- Generated by `deckgen lint --rules`; do not edit by hand. -->",
        "",
        "`deckgen lint` reports every problem as `path:line:col: rule: message — fix`.",
        "Silence a quality rule for one card with an `Ignore: L1 L8` line; change thresholds",
        "and severities in `deckgen.toml` (`[lint]`, `[lint.rules]`). `deckgen lint --explain RULE`",
        "prints one entry.",
        "",
        "| rule | default | checks |",
        "|---|---|---|",
    ]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.severity} | {r.title} |" for r in RULES]
    for rule in RULES:
        out += [
            "",
            f"## {rule.id}",
            "",
            f"**{rule.title}** — default *{rule.severity}*" + (", configurable" if rule.configurable else "") + ".",
            "",
            rule.why,
            "",
            "Bad:",
            "",
            "```text",
            rule.bad,
            "```",
            "",
            "Good:",
            "",
            "```text",
            rule.good,
            "```",
        ]
    return "\n".join(out) + "\n"
