"""Claim patterns common in essay notes, each turned into a short-answer card or a one-deletion cloze.

Every rule reads sentences (sections first, then the blurb), keeps only cards that pass
:func:`~deckgen.cards.rules.text.hard_problems`, and keys each card by rule and an anchor taken
from the claim's subject or term — never from the answer — so rewording the note updates
the card instead of making a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckgen.cards.rules.text import (
    AUXILIARIES,
    CLAIM_VERBS,
    MAX_CLOZE_WORDS,
    PRONOUNS,
    Sentence,
    content_words,
    hard_problems,
    has_marks,
    is_plural,
    may_read,
    plain,
    sentences,
    short_answer,
    short_title,
    slug,
    strong_clauses,
    surname_possessive,
    trim_relative,
    words,
)
from deckgen.core.model import Card, Note

_REPORT_VERBS = r"(?:argues?|claims?|contends?|holds?|insists?|maintains?|believes?)"
_CRITIQUE_HEADINGS = ("critique", "criticism", "limitations", "weaknesses", "where it falls short", "counterpoints")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_FRAMING_VERBS = ("positions", "frames", "casts", "treats", "presents")
# Compiled once: every rule runs these on every sentence of every note. Where a pattern
# needs a literal word or mark, a plain substring test runs first: most sentences lack it.
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_C1_HIDDEN_RE = re.compile(r"\{\{c1::(.+?)\}\}")
_SUBJECT_SPLIT_RE = re.compile(r"\b(?:that|about|is|:)\s+|,\s+")
_AUTHOR_REF_RE = re.compile(r"^(?:he|she|they|the (?:essay|post|article|memo|letter|author|piece))\b")
_CONTRAST_RE = re.compile(r"^(?P<pre>.*?)\s+(?:is|are)\s+not\s+(?P<a>[^,;:]+?),?\s+but\s+(?:rather\s+)?(?P<b>.+)$")
_CONTRAST_DASH_RE = re.compile(r"^(?P<pre>.*?)\s+[—–]\s+not\s+(?P<a>[^,;:]+?),?\s+but\s+(?P<b>.+)$")
_TERM_ITEM_RE = re.compile(r"^\*\*(?P<t>[^*]{1,40})\*\*\s*(?::|—|–|-)\s*(?P<y>.+)$")
_TERM_COLON_RE = re.compile(r"(?P<e>\*{1,2}|_)(?P<t>[^*_]{1,40})(?P=e)\s*:\s+(?P<y>.+)$")
_CAPITALISED_NUMBER_RE = re.compile(r"^[A-Z][a-z]*\s+\d")
_NAMING_RE = re.compile(r"\bcalls?\s+(?P<x>[^*]{3,80}?)\s+\*(?P<t>[^*]{1,40})\*")
_FRAMING_RE = re.compile(r"\b(?P<v>positions|frames|casts|treats|presents)\s+(?P<x>[\w/ -]{2,40}?)\s+as\s+(?P<y>.+)$")
_FRAMING_CUT_RE = re.compile(r"\s+(?:and|but|while)\s+|,")
_CONNECTS_RE = re.compile(r"^(?P<who>.*?)\b(?:connects|links|ties)\s+(?P<x>.+?)\s+(?:to|with)\s+(?P<y>.+)$")
_ARTICLE_START_RE = re.compile(r"^(?:an?|the|one)\s")
_ARGUES_RE = re.compile(rf"^(?P<who>.*?)\b{_REPORT_VERBS}\s+that\s+(?P<p>.+)$")
_DASH_SPLIT_RE = re.compile(r"\s+[—–]\s+")
_SEMICOLON_COLON_RE = re.compile(r";\s+|:\s+")
_BUT_AND_SPLIT_RE = re.compile(r",\s+(?:but|and)\s+")
_AND_SPLIT_RE = re.compile(r"\s+and\s+")
_RATHER_RE = re.compile(r"\s(?:rather than|instead of)\s")
_QUOTE_OR_BRACKET_RE = re.compile(r"[\"“”()\[\]]")
_LEADING_CONJUNCTION_RE = re.compile(r"^(?:And|But|So|Yet)\s+")
_AND_BUT_SPLIT_RE = re.compile(r",\s+(?:and|but)\s+")
_HE_SHE_RE = re.compile(r"^(?:He|She)\s")
_BOLD_ITEM_RE = re.compile(r"^\*\*[^*]+\*\*\s*[:—–-]")
_EMPHASISED_TERM_RE = re.compile(r"(?<![*\w])\*{1,2}([^*]{2,40})\*{1,2}")
_ITS_THEIR_RE = re.compile(r"^(?:Its|Their)\s")
_INLINE_LIST_RE = re.compile(
    r"\b(?P<n>two|three|four|five|six)\s+(?P<what>[\w -]{2,40}?)(?::|\s+(?:are|were|include)\s*:?)\s+(?P<items>[^:;]+?)\.?$"
)
_LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_EMPHASIS_RE = re.compile(r"(?<![*\w])(\*{1,2}|_)(?P<t>[^*_]{2,60})\1(?![*\w])")
_TERM_MEANS_RE = re.compile(
    r"(?:^|\bthat\s+|:\s+)(?:(?P<art>[Aa]n?|[Tt]he)\s+)?(?P<e>\*{1,2}|_)(?P<t>[^*_]{1,40})(?P=e)\s+"
    r"(?:is|are|means|mean|refers to|refer to|says|say)\s+(?:(?:the\s+idea\s+)?that\s+)?(?P<y>.+)$"
)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,.;:])")
_CENTRAL_CLAIM_RE = re.compile(r"^(?:his|her|their)\s+central\s+claim\s+is\s+", re.IGNORECASE)
_NO_SUBJECT_START_RE = re.compile(r"^(?:\w+ing|while|it|they|this|these|that|its|their)\b", re.I)


def _has_emphasis(text: str) -> bool:
    """Whether ``text`` has a mark that emphasis and term patterns need (``*`` or ``_``)."""
    return "*" in text or "_" in text


def make_card(note: Note, rule: str, anchor: str, sentence: Sentence | None, front: str, back: str = "") -> Card | None:
    """A generated card, or None when it would break a hard card-quality rule."""
    card = Card(
        note_id=note.id,
        key=f"g.{rule}.{anchor}" if anchor else f"g.{rule}",
        kind="cloze" if "{{c1::" in front else "basic",
        front=front,
        back=back,
        extra=sentence.text if sentence else "",
        origin=f"generated:{rule}",
        path=note.path,
        line=sentence.line if sentence else note.meta_lines.get("title", 1),
        tags=note.tags,
    )
    # A generic '<subject> <predicate>' split can merely restate the title ('stuck in the build trap').
    if hard_problems(card, note) or (rule == "argues" and _title_gives_away(note, card)):
        return None
    return card


def _title_gives_away(note: Note, card: Card) -> bool:
    """Whether the title (shown above every card) already holds most of the answer."""
    hidden = " ".join(_C1_HIDDEN_RE.findall(card.front)) if card.kind == "cloze" else card.back
    answer = set(content_words(hidden))
    return len(answer) >= 2 and len(answer & set(content_words(note.title))) / len(answer) >= 0.6


def _ask(note: Note, with_author: str, without_author: str, **parts: str) -> str:
    """A question that carries its context: the author's surname and the (short) title."""
    title = short_title(note)
    if note.surname:
        return with_author.format(S=note.surname, Ss=surname_possessive(note), T=title, **parts)
    return without_author.format(T=title, **parts)


def _subject(text: str) -> str:
    """The noun phrase a claim is about: the last clause before the verb, without 'that'/'about'."""
    text = _SUBJECT_SPLIT_RE.split(text.strip())[-1].strip()
    text = _CENTRAL_CLAIM_RE.sub("", text)
    return text


def _usable_subject(subject: str, max_words: int = 6) -> bool:
    tokens = words(subject)
    return 0 < len(tokens) <= max_words and tokens[0].lower() not in PRONOUNS and bool(content_words(subject))


def _mentions_author(text: str, note: Note) -> bool:
    lowered = text.lower()
    return (
        bool(note.surname)
        and note.surname.lower() in lowered
        or bool(_AUTHOR_REF_RE.match(lowered))
        or "co-authors" in lowered
    )


def contrast(note: Note) -> Iterator[Card]:
    """'X is not A but B' -> 'In Norton's 'Title', what is X, if not A?' -> 'B'."""
    if not (may_read(note, "not") and may_read(note, "but")):
        return  # both patterns need both words
    for sentence in sentences(note):
        text = sentence.plain
        # Both patterns need the words 'not' and 'but': a substring test skips most sentences at C speed.
        match = "not" in text and "but" in text and (_CONTRAST_RE.search(text) or _CONTRAST_DASH_RE.search(text))
        if not match:
            continue
        subject = _subject(match.group("pre"))
        alternative = match.group("a").strip()
        answer = short_answer(
            trim_relative(match.group("b")) if len(words(match.group("b"))) > 14 else match.group("b"), 15
        )
        if not answer or not _usable_subject(subject) or len(words(alternative)) > 7:
            continue
        front = _ask(
            note,
            "In {Ss} '{T}', what is {X}, if not {A}?",
            "In '{T}', what is {X}, if not {A}?",
            X=subject,
            A=alternative,
        )
        card = make_card(note, "contrast", slug(subject, 1), sentence, front, answer)
        if card:
            yield card


def definition(note: Note) -> Iterator[Card]:
    """Definitions: '*Term* is/means Y', '**Term**: Y' items, 'calls X *Term*', 'positions X as Y'."""
    if not has_marks(note) and not may_read(note, *_FRAMING_VERBS):
        return  # terms and namings need an emphasis mark, framings one of the verbs
    for sentence in sentences(note):
        for rule_output in (_term_definition(note, sentence), _naming(note, sentence), _framing(note, sentence)):
            if rule_output:
                yield rule_output
                break


def _term_definition(note: Note, sentence: Sentence) -> Card | None:
    text = sentence.text
    term, meaning = "", ""
    item = _TERM_ITEM_RE.match(text) if sentence.item else None
    if item:
        term, meaning = item.group("t"), item.group("y")
    else:
        match = _has_emphasis(text) and (_TERM_MEANS_RE.search(text) or _TERM_COLON_RE.search(text))
        if match:
            term, meaning = match.group("t"), match.group("y")
            article = match.groupdict().get("art")
            if article:
                term = f"{article.lower()} {term}"
    if not term or not meaning:
        return None
    answer = short_answer(plain(meaning))
    if not answer:
        return None
    term = plain(term).strip()
    shown = term if term.isupper() or _CAPITALISED_NUMBER_RE.match(term) else term[0].lower() + term[1:]
    front = _ask(note, "What does {S} mean by {X} in '{T}'?", "In '{T}', what is meant by {X}?", X=shown)
    return make_card(note, "definition", slug(term), sentence, front, answer)


def _naming(note: Note, sentence: Sentence) -> Card | None:
    match = "call" in sentence.text and "*" in sentence.text and _NAMING_RE.search(sentence.text)
    if not match or not _usable_subject(plain(match.group("x")), 10):
        return None
    term = plain(_IMAGE_RE.sub("", match.group("t")))
    if not term:
        return None  # '*![image](x.png)*' names nothing once the image is dropped
    front = _ask(note, "What does {S} call {X} in '{T}'?", "In '{T}', what is {X} called?", X=plain(match.group("x")))
    return make_card(note, "definition", slug(match.group("t")), sentence, front, term[0].upper() + term[1:])


def _framing(note: Note, sentence: Sentence) -> Card | None:
    text = sentence.plain
    match = "as" in text and any(verb in text for verb in _FRAMING_VERBS) and _FRAMING_RE.search(text)
    if (
        not match
        or not _mentions_author(sentence.plain[: match.start()], note)
        or not _usable_subject(match.group("x"), 4)
    ):
        return None
    if sentence.heading.strip().lower() in _CRITIQUE_HEADINGS:
        return None  # in a critique, 'the essay treats X as Y' is the critic's framing, not the author's claim
    answer = short_answer(trim_relative(_FRAMING_CUT_RE.split(match.group("y"))[0]), 12)
    if not answer:
        return None
    participle = {
        "positions": "positioned",
        "frames": "framed",
        "casts": "cast",
        "treats": "treated",
        "presents": "presented",
    }[match.group("v")]
    front = _ask(
        note,
        "In {Ss} '{T}', how is {X} " + participle + "?",
        "In '{T}', how is {X} " + participle + "?",
        X=match.group("x"),
    )
    return make_card(
        note, "definition", slug(match.group("x"), 2), sentence, front, "As " + answer[0].lower() + answer[1:]
    )


def connects(note: Note) -> Iterator[Card]:
    """'Norton connects X to Y' -> 'What does Norton connect X to in 'Title'?' -> 'Y'."""
    if not may_read(note, "connects", "links", "ties"):
        return
    for sentence in sentences(note):
        text = sentence.plain
        match = ("connects" in text or "links" in text or "ties" in text) and _CONNECTS_RE.search(text)
        if not match or not _mentions_author(match.group("who"), note) or not _usable_subject(match.group("x")):
            continue
        answer = short_answer(trim_relative(strong_clauses(match.group("y"))[0]), 12)
        if not answer:
            continue
        front = _ask(
            note, "What does {S} connect {X} to in '{T}'?", "In '{T}', what is {X} connected to?", X=match.group("x")
        )
        card = make_card(note, "connects", slug(match.group("x")), sentence, front, answer)
        if card:
            yield card


def argues(note: Note) -> Iterator[Card]:
    """'Norton argues that X has been …' -> 'What does Norton argue about X in 'Title'?' -> 'It has been …'."""
    if not may_read(note, "that"):
        return
    for sentence in sentences(note):
        split = _argued_claim(sentence, note)
        if not split:
            continue
        subject, verb, rest = split
        if verb in ("is", "are") and _ARTICLE_START_RE.match(rest):
            answer = short_answer(rest)
            front = _ask(
                note, "According to {Ss} '{T}', what {V} {X}?", "According to '{T}', what {V} {X}?", V=verb, X=subject
            )
        else:
            answer = short_answer(("They " if is_plural(subject) else "It ") + verb + " " + rest)
            front = _ask(note, "What does {S} argue about {X} in '{T}'?", "What does '{T}' argue about {X}?", X=subject)
        if answer:
            card = make_card(note, "argues", slug(subject), sentence, front, answer)
            if card:
                yield card


def _argued_claim(sentence: Sentence, note: Note) -> tuple[str, str, str] | None:
    """(subject, verb, predicate) of '… argues that <subject> <verb> <predicate>'."""
    match = "that" in sentence.plain and _ARGUES_RE.search(sentence.plain)
    if not match or not _mentions_author(match.group("who"), note):
        return None
    tokens = match.group("p").split()
    for i, token in enumerate(tokens[:7]):
        if i and token.lower() in (*AUXILIARIES, *CLAIM_VERBS):
            subject = " ".join(tokens[:i]).strip(",")
            rest = " ".join(tokens[i + 1 :])
            if _usable_subject(subject) and len(words(rest)) >= 2:
                return subject, token.lower(), rest
            return None
    return None


def thesis(note: Note) -> Iterator[Card]:
    """Metadata: 'Which essay argues that <claim>?' -> "Norton's 'Title'" (the first argued claim)."""
    if not may_read(note, "that"):
        return
    for sentence in sentences(note):
        match = "that" in sentence.plain and _ARGUES_RE.search(sentence.plain)
        if not match or not _mentions_author(match.group("who"), note) or sentence.in_blurb:
            continue
        claim = short_answer(match.group("p"), 16)
        if not claim or words(claim)[0].lower() in PRONOUNS:
            continue
        author = note.author.split(",")[0].strip()
        answer = f"{author}'s '{note.title}'" if author else f"'{note.title}'"
        original = match.group("p").lstrip()
        claim = original[0] + claim[1:]  # keep the note's own case: 'the market', 'Day 2'
        card = make_card(note, "thesis", "", sentence, f"Which essay argues that {claim}?", answer)
        if card:
            yield card
        return


def critique(note: Note) -> Iterator[Card]:
    """Section card: 'What is the main critique of Norton's 'Title'?' -> the critical point, short."""
    for section in note.sections:
        if section.heading.strip().lower() not in _CRITIQUE_HEADINGS:
            continue
        found = [s for s in sentences(note) if s.heading == section.heading][:2]
        point = _critical_point([s.plain for s in found])
        answer = short_answer(point) if point else None
        if found and answer:
            front = _ask(note, "What is the main critique of {Ss} '{T}'?", "What is the main critique of '{T}'?")
            card = make_card(note, "critique", "", found[0], front, answer)
            if card:
                yield card
        return


# Words that mark the critical part of a critique ("it says little about …", "assumes …").
_CRITICAL_CUES = re.compile(
    r"\b(?:assumes?|ignores?|overlooks?|says little|little about|leaves|without|fails?|misses|neglects?|"
    r"overstates?|underplays?|but|easy to|easier to|hard to|harder to)\b",
    re.IGNORECASE,
)


def _critical_point(texts: list[str]) -> str:
    """The first clause of the critique's opening sentences that carries a critical cue, else the first."""
    parts: list[str] = []
    for text in texts:
        text = _DASH_SPLIT_RE.split(text)[0]  # what follows a dash elaborates; it is not the point
        for clause in _SEMICOLON_COLON_RE.split(text):
            pieces = _BUT_AND_SPLIT_RE.split(clause)
            for piece in pieces:
                parts.extend(_AND_SPLIT_RE.split(piece) if len(words(piece)) > 20 else [piece])
    candidates = [p for p in parts if _CRITICAL_CUES.search(p) and len(words(p)) >= 4 and _has_subject(p)]
    chosen = candidates[0] if candidates else (parts[0] if parts else "")
    first = chosen.split()[0] if chosen.split() else ""
    if first and first[0].islower() and first.lower() not in _SUBJECT_STARTS:
        chosen = "It " + chosen  # 'says little about …' -> 'It says little about …'
    return chosen


_SUBJECT_STARTS = frozenset("the a an it its in this these that many most some his her their".split())


def _has_subject(piece: str) -> bool:
    """Whether a clause piece can stand alone: it opens with a subject, or with a verb that 'It' can head."""
    first = piece.split()[0] if piece.split() else ""
    if not first or first[0].isupper() or first.lower() in _SUBJECT_STARTS:
        return True
    return first.lower().endswith("s") and not first.lower().endswith("ss")  # 'says little' yes, 'overlook' no


def rather(note: Note) -> Iterator[Card]:
    """'… define the what rather than the how' -> a cloze hiding the preferred side."""
    if not may_read(note, "rather", "instead"):
        return
    for sentence in sentences(note):
        if sentence.in_blurb or sentence.item:
            continue
        for clause in strong_clauses(sentence.text):
            clause_plain = plain(clause)
            if "rather than" not in clause_plain and "instead of" not in clause_plain:
                continue  # _rather_clause only cuts and trims, so it cannot create them
            clause_plain = _rather_clause(clause_plain)
            match = _RATHER_RE.search(clause_plain)
            if not match or len(words(clause_plain)) > 30 or _NO_SUBJECT_START_RE.match(clause_plain):
                continue  # a participle or pronoun opening leaves the cloze without its subject
            before = clause_plain[: match.start()].split()
            stop = _rather_stop(before, clause_plain[match.end() :].split())
            hidden = before[stop + 1 :]
            if stop < 0 or not 1 <= len(hidden) <= 6 or _QUOTE_OR_BRACKET_RE.search(" ".join(hidden)):
                continue
            text = " ".join(before[: stop + 1]) + " {{c1::" + " ".join(hidden) + "}}" + clause_plain[match.start() :]
            card = make_card(note, "rather", slug(clause_plain[match.end() :], 2), sentence, _with_context(note, text))
            if card:
                yield card
            break


def _rather_clause(clause: str) -> str:
    """The part of a clause around 'rather than': no leading 'And', no unrelated ', and …' tail."""
    clause = _LEADING_CONJUNCTION_RE.sub("", clause.strip())
    pieces = _AND_BUT_SPLIT_RE.split(clause)
    for piece in pieces:
        if _RATHER_RE.search(piece) and len(words(piece)) >= 6:
            return piece[0].upper() + piece[1:]
    return clause[0].upper() + clause[1:] if clause else clause


_RATHER_STOPS = frozenset(
    "as is are be been on to for with into by from of than that define defines treat measure".split()
)
_PREPOSITIONS = frozenset("as on to for with into by from of in at against".split())


def _rather_stop(before: list[str], after: list[str]) -> int:
    """Index of the last word before the hidden side of 'A rather than B', or -1 to skip.

    The two sides are parallel: 'by output rather than by outcomes' hides what follows the
    same preposition; 'a checklist for heroes rather than a description' hides from the
    article; a verb after 'rather than' ('rather than voicing them') has no noun to hide.
    """
    if not before or not after or before[-1].endswith(","):
        return -1  # ', rather than …' contrasts a whole clause
    first = after[0].lower()
    if first.endswith("ing") or first == "only" and len(after) > 1 and after[1].endswith("ing"):
        return -1
    window = range(len(before) - 1, max(-1, len(before) - 8), -1)
    if first in _PREPOSITIONS:
        return next((i for i in window if before[i].lower() == first), -1)
    if first in ("a", "an", "the"):
        return next((i - 1 for i in window if before[i].lower() in ("a", "an", "the")), -1)
    return next((i for i in window if before[i].lower().strip(",") in _RATHER_STOPS), -1)


def _with_context(note: Note, text: str) -> str:
    """Prefix a cloze with the author's surname unless the text already names them."""
    text = text.strip().rstrip(".") + "."
    text = _HE_SHE_RE.sub(f"{note.surname} " if note.surname else r"\g<0>", text)
    if note.surname and note.surname in text.split("{{")[0] + text.split("}}")[-1]:
        return text[0].upper() + text[1:]
    label = note.surname or f"'{short_title(note)}'"
    return f"{label}: {text}"


def lists(note: Note) -> Iterator[Card]:
    """Explicit lists: 'four risks: a, b, c and d' and bullet/numbered lists -> one cloze per item."""
    seen_items: set[int] = set()
    all_sentences = list(sentences(note))
    for sentence in all_sentences:
        if sentence.in_blurb:
            continue
        if sentence.item and sentence.lead and not _BOLD_ITEM_RE.match(sentence.text):
            card = _list_item_cloze(
                note,
                sentence,
                [s for s in all_sentences if s.lead == sentence.lead and s.heading == sentence.heading and s.item],
            )
            if card and sentence.index not in seen_items:
                seen_items.add(sentence.index)
                yield card
        elif not sentence.item:
            yield from _inline_list(note, sentence)


def _list_item_cloze(note: Note, sentence: Sentence, siblings: list[Sentence]) -> Card | None:
    lead = plain(sentence.lead).rstrip(":").strip()
    term = _EMPHASISED_TERM_RE.search(sentence.lead_context)
    if term and _ITS_THEIR_RE.match(lead):
        # 'Its signs include' names nothing months later: say whose signs they are
        lead = _ITS_THEIR_RE.sub(f"The {term.group(1)}'s ", lead)
    items = [plain(s.text).rstrip(".") for s in siblings]
    mine = plain(sentence.text).rstrip(".")
    if not 2 <= len(items) <= 7:
        return None
    if sentence.numbered:
        if len(words(mine)) > 14:
            return None
        text = f"{lead} — step {sentence.item}: {{{{c1::{mine}}}}}"
    else:
        if any(len(words(i)) > 8 for i in items):
            return None
        shown = [f"{{{{c1::{i}}}}}" if i == mine else i for i in items]
        text = f"{lead}: " + "; ".join(shown)
    if len(words(plain(text))) > MAX_CLOZE_WORDS:
        return None
    return make_card(note, "list", f"{slug(lead, 2)}.{slug(mine, 2)}", sentence, _with_context(note, text))


def _inline_list(note: Note, sentence: Sentence) -> Iterator[Card]:
    text = sentence.plain
    match = any(number in text for number in _NUMBER_WORDS) and _INLINE_LIST_RE.search(text)
    if not match:
        return
    items = [i.strip() for i in _LIST_SPLIT_RE.split(match.group("items")) if i.strip()]
    if len(items) != _NUMBER_WORDS[match.group("n")] or any(len(words(i)) > 6 for i in items):
        return
    head = sentence.plain[: match.start("items")]
    for n, item in enumerate(items):
        shown = [f"{{{{c1::{x}}}}}" if k == n else x for k, x in enumerate(items)]
        text = head + ", ".join(shown[:-1]) + (", " if len(items) > 2 else " ") + "and " + shown[-1]
        card = make_card(
            note, "list", f"{slug(match.group('what'), 2)}.{slug(item, 2)}", sentence, _with_context(note, text)
        )
        if card:
            yield card


def emphasis(note: Note) -> Iterator[Card]:
    """Single-deletion clozes from emphasised phrases in the sections (the curator's own highlights)."""
    if not has_marks(note):
        return
    for sentence in sentences(note):
        if sentence.in_blurb or sentence.item:
            continue
        for clause in strong_clauses(sentence.text):
            match = _has_emphasis(clause) and _EMPHASIS_RE.search(clause)
            if not match or len(words(plain(clause))) > 30:
                continue
            hidden = match.group("t").strip()
            if len(words(hidden)) > 6 or hidden.lower() in note.title.lower():
                continue
            text = plain(clause[: match.start()]) + " {{c1::" + hidden + "}} " + plain(clause[match.end() :])
            text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", " ".join(text.split()))
            card = make_card(note, "emphasis", slug(hidden), sentence, _with_context(note, text))
            if card:
                yield card
            break
