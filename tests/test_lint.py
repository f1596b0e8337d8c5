"""deckgen lint: every rule fires on its documented bad example and not on its good one; schema,
manifest, lockfile and per-card Ignore checks; output formats and exit codes; build refuses on errors."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from conftest import REPO, run_deckgen, write

from deckgen.builder.pipeline import build, lint_project
from deckgen.cards.generate import note_cards
from deckgen.core.cardrules import LintSettings, check_card
from deckgen.core.config import load_config
from deckgen.core.errors import ConfigError, ContentError
from deckgen.quality.catalogue import RULES, rules_markdown
from deckgen.quality.neardup import near_duplicates, prompt_stems
from deckgen.quality.settings import lint_settings
from deckgen.sources.notes import parse_note

HEAD = "---\nid: norton-empathy\ntitle: Empathy and Product Management\nauthor: Ken Norton\ngenerate: false\n---\n## Cards\n\n"
DECK = "deck: Test\nnotes: all\n"


def fired(card_text: str, settings: LintSettings | None = None) -> set[str]:
    note = parse_note(HEAD + card_text + "\n", "content/x.md")
    return {issue.rule for card in note_cards(note) for issue in check_card(card, note, settings or LintSettings())}


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "quality" and r.id != "L16"], ids=lambda r: r.id)
def test_quality_rule_fires_on_bad_example_only(rule) -> None:
    assert rule.id in fired(rule.bad)
    assert rule.id not in fired(rule.good)


def test_every_rule_has_bad_and_good_examples_and_the_docs_are_generated() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {f"L{n}" for n in range(1, 18)} <= set(ids)
    assert all(r.bad.strip() and r.good.strip() and r.bad != r.good for r in RULES)
    assert (REPO / "docs" / "lint-rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/lint-rules.md is stale: run `deckgen lint --rules > docs/lint-rules.md`"
    )


@pytest.mark.parametrize(
    "card, rule",
    [
        (
            "Q: Name one concrete empathy move Norton describes.\nA: Speaking for user needs.",
            None,
        ),  # instruction prompt
        ("Q: In Norton's essay, complete: empathy is a …\nA: Craft.", None),
        ("Q: In Norton's 'Empathy and Product Management', does he call empathy a craft?\nA: Yes.", "L4"),
        ("Q: What does Norton call empathy?\nA: Yes.", "L4"),
        ("Q: Is empathy a craft or a trait, for Norton?\nA: A craft.", "L5"),
        ("Q: Which should a new PM favour early on, speed or polish?\nA: Speed, because learning compounds.", "L5"),
        # 'or' that offers no choice: the answer is neither side (the seed note's own contrast card)
        (
            "Q: In Norton's 'Empathy and Product Management', what is empathy, if not an attitude or a personality "
            "trait?\nA: A set of concrete, learnable moves.",
            None,
        ),
        (
            "Q: How does Norton apply empathy to pricing or onboarding reviews?\nA: He asks who pays for the change.",
            None,
        ),
        # 'it'/'its' after a context that names the work, and the 'it' of 'what does it mean to': lint accepts them
        (
            "Q: According to the note on Norton's 'Empathy and Product Management', why is its evidence thin?\nA: One company.",
            None,
        ),
        ("Q: In Norton's 'Empathy and Product Management', what does it underplay?\nA: Team incentives.", None),
        ("Q: In Norton's essay, what does it mean to practise empathy as a craft?\nA: To repeat concrete moves.", None),
        ("Q: Why are its examples weak evidence?\nA: They were picked after the fact.", "L14"),
        # three short parts name one idea; three clauses, or four parts, are warned about
        (
            "Q: What structural conditions does Norton's essay fail to reckon with?\nA: OKRs, thin research, incentives.",
            None,
        ),
        (
            "Q: What does Norton assume?\nA: Teams are free, while most are not, a gap made worse by quarterly goals.",
            "L8",
        ),
        ("Q: What crowds out empathy, for Norton?\nA: Dashboards, frameworks, OKRs, process.", "L8"),
        ("Q: What is empathy? Why does it matter?\nA: A craft.", "L9"),
        (
            "Q: What does Norton call empathy, e.g. in meetings?\nA: A craft, i.e. learnable moves.",
            None,
        ),  # abbreviations: one sentence
        (
            "Q: What does Norton list as empathy moves?\nA:\n- listening\n- speaking for users\n- pushing back\n- asking why",
            "L8",
        ),
        ("C: Norton calls {{c1::empathy}} a {{c2::craft", "L13"),
        ("C: Norton calls empathy {{c1::  }} today.", "L17"),
        ("Q: Explain Norton's view of empathy?\nA: A craft.", "L15"),
        ("Q: In Norton's essay, what does he call empathy?\nA: A craft.", None),  # 'he' is named in the prefix
        ("Q: According to Norton, why is it a mistake to skip discovery?\nA: Teams build the wrong thing.", None),
        ("Q: What does he call empathy?\nA: A craft.", "L14"),
        # 'do' and a modal in one question (a PM lead's try: a generated contrast shipped so, lint said nothing)
        ("Q: In Norton's essay, where does empathy should come from?\nA: Listening to users.", "L18"),
        ("Q: In Norton's essay, what does the note say a PM should do first?\nA: Listen to users.", None),
    ],
)
def test_rule_calibration(card: str, rule: str | None) -> None:
    rules = fired(card)
    if rule is None:
        assert rules == set()
    else:
        assert rule in rules


def test_thresholds_come_from_settings() -> None:
    card = "Q: What does Norton mean by empathy as craft?\nA: A set of concrete learnable moves."
    assert "L1" not in fired(card)
    assert "L1" in fired(card, LintSettings(answer_words_warn=3, answer_words_error=10))


def test_near_duplicates_match_brute_force() -> None:
    rng = random.Random(7)
    vocab = [f"word{n}" for n in range(12)]
    prompts = [" ".join(rng.sample(vocab, rng.randint(2, 6))) for _ in range(300)]
    for threshold in (0.5, 0.8, 1.0):
        sets = [prompt_stems(p) for p in prompts]
        expected = {
            (i, j)
            for i, j in combinations(range(len(sets)), 2)
            if len(sets[i]) >= 2 and len(sets[j]) >= 2 and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold
        }
        got = {(p.first, p.second) for p in near_duplicates(prompts, threshold)}
        assert got == expected and expected


def make_project(root: Path, notes: dict[str, str], deck: str = DECK, toml_extra: str = "") -> Path:
    write(root / "deckgen.toml", '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n' + toml_extra)
    for name, text in notes.items():
        write(root / "content" / name, text)
    write(root / "decks" / "deck.yaml", deck)
    return root


GOOD = HEAD.replace("generate: false\n", "") + "Q: What does Norton mean by empathy as craft?\nA: Learnable moves.\n"


def test_every_problem_in_one_run(tmp_path: Path, cli) -> None:
    root = make_project(
        tmp_path / "p",
        {
            "a.md": GOOD,
            "e.md": GOOD.replace("author: Ken Norton\n", "author: Ken Norton\ntag: [x]\n").replace(
                "id: norton-empathy", "id: typo"
            ),
            "b.md": "---\nid: Bad Id\n---\nbody\n",
            "c.md": GOOD.replace("id: norton-empathy", "id: other").replace(
                "What does Norton mean by empathy as craft?", "Is empathy a craft?"
            ),
            "d.md": GOOD.replace("id: norton-empathy", "id: dup-of-a").replace(
                "Learnable moves.", "Learnable moves.\nIgnore: L99"
            ),
        },
        deck="deck: Test\nnotes:\n  - id: no-such-note\n  - tag: no-such-tag\n  - path: content/*.md\n",
    )
    result = cli("lint", "--format", "json", cwd=root)
    assert result.exit_code == 1
    found = {(f["path"], f["line"], f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]}
    assert ("content/e.md", 5, "unknown-key", "error") in found  # a typo stops the build
    assert ("content/b.md", 2, "bad-id", "error") in found and ("content/b.md", 2, "missing-title", "error") in found
    assert ("content/c.md", 8, "L4", "error") in found
    assert ("content/d.md", 10, "bad-ignore", "warning") in found
    assert ("content/d.md", 8, "L16", "warning") in found  # same question as a.md
    assert ("decks/deck.yaml", 3, "empty-selector", "error") in found
    assert ("decks/deck.yaml", 4, "empty-selector", "warning") in found
    fixes = json.loads(result.stdout)["findings"]
    assert next(f for f in fixes if f["rule"] == "unknown-key")["fix"].startswith("did you mean 'tags'?")
    # build runs the same checks and writes nothing
    built = cli("build", cwd=root)
    assert built.exit_code == 1 and "content/c.md:8:1: L4" in built.stderr
    assert not (root / "build").exists() and not (root / "deckgen.lock").exists()


def test_text_output_groups_by_file_and_exit_codes(tmp_path: Path, cli) -> None:
    root = make_project(
        tmp_path / "p", {"a.md": GOOD.replace("Learnable moves.", "Learnable moves. They can be coached.")}
    )
    result = cli("lint", cwd=root)
    assert result.exit_code == 0  # warnings only
    lines = result.stdout.splitlines()
    assert lines[0] == "content/a.md"
    assert "content/a.md:9:1: L10: the answer has 2 sentences — keep one idea" in result.stdout
    assert "0 errors, " in lines[-1]
    assert cli("lint", "--strict", cwd=root).exit_code == 1
    github = cli("lint", "--format", "github", cwd=root).stdout
    assert "::warning file=content/a.md,line=9,col=1,title=L10::the answer has 2 sentences — " in github


def test_lint_rules_config_and_per_card_ignore(tmp_path: Path, cli) -> None:
    bad = GOOD.replace("What does Norton mean by empathy as craft?", "Is empathy a craft?")
    root = make_project(tmp_path / "p", {"a.md": bad})
    assert cli("lint", cwd=root).exit_code == 1
    root2 = make_project(
        tmp_path / "q", {"a.md": bad}, toml_extra='[lint]\nanswer_words_warn = 10\n[lint.rules]\nL4 = "warning"\n'
    )
    result = cli("lint", cwd=root2)
    assert result.exit_code == 0 and "warning content/a.md:8:1: L4" in result.stdout
    root3 = make_project(tmp_path / "r", {"a.md": bad.replace("Learnable moves.", "Learnable moves.\nIgnore: L4")})
    assert "L4" not in cli("lint", cwd=root3).stdout
    root4 = make_project(
        tmp_path / "s", {"a.md": GOOD}, toml_extra='[lint]\nanser_words_warn = 10\n[lint.rules]\nmissing-id = "off"\n'
    )
    with pytest.raises(ConfigError) as info:
        lint_project(load_config(root4))
    messages = [str(f) for f in info.value.findings]
    assert any("did you mean 'answer_words_warn'" in m for m in messages)
    assert any("rule 'missing-id' cannot be changed" in m for m in messages)


def test_lint_settings_validate_types() -> None:
    with pytest.raises(ConfigError):
        lint_settings({"answer_leak": 3})
    with pytest.raises(ConfigError):
        lint_settings({"answer_words_warn": "ten"})
    assert lint_settings({"near_duplicate": 0.9}).near_duplicate == 0.9


def test_lockfile_out_of_step_is_reported(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"a.md": GOOD})
    report, _ = lint_project(load_config(root))
    assert [f.rule for f in report.findings] == ["lock-stale"]  # no lock yet
    build(load_config(root))
    assert lint_project(load_config(root))[0].findings == ()
    (root / "content" / "a.md").write_text(
        GOOD.replace("Learnable moves.", "Concrete, learnable moves."), encoding="utf-8"
    )
    report, _ = lint_project(load_config(root))
    assert [f.rule for f in report.findings] == ["lock-stale"] and "norton-empathy/" in report.findings[0].message


def test_explain_and_rules_commands(cli, tmp_path: Path) -> None:
    for rule in RULES:
        result = cli("lint", "--explain", rule.id.lower(), cwd=tmp_path)
        assert result.exit_code == 0
        assert "Bad:" in result.stdout and "Good:" in result.stdout and rule.bad.split("\n")[0] in result.stdout
    assert cli("lint", "--explain", "L99", cwd=tmp_path).exit_code == 2
    assert cli("lint", "--rules", cwd=tmp_path).stdout == rules_markdown()
    # with --format json, the rule as JSON (a CI engineer's try printed the text)
    explained = json.loads(cli("lint", "--explain", "L4", "--format", "json", cwd=tmp_path).stdout)
    assert explained["id"] == "L4" and explained["severity"] == "error" and explained["bad"].startswith("Q: ")


def test_shipped_content_lints_without_errors(shipped: Path, cli) -> None:
    result = cli("lint", "--format", "json", cwd=shipped)
    data = json.loads(result.stdout)
    assert result.exit_code == 0, [f for f in data["findings"] if f["severity"] == "error"]
    assert data["summary"]["errors"] == 0 and data["summary"]["cards"] > 0


def test_generated_card_findings_never_block(tmp_path: Path) -> None:
    # a generated card quoting a long author field: L1 is a warning the curator can act on, not an error
    long_author = " ".join(["Name"] * 30)
    root = make_project(
        tmp_path / "p",
        {"a.md": GOOD.replace("author: Ken Norton", f"author: {long_author}")},
        toml_extra='[generate]\ninclude = ["author"]\n',  # the author card is opt-in
    )
    report, plan = lint_project(load_config(root))
    l1 = [f for f in report.findings if f.rule == "L1"]
    assert l1 and all(f.severity == "warning" and "generated card" in f.message for f in l1)
    assert plan is not None


def test_build_refuses_on_errors_and_keeps_old_outputs(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"a.md": GOOD})
    build(load_config(root))
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    lock = (root / "deckgen.lock").read_bytes()
    (root / "content" / "a.md").write_text(GOOD.replace("What does Norton", "Does Norton"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        build(load_config(root))
    assert [f.rule for f in info.value.findings] == ["L4"]
    assert {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()} == before
    assert (root / "deckgen.lock").read_bytes() == lock


def test_shipped_fixture_copy_is_complete(shipped: Path) -> None:
    # guards the fixture the shipped-content test relies on
    assert (shipped / "deckgen.toml").exists() and any((shipped / "content").rglob("*.md"))
    shutil.rmtree(shipped / "content")
    report, plan = lint_project(load_config(shipped))
    assert plan is None and any(f.rule == "empty-selector" or f.rule == "empty-deck" for f in report.errors)


def test_a_new_project_lints_clean_once_built(tmp_path: Path, cli) -> None:
    assert cli("init", str(tmp_path / "new"), cwd=tmp_path).exit_code == 0
    first = cli("lint", "--format", "json", cwd=tmp_path / "new")
    assert [f["rule"] for f in json.loads(first.stdout)["findings"]] == ["lock-stale"]
    assert cli("build", cwd=tmp_path / "new").exit_code == 0
    assert cli("lint", "--strict", cwd=tmp_path / "new").exit_code == 0


def test_rule_levels_apply_to_card_rules_but_generated_cards_never_block(tmp_path: Path) -> None:
    long_author = " ".join(["Name"] * 30)
    text = GOOD.replace("author: Ken Norton", f"author: {long_author}").replace(
        "Learnable moves.", "Learnable moves. They can be coached."
    )
    root = make_project(
        tmp_path / "p",
        {"a.md": text},
        toml_extra='[lint.rules]\nL1 = "error"\nL10 = "error"\nL16 = "off"\n[generate]\ninclude = ["author"]\n',
    )
    report, _ = lint_project(load_config(root))
    graded = {(f.rule, f.severity, "generated card" in f.message) for f in report.findings if f.rule in ("L1", "L10")}
    assert graded == {("L1", "warning", True), ("L10", "error", False)}


def test_bad_lint_settings_are_located_at_their_line(tmp_path: Path) -> None:
    """Each bad [lint] entry is reported at its own line of deckgen.toml (dotted keys too), exit 1."""
    root = make_project(tmp_path / "p", {"a.md": GOOD})
    toml = root / "deckgen.toml"
    text = toml.read_text()
    first = len(text.splitlines()) + 3
    for extra, expected in (
        (
            '\n[lint]\nanswer_words_wran = 10\nrules.L8 = "loud"\n',
            [
                f"deckgen.toml:{first}:1: config: [lint] has an unknown setting 'answer_words_wran'",
                f"deckgen.toml:{first + 1}:1: config: [lint.rules] L8 = 'loud'",
            ],
        ),
        (
            '\n[lint.rules]\nL7 = "warning"\nmissing-id = "off"\nL99 = "off"\n',
            [
                f"deckgen.toml:{first + 1}:1: config: rule 'missing-id' cannot be changed",
                f"deckgen.toml:{first + 2}:1: config: [lint.rules] names an unknown rule 'L99'",
            ],
        ),
    ):
        toml.write_text(text + extra)
        result = subprocess.run(
            [sys.executable, "-m", "deckgen", "lint"], cwd=root, capture_output=True, text=True, check=False
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        for line in expected:
            assert line in result.stdout + result.stderr


def test_lint_text_without_styles_is_what_rich_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """The report written directly when there are no styles is rich's output byte for byte (markup, controls)."""
    from deckgen.console import escape, print_lint, rich_console
    from deckgen.core.errors import Finding
    from deckgen.linter.format import by_file, summary
    from deckgen.linter.run import LintReport

    findings = (
        Finding("content/[b]a.md", 3, "a [bold]question[/bold] \x1b[31mred", "fix it", "L1", 2, "error"),
        Finding("content/[b]a.md", 9, "tabs\tand \\[escapes]", "", "L2", 1, "warning"),
        Finding("content/z.md", 0, "emoji :100: and 100:1", "x", "L16", 0, "warning"),
    )
    report = LintReport(findings, files=2, cards=5)
    print_lint(report, strict=False)
    direct = capsys.readouterr().out

    console = rich_console()
    assert console.color_system is None  # captured output: the direct path ran
    for path, found in by_file(report):
        console.print(f"[bold underline]{escape(path)}[/bold underline]")
        for finding in found:
            label = "[red]error[/red]  " if finding.severity == "error" else "[yellow]warning[/yellow]"
            console.print(f"  {label} {escape(str(finding))}")
    console.print(f"[green]{escape(summary(report))}[/green]")
    assert direct == capsys.readouterr().out


def test_build_report_without_styles_is_what_rich_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`deckgen build`'s report written directly (no terminal) is rich's output byte for byte, both streams."""
    import deckgen.console
    from deckgen.core.model import BuildResult, CardChange

    result = BuildResult(
        outputs=("build/[b]deck.apkg", "build/site/index.html"),
        decks=(),
        changes=(
            CardChange("n1:a", "retired", old_front="What is [bold]x[/bold] \x1b[31mred?"),
            CardChange("n1:b", "retired"),
            CardChange("n2:a", "added"),
        ),
        lock_changed=True,
        warnings=("content/[i]a.md:3:1: emoji :100: and 100:1 \\[escapes]",),
        up_to_date=(("PM::[Onboarding]", 12),),
    )
    for dry_run in (False, True):
        assert deckgen.console._unstyled(sys.stdout)  # captured: the direct path runs
        deckgen.console.print_build(result, tmp_path, dry_run)
        direct = capsys.readouterr()
        with monkeypatch.context() as forced:
            forced.setattr(deckgen.console, "_unstyled", lambda stream: False)
            deckgen.console.print_build(result, tmp_path, dry_run)
        through_rich = capsys.readouterr()
        assert (direct.out, direct.err) == (through_rich.out, through_rich.err)
        assert "2 cards retired" in direct.err and "PM::[Onboarding]: 12 cards" in direct.out


def test_a_build_report_to_a_pipe_does_not_import_rich(tmp_path: Path) -> None:
    """Importing rich was a twentieth of a one-card edit's build: a build printing to a pipe leaves it out."""
    code = (
        "import sys, deckgen.console as c\n"
        "from deckgen.core.model import BuildResult\n"
        "c.print_build(BuildResult(outputs=('x',), decks=(), changes=(), lock_changed=True), None, False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.splitlines()[1:] == ["wrote x", "updated deckgen.lock (commit it with your notes)", "[]"]


def test_the_generators_gate_reads_pronouns_strictly() -> None:
    # what lint accepts from a curator, the gate still refuses in a generated card: 'it' needs a noun in the question
    from deckgen.cards.rules.text import GATE_SETTINGS

    note = parse_note(
        HEAD + "Q: In Norton's essay, what does it mean to practise empathy?\nA: Repeating moves.\n", "content/x.md"
    )
    for card in note_cards(note):
        assert "L14" in {issue.rule for issue in check_card(card, note, GATE_SETTINGS)}
        assert "L14" not in {issue.rule for issue in check_card(card, note, LintSettings())}


def test_short_parts_setting() -> None:
    card = "Q: What structural conditions does Norton's essay fail to reckon with?\nA: OKRs, thin research, incentives."
    assert "L8" not in fired(card)
    assert "L8" in fired(card, LintSettings(list_short_words=0))


def test_a_generate_setting_written_at_the_top_level_says_where_it_goes(tmp_path: Path, cli) -> None:
    # a PM lead copying 'reject: [KEY]' from the README into the front matter, without 'generate:' above it
    note = GOOD.replace("author: Ken Norton\n", "author: Ken Norton\nreject: [g.contrast.empathy]\ncap: 3\n")
    root = make_project(tmp_path / "p", {"a.md": note})
    result = cli("build", cwd=root)
    assert result.exit_code == 1 and not (root / "build").exists()
    assert (
        "content/a.md:5:1: unknown-key: unknown front-matter key 'reject' — 'reject' is a setting of 'generate': "
        "indent it under 'generate:'" in result.stderr
    )
    assert "content/a.md:6:1: unknown-key: unknown front-matter key 'cap' — 'cap' is a setting of 'generate'" in (
        result.stderr
    )


SECTIONS = (
    "---\nid: christensen-jtbd\ntitle: Know Your Customers' Jobs to Be Done\nauthor: Clayton Christensen\n---\n"
    "Why customers hire a product.\n\n## Central argument\nCustomers hire a product to make progress in a"
    " circumstance, so a team should study the job rather than the customer's profile.\n\n## Critique\nThe"
    " evidence is a set of illustrative stories rather than tested comparisons.\n\n## Key quotes\nNone kept.\n"
)


def test_a_misspelled_section_heading_is_an_error_not_a_silently_dropped_card(tmp_path: Path, cli) -> None:
    """'## Critque' made the note's critique card stop shipping while lint and the build said nothing (a PM lead's
    try: only `deckgen diff` showed it retired), though the README promises a typo never changes what ships."""
    root = make_project(tmp_path / "p", {"a.md": SECTIONS.replace("## Critique", "## Critque")})
    result = cli("lint", cwd=root)
    assert result.exit_code == 1
    assert (
        "content/a.md:11:1: section-heading: section heading 'Critque' looks like 'Critique' misspelled"
        in result.stdout
    )
    assert "write '## Critique'" in result.stdout
    built = cli("build", cwd=root)
    assert built.exit_code == 1 and "section-heading" in built.stderr and not (root / "build").exists()
    # other misspellings of the headings deckgen reads by name; a heading of no role ('Key quotes') and role
    # headings that go on ('Critique of the essay') are not misspellings
    for heading, meant in (
        ("Central Arguement", "Central argument"),
        ("Weakness", "Weaknesses"),
        ("Summery", "Summary"),
    ):
        typo = make_project(tmp_path / heading, {"a.md": SECTIONS.replace("## Central argument", f"## {heading}")})
        (finding,) = [
            f
            for f in json.loads(cli("lint", "--format", "json", cwd=typo).stdout)["findings"]
            if f["rule"] == "section-heading"
        ]
        assert finding["line"] == 8 and f"looks like '{meant}'" in finding["message"]
    fine = make_project(tmp_path / "fine", {"a.md": SECTIONS.replace("## Critique", "## Critique of the essay")})
    assert "section-heading" not in cli("lint", "--format", "json", cwd=fine).stdout
    # a team whose heading is meant as it is switches the rule off
    meant = make_project(
        tmp_path / "meant",
        {"a.md": SECTIONS.replace("## Critique", "## Critque")},
        toml_extra='[lint.rules]\nsection-heading = "off"\n',
    )
    assert cli("build", cwd=meant).exit_code == 0


def test_lint_says_a_note_is_in_no_deck_as_the_build_does(tmp_path: Path, cli) -> None:
    """A PM lead's first note from `deckgen new` landed at the top of content/, which no deck reads: the build
    warned (last of its lines), `deckgen lint` said nothing, so a lint-clean note shipped to no learner."""
    root = make_project(
        tmp_path / "p",
        {"essays/a.md": GOOD, "b.md": GOOD.replace("id: norton-empathy", "id: b-note")},
        deck="deck: Test\nnotes:\n  - path: content/essays/*.md\n",
    )
    for command in ("lint", "build", "lint"):  # the second lint is answered from the build's snapshot
        result = cli(command, "--format", "json", cwd=root) if command == "lint" else cli(command, cwd=root)
        assert result.exit_code == 0, result.stderr
        if command == "lint":
            (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "no-deck"]
            assert finding["path"] == "content/b.md" and finding["line"] == 2 and finding["severity"] == "warning"
            assert "note 'b-note' is in no deck, so no learner gets its 1 card(s)" in finding["message"]
            assert finding["fix"].startswith("add '- id: b-note' to a deck file in decks/")
        else:  # said once, in full, not also counted as a lint warning
            assert result.stderr.count("no-deck: note 'b-note' is in no deck") == 1
            assert "lint warning" not in result.stderr
    write(root / "decks" / "deck.yaml", "deck: Test\nnotes: all\n")
    assert "no-deck" not in cli("lint", "--format", "json", cwd=root).stdout


def test_lint_warns_about_what_a_build_silently_leaves_out(tmp_path: Path, cli) -> None:
    """A note saved as .txt (or .MD, .markdown) and a source with no https:// passed lint without a word."""
    note = GOOD.replace("author: Ken Norton\n", "author: Ken Norton\nsource: www.svpg.com/inspired\n")
    root = make_project(tmp_path / "p", {"a.md": note})
    write(root / "content" / "high-output-management.txt", GOOD.replace("norton-empathy", "grove"))
    write(root / "content" / "scratch.MD", "---\nid: s\ntitle: S\n---\n")
    write(root / "content" / "cover.png", "not text")  # images live beside notes: not flagged
    for _ in range(2):  # the second lint replays the first one's findings: the warnings must still come
        result = cli("lint", "--format", "json", cwd=root)
        found = {(f["path"], f["rule"]): f for f in json.loads(result.stdout)["findings"]}
        assert found[
            ("content/high-output-management.txt", "unread-file")
        ][
            "fix"
        ].startswith(
            "if it is a note, run `deckgen import content/high-output-management.txt`"  # renamed, it has no front matter
        )
        assert found[("content/scratch.MD", "unread-file")]["fix"].startswith("rename it to 'scratch.md'")
        assert ("content/scratch.MD", "unread-file") in found and ("content/cover.png", "unread-file") not in found
        source = found[("content/a.md", "incomplete-note")]
        assert "has no https://" in source["message"] and "https://www.svpg.com/inspired" in source["fix"]
    # a citation is meant as text
    cited = make_project(
        tmp_path / "q", {"a.md": GOOD.replace("author: Ken Norton\n", "author: Ken Norton\nsource: Grove, 1983\n")}
    )
    assert "incomplete-note" not in cli("lint", "--format", "json", cwd=cited).stdout


def test_machine_formats_carry_a_problem_with_the_project_itself(project: Path) -> None:
    """A broken deckgen.toml printed nothing on stdout with --format json or github (only text on stderr), so a CI
    step reading the JSON or the annotations saw an empty report and a failed exit."""
    toml = project / "deckgen.toml"
    toml.write_text(toml.read_text() + "[project\n")
    line = len(toml.read_text().splitlines())
    as_json = run_deckgen("lint", "--format", "json", cwd=project)
    assert as_json.returncode == 1 and "Traceback" not in as_json.stderr
    (finding,) = json.loads(as_json.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["rule"], finding["severity"]) == (
        "deckgen.toml",
        line,
        "config",
        "error",
    )
    as_github = run_deckgen("lint", "--format", "github", cwd=project)
    assert as_github.returncode == 1
    assert as_github.stdout.startswith(
        f"::error file=deckgen.toml,line={line},col=9,title=config::cannot read the file"  # tomllib's column
    )
    as_text = run_deckgen("lint", cwd=project)
    assert as_text.returncode == 1 and as_text.stdout == ""
    assert f"deckgen.toml:{line}:9: config: cannot read the file" in as_text.stderr


def test_a_note_that_does_not_parse_is_one_error_not_three(tmp_path: Path) -> None:
    """A broken front matter in a note two decks select gave three errors: the note's own, and 'id … selects no
    note — check the spelling' in each deck (the spelling was right). Now only the note's; a misspelt id still
    errors."""
    project = tmp_path / "p"
    for name in ("content", "decks"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy2(REPO / "deckgen.toml", project / "deckgen.toml")
    note = project / "content" / "essays" / "andreessen-only-thing-that-matters.md"
    lines = note.read_text(encoding="utf-8").split("\n")
    assert lines[1] == "id: andreessen-pmf"
    lines[2] += ": broken: colon"
    note.write_text("\n".join(lines), encoding="utf-8")
    done = run_deckgen("lint", "--format", "json", cwd=project)
    errors = [f for f in json.loads(done.stdout)["findings"] if f["severity"] == "error"]
    assert [(f["path"], f["line"], f["rule"]) for f in errors] == [
        ("content/essays/andreessen-only-thing-that-matters.md", 3, "schema")
    ]
    strategy = project / "decks" / "strategy.yaml"
    strategy.write_text(strategy.read_text().replace("id: vohra-superhuman-pmf-engine", "id: vohra-superhuman"))
    done = run_deckgen("lint", "--format", "json", cwd=project)
    errors = [f for f in json.loads(done.stdout)["findings"] if f["severity"] == "error"]
    assert ("decks/strategy.yaml", "empty-selector") in [(f["path"], f["rule"]) for f in errors]
    assert not [f for f in errors if "andreessen-pmf" in f["message"]]


def test_a_draft_status_is_told_it_holds_nothing_back(tmp_path: Path, cli) -> None:
    """'status: draft' in a note's front matter was accepted and did nothing: the PM lead believed the note was
    held back while its cards shipped. Lint now says so at the line; a status of your own ('read') is left alone."""
    drafted = make_project(
        tmp_path / "p", {"a.md": GOOD.replace("author: Ken Norton\n", "author: Ken Norton\nstatus: Draft\n")}
    )
    found = [f for f in json.loads(cli("lint", "--format", "json", cwd=drafted).stdout)["findings"]]
    (status,) = [f for f in found if f["rule"] == "incomplete-note"]
    assert (status["path"], status["line"], status["severity"]) == ("content/a.md", 5, "warning")
    assert status["message"].startswith("'status: Draft' does not hold the note back: its cards ship")
    read = make_project(
        tmp_path / "q", {"a.md": GOOD.replace("author: Ken Norton\n", "author: Ken Norton\nstatus: read\n")}
    )
    assert "incomplete-note" not in cli("lint", "--format", "json", cwd=read).stdout


def test_every_build_and_lint_names_a_note_that_is_never_read(shipped: Path) -> None:
    """A PM lead's try: a note saved as 'x.MD' after a build was never shipped, and neither `deckgen lint` (answered
    from the cache) nor any `deckgen build` said so; only a lint with no cache did. Every run lists content/ afresh.
    Run as a user runs it (the CLI's fast paths: the replayed lint, the up-to-date, replayed and restored builds)."""
    assert run_deckgen("build", cwd=shipped).returncode == 0
    note = shipped / "content" / "essays" / "norton-empathy.md"
    write(shipped / "content" / "essays" / "x.MD", note.read_text().replace("id: norton-empathy", "id: x-upper"))
    unread = "content/essays/x.MD:1:1: unread-file: this file is not read"
    lint = run_deckgen("lint", cwd=shipped)
    assert unread in lint.stdout and "1 warning" in lint.stdout, lint.stdout
    assert unread in run_deckgen("build", cwd=shipped).stderr  # up to date: nothing else to say
    note.write_text(note.read_text().replace("## Critique\n", "## Critique\nEdited. ", 1))
    replayed = run_deckgen("build", cwd=shipped)  # a prose edit: replayed from the last build
    assert replayed.returncode == 0 and unread in replayed.stderr
    assert unread in run_deckgen("build", "--dry-run", cwd=shipped).stderr
    shutil.rmtree(shipped / "build")
    restored = run_deckgen("build", cwd=shipped)  # copied back from the project's cache
    assert restored.returncode == 0 and unread in restored.stderr
    write(shipped / "content" / "essays" / "old.txt", "Old Note\nSource: https://example.com/ ↗\n")
    assert "run `deckgen import content/essays/old.txt`" in run_deckgen("build", cwd=shipped).stderr


def test_a_note_saved_in_the_decks_folder_is_named_and_a_readme_there_is_not(shipped: Path) -> None:
    """A note saved beside the deck manifests (decks/x.md) was never read and never reported; a decks/README.md that
    explains the manifests is no note and is left alone. Said by lint and by the up-to-date build."""
    assert run_deckgen("build", cwd=shipped).returncode == 0
    note = (shipped / "content" / "essays" / "norton-empathy.md").read_text()
    write(shipped / "decks" / "stray.md", note.replace("id: norton-empathy", "id: stray"))
    write(shipped / "decks" / "README.md", "# Our decks\n\nOne manifest per deck; tracks in tracks/.\n")
    write(
        shipped / "decks" / "tracks" / "seed.txt",
        "Some Essay\nSource: https://example.com/ ↗\n\nCentral argument\nA.\n",
    )
    stray = "decks/stray.md:1:1: unread-file: this file is not read: decks/ holds deck manifests"
    lint = run_deckgen("lint", cwd=shipped)
    assert stray in lint.stdout and "move it into content/" in lint.stdout, lint.stdout
    assert "run `deckgen import decks/tracks/seed.txt`" in lint.stdout, lint.stdout
    assert "README" not in lint.stdout and "2 warnings" in lint.stdout, lint.stdout
    built = run_deckgen("build", cwd=shipped)
    assert built.returncode == 0 and stray in built.stderr and "README" not in built.stderr
