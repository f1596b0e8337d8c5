"""XSS corpus: hostile payloads in every field and syntax a curator can write, built into a
deck, imported into the real Anki engine, and audited on the HTML Anki renders for a card.

Anki runs scripts in cards (CONTRIBUTING.md, "What Anki does on import"), so the
renderer must be safe on its own: the deck here is built with the lint gate off.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from ankiutil import import_apkg, open_collection
from conftest import MINIMAL_TOML, write

from deckgen.anki.notetypes import card_css
from deckgen.builder.pipeline import build, lint_project
from deckgen.core.config import load_config

PNG = (
    b"\x89PNG\r\n\x1a\n"
    + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    + b"\x00" * 16
)

# One line each (card fields cannot hold blank lines); multi-line payloads use "\n".
PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java\\script:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![tracker](https://evil.example/pixel.png)",
    "![tracker](//evil.example/pixel.png)",
    "![secret](../../../../etc/passwd.png)",
    "![secret](/etc/hosts.png)",
    "![escape](images/escape.png)",
    '![<img src=x onerror=alert(1)>](images/ok.png "t\\" onload=\\"alert(1)")',
    "<javascript:alert(1)>",
    '<https://evil.example/" onmouseover="alert(1)>',
    '[x](https://evil.example/"onmouseover="alert(1))',
    '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
    "[x][evil]\n[evil]: javascript:alert(1)",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<style>body{background:url(https://evil.example/x)}</style>",
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<details open ontoggle=alert(1)>",
    '"><script>alert(1)</script>',
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</script>",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '<img src="x" onerror="alert(1)"',
    "**<b onmouseover=alert(1)>bold</b>**",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "\\\\(\\href{javascript:alert(1)}{click}\\\\)",
    "\\\\[\\href{javascript:alert(1)}{click}\\\\]",
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    # Anki-interpreted syntax: sound, TTS, LaTeX, templates, clozes outside a cloze field
    "[sound:evil.mp3]",
    "[SOUND:evil.mp3] [sound:../../x.mp3]",
    "[anki:tts lang=en_US]spoken aloud[/anki:tts]",
    "[latex]\\href{javascript:alert(1)}{x}[/latex]",
    "[$]x^2[/$] and [$$]y^2[/$$]",
    "{{Question}} {{FrontSide}} {{c1::not a cloze here}}",
    # a cloze split around a MathJax delimiter: old clients render inactive clozes as plain text
    "{{c1::a\\\\}}(\\href{javascript:alert(1)}{click}{{c1::b\\\\}})",
    "{{c2::x\\\\::h}}[\\href{javascript:alert(1)}{y}{{c3::z\\\\}}]",
    "[{{c1::sound:evil.mp3}}]",
    "{{c99999999999999999999::overflow}}",
]

_ALLOWED_TAGS = {
    "style",
    "div",
    "span",
    "p",
    "em",
    "strong",
    "code",
    "pre",
    "a",
    "img",
    "hr",
    "br",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
_ALLOWED_ATTRS = {"class", "id", "href", "src", "alt", "title", "data-cloze", "data-ordinal"}


class Audit(HTMLParser):
    """Every tag, attribute and style text of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def assert_safe(html: str, media: set[str], where: str) -> None:
    """No script, handler, javascript:/data: URL, iframe or remote resource in ``html``."""
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered, where
    assert not re.search(r"\\[(\[]", html), f"{where}: a MathJax delimiter reached the card"
    assert not re.search(r"\[(sound:|/?anki:|/?latex\]|/?\$\$?\])", html, re.I), f"{where}: Anki media/TTS/LaTeX syntax"
    audit = Audit()
    audit.feed(html)
    audit.close()
    for tag, attrs in audit.tags:
        assert tag in _ALLOWED_TAGS, f"{where}: <{tag}> in {html!r}"
        for name, value in attrs:
            value = value or ""
            squashed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            assert name in _ALLOWED_ATTRS and not name.startswith("on"), f"{where}: attribute {name}={value!r}"
            assert not squashed.startswith(("javascript:", "data:", "vbscript:")), f"{where}: {name}={value!r}"
            if name == "href":
                assert re.match(r"^(https?:|mailto:)", value), f"{where}: href={value!r}"
            if name == "src":
                assert tag == "img" and value in media, f"{where}: src={value!r} is not a packaged media file"
    assert all(style == card_css() for style in audit.styles), f"{where}: a <style> that is not the note type's CSS"


def _yaml_value(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=10_000).strip()


def corpus_project(root: Path, outside: Path) -> Path:
    """A project with every payload in card fields, front matter, sections and the deck description."""
    write(root / "deckgen.toml", MINIMAL_TOML)
    (root / "content" / "images").mkdir(parents=True)
    (root / "content" / "images" / "ok.png").write_bytes(PNG)
    outside.write_bytes(PNG + b"outside")
    (root / "content" / "images" / "escape.png").symlink_to(outside)
    for n, payload in enumerate(PAYLOADS):
        flat = payload.replace("\n", " ")
        in_cloze = flat.replace("}", ")")  # a '}}' inside a deletion would end it early
        hint = in_cloze.replace(":", ";")
        cards = [
            "Q: Payload %d in a question: %s?\nA: Answer %d." % (n, payload, n),
            "Q: Payload %d in an answer?\nA: %s\nExtra: %s" % (n, payload, payload),
            "C: Payload %d in a cloze: {{c1::hidden %d}} then %s." % (n, n, flat),
            "C: Payload %d in a deletion: {{c1::%s}}." % (n, in_cloze),
            "C: Payload %d in a hint: {{c1::hidden %d::%s}}." % (n, n, hint),
        ]
        tag = re.sub(r"[\s,]", "", flat) or "x"
        write(
            root / "content" / f"p{n:02d}.md",
            (
                "---\n"
                f"id: payload-{n}\n"
                f"title: {_yaml_value('Essay ' + str(n) + ' ' + flat)}\n"
                f"author: {_yaml_value('Ann ' + flat)}\n"
                f"source: {_yaml_value(flat if n % 2 else 'https://ok.example/' + flat)}\n"
                f"tags: [{_yaml_value(tag)}]\n"
                "---\n"
                f"Blurb {payload}\n\n"
                f"## Central argument\n{payload}\n\n"
                f"## {flat}\nSection text {payload}\n\n"
                "## Cards\n\n" + "\n\n".join(cards) + "\n"
            ),
        )
    write(
        root / "decks" / "xss.yaml", f"deck: XSS corpus\ndescription: {_yaml_value(' '.join(PAYLOADS))}\nnotes: all\n"
    )
    return root


def test_corpus_is_big_enough() -> None:
    assert len(PAYLOADS) >= 30 and len(set(PAYLOADS)) == len(PAYLOADS)


def test_anki_renders_no_active_content(tmp_path: Path) -> None:
    root = corpus_project(tmp_path / "proj", tmp_path / "outside.png")
    result = build(load_config(root), lint=False, now=1_700_000_000)
    apkg = root / "build" / "xss.apkg"
    assert str(apkg) in result.outputs
    col = open_collection(tmp_path / "learner.anki2")
    try:
        log = import_apkg(col, apkg)
        shipped = [card for deck in result.decks for card in deck.cards]
        assert log.new == len(shipped) and len(shipped) >= len(PAYLOADS) * 5  # 5 authored per note, plus generated ones
        assert any(
            card.origin != "authored" for card in shipped
        )  # generated cards (from the hostile sections) are audited too
        media = set(Path(col.media.dir()).iterdir())
        names = {p.name for p in media}
        # only the confined image ships, under a content-hash name; the symlink escaping the project does not
        assert len(names) == 1 and re.fullmatch(r"dg-[0-9a-f]{20}\.png", next(iter(names)))
        assert next(iter(media)).read_bytes() == PNG
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        assert len(cards) >= len(shipped)
        shown = 0
        for card in cards:
            assert not card.question_av_tags() and not card.answer_av_tags(), f"card {card.id} plays sound or TTS"
            for side, html in (("question", card.question()), ("answer", card.answer())):
                assert_safe(
                    html,
                    names,
                    f"card {card.id} {side} (note {card.note()['DeckgenId'] if 'DeckgenId' in card.note() else ''})",
                )
                shown += "&lt;script&gt;" in html
        assert shown > 0  # payloads reach the card as visible text, not silently dropped
        images = [c for c in cards if "<img" in c.answer()]
        assert images and all(f'src="{next(iter(names))}"' in c.answer() for c in images)
        deck = col.decks.by_name("XSS corpus")
        assert deck is not None
        assert_safe(deck["desc"], names, "deck description")
    finally:
        col.close()


def test_lint_flags_the_corpus(tmp_path: Path) -> None:
    root = corpus_project(tmp_path / "proj", tmp_path / "outside.png")
    report, plan = lint_project(load_config(root))
    assert plan is None  # unsafe images are errors: `deckgen build` refuses this project
    by_rule: dict[str, set[str]] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, set()).add(finding.message)
    media = " | ".join(sorted(by_rule["media"]))
    for expected in (
        "remote image",
        "javascript: URL",
        "data: URL",
        "goes up with '..'",
        "is absolute",
        "outside the project",
    ):
        assert expected in media, expected
    assert by_rule["raw-html"] and by_rule["unsafe-link"]
    with pytest.raises(Exception) as info:
        build(load_config(root))
    assert any(f.rule == "media" for f in info.value.findings)  # type: ignore[attr-defined]


# Anki up to 2.1.55 (rslib/src/cloze.rs of that era, and the mobile clients built on it) found
# clozes with this expression and rendered the inactive ones as their plain text.
_OLD_CLOZE_RE = re.compile(r"(?si)\{\{c(\d+)::(.*?)(::(.*?))?\}\}")


def old_client_cloze(text: str, ordinal: int, answer: bool) -> str:
    """A cloze field as Anki 2.1.50-2.1.55 rendered it: inactive deletions as plain text."""

    def replace(match: re.Match[str]) -> str:
        if int(match.group(1)) != ordinal:
            return match.group(2)
        if answer:
            return f'<span class="cloze">{match.group(2)}</span>'
        return f'<span class="cloze">[{match.group(4) or "..."}]</span>'

    return _OLD_CLOZE_RE.sub(replace, text)


def test_old_clients_render_inactive_clozes_inert(tmp_path: Path) -> None:
    """Every shipped cloze field, rendered for every card number as pre-2.1.56 clients do, and
    every other field as is: no MathJax delimiter, sound, TTS or LaTeX tag appears."""
    root = corpus_project(tmp_path / "proj", tmp_path / "outside.png")
    build(load_config(root), lint=False, now=1_700_000_000)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, root / "build" / "xss.apkg")
        checked = 0
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            for name in note.keys():
                value = note[name]
                if name != "Text":
                    assert_safe(value, set(), f"note {note['DeckgenId']} field {name}") if "<img" not in value else None
                    continue
                for ordinal in sorted({int(n) for n in re.findall(r"\{\{c(\d+)::", value)} | {1, 2, 3}):
                    for answer in (False, True):
                        shown = old_client_cloze(value, ordinal, answer)
                        assert not re.search(r"\\[(\[]", shown), f"{note['DeckgenId']} c{ordinal}: {shown!r}"
                        assert not re.search(r"\[(sound:|/?anki:|/?latex\]|/?\$\$?\])", shown, re.I), shown
                        checked += 1
        assert checked >= len(PAYLOADS) * 3 * 6
    finally:
        col.close()


SPLIT_CLOZE = "C: {{c1::a\\\\}}(\\href{javascript:alert(1)}{click}{{c1::b\\\\}})\nIgnore: L7 L11 L13 anki-syntax\n"


def test_split_cloze_cannot_be_silenced_and_ships_inert(tmp_path: Path) -> None:
    """The split-cloze payload with every rule it trips ignored: lint still reports the Anki syntax
    (safety rules cannot be ignored), and the shipped field has no delimiter for any client."""
    root = tmp_path / "proj"
    write(root / "deckgen.toml", MINIMAL_TOML + '\n[lint.rules]\nL7 = "off"\nL11 = "off"\n')
    write(root / "content" / "n.md", "---\nid: n\ntitle: T\n---\nBlurb.\n\n## Cards\n\n" + SPLIT_CLOZE)
    write(root / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    report, _ = lint_project(load_config(root))
    rules = {f.rule for f in report.findings}
    assert "anki-syntax" in rules, report.findings
    assert any(f.rule == "bad-ignore" and "anki-syntax" in f.message for f in report.findings)
    build(load_config(root), lint=False, now=1_700_000_000)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, root / "build" / "d.apkg")
        (nid,) = col.find_notes("")
        text = col.get_note(nid)["Text"]
        for answer in (False, True):
            assert not re.search(r"\\[(\[]", old_client_cloze(text, 1, answer))
            assert not re.search(r"\\[(\[]", old_client_cloze(text, 2, answer))
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            assert_safe(card.question(), set(), "question")
            assert_safe(card.answer(), set(), "answer")
    finally:
        col.close()


def test_safety_rules_cannot_be_turned_off(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "deckgen.toml", MINIMAL_TOML + '\n[lint.rules]\nraw-html = "off"\n')
    write(root / "content" / "n.md", "---\nid: n\ntitle: T\n---\nBlurb.\n")
    write(root / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    with pytest.raises(Exception) as info:
        lint_project(load_config(root))
    assert "cannot be changed" in str(info.value)


OLD_ANKI = "2.1.55"  # the last engine that renders inactive clozes as plain text


@pytest.fixture(scope="session")
def old_anki_python() -> Path:
    """A Python with the ``anki`` 2.1.55 wheel, in its own venv (created once, cached between runs).

    Set-up may use the package registry; the test itself runs offline.
    """
    import os
    import subprocess
    import sys

    venv = Path(os.environ.get("DECKGEN_OLD_ANKI_VENV", Path.home() / ".cache" / "deckgen-tests" / f"anki-{OLD_ANKI}"))
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import anki.buildinfo as b; print(b.version)"]
    if python.exists() and subprocess.run(probe, capture_output=True, text=True).stdout.strip() == OLD_ANKI:
        return python
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(venv)], check=True, capture_output=True, timeout=300
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"anki=={OLD_ANKI}"],
            check=True,
            capture_output=True,
            timeout=900,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"cannot set up anki {OLD_ANKI} in a venv: {exc}")
    return python


def test_anki_2_1_55_renders_no_active_content(tmp_path: Path, old_anki_python: Path) -> None:
    """The whole corpus imported into the real anki 2.1.55 engine: no active content, no sound or TTS."""
    import json
    import subprocess
    import zipfile

    root = corpus_project(tmp_path / "proj", tmp_path / "outside.png")
    build(load_config(root), lint=False, now=1_700_000_000)
    apkg = root / "build" / "xss.apkg"
    with zipfile.ZipFile(apkg) as package:
        media = set(json.loads(package.read("media")).values())
    script = Path(__file__).with_name("old_anki_render.py")
    run = subprocess.run(
        [str(old_anki_python), str(script), str(apkg), str(tmp_path / "old.anki2")],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    cards = json.loads(run.stdout)
    assert len(cards) >= len(PAYLOADS) * 5
    for n, card in enumerate(cards):
        assert not card["av"], f"card {n} plays {card['av']}"
        assert_safe(card["question"], media, f"2.1.55 card {n} question")
        assert_safe(card["answer"], media, f"2.1.55 card {n} answer")
