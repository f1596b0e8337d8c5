"""Convert foreign notes (the plain-text seed format, Obsidian and Notion Markdown) to canonical notes.

Parsing (:func:`convert`) is pure: it returns an :class:`Imported` that keeps every line of
the source somewhere (title, front matter, blurb or a section) and lists what it had to
guess in ``unsure``. :mod:`deckgen.authoring.importing` decides where the note goes and writes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

from deckgen.core.errors import ContentError, Finding
from deckgen.sources.notes import load_yaml

Format = Literal["seed-text", "obsidian", "notion", "canonical"]

# Headings a curator uses in the seed format; a line equal to one of these (any case,
# optional trailing colon) is a heading for certain. Other short lines are guessed.
KNOWN_HEADINGS: tuple[str, ...] = (
    "central argument",
    "core argument",
    "main argument",
    "argument",
    "thesis",
    "summary",
    "key ideas",
    "key points",
    "main ideas",
    "takeaways",
    "key takeaways",
    "lessons",
    "critique",
    "criticism",
    "limitations",
    "weaknesses",
    "counterpoints",
    "why it matters",
    "why it matters for product",
    "why it matters for pms",
    "implications",
    "so what",
    "how to use it",
    "how to apply it",
    "in practice",
    "quotes",
    "notes",
    "definitions",
    "examples",
    "context",
    "background",
    "further reading",
)
_SOURCE_LINE_RE = re.compile(r"^(?:source|url|link)\s*:\s*(\S+)\s*(?:[↗⇗➚→]\s*)?$", re.IGNORECASE)
_AUTHOR_LINE_RE = re.compile(r"^(?:author|authors|by)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?:[-*+•▪◦]|\d+[.)])\s+")
_NAME_TOKEN = r"(?:[A-Z\u00C0-\u00DE][a-zA-Z\u00C0-\u024F'’-]+|[A-Z]\.(?:[A-Z]\.)*)"
# 'Alfred D. Chandler Jr.', 'Robert H. Waterman Jr.': a generational suffix ends a name (batches 46-72: no author)
_ONE_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|van|von|da|del|le)){{1,3}}(?:\s+(?:Jr|Sr)\.?)?"
# one author or several: "Carl Shapiro and Hal Varian", "Daniel Kahneman, Dan Lovallo and Olivier Sibony"
_NAMES = (
    rf"{_ONE_NAME}(?:(?:,\s+|,?\s+(?:and|&)\s+){_ONE_NAME}){{0,3}}"
    rf"(?:,?\s+and\s+colleagues(?:\s+at\s+{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})?|,?\s+et\s+al\.)?"
)
# "Ken Norton spent a decade …", "Kevin Kelly, a founding editor of Wired, posted this essay …":
# capitalised names opening a blurb sentence, an optional apposition, an optional adverb, then a
# verb; the seed format names its author nowhere else.
_AUTHOR_IN_BLURB_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))({_NAMES})"
    # 'George Stalk, Philip Evans and Lawrence Shulman of the Boston Consulting Group published …'
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})?"
    # (an apposition stays in its paragraph: 'Michi Henning, ACM Queue, 2007' over a blurb whose next paragraph says
    # 'built' read 'ACM Queue' as a second author, batch190: "Henning and Queue's 'API Design Matters'")
    r"(?:,\s+(?:[^,()\n]|\([^()]*\)){1,140},)?\s+(?:first\s+|later\s+|originally\s+|also\s+)?"
    r"(?:spent|wrote|writes|runs|ran|led|leads|argues|argued|explains|explained|describes|reported|studied|"
    r"circulated|summarised|summarized|"
    r"described|used|uses|founded|co-founded|lays|laid|makes|made|sets|set|built|builds|shares|shared|"
    r"collects|collected|tells|told|offers|offered|introduces|introduced|coined|gives|gave|posted|"
    r"published|presented|delivered|developed|co-wrote|compiled|condensed|distilled)\b"
)
_VENUE_WORDS = (
    "Journal|Review|Transactions|Proceedings|Quarterly|Magazine|Science|Conference|Letters|Bulletin|Economics|"
    "Management|Psychology|Communications|Computer|Research|Studies|Annals"
)
# a citation line: "Joseph Farrell and Garth Saloner, RAND Journal of Economics, 1985.",
# "Robert J. Dolan, a Harvard Business School marketing professor, Harvard Business Review, 1995."
_CITATION_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))({_NAMES})(?:,\s+(?:an?|the)\s+[^,()]{{3,80}})?,\s+(?:the\s+)?(?=[^,()]{{0,60}}\b(?:{_VENUE_WORDS})\b)[A-Z][^,()]{{2,80}},\s+"
    r"(?:[A-Z][a-z]+(?:[–-][A-Z][a-z]+)?\s+)?(?:1[5-9]|20)\d\d\b"
)
# "Dan McKinley, 2015.", "Frederick Winslow Taylor · 1911", "Ronald Coase, Economica, 1937.": a byline — the names
# opening a blurb sentence, then a comma, a middle dot or a dash, and a year before the sentence ends (29% of the
# seed-text notes in tests/fixtures/fresh imported with no author, most of them with a byline like these)
_BYLINE_RE = re.compile(
    rf"(?:^|(?<=[a-z0-9)][.!?]\s))({_NAMES})(?:\s*\([^()]*\))?(?:,|\s+[·•—–-])\s*(?=[^.!?]{{0,60}}?\b(?:1[5-9]|20)\d\d\b)"
)

_BY_AUTHOR_RE = re.compile(
    rf"\b(?:essay|post|piece|memo|letter|article|talk|book) by ({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})"
)
# "Geoffrey Moore's 1991 book on …", "Frederick Herzberg's 1968 Harvard Business Review article":
# names in the possessive, then the work within a few words
_POSSESSIVE_WORK_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))({_NAMES})['’]s\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:book|essay|post|blog post|paper|article|talk|memo|piece|deck|newsletter|letter|bestseller|report|"
    r"lecture|speech|keynote|column|chapter|monograph|review|study|note|account|appendix|fable|experiment)\b"
)
# "Harvard Business Review published …" names a publisher, not an author
_ORGANISATION_WORDS = {
    "Review",
    "Journal",
    "Press",
    "Magazine",
    "Times",
    "University",
    "School",
    "Institute",
    "Business",
    "Company",
    "Group",
    "Books",
    "News",
    "Quarterly",
    "Publishing",
    "Foundation",
    "Society",
    "Association",
    "Labs",
    "Inc",
    "Corporation",
    "College",
    "Council",
    "Media",
}
_PLACE_STARTS = {"New", "Los", "Las", "San", "Santa", "Hong", "Silicon", "North", "South", "East", "West", "United"}
_NOT_NAMES = {"This", "The", "In", "It", "He", "She", "They", "Our", "My", "A", "An", "Short", "Worth", "Read"}
_WIKILINK_RE = re.compile(r"(!?)\[\[([^\[\]|#]+)(#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_CALLOUT_RE = re.compile(r"^(\s*>\s*)\[!([A-Za-z-]+)\][+-]?\s*(.*)$")
_NOTION_PROPERTY_RE = re.compile(r"^([A-Z][A-Za-z0-9 _/-]{0,30}):\s+(\S.*)$")
_NOTION_ID_RE = re.compile(r"\s+[0-9a-f]{32}$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}

_META_ALIASES: dict[str, str] = {
    "title": "title",
    "name": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "writer": "author",
    "source": "source",
    "url": "source",
    "link": "source",
    "source_url": "source",
    "href": "source",
    "tags": "tags",
    "tag": "tags",
    "topics": "tags",
    "aliases": "aliases",
    "alias": "aliases",
}


_COAUTHOR_KEYS = frozenset({"coauthors", "co_authors", "coauthor", "co_author"})


@dataclass(frozen=True)
class ImageRef:
    """An image the source embeds: how it was written and the file it points to, if found."""

    original: str
    name: str
    path: Path | None


@dataclass(frozen=True)
class Imported:
    """A foreign note in canonical shape, plus what the importer had to guess."""

    origin: str  # the source file's name: how a re-import finds the note it made before
    format: Format
    title: str
    author: str = ""
    author_certain: bool = True
    source: str = ""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    blurb: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    links: tuple[str, ...] = ()
    images: tuple[ImageRef, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)  # source front matter deckgen has no key for
    unsure: tuple[str, ...] = ()

    def settled(self, found: Mapping[str, Path | None]) -> Imported:
        """This note with the missing images in ``found`` (name -> the file found later, or None when the
        project already has it) no longer missing: their paths set and their CHECK lines dropped."""
        if not found:
            return self
        images = tuple(replace(i, path=found[i.name]) if i.path is None and i.name in found else i for i in self.images)
        gone = {missing_image(i.original, i.name) for i in self.images if i.path is None and i.name in found}
        return replace(self, images=images, unsure=tuple(u for u in self.unsure if u not in gone))


def missing_image(target: str, name: str) -> str:
    """The CHECK line for an embedded image that is not beside the source."""
    return f"image '{target}' was not found beside the source: copy it to media/{name}"


def detect_format(text: str, name: str) -> Format:
    """Guess the source format from the file's name and first lines."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if text.startswith("---\n"):
        try:
            meta = load_yaml(text.split("\n---", 2)[0][4:], name)
        except ContentError:
            meta = None
        if isinstance(meta, dict) and meta.get("id") and meta.get("title"):
            return "canonical"
        return "obsidian"
    stem = Path(name).stem
    if _NOTION_ID_RE.search(stem) or "<aside>" in text:
        return "notion"
    if name.endswith(".md") and any(_HEADING_RE.match(ln) for ln in lines):
        return "obsidian" if ("[[" in text or "[!" in text) else "notion"
    return "seed-text"


def convert(text: str, path: Path, rel: str) -> Imported:
    """Parse one source file in whichever format it is in."""
    if not text.strip():
        raise ContentError(Finding(rel, 1, "the file is empty", "import a note with at least a title line", "import"))
    fmt = detect_format(text, path.name)
    if fmt == "seed-text":
        return parse_seed_text(text, path, rel)
    return parse_markdown(text, path, rel, fmt)


# --- the plain-text seed format -------------------------------------------------------


def parse_seed_text(text: str, path: Path, rel: str) -> Imported:
    """Title line, ``Source: URL ↗``, blurb lines, then headings standing alone on a line."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    numbered = [(n, ln.strip()) for n, ln in enumerate(lines, 1) if ln.strip()]
    title = re.sub(r"^#\s+", "", numbered[0][1]).strip()
    rest = numbered[1:]
    source, author, unsure = "", "", []
    body: list[tuple[int, str]] = []
    for n, line in rest:
        source_match = _SOURCE_LINE_RE.match(line)
        author_match = _AUTHOR_LINE_RE.match(line)
        if source_match and not source and not body:
            source = source_match.group(1)
        elif author_match and not author and not body:
            author = author_match.group(1)
        else:
            body.append((n, line))
    if not source:
        unsure.append("no 'Source: URL' line was found: add the essay's link as source")
    headings = _seed_headings(body, unsure)
    blurb: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for n, line in body:
        if n in headings:
            sections.append((line.rstrip(":").strip(), []))
        else:
            (sections[-1][1] if sections else blurb).append(_seed_line(line))
    if not sections:
        unsure.append("no section headings were recognised: the whole text is the blurb; add '## Heading' lines")
    blurb_text = _join_paragraphs(blurb)
    author_certain = bool(author)
    if not author:
        author = infer_author(blurb_text, title)
        if author:
            excerpt = next((s for s in re.split(r"(?<=[.!?])\s+", blurb_text) if author in s), author)
            unsure.append(f'author inferred from the blurb ("{_clip(excerpt, 6)}…"): check it')
        else:
            unsure.append("no author found: fill in 'author'")
    return Imported(
        origin=path.name,
        format="seed-text",
        title=title,
        author=author,
        author_certain=author_certain,
        source=source,
        blurb=blurb_text,
        sections=tuple((h, _join_paragraphs(t)) for h, t in sections),
        unsure=tuple(unsure),
    )


def _seed_headings(body: list[tuple[int, str]], unsure: list[str]) -> set[int]:
    """Line numbers of the lines that are headings: known ones for certain, short ones guessed."""
    headings: set[int] = set()
    for i, (n, line) in enumerate(body):
        key = line.rstrip(":").strip().lower()
        if key in KNOWN_HEADINGS:
            headings.add(n)
            continue
        words = line.rstrip(":").split()
        if _BYLINE_RE.match(line) and re.search(r"\b(?:1[5-9]|20)\d\d\.?$", line):
            continue  # 'Joel Mokyr, 1990', 'Robert K. Merton, Social Forces, 1940': a byline, which names the author
        following = body[i + 1][1] if i + 1 < len(body) else ""
        looks_like_heading = (
            1 <= len(words) <= 6
            and line[0].isupper()
            and not re.search(r"[.!?,;…\"')\]]$", line)
            and not _BULLET_RE.match(line)
            and len(following.split()) > len(words) + 3  # a heading introduces a longer paragraph
            # 'He states four duties of management:' above '- Planning …' leads its list inside the section
            and not (line.endswith(":") and _BULLET_RE.match(following))
        )
        if looks_like_heading:
            headings.add(n)
            unsure.append(f"line {n} ('{line}') was read as a section heading: check it")
    return headings


def _seed_line(line: str) -> str:
    """A body line as Markdown: bullets of any style become '- '."""
    match = _BULLET_RE.match(line)
    if match and not re.match(r"^\s*\d+[.)]\s", line):
        return "- " + line[match.end() :]
    return line


def _join_paragraphs(lines: list[str]) -> str:
    """Each seed line is a paragraph; consecutive list items stay one list."""
    out: list[str] = []
    for line in lines:
        is_item = bool(_BULLET_RE.match(line))
        if out and not (is_item and _BULLET_RE.match(out[-1])):
            out.append("")
        out.append(line)
    return "\n".join(out).strip()


def infer_author(blurb: str, title: str = "") -> str:
    """The author named in a blurb ("Ken Norton spent a decade …"), or "" when none is clear."""
    for regex in (_AUTHOR_IN_BLURB_RE, _BY_AUTHOR_RE, _POSSESSIVE_WORK_RE, _CITATION_RE, _BYLINE_RE):
        for match in regex.finditer(blurb):
            # 'Giuseppe DeCandia, Deniz Hastorun, Madan Jampani and colleagues at Amazon, 2007' names more authors
            # than it lists: the card says 'DeCandia et al.' (batch79: 'DeCandia's', the others dropped)
            more = re.search(r",?\s+(?:and\s+colleagues(?:\s+at\s+.*)?|et\s+al\.)$", match.group(1).strip())
            name = match.group(1).strip()[: more.start()] if more else match.group(1).strip()
            if regex is _BYLINE_RE and not more:
                name = _byline_names(name)
                if name.split()[0] in _PLACE_STARTS:
                    continue  # 'New York, Random House, 1995.': a place and a publisher, no author
            words = name.replace(",", " ").split()
            if words[0] in _NOT_NAMES or name.lower() in title.lower() or _ORGANISATION_WORDS & set(words):
                continue
            return f"{name} et al." if more else name
    return ""


def _is_venue(name: str) -> bool:
    """Whether a name in an author field is a venue or an organisation ('Harvard Business Review', 'ACM Queue')."""
    words = set(name.replace(",", " ").split())
    return bool(words & _ORGANISATION_WORDS or words & set(_VENUE_WORDS.split("|")) or words & _VENUE_ACRONYMS)


# venues named by a publisher's acronym: 'ACM Queue', 'IEEE Software', 'MIT Sloan Management Review'
_VENUE_ACRONYMS = frozenset({"ACM", "IEEE", "MIT", "HBR", "SIAM", "USENIX", "AAAI", "INFORMS", "NBER"})


def _byline_names(name: str) -> str:
    """The authors of a byline's names, without the venue the names pattern also takes in."""
    listed = re.match(r"^.*?(?:\band|&)\s+[^,]+", name)  # 'A, B and C', up to the comma after the first 'and'
    return listed.group(0).strip() if listed else name.split(",")[0].strip()


def _clip(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


# --- Obsidian and Notion Markdown ------------------------------------------------------


def parse_markdown(text: str, path: Path, rel: str, fmt: Format) -> Imported:
    """Front matter (Obsidian), property lines (Notion), ``#`` title, ``##`` sections."""
    lines = text.split("\n")
    meta: dict[str, Any] = {}
    start = 0
    if lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            raise ContentError(Finding(rel, 1, "front matter is never closed", "add a '---' line after it", "import"))
        loaded = load_yaml("\n".join(lines[1:end]), rel, first_line=2) or {}
        if not isinstance(loaded, dict):
            raise ContentError(
                Finding(rel, 2, "front matter is not a mapping", "write it as 'key: value' lines", "import")
            )
        meta = {str(k): v for k, v in loaded.items()}
        start = end + 1
    unsure: list[str] = []
    links: list[str] = []
    images: list[ImageRef] = []
    body = [_inline(ln, path, links, images, unsure) for ln in _callouts(lines[start:])]

    title, h1_line = "", -1
    for i, line in enumerate(body):
        match = _HEADING_RE.match(line)
        if match and len(match.group(1)) == 1 and not title:
            title, h1_line = match.group(2).strip(), i
            break
        if match:
            break
    if h1_line >= 0:
        body = body[:h1_line] + body[h1_line + 1 :]
        properties, body = _notion_properties(body, h1_line)
        for key, value in properties.items():
            meta.setdefault(key, value)
    fields, extra = _map_meta(meta)
    fm_title = str(fields.get("title") or "").strip()
    aliases = [str(a) for a in _as_list(fields.get("aliases"))]
    if fm_title and title and fm_title != title:
        aliases.append(title)  # the file's own heading is kept as an alias, not lost
    title = fm_title or title
    if not title:
        title = _NOTION_ID_RE.sub("", path.stem)
        unsure.append(f"no title found: used the file name '{title}'")
    # Obsidian's 'coauthors: ["[[Eric Zimmerman]]"]' names the others (batch104: 'Salen's 'Rules of Play'' for Salen
    # and Zimmerman, 'Dell'Acqua's' for three authors)
    others = next((extra.pop(k) for k in list(extra) if k.strip().lower().replace("-", "_") in _COAUTHOR_KEYS), None)
    written = fields.get("author")
    if isinstance(written, str) and re.sub(r"\s*\([^()]*\)", "", written).strip(" ,"):
        # Notion's 'Author: Josh Lerner and Jean Tirole (Journal of Industrial Economics, 2002)' (batch130: "Lerner and
        # Economics's 'Some Simple Economics of Open Source'", T0 from every judge): the aside names a venue and a year
        written = re.sub(r"\s*\([^()]*\)", "", written).strip()
    names = [_unlink(str(a)) for a in [*_as_list(written), *_as_list(others)] if str(a).strip()]
    # Notion's 'Author: Laszlo Bock, 2015' (batch118: "Bock and 2015's 'Work Rules!'"): a year is no author
    names = [n for n in names if not _BARE_YEAR_RE.match(n)]
    # Notion's 'Author: Jay A. Conger, Harvard Business Review, 1998' (batch189: "Conger and Review's 'The Necessary
    # Art of Persuasion'", T0/T1 from every judge): a venue or an organisation is no author
    names = [n for n in names if not _is_venue(n)] or names
    author = ", ".join(dict.fromkeys(names))  # a co-author the 'author' field already names is named once
    author = _YEAR_AFTER_NAME_RE.sub("", author)  # 'Jeffrey Dean, Sanjay Ghemawat (2004)': a year is no author
    source = str(fields.get("source") or "").strip()
    tags = tuple(dict.fromkeys(_tag(t) for t in _tags(fields.get("tags")) if _tag(t)))

    blurb: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in body:
        match = _HEADING_RE.match(line)
        if match and len(match.group(1)) <= 2:
            heading = match.group(2).strip()
            if heading.lower() == "cards":
                unsure.append(
                    "the source's own 'Cards' heading was renamed 'Cards (source)': card syntax lives in '## Cards'"
                )
                heading = "Cards (source)"
            sections.append((heading, []))
        else:
            (sections[-1][1] if sections else blurb).append(line)
    blurb_text = "\n".join(blurb).strip()
    author_certain = bool(author)
    if not author:
        author = infer_author(_plain(blurb_text), title)
        unsure.append("author inferred from the blurb: check it" if author else "no author found: fill in 'author'")
    if not source:
        unsure.append("no source link found: add the essay's link as source")
    return Imported(
        origin=path.name,
        format=fmt,
        title=title,
        author=author,
        author_certain=author_certain,
        source=source,
        tags=tags,
        aliases=tuple(dict.fromkeys(aliases)),
        blurb=blurb_text,
        sections=tuple((h, "\n".join(t).strip()) for h, t in sections),
        links=tuple(dict.fromkeys(links)),
        images=tuple(images),
        meta=extra,
        unsure=tuple(unsure),
    )


def _callouts(lines: list[str]) -> list[str]:
    """Obsidian ``> [!tip] Title`` and Notion ``<aside>`` blocks become plain blockquotes."""
    out: list[str] = []
    in_aside = False
    for line in lines:
        stripped = line.strip()
        if stripped.lower() == "<aside>":
            in_aside = True
            continue
        if stripped.lower() == "</aside>":
            in_aside = False
            continue
        if in_aside:
            out.append("> " + stripped if stripped else ">")
            continue
        match = _CALLOUT_RE.match(line)
        if match:
            kind, title = match.group(2).capitalize(), match.group(3).strip()
            out.append(f"{match.group(1)}**{kind}: {title}**" if title else f"{match.group(1)}**{kind}**")
        else:
            out.append(line)
    return out


def _inline(line: str, source: Path, links: list[str], images: list[ImageRef], unsure: list[str]) -> str:
    """Wikilinks become their text (targets kept in ``links``); embedded images become Markdown images."""

    def wikilink(match: re.Match[str]) -> str:
        bang, target, anchor, alias = match.group(1), match.group(2).strip(), match.group(3) or "", match.group(4)
        if bang and Path(target).suffix.lower() in _IMAGE_SUFFIXES:
            return _image(target, Path(target).stem, source, images, unsure)
        links.append(target + anchor)
        if alias is not None and alias.strip():
            return alias.strip()
        return target + (f" ({anchor[1:]})" if anchor else "")

    def md_image(match: re.Match[str]) -> str:
        alt, target = match.group(1), match.group(2)
        if target.startswith(("http://", "https://")):
            unsure.append(f"remote image {target} was turned into a link: cards never load remote files")
            return f"[{alt or 'image'}]({target})"
        return _image(unquote(target), alt, source, images, unsure)

    line = _WIKILINK_RE.sub(wikilink, _MD_IMAGE_RE.sub(md_image, line))  # images first: wikilinks emit Markdown images
    # Obsidian's ==highlight== is no Markdown Anki or the site knows: it would reach cards as '==…=='. Bold keeps the
    # emphasis (and the generator reads an emphasised term as one to ask about). Not inside `code`.
    parts = line.split("`")
    return "`".join(_HIGHLIGHT_RE.sub(r"**\1**", part) if n % 2 == 0 else part for n, part in enumerate(parts))


_HIGHLIGHT_RE = re.compile(r"(?<![=\w])==(?=\S)([^=\n]*?\S)==(?![=\w])")


def _image(target: str, alt: str, source: Path, images: list[ImageRef], unsure: list[str]) -> str:
    name = Path(target).name
    found: Path | None = None
    for candidate in (
        source.parent / target,
        source.parent / name,
        source.parent / "attachments" / name,
        source.parent / "assets" / name,
    ):
        if candidate.is_file():
            found = candidate
            break
    if found is None:
        unsure.append(missing_image(target, name))
    images.append(ImageRef(original=target, name=name, path=found))
    return f"![{alt or Path(name).stem}](media/{name})"


def _notion_properties(body: list[str], start: int) -> tuple[dict[str, str], list[str]]:
    """Notion exports list page properties as ``Key: value`` lines right under the title."""
    props: dict[str, str] = {}
    i = start
    while i < len(body) and not body[i].strip():
        i += 1
    j = i
    while j < len(body) and _NOTION_PROPERTY_RE.match(body[j]):
        match = _NOTION_PROPERTY_RE.match(body[j])
        assert match
        props[match.group(1).strip().lower().replace(" ", "_")] = match.group(2).strip()
        j += 1
    if not props:
        return {}, body
    return props, body[:start] + body[j:]


def _map_meta(meta: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split source metadata into deckgen fields (by common aliases) and everything else."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in meta.items():
        target = _META_ALIASES.get(key.strip().lower())
        if target and target not in fields and value not in (None, ""):
            fields[target] = value
        else:
            extra[key] = (
                value if isinstance(value, (str, int, float, bool, list, dict)) or value is None else str(value)
            )
    return fields, extra


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    text = str(value)
    return [v.strip() for v in text.split(",")] if "[[" not in text or "," in text else [text]


_YEAR_AFTER_NAME_RE = re.compile(r"\s*\(\s*(?:c\.\s*)?\d{4}\s*\)\s*$")
_BARE_YEAR_RE = re.compile(r"^\(?\s*(?:c\.\s*)?\d{4}\s*\)?$")


def _tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    if value is None:
        return []
    text = str(value)
    # 'Engineering, History of technology' names two tags; '#ux #research' (no comma) two as well
    return text.split(",") if "," in text else text.split()


def _tag(value: str) -> str:
    return re.sub(r"\s+", "-", value.strip().lstrip("#").strip()).lower()


def _unlink(text: str) -> str:
    return _WIKILINK_RE.sub(lambda m: (m.group(4) or m.group(2)).strip(), text).strip().strip('"')


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`>]", "", markdown)
