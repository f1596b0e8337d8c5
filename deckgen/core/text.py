"""The text toolkit every stage shares: words, stems, stop words, clozes, Markdown, similarity.

Also whole-word substring tests that give the same answer as a regex built around
``re.escape(needle)``. Card checks ask "does this exact phrase appear as a word elsewhere on the card?" once per
card with a different phrase each time; compiling a pattern per phrase cost more than the
rest of the check, so these scan with ``str.find`` and test the neighbours by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# C0 controls except tab and newline, DEL and C1 (ESC, CSI, BEL…): content never drives the terminal
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without terminal control characters."""
    return _CONTROL_RE.sub("", text)


def _fold_accents(text: str) -> str:
    """'í' -> 'i': a Latin letter loses its accents; 'が', 'ø', 'प्र' keep theirs (their marks are part of the letter)."""
    out: list[str] = []
    latin = False  # whether the last base character was folded to ASCII: its marks go with its accents
    for char in text:
        if unicodedata.combining(char):
            if not latin:
                out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        latin = bool(base) and base.isascii()
        out.append(base if latin else char)
    return "".join(out)


def name_slug(name: str) -> str:
    """A person's name as a file-name-safe slug: ``Ana María K.`` -> ``ana-maria-k``, ``李雷`` -> ``李雷``.

    Accents on Latin letters are folded, letters and digits of every script are kept (lower-cased,
    with their marks: ``प्रिया``), and every other run of characters becomes one '-'. Decomposed
    input (macOS file names) gives the same slug as composed input.
    """
    folded = unicodedata.normalize("NFC", _fold_accents(unicodedata.normalize("NFC", name)).casefold())
    kept = "".join(c if c.isalnum() or unicodedata.category(c)[0] == "M" else " " for c in folded)
    return "-".join(kept.split())


# Latin letters with no decomposition, as people write them in ASCII ('Łukasiewicz' -> 'Lukasiewicz').
_ASCII_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"}
)


def ascii_name_slug(name: str) -> str:
    """:func:`name_slug` as someone who types only ASCII writes the name: ``Zoë Łukasiewicz`` -> ``zoe-lukasiewicz``.

    For matching what people wrote (a file name) against a name; non-Latin scripts stay as they are.
    """
    return name_slug(name_slug(name).translate(_ASCII_LETTERS))


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: an alphanumeric character or '_' ("" is not one)."""
    return char.isalnum() or char == "_"


def has_bounded(text: str, needle: str) -> bool:
    """``re.search(r"\\b" + re.escape(needle) + r"\\b", text) is not None`` for a non-empty ``needle``."""
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        # \b: a word character on exactly one side of the position
        if is_word_char(text[start - 1 : start]) != is_word_char(needle[0]) and is_word_char(
            text[end : end + 1]
        ) != is_word_char(needle[-1]):
            return True
        start = text.find(needle, start + 1)
    return False


def has_isolated(text: str, needle: str) -> bool:
    """``re.search(rf"(?<!\\w){re.escape(needle)}(?!\\w)", text) is not None`` for a non-empty ``needle``."""
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if not is_word_char(text[start - 1 : start]) and not is_word_char(text[end : end + 1]):
            return True
        start = text.find(needle, start + 1)
    return False


# ---------------------------------------------------------------------------- the one text toolkit
#
# Generation, lint, curation, drafting and the lockfile's matching all read card text
# with these: one stop-word list, one tokeniser, one stemmer, one cloze grammar, one
# Markdown-to-text, one normaliser and one similarity. Nothing here imports a later stage.

STOPWORDS = frozenset(
    """a an the of to in on at by for from with about as into onto over under than then and or but nor not no
    so if is are was were be been being am do does did done has have had having can could should would will
    shall may might must it its it's this that these those he she they them his her their him we our you your
    i me my what which who whom whose when where why how there here one ones own per according also just only
    very more most much many any all some such same other each every too s t""".split()
)
AUXILIARIES = frozenset(
    """is are was were am do does did can could should would will shall may might must has have had
    isn't aren't wasn't weren't don't doesn't didn't can't couldn't shouldn't wouldn't won't hasn't haven't""".split()
)
# English prepositions: the one list the generator and the rulebook read (a preposition is no verb; a
# question ending on one keeps its verb's complement: 'what does X depend on?')
PREPOSITIONS = frozenset(
    """about above across after against along among around at before behind below beneath beside between beyond
    by despite down during for from in inside into like near of off on onto out outside over past since through
    to toward towards under unlike until up upon via with within without""".split()
)
# Prompts that are instructions rather than questions ("Name the four risks.").
INSTRUCTIONS = frozenset("name list give define state identify complete fill translate recall finish".split())
CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
# A quoted title or phrase ('Empathy and Product Management', "worse is better"): a card's checks read past it
QUOTED_RE = re.compile(r"(?<![A-Za-z])'[^']+'(?![A-Za-z])|\"[^\"]+\"|‘[^’]+’|“[^”]+”")
_CLOZE_OPEN_RE = re.compile(r"\{\{c(\d+)::")
_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/-]*")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS_RE = re.compile(r"(\*\*|__|\*|`|~~)")
# '_emphasis_': the inside may hold an underscore only between letters (snake_case), so a match never scans
# past another underscore and a line of '_a _a _a …' is read once, not once per underscore
_UNDERSCORE_RE = re.compile(r"(?<!\w)_(?!_)((?:[^_\n]|(?<=\w)_(?=\w))+?)(?<!_)_(?!\w)")
_LINE_MARK_RE = re.compile(r"^\s*(?:#+|>)\s*", re.M)
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_CONTEXT_PREFIX_RE = re.compile(r"^(in|according to|per|for|from|within|as)\b[^,?]{0,120},\s*", re.I)
# a title with a comma or a question mark ('Don't Automate, Obliterate', 'Can You Say What Your Strategy Is?'):
# the context ends at the comma before the question word, not inside the title
_CONTEXT_BEFORE_WH_RE = re.compile(
    r"^(?:in|according to)\b.{0,200}?,\s*(?=(?:what|why|how|where|when|which|who|whom|whose)\b)", re.I
)
# (?=…) first: a split starts with a closing quote or a space, so other positions fail at once.
_SENTENCE_SPLIT_RE = re.compile(r"(?=[\"”’)\s])(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“*_(])")
_ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z]|\be\.g|\bi\.e|\bvs|\bDr|\bMr|\bMs|\bSt)\.$")


@lru_cache(maxsize=1024)  # pure; every stage asks for the same card's or sentence's text many times
def plain(markdown: str) -> str:
    """Markdown to the words a reader sees: emphasis, code, heading and quote marks removed; a link or image as its text."""
    text = markdown
    if "](" in text:  # both link patterns need it; most text has no link
        text = _IMAGE_RE.sub(r"\1", text)  # an image side is not empty: its alt text stands for it
        text = _LINK_RE.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        text = _MARKS_RE.sub("", text)
        text = _UNDERSCORE_RE.sub(r"\1", text)
    if "#" in text or ">" in text:
        text = _LINE_MARK_RE.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=64)
def plain_lower(markdown: str) -> str:
    """``plain(markdown).lower()``, kept: a note's whole text is asked for again with every candidate card, and
    lowering 900 KB for each was most of the time a large note took."""
    return plain(markdown).lower()


# '-s' words that are singular: 'process', 'status', 'analysis', 'economics', 'famous', 'news', 'means'
# (and whole words: 'automation bias' was asked 'what are automation bias?', batch192)
_SINGULAR_ENDINGS = (
    "ss",
    "us",
    "is",
    "ics",
    "ous",
    "news",
    "series",
    "means",
    "species",
    "bias",
    "canvas",
    "atlas",
    "alias",
    "lens",
    "chaos",
    "ethos",
    "pathos",
    "kudos",
)


# vowels that sound like a consonant ('a uniform interface', 'a one-sided test') and a silent 'h' ('an hour')
_A_BEFORE_VOWEL_RE = re.compile(r"^(?:uni|use|usu|uti|ure|uro|ubiq|utop|eu|ewe|one\b|one-|once)", re.I)
_AN_BEFORE_H_RE = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)


def indefinite_article(word: str) -> str:
    """'a' or 'an' before ``word`` as it is said: 'an idea', 'a uniform interface', 'an hour', 'a one-off'."""
    if _AN_BEFORE_H_RE.match(word):
        return "an"
    if not word or word[0].lower() not in "aeiou" or _A_BEFORE_VOWEL_RE.match(word):
        return "a"
    return "an"


def plural_word(word: str) -> bool:
    """Whether one word reads as a regular plural ('teams', not 'process', 'analysis', 'news' or 'user's')."""
    word = word.lower()
    return word.endswith("s") and not word.endswith(_SINGULAR_ENDINGS) and "'" not in word


def words(text: str) -> list[str]:
    """The words of ``text`` once Markdown is removed (letters, digits, inner apostrophes, slashes, hyphens)."""
    return list(_words(text))


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(plain(text)))


@lru_cache(maxsize=1 << 16)  # a library has a few thousand distinct words
def stem(word: str) -> str:
    """A crude English stem, enough to match 'teams'/'team' and 'crowded'/'crowd'."""
    word = word.lower().replace("’", "'").removesuffix("'s").strip("'-")
    for suffix in ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@lru_cache(maxsize=1 << 16)
def content_stem(word: str) -> str:
    """The stem of a word that carries meaning, or "" for a stop word or a one-letter word."""
    return stem(word) if word.lower() not in STOPWORDS and len(word) > 1 else ""


def content_words(text: str) -> list[str]:
    """The stems of the words of ``text`` that carry meaning, in order."""
    return list(_content_words(text))


@lru_cache(maxsize=1024)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(s for s in map(content_stem, _words(text)) if s)


@lru_cache(maxsize=1024)
def content_stems(text: str) -> frozenset[str]:
    """The set of :func:`content_words`."""
    return frozenset(_content_words(text))


@lru_cache(maxsize=1024)  # pure; matching a note's cards to the lockfile compares every pair of them
def normalize(text: str) -> str:
    """Lowercase, accent-free, punctuation-free text used to compare wording."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NOT_ALNUM_RE.sub(" ", text.lower()).split())


def similarity(one: Sequence[str], other: Sequence[str], cutoff: float = 0.0) -> float:
    """How alike two texts (or two word lists) are, 0..1: 2·LCS / total length (Indel similarity).

    rapidfuzz computes it exactly and fast (bit-parallel, C++); below ``cutoff`` it returns 0.0.
    A score exactly at the cutoff counts as reaching it: rapidfuzz's float comparison drops
    68/80 against 0.85, so it gets the cutoff 1e-6 lower (a two-decimal cutoff is at least
    1/(100·total) away from any other score, more than 1e-6 for texts under 10,000 characters).
    """
    from rapidfuzz.distance import Indel  # here, not at the top: a no-op build and --help import this module

    return float(Indel.normalized_similarity(one, other, score_cutoff=max(0.0, cutoff - 1e-6)))


def cloze_parts(text: str) -> list[tuple[int, str]]:
    """``(number, hidden text)`` for each well-formed ``{{cN::…}}`` deletion."""
    return [(int(m.group(1)), m.group(2)) for m in CLOZE_RE.finditer(text)]


def cloze_hidden(text: str) -> str:
    """The hidden words of every deletion, joined: what a cloze card asks for."""
    return " ".join(hidden for _, hidden in cloze_parts(text))


def cloze_shown(text: str, blank: str = " ") -> str:
    """A cloze's text with every deletion replaced by ``blank``."""
    return CLOZE_RE.sub(blank, text)


def cloze_structure_error(text: str) -> str:
    """Why the cloze markup is nested, overlapping or unclosed, or "" when it is sound."""
    depth = 0
    index = 0
    while True:
        # Only an opening '{{cN::' or (inside a deletion) a closing '}}' changes anything: jump to the next.
        opening = text.find("{{c", index)
        closing = text.find("}}", index) if depth else -1
        if closing >= 0 and (opening < 0 or closing < opening):
            depth -= 1
            index = closing + 2
            continue
        if opening < 0:
            break
        match = _CLOZE_OPEN_RE.match(text, opening)
        if match is None:
            index = opening + 1
            continue
        depth += 1
        if depth > 1:
            return "a cloze is nested inside another"
        index = match.end()
    return "a cloze is never closed with '}}'" if depth else ""


def split_sentences(text: str) -> list[str]:
    """Split a paragraph at sentence ends, not at initials ("Clayton M. Christensen") or decimals."""
    pieces = _SENTENCE_SPLIT_RE.split(text)
    merged: list[str] = []
    for piece in pieces:
        # only the end is searched (the pattern still sees the letter before it): a line of 'A. A. A. …' grows
        # one piece, and searching all of it at each sentence end was quadratic
        if (
            merged
            and merged[-1].endswith((".", ".\n"))
            and _ABBREVIATION_END_RE.search(merged[-1], len(merged[-1]) - 8)
        ):
            merged[-1] += " " + piece
        else:
            merged.append(piece)
    return [m.strip() for m in merged if m.strip()]


# ---------------------------------------------------------------------------- measures behind the quality rules
#
# The quality rules (deckgen.core.cardrules: lint, and the generator's gate at stricter settings)
# judge a card with these measures.


def question_words(question: str) -> list[str]:
    """The words a learner parses, which lint L2 counts: without the context that names the work ("According to
    the note on X's 'Title',") and with each quoted title or phrase as one word, so a long title is no long question."""
    text = QUOTED_RE.sub(" T ", plain(question)).strip()
    return words(_CONTEXT_PREFIX_RE.sub("", text, count=1))


def strip_context(question: str) -> str:
    """``In Norton's 'X', what …`` -> ``what …``: the part a learner must parse."""
    text = question.strip()
    wh = _CONTEXT_BEFORE_WH_RE.match(text)
    return text[wh.end() :] if wh else _CONTEXT_PREFIX_RE.sub("", text, count=1)


def prompt_shape_ok(question: str) -> bool:
    """L3: the prompt ends with '?' or '…', or is an instruction (Name/List/Define…)."""
    text = plain(question)
    first = (strip_context(text).split() or [""])[0].lower().strip("'\"(")
    end = text.rstrip().rstrip("*_`)\"'")
    return end.endswith(("?", "…", "...")) or first in INSTRUCTIONS or (text.split() or [""])[0].lower() in INSTRUCTIONS


def yes_no_start(question: str) -> str:
    """L4: the auxiliary a yes/no question starts with ('is', 'does'…), or ""."""
    first = (strip_context(plain(question)).split() or [""])[0].lower().strip("'\"(")
    return first if first in AUXILIARIES else ""


def answer_leak(question: str, answer: str, masked: str) -> float:
    """L6: the share of the answer's content stems already in the question (``masked``'s stems ignored)."""
    answer_stems = content_stems(answer)
    if not answer_stems:
        return 0.0
    shown = content_stems(question) - content_stems(masked)
    return len(answer_stems & shown) / len(answer_stems)


_CHOICE_RE = re.compile(r"((?:[^\W_][\w'’-]*\s+){0,2}[^\W_][\w'’-]*)\s+or\s+((?:[^\W_][\w'’-]*\s*){1,3})", re.I)
_CHOICE_WORD_RE = re.compile(r"\bwhich\b", re.I)
# options after the question's last comma or colon, not a clause of their own: "…, service or profit?"
_OPTIONS_LAST_RE = re.compile(
    r"[,:;]\s*(?=\S)(?!(?:what|why|how|when|where|who|whom|whose|which|" + "|".join(sorted(AUXILIARIES)) + r")\b)"
    r"[^,:;?]*\bor\b[^,:;?]*\?\W*$",
    re.I,
)


def offered_choice(question: str, answer: str) -> bool:
    """L5: whether the question offers alternatives ('… X or Y?') and the answer takes one of them.

    A question offers a choice when it asks which, asks yes or no ("does it prefer A or
    B?"), or puts its options last after a comma or colon ("…, service or profit?"); the
    options are the (up to three) words on each side of its 'or', and the answer takes one
    when it shares a content word with them. No choice: "What is empathy, if not an attitude
    or a trait?" — "A set of learnable moves" (the answer is neither), or "Why do features get
    hidden or removed?" (the 'or' is the question's own subject).
    """
    core = strip_context(plain(question))
    if not (_CHOICE_WORD_RE.search(core) or yes_no_start(question) or _OPTIONS_LAST_RE.search(core)):
        return False
    answer_stems = content_stems(answer)
    return any(content_stems(f"{m.group(1)} {m.group(2)}") & answer_stems for m in _CHOICE_RE.finditer(core))


def hidden_also_shown(text: str, number: int, hidden: str, also: str = "") -> bool:
    """L7: whether deletion ``number``'s ``hidden`` words appear, as words, in what the card shows."""
    visible = CLOZE_RE.sub(lambda m: "" if int(m.group(1)) == number else m.group(2), text) + " " + also
    needle = " ".join(words(hidden)).lower()
    return bool(needle) and has_bounded(" ".join(words(visible)).lower(), needle)


def match_sides(front: str, back: str) -> tuple[str, str]:
    """The (question, answer) a card is matched by, normalised.

    For a cloze the answer is its hidden text and the question the text around the
    deletions: its answer field is empty, so matching by it would make every cloze the
    "same answer" as every other and hand a deleted cloze's history to an unrelated one.
    """
    hidden = [text for _, text in cloze_parts(front)]
    if hidden and not back.strip():
        return normalize(cloze_shown(front, "[...]")), normalize(" | ".join(hidden))
    return normalize(front), normalize(back)
