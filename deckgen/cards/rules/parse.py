"""Key ideas read from a dependency parse (the optional ``deckgen[nlp]`` extra, ``[generate] parser = "spacy"``).

The same idea kinds, section roles, keys and selection as :mod:`deckgen.cards.rules.ideas`,
but each question is built from the sentence's parse instead of word patterns: the
subject is the subject's whole constituent, the verb gets its do-support, tense and
number from its tag and lemma, a copula or passive keeps its own auxiliary, and every
answer is one whole constituent (a noun phrase or a clause with its subject) of at most
:data:`MAX_ANSWER_WORDS` words, or there is no card. Lists and ``**Term**: gloss`` bullets
are read from the note's markup, as the default generator does.

spaCy and the model load lazily, once per process, and only when a project asked for
them: nothing here imports spaCy at module import time, so the default build never needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import deckgen.cards.rules.ideas as ideas
from deckgen.cards.rules.ideas import Idea, essay, work_word
from deckgen.cards.rules.text import Sentence, content_words, hard_problems, plain, sentences, slug, words
from deckgen.core.config import SPACY_MODEL, extra_install
from deckgen.core.errors import ConfigError, Finding
from deckgen.core.model import Card, Note
from deckgen.core.sections import role_of

MAX_ANSWER_WORDS = 12
MAX_SUBJECT_WORDS = 8
MAX_QUESTION_WORDS = 25
# the parser and tagger are all the rules read; NER would only cost time
_EXCLUDE = ["ner"]
_NLP: Any = None
_DOCS: dict[str, Any] = {}
_MAX_DOCS = 50_000
BATCH_NOTES = 200  # notes parsed per nlp.pipe batch: large enough to batch well, small enough for memory

# dependents that complete their head: an answer that leaves one out was cut mid-phrase
_COMPLETING = frozenset({"dobj", "pobj", "attr", "prt", "xcomp", "ccomp", "acomp", "oprd", "agent", "pcomp"})
# what a verb may have besides its subject: a relative clause's verb with none of them has lost its object
_VERB_FILLERS = frozenset(
    {"dobj", "attr", "acomp", "prep", "xcomp", "ccomp", "advmod", "oprd", "prt", "dative", "npadvmod", "agent", "neg"}
)
_CLOSERS = frozenset({".", ",", ";", ":", ")", "?", "!", '"', "'", "—", "–"})
_STRAY_RE = re.compile(r"[;:,.]\s*\?$|;|\s[,.;:]|\?\S|\b[a-z]+[A-Z]")
_COPULAS = frozenset({"be", "become", "remain"})
_REPORTING = frozenset(
    """argue claim contend hold insist maintain show write say observe note suggest believe think propose warn
    report find conclude stress emphasise emphasize predict recommend""".split()
)
_WORK_NOUNS = frozenset("essay book paper article post piece memo talk author deck letter thread".split())
_MODALS = frozenset("should must can could will would may might shall".split())
_PRESCRIPTIVE = frozenset({"should", "must", "ought", "need"})
# objects that say how much was said, not what: 'says little about X' asks about X
_QUANTIFIER_OBJECTS = frozenset("little nothing much less more something enough".split())
_CLAUSE_BREAK = frozenset({":", ";", "—", "–", "--", "("})
_OPEN_PRONOUNS = frozenset(
    "it this that these those they them their its his her our which who what there here one".split()
)
# heads that name no topic of their own ('what are the examples?', 'what is his remedy?')
_VAGUE_HEADS = ideas._VAGUE_HEADS | frozenset(  # noqa: SLF001 - one list for both parsers
    "examples example remedy advice takeaway lesson part kind sort type set one ones lot".split()
)
# prepositions that take a verb's complement ('relies on X'); 'blur in practice' is an adjunct, not what is asked
_COMPLEMENT_PREPS = frozenset("on to from with against into for about as by of".split())
# verbs whose object means nothing without its 'as …' ('treats network effects as …')
_AS_VERBS = frozenset(
    "treat see regard view frame describe define present cast position dismiss distinguish separate compare pair".split()
)
# verbs that say little on their own: 'what do organisations get?' has as many answers as the note
_LIGHT_VERBS = frozenset("have get give make take use do go put keep let help seem look want try find".split())
_LEADING_BAD = frozenset("it its this that these those they their he she his her which and but also so or".split())
# a verb whose object is what the essay is said to miss or get wrong: the note's criticism
_CRITIQUE_VERBS = frozenset(
    """ignore overlook neglect underplay understate overstate assume presume gloss miss skip omit
    rely lean depend treat conflate confuse fail reward underestimate overestimate say""".split()
)


def nlp() -> Any:
    """The spaCy pipeline, loaded on first use and kept for the process."""
    global _NLP
    if _NLP is None:
        try:
            import spacy

            _NLP = spacy.load(SPACY_MODEL, exclude=_EXCLUDE)
        except (ImportError, OSError):
            # load_config reports this at the deckgen.toml line; this is for callers that skipped it
            raise ConfigError(
                Finding(
                    "deckgen.toml",
                    0,
                    '[generate] parser = "spacy" needs spaCy and its model',
                    extra_install("nlp"),
                    "config",
                )
            ) from None
    return _NLP


def independent_clauses(text: str) -> list[str]:
    """A sentence's independent clauses: 'A; B' is two claims, each parsed on its own."""
    return [part.strip() for part in re.split(r";\s+", text) if len(part.split()) >= 3]


def _parse_texts(note: Note) -> list[str]:
    return [c for s in sentences(note) if s.heading for c in independent_clauses(s.plain)]


def prepare(notes: Iterable[Note]) -> None:
    """Parse the sentences of many notes in one ``nlp.pipe`` batch (much faster than one call per sentence)."""
    _parse([t for note in notes for t in _parse_texts(note)])


def batches(notes: Iterable[Note], size: int = BATCH_NOTES) -> Iterator[list[Note]]:
    """``notes`` in chunks of ``size``: parsed together, then forgotten."""
    chunk: list[Note] = []
    for note in notes:
        chunk.append(note)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def forget() -> None:
    """Drop the parses kept for the notes being generated (a parse is ~100 kB; cards are memoised anyway)."""
    _DOCS.clear()


def _parse(texts: Sequence[str]) -> None:
    todo = [t for t in dict.fromkeys(texts) if t not in _DOCS]
    if not todo:
        return
    if len(_DOCS) + len(todo) > _MAX_DOCS:
        _DOCS.clear()  # a safety net for callers that never forget(): a cleared sentence is parsed again
    for text, doc in zip(todo, nlp().pipe(todo, batch_size=256), strict=True):
        _DOCS[text] = doc


def _doc(text: str) -> Any:
    if text not in _DOCS:
        _parse([text])
    return _DOCS[text]


# --- rendering ------------------------------------------------------------------------------------


def _text(tokens: Sequence[Any]) -> str:
    """Tokens as written (their own spacing), without trailing punctuation."""
    if not tokens:
        return ""
    out = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return re.sub(r"\s+", " ", out).strip(" ,;:—–-")


def _span(tokens: Iterable[Any]) -> list[Any]:
    """Tokens in sentence order, cut at the first clause break (':', ';', a dash, a parenthesis)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    out: list[Any] = []
    for token in ordered:
        if out and (token.text in _CLAUSE_BREAK or (out and token.i != out[-1].i + 1)):
            break
        out.append(token)
    while out and out[-1].is_punct:
        out.pop()
    return out


def _subtree(token: Any, drop: Iterable[Any] = ()) -> list[Any]:
    skip = {t.i for d in drop for t in d.subtree}
    return _span(t for t in token.subtree if t.i not in skip)


def _lower_first(tokens: Sequence[Any], note_text: str) -> str:
    """The phrase mid-question: a sentence's capital dropped ('Empathy' -> 'empathy'), a name's kept ('Norton')."""
    text = _text(tokens)
    first = str(tokens[0].text)
    if first.lower() == first or any(c.isupper() for c in first[1:]) or tokens[0].i > 0:
        return text  # lower case already, an acronym ('PMs'), or capitalised mid-sentence: a name
    if tokens[0].pos_ == "DET":
        return first.lower() + text[len(first) :]  # 'The', 'Every': never a name of its own
    if re.search(rf"(?<=[a-z,] ){re.escape(first)}\b", note_text):
        return text  # the note (or its author line) writes it capitalised mid-sentence: a name ('Ostrow')
    if tokens[0].pos_ in ("ADJ", "NUM") or tokens[0].tag_ in ("NN", "NNS"):
        return first.lower() + text[len(first) :]  # 'Every box', 'Respondents': a sentence's capital
    if not re.search(rf"\b{re.escape(first.lower())}\b", note_text):
        return text  # never in lower case: a name ('Gawande')
    return first.lower() + text[len(first) :]


def _answer(tokens: Sequence[Any]) -> str | None:
    """A whole constituent as an answer: capitalised, no leading pronoun, not too long; else None."""
    if not tokens:
        return None
    text = _text(tokens)
    n = len(words(text))
    if n == 0 or n > MAX_ANSWER_WORDS:
        return None
    doc = tokens[0].doc
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if after is not None and not tokens[-1].whitespace_ and after.text not in _CLOSERS:
        return None  # 'Small sub' of 'small sub-skills': the parse cut inside a word
    end = tokens[-1].i
    if any(c.i > end and c.dep_ in _COMPLETING for t in tokens for c in t.children):
        return None  # '… entrants that serve' stops before the object that completes it
    head = next((t for t in tokens if t.head.i == t.i or t.head.i not in {x.i for x in tokens}), tokens[0])
    if head.lemma_.lower() in _VAGUE_HEADS and n <= 3:
        return None  # 'A quick way' names nothing without what followed
    if tokens[0].lower_ in _LEADING_BAD or tokens[0].pos_ in ("ADP", "CCONJ", "SCONJ", "PART", "VERB", "AUX", "ADV"):
        return None  # 'Precisely they are …', 'Exactly the way …': not a phrase of its own
    if tokens[0].is_punct:
        return None
    if n <= 2 and tokens[0].lower_ == "the":
        return None  # 'The behavior', 'The team': a definite phrase that points back into the note
    last = tokens[-1]
    subject = _child(last, "nsubj")
    relative = subject is not None and subject.lower_ in ("that", "which", "who")
    if last.pos_ == "VERB" and relative and not any(c.dep_ in _VERB_FILLERS for c in last.children):
        return None  # 'Cheap entrants that serve': a relative clause whose verb lost what it serves
    if last.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PRON") or (
        last.pos_ == "AUX" and last.dep_ in ("aux", "auxpass")
    ):
        return None
    if text.count("(") != text.count(")") or text.count('"') % 2:
        return None
    if not content_words(text) or any(t.lower_ in ("it", "them", "this", "these", "those") for t in tokens[1:]):
        return None  # '… that erodes it': the answer points back into the note
    return text[0].upper() + text[1:]


def _trimmed(head: Any) -> list[Any]:
    """The phrase of ``head``, dropping relative clauses, appositions and asides until it fits."""
    tokens = _subtree(head)
    if len(words(_text(tokens))) <= MAX_ANSWER_WORDS:
        return tokens
    if head.lower_ in _VAGUE_HEADS or head.lemma_ in _VAGUE_HEADS:
        return []  # 'a disciplined way' says nothing once what follows is cut
    # only an aside set off by a comma may go: a restrictive 'that …' or 'performed in …' is the meaning
    optional = [
        c for c in head.subtree if c.i > head.i and c.dep_ in ("relcl", "acl", "appos", "advcl") and _after_comma(c)
    ]
    for cut in range(1, len(optional) + 1):
        tokens = _subtree(head, optional[-cut:])
        if len(words(_text(tokens))) <= MAX_ANSWER_WORDS:
            return tokens
    return tokens


def _after_comma(token: Any) -> bool:
    """Whether the phrase of ``token`` is set off by a comma (an aside that may go), not restrictive."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in (",", "(", "—", "–")


def _child(token: Any, *deps: str) -> Any:
    return next((c for c in token.children if c.dep_ in deps), None)


def _children(token: Any, *deps: str) -> list[Any]:
    return [c for c in token.children if c.dep_ in deps]


# --- the clause a sentence claims -----------------------------------------------------------------


def _claim_root(doc: Any, note: Note) -> tuple[Any, bool]:
    """The root of the clause the sentence claims, and whether it was reported ('Norton argues that …')."""
    sent = next(iter(doc.sents))
    root = sent.root
    subject = _child(root, "nsubj")
    if root.lemma_ in _REPORTING and subject is not None:
        said = _child(root, "ccomp")
        who = subject.lower_
        author = (note.surname or "").lower()
        if said is not None and (
            subject.pos_ == "PRON" or who == author or who in _WORK_NOUNS or subject.pos_ == "PROPN"
        ):
            return said, True
    return root, False


def _subject(root: Any, note: Note, role: str, note_lower: str, they: str | None = None) -> str | None:
    """The clause's subject as a phrase for the question; a pronoun only when it is the author or the work,
    or 'they' right after a sentence whose subject is plural (``they``: that subject)."""
    subject = _child(root, "nsubj", "nsubjpass")
    if subject is None:
        return None
    if subject.lower_ == "they" and they:
        return they  # 'The best forecasters start … They break …'
    if subject.pos_ == "PRON":
        if subject.lower_ in ("he", "she") and note.surname and role != "critique":
            return note.surname
        if subject.lower_ == "it" and role == "critique":
            return _the_work(note)
        return None
    asides = [c for c in subject.rights if c.dep_ in ("relcl", "appos", "acl") and _after_comma(c)]
    tokens = _subtree(subject, asides)
    if not tokens or len(words(_text(tokens))) > MAX_SUBJECT_WORDS or tokens[-1].i >= root.i:
        return None
    if tokens[0].lower_ in ("this", "these", "those", "that", "such") or any(
        t.lower_ in _OPEN_PRONOUNS and t.dep_ == "poss" for t in tokens
    ):
        return None  # 'this shift', 'their teams': points back into the note
    if subject.lower_ in _VAGUE_HEADS or any(t.tag_ in ("VBZ", "VBD", "VBP") and t.dep_ != "relcl" for t in tokens):
        return None  # 'the examples' names no topic; a finite verb inside a subject is a misparse
    if len(tokens) == 2 and tokens[0].lower_ in ("the", "this") and tokens[-1].lower_ in _WORK_NOUNS:
        return f"the {tokens[-1].lower_}"  # 'The essay can read as …': the work, as the note calls it
    return _lower_first(tokens, note_lower)


def _the_work(note: Note) -> str:
    """'the book', 'the essay': what the note calls the work ('the essay' when it does not say)."""
    word = work_word(note)
    return "the essay" if word == "the work" else word


def _aux_and_verb(root: Any) -> tuple[str, str] | None:
    """('does', 'ignore'), ('should', 'run'), ('has', 'become'), ('did', 'not find'): the question's auxiliary
    (it moves before the subject) and the rest of the verb (negation, later auxiliaries, the verb, its particle)."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if auxes:
        aux = str(auxes[0].lower_)
        verb = root.lemma_ if aux in ("do", "does", "did") else root.text  # 'does not fail', 'has failed'
        rest = [a.text for a in auxes[1:]] + [verb]
    elif root.tag_ in _DO_SUPPORT:
        aux, rest = _DO_SUPPORT[root.tag_], [root.lemma_]  # 'ignores' -> 'does … ignore'
    else:
        return None
    neg = ["not"] if _child(root, "neg") is not None else []
    particle = [c.text for c in root.children if c.dep_ == "prt"]
    return aux, " ".join(neg + rest + particle)


_DO_SUPPORT = {"VBZ": "does", "VBP": "do", "VBD": "did"}  # the tense and number the verb's tag carries


# --- card builders -------------------------------------------------------------------------------


def _card(note: Note, kind: str, anchor: str, s: Sentence, front: str, back: str) -> Card | None:
    """A card through the gate: lint's hard rules, no give-away, a question with nothing stray or cut.

    The answer was built from one whole constituent (:func:`_answer`), so the default generator's
    word-pattern checks of its answers (which guess at constituents without a parse) are not applied.
    """
    front = re.sub(r"\s+", " ", front).strip()
    card = ideas.generated_card(note, kind, anchor, s, front, back)
    front = card.front
    if len(words(front)) > MAX_QUESTION_WORDS or front.count('"') % 2 or front.count("(") != front.count(")"):
        return None
    shown = front.replace(essay(note), "ESSAY")
    if hard_problems(card, note) or ideas._gives_away(note, card) or _STRAY_RE.search(shown):  # noqa: SLF001
        return None
    if not ideas._grammatical_question(shown, note, plain(s.text)):  # noqa: SLF001 - one question check
        return None
    return card


def _copula(note: Note, s: Sentence, root: Any, subject: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X is not A but B' -> 'what is X, if not A?' — B; 'X is Y' -> 'what is X?' — Y."""
    attr = _child(root, "attr", "acomp")
    if attr is None or attr.dep_ != "attr":
        return
    if root.lemma_ == "be" and _child(root, "aux") is None:
        verb, after = root.text.lower(), ""
    else:  # 'what can a team be?', 'what has empathy become?'
        forms = _aux_and_verb(root)
        if forms is None:
            return
        verb, after = forms[0], f" {forms[1]}"
    neg = _child(root, "neg")
    # 'not A but B': the parse may hang 'but B' on A or on the verb; the words between say which is which
    clause = _span(t for t in root.subtree if t.i >= attr.left_edge.i)
    buts = [t for t in clause if t.lower_ == "but" and t.i > attr.i]
    if neg is not None and buts:
        but = buts[0]
        alternative = [t for t in clause if t.i < but.i]
        rest = _span(t for t in clause if t.i > but.i)
        answer = _answer(rest)
        if answer and alternative:
            alt = _text(alternative)
            yield (
                "contrast",
                _card(
                    note, "contrast", slug(subject), s, f"{ctx}, what {verb} {subject}{after}, if not {alt}?", answer
                ),
            )
        return
    if neg is not None:
        return
    answer = _answer(_trimmed(attr))
    if answer:
        yield "definition", _card(note, "definition", slug(subject), s, f"{ctx}, what {verb} {subject}{after}?", answer)


def _object(root: Any) -> tuple[str, Any] | None:
    """What the verb acts on: ('', dobj), or (' on', pobj) for 'relies on X', (' little about', pobj)."""
    dobj = _child(root, "dobj")
    if dobj is not None and dobj.lower_ in _QUANTIFIER_OBJECTS:
        prep = _child(dobj, "prep") or _child(root, "prep")
        pobj = _child(prep, "pobj") if prep is not None else None
        if pobj is not None:
            return f" {dobj.text} {prep.text}", pobj
        return None
    if dobj is not None and dobj.pos_ != "PRON":
        return "", dobj
    if dobj is None:
        prep = next((c for c in root.rights if c.dep_ == "prep"), None)
        if prep is None:
            return None
        pobj = _child(prep, "pobj")
        next_to_verb = prep.i == root.i + 1 + sum(1 for c in root.children if c.dep_ == "prt")
        if pobj is not None and pobj.pos_ != "PRON" and next_to_verb and prep.lower_ in _COMPLEMENT_PREPS:
            return f" {prep.text}", pobj
    return None


def _verb_claim(
    note: Note, s: Sentence, root: Any, subject: str, ctx: str, kind: str
) -> Iterator[tuple[str, Card | None]]:
    """'S V O' -> 'what does S V?' — O, with the verb's own tense, number and modal.

    When a short object is followed by its own complement ('treats depth as the job', 'grounds the
    model in neuroscience'), the complement is what is worth recalling: 'what does S V O as?'.
    """
    if root.pos_ not in ("VERB", "AUX") or root.lemma_ in _COPULAS or root.lemma_ in _LIGHT_VERBS:
        return
    if _child(root, "dative", "ccomp", "xcomp", "oprd") is not None:
        return  # 'gives engineers X', 'urges the team to …': the object alone is not what is claimed
    obj = _object(root)
    forms = _aux_and_verb(root)
    if obj is None or forms is None:
        return
    prep, head = obj
    if head.pos_ not in ("NOUN", "PROPN"):
        return  # 'helps structure launch messaging' is a verb phrase, 'names seven' a bare number: not a thing
    aux, verb = forms
    if kind == "claim" and aux in _PRESCRIPTIVE:
        kind = "prescription"
    after = next(
        (
            c
            for c in root.rights
            if c.dep_ == "prep" and c.i > head.i and c.lower_ in _COMPLEMENT_PREPS and _child(c, "pobj")
        ),
        None,
    )
    object_words = _subtree(head)
    if not prep and after is not None and len(object_words) <= 3 and object_words[0].pos_ != "PRON":
        pobj = _child(after, "pobj")
        answer = _answer(_trimmed(pobj))
        shown = _lower_first(object_words, _note_text(note))
        if answer and len(object_words) == len(_span(head.subtree)):
            front = f"{ctx}, what {aux} {subject} {verb} {shown} {after.text}?"
            yield kind, _card(note, kind, slug(f"{subject} {root.lemma_} {after.text}"), s, front, answer)
        return
    as_inside = any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)  # 'summarise the lessons as …'
    if (after is not None and after.lower_ == "as") or root.lemma_ in _AS_VERBS or as_inside:
        return  # 'treats X as Y' asked as 'what does S treat?' would miss the point
    answer = _answer(_trimmed(head))
    if answer:
        yield (
            kind,
            _card(
                note, kind, slug(f"{subject} {root.lemma_}"), s, f"{ctx}, what {aux} {subject} {verb}{prep}?", answer
            ),
        )


def _note_text(note: Note) -> str:
    """The note's words, with its author and title, for telling a name from a sentence's first word."""
    body = " ".join(s.plain for s in sentences(note))
    return f"by {note.author}, {body}"


def _passive(note: Note, s: Sentence, root: Any, subject: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X is crowded out by Y' -> 'what is X crowded out by?' — Y."""
    agent = _child(root, "agent")
    aux = _child(root, "auxpass")
    pobj = _child(agent, "pobj") if agent is not None else None
    if pobj is None or aux is None or aux.i > root.i:
        return
    particle = "".join(f" {c.text}" for c in root.children if c.dep_ == "prt")
    answer = _answer(_trimmed(pobj))
    if answer:
        front = f"{ctx}, what {aux.lower_} {subject} {root.text}{particle} by?"
        yield "claim", _card(note, "claim", slug(f"{subject} {root.lemma_}"), s, front, answer)


def _main_clause(root: Any, subject: str, drop: Any) -> str | None:
    """The clause as a question after 'why': 'does S V O' or 'is S Y', without the ``drop`` subtree."""
    forms = _aux_and_verb(root) if root.lemma_ != "be" or _child(root, "aux") else None
    skip = {t.i for t in drop.subtree}
    subj = _child(root, "nsubj", "nsubjpass")
    if subj is not None:
        skip |= {t.i for t in subj.subtree}
    skip |= {
        c.i
        for c in root.children
        if c.dep_ in ("aux", "auxpass", "neg", "punct", "cc", "mark", "advmod") and c.i < root.i
    }
    skip |= {c.i for c in root.children if c.dep_ == "prt"}  # the verb form carries its particle
    rest = _span(t for t in root.subtree if t.i > root.i and t.i not in skip)
    tail = _text(rest)
    if root.lemma_ == "be" and forms is None:
        neg = " not" if _child(root, "neg") is not None else ""
        return f"{root.text.lower()} {subject}{neg} {tail}".strip()
    if forms is None:
        return None
    aux, verb = forms
    return f"{aux} {subject} {verb} {tail}".strip()


def _mechanism(note: Note, s: Sentence, root: Any, subject: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'S V O because C' -> 'why does S V O?' — C (a clause with its own subject)."""
    for advcl in _children(root, "advcl"):
        mark = _child(advcl, "mark")
        if mark is None or mark.lower_ not in ("because", "since") or advcl.i < root.i:
            continue
        if _child(advcl, "nsubj", "nsubjpass") is None:
            continue
        clause = _main_clause(root, subject, advcl)
        answer = _answer([t for t in _subtree(advcl) if t.i != mark.i])
        if clause and answer:
            front = f"{ctx}, why {clause}?"
            yield "mechanism", _card(note, "mechanism", slug(f"{subject} why"), s, front, answer)


# --- candidates ----------------------------------------------------------------------------------

_THESIS_RE = re.compile(r"\b(?:argues|claims|contends|central|thesis|main point|core idea)\b", re.I)


def _plural_subject(note: Note, s: Sentence, role: str, note_text: str) -> str | None:
    """The plural subject of the sentence before ``s`` in its paragraph, which a leading 'They' refers to."""
    if not s.previous or not re.match(r"^They\b", s.plain):
        return None
    last = independent_clauses(plain(s.previous))
    if not last:
        return None
    root, _ = _claim_root(_doc(last[-1]), note)
    subject = _child(root, "nsubj", "nsubjpass")
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return None
    return _subject(root, note, role, note_text)


def _clause_cards(
    note: Note, s: Sentence, doc: Any, role: str, ctx: str, note_text: str
) -> Iterator[tuple[str, Card | None]]:
    """The cards one clause gives: its copula or verb claim (and its conjoined verbs'), cause, condition."""
    root, _ = _claim_root(doc, note)
    subject = _subject(root, note, role, note_text, _plural_subject(note, s, role, note_text))
    if subject is not None:
        verbs = [root] + [
            c
            for c in root.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and _child(c, "nsubj", "nsubjpass") is None
        ]
        for verb in verbs:
            if verb.lemma_ in _COPULAS:
                yield from _copula(note, s, verb, subject, ctx)
                continue
            kind = "critique" if role == "critique" and verb.lemma_ in _CRITIQUE_VERBS else "claim"
            if _child(verb, "auxpass") is not None:
                yield from _passive(note, s, verb, subject, ctx)
            else:
                yield from _verb_claim(note, s, verb, subject, ctx, kind)
        yield from _mechanism(note, s, root, subject, ctx)
    # no 'what follows if …?' card: see _diagnostic in ideas.py


def candidates(note: Note) -> list[Idea]:
    """Every candidate card of the note from its parse, each tagged with its idea, role and salience."""
    all_sentences = [s for s in sentences(note) if s.heading]
    prepare([note])
    note_lower = _note_text(note)
    found_ideas: list[Idea] = list(ideas._lists(note, all_sentences))  # noqa: SLF001 - lists are read from markup
    according, note_ctx = f"According to {essay(note)}", f"According to the note on {essay(note)}"
    first_in_section: set[str] = set()
    keys = {i.card.key for i in found_ideas}
    for s in all_sentences:
        role = role_of(s.heading)
        first = s.heading not in first_in_section
        first_in_section.add(s.heading)
        found: list[tuple[str, Card | None]] = []
        if s.item and ("**" in s.text or "*" in s.text):
            found.extend(ideas._definition(note, s, note_ctx if role == "application" else f"In {essay(note)}"))  # noqa: SLF001
        found_in: list[tuple[str, Card | None, int]] = [(kind, card, 0) for kind, card in found]
        ctx = note_ctx if role in ("critique", "application") else according
        for number, clause in enumerate(independent_clauses(s.plain)):
            found_in.extend((k, c, number) for k, c in _clause_cards(note, s, _doc(clause), role, ctx, note_lower))
        reported = bool(_THESIS_RE.search(s.plain))
        for kind, card, number in found_in:
            if card is None:
                continue
            if card.key in keys:  # two sentences with the same subject and verb: keys stay unique in the note
                card = replace(card, key=f"{card.key}-{sum(k.startswith(card.key) for k in keys) + 1}")
            keys.add(card.key)
            weight = ideas._KIND_WEIGHT.get(kind, 5)  # noqa: SLF001 - one ranking for both parsers
            score = float(weight) + (3 if reported else 0) + (2 if first else 0)
            score -= 0.1 * len(words(plain(card.back)))
            # each clause, and each critical point, is its own idea
            idea = f"{s.text}#{card.key}" if kind == "critique" else f"{s.text}#{number}"
            found_ideas.append(Idea(role, kind, idea, card, score))
    return found_ideas


candidates_of = ideas.memoised(candidates)


def idea_of(note: Note, card: Card) -> Idea | None:
    """The idea record of a generated card (None for cards of other rules)."""
    return ideas.idea_in(candidates_of(note), card)
