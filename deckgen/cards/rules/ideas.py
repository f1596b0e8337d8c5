"""Key ideas of a note, one candidate card per idea, chosen across ideas before a second card on any.

A note's sections have roles: the *central argument* holds the author's claims, the
*critique* the note-writer's criticism of them (never the author's view), *why it matters*
its applications. Within each, sentences are read for idea kinds (definition, contrast,
mechanism, prescription, diagnostic, list, quantity, named term); each kind has one
question form that names the essay and the topic and admits one answer, and the answer is
the shortest complete phrase, or no card at all. The blurb (who the author is, why read it)
gives no cards: bibliographic facts are context, not ideas.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from deckgen.cards.rules.text import (
    PRONOUNS,
    Sentence,
    content_words,
    hard_problems,
    plain,
    sentences,
    short_title,
    slug,
    words,
)
from deckgen.core.cardrules import PAST_FORMS, POLARITY_CUES, LintSettings, base_verb_problem, noun_phrase_problem
from deckgen.core.model import Card, Note, possessive
from deckgen.core.sections import role_of
from deckgen.core.text import (
    PREPOSITIONS,
    QUOTED_RE,
    STOPWORDS,
    indefinite_article,
    plural_word,
    split_sentences,
    strip_context,
)

DEFAULT_CAP = 8
MAX_WORDS = 14  # an answer a learner can recall whole (judged: generated answers of 12-15 words 62% T2/T3, 4-7 words
# 42%; the curator's of 16-19 words 84%): a clause kept whole beats one cut to a label
SHORT_WORDS = 12  # the old limit: an answer longer than it is checked for a second predicate
# no generated answer is longer than lint's warning allows (L1 warns over 15 words): a card the build ships never
# draws a warning from `deckgen lint`
LINT_ANSWER_WORDS = LintSettings().answer_words_warn
# a second predicate with no subject of its own ('…, and has little to say about', '… and rests on'), or a 'but' that
# turns to another claim ('…, but it has three costs')
_SUBJECTLESS_PREDICATE_RE = re.compile(
    r",?\s+and\s+(?:(?:also|often|still|largely|mostly|rarely|barely|only)\s+)?(?:has|have|says|rests|relies|leaves|"
    r"offers|gives|misses|ignores|treats|assumes|does|lacks|overlooks|underplays|skips|makes|takes|needs|is|are|"
    r"was|were|can|cannot)\b|,\s+but\s+(?:it|they|this|that|these|those|he|she)\b|,\s+and\s+(?:as|when|if|so|then|once|"
    # ', and it extrapolates that shape …' (batch198: '… for each niche title, and it extrapolates', T0/T1): a clause
    # of its own, with its own subject
    r"because|while)\b|,\s+and\s+(?:it|they|he|she)\s+[a-z]+"
)
MAX_LIST_ITEMS = 4
# words in an answer that point back into the note ('those constraints'); 'it' and 'that' are
# mostly harmless inside an answer ('whether customers will buy it'), so only a leading one is refused
_DEMONSTRATIVE_RE = re.compile(r"\b(?:those|these|such|this|he|she|his|her)\b", re.I)
_LEADING_PRONOUN_RE = re.compile(
    r"^(?:it|its|this|that|they|their|these|those|he|she|his|her|which|and|but|also)\b", re.I
)
# 'what you put in' ends on a particle, not a dangling preposition
_PHRASAL_END_RE = re.compile(
    r"\b(?:put|give|take|bring|carry|let|log|sign|fill)\s+(?:in|up|on|off|out)$|\b(?:get|gets|getting|got)\s+(?:\w+\s+){0,2}done$",
    re.I,
)
_DANGLING_END_RE = re.compile(
    r"\b(?:and|or|but|of|to|the|a|an|with|for|by|in|on|that|which|who|as|than|from|plus|minus|including|like|not|every|each|any|some|all|no|its|their|his|her|our|your|almost|nearly|roughly|exactly|just)$",
    re.I,
)
_PAREN_ASIDE_RE = re.compile(
    r",\s+(?:in (?:his|her|their) (?:telling|view|words|account)|he (?:says|argues)|"
    # 'Self-control, on this view, is …', 'Good tests, in other words, are …': a viewpoint or a link, not the claim
    r"(?:on|in) (?:this|that|his|her|their|the authors['’]?) (?:view|account|reading)|in other words|in short|"
    r"in effect|in turn|in fact|therefore|thus|then|by contrast|"
    r"she (?:says|argues)|they (?:say|argue)|for [A-Z]\w+|"
    # 'Bad decisions, the authors argue, usually come …': the reporting frame inside the claim
    r"the authors? (?:argues?|says?|claims?|contends?|suggests?|writes?)|[A-Z]\w+ (?:argues|says|claims|contends)),\s+"
)
_THESIS_LEAD_RE = re.compile(
    r"^(?:(?:his|her|their|the essay's|the book's|the author's|[A-Z]\w+'s)\s+(?:(?:central|main|core|key)\s+)?"
    r"(?:claim|argument|point|idea|thesis)\s+is\s+(?:that\s+)?|"
    # 'Their main finding is that …', 'The practical point is that …': the clause after 'that' is the claim
    r"(?:his|her|their|the|the (?:book|paper|essay|article)'s|[A-Z]\w+'s)\s+(?:(?:central|main|core|key|basic|"
    r"broader|practical|interesting|closing|starting|most quoted|overall|underlying|deeper|implicit|larger|general)\s+)?"
    r"(?:finding|premise|conclusion|insight|"
    r"result|lesson|point|claim|headline|explanation|consequence|position|prediction|upshot|takeaway)"
    r"(?:\s+(?:he|she|they)\s+draws?)?\s+is\s+that\s+|"
    # ('And claims that a new technology will transform everything recur …': 'And' is no author, 'claims' a noun)
    r"(?:(?!(?:And|But|So|Yet|Or|Nor|Still|Also|Then|Thus|Hence|Such|Many|Most|Some|All|Other|Similar|Earlier|Later)\b)"
    r"[A-Z]\w+(?: and [A-Z]\w+)?|he|she|they|(?:the|[A-Z]\w+'s|his|her|their) (?:essay|author|authors|book|piece|post|memo|paper|article|talk|deck|letter))\s+(?:also\s+)?(?:argues|argue|claims|contends|"
    r"holds|insists|maintains|shows|writes|says|observes|notes|concludes?(?= that))\s+"
    # 'Box holds up R. A. Fisher as …' is a phrasal verb, not a frame (batch65: 'what explains why up R. A. Fisher …?')
    r"(?:that\s+|(?!(?:up|out|off|back|down|on|for|against|forth|together)\b)))",
    re.I,
)
_CONTRAST_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?:is|are)\s+not\s+(?:just\s+|merely\s+|simply\s+)?(?P<a>[^,;:]{2,60}?),?\s+but\s+"
    r"(?:rather\s+)?(?P<b>.+)$"
)
_CONTRAST_REV_RE = re.compile(r"^(?P<x>.{2,60}?)\s+(?:is|are)\s+(?P<b>[^,;:]{2,60}?),\s+not\s+(?P<a>[^,;:]{2,60}?)$")
_RATHER_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?:is|are)\s+(?P<b>[^,;:]{2,60}?)\s+(?:rather than|instead of)\s+(?P<a>[^,;:]{2,60}?)$"
)
_APPOSITIVE_RE = re.compile(
    r"\b(?P<art>[Aa]n?|[Tt]he)\s+(?P<e>\*{1,2}|\")(?P<t>[^*\"]{2,40})(?P=e),\s+(?P<y>[^,;:()]{8,90}?)(?:,|;|:|\.$|$)"
)
# a gloss that opens on a participle phrase before its own subject and verb: 'drawing on X, Mauss suggests …'
_LEADING_PARTICIPLE_RE = re.compile(
    r"^[A-Za-z]+ing\s[^,;:]{3,70},\s+(?:[A-Z][\w'-]+|he|she|they|it|we|the\s+\w+)\s+(?:\w+\s+)?[a-z]+(?:s|ed)\b"
)
_TERM_ITEM_RE = re.compile(r"^\*\*(?P<t>[^*]{1,40})\*\*\s*(?::|—|–|-)\s*(?P<y>.+)$")
_TERM_MEANS_RE = re.compile(
    r"(?:^|\bthat\s+|:\s+)(?:(?P<art>[Aa]n?|[Tt]he)\s+)?(?P<e>\*{1,2}|_)(?P<t>[^*_]{1,40})(?P=e)\s+"
    r"(?:is|are|means|mean|refers to|refer to)\s+(?:(?:the\s+idea\s+)?that\s+)?(?P<y>.+)$"
)
# '**Leverage** tasks return ten times …' -> 'what are Leverage tasks?' — 'Tasks that return …'
_TERM_KIND_RE = re.compile(r"^\*\*(?P<t>[^*]{1,30})\*\*\s+(?P<n>[a-z]{3,20}s)\s+(?P<y>[a-z]+\s.+)$")
_NAMING_RE = re.compile(r"\bcalls?\s+(?P<x>[^*]{3,60}?)\s+(?:an?\s+|the\s+)?\*(?P<t>[^*]{1,40})\*")
_MODAL_RE = re.compile(r"^(?P<s>.{2,50}?)\s+(?P<m>should|must|need to|needs to|ought to)\s+(?:always\s+)?(?P<p>.+)$")
_AS_RATHER_RE = re.compile(
    r"^(?P<v>\w+(?: of| about)?)\s+(?P<o>[^,;:]{2,40}?)\s+as\s+(?P<b>[^,;:]+?)\s+(?:rather than|instead of)\s+(?:as\s+)?(?P<a>[^,;:]{2,40})$"
)
_NEVER_RE = re.compile(r"^(?P<s>.{2,50}?)\s+(?:should|must)\s+never\s+(?P<p>.+)$")
_AGENT_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:teams?|pms?|product managers?|managers?|founders?|companies|company|leaders?|you|startups?|designers?|"
    r"engineers?|organi[sz]ations?|ceos?|executives?|people|everyone|one|writers?|marketers?|businesses)\b",
    re.I,
)
_BECAUSE_RE = re.compile(r"^(?P<x>.{8,90}?),?\s+because\s+(?P<y>.+)$")
_DIAGNOSTIC_IF_RE = re.compile(
    r"\b(?:diagnostic|test|sign|warning sign|signal)\s*:\s*if\s+(?P<x>.+?),\s+(?:that|this|it)\s+is\s+(?P<y>.+)$", re.I
)
_DIAGNOSTIC_RE = re.compile(r"\b(?:diagnostic|test|sign|warning sign|signal)\s*:\s*(?P<x>.+?)\s+is\s+(?P<y>.+)$", re.I)
_HAPPENED_RE = re.compile(r"^(?P<x>.{2,60}?)\s+(?P<v>has been|have been|has become|have become)\s+(?P<y>.+)$")
_LEAD_LIST_RE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|(?<![\d.,])\d(?![\d.,]))\s+(?P<what>(?:[\w-]+\s+){0,3}?[\w-]+(?:['’]s)?)\s*(?::|$)",
    re.I,
)
_INLINE_LIST_RE = re.compile(
    r"\b(?P<n>two|three|four|five)\s+(?P<what>[\w -]{2,40}?)(?::|\s+(?:are|were|include)\s*:?)\s+(?P<items>[^:;]+?)\.?$"
)
# 'there are four types of work — business projects, …, changes and unplanned work — and …'
_DASH_LIST_RE = re.compile(
    r"\b(?P<n>two|three|four|five)\s+(?P<what>[\w -]{2,40}?)\s+[—–]\s+(?P<items>[^:;—–]+?)(?:\s+[—–]\s|\.?$)"
)
_LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_PERCENT_RE = re.compile(r"\b\d{1,3}(?:\.\d)?\s?%|\b\d{1,3}(?:\.\d)? percent\b")
_CRITIQUE_CUES = (
    ("without fully reckoning with", "fails to reckon with"),
    ("without reckoning with", "fails to reckon with"),
    ("without addressing", "fails to address"),
    ("says little about", "says little about"),
    ("say little about", "says little about"),
    ("says nothing about", "says nothing about"),
    ("fits poorly with", "fits poorly with"),
    ("fits awkwardly in", "fits awkwardly in"),
    ("transplants badly to", "transplants badly to"),
    ("leans on", "leans on"),
    ("relies on", "relies on"),
    ("depends on", "depends on"),
    ("presumes", "presumes"),
    ("ignores", "ignores"),
    ("overlooks", "overlooks"),
    ("neglects", "neglects"),
    ("underplays", "underplays"),
    ("understates", "understates"),
    ("overstates", "overstates"),
    ("assumes", "assumes"),
    ("risks", "risks"),
    ("glosses over", "glosses over"),
    ("fails to", "fails to"),
    ("treats", "treats"),
    ("rewards", "rewards"),
    ("writes from", "writes from"),
    ("overlook", "may overlook"),
    ("ignore", "may ignore"),
    ("neglect", "may neglect"),
    ("does not", "fails to do"),
    ("doesn't", "fails to do"),
)
# verbs that leave the answer open ('the book assumes …' many things): the question must name the kind of thing
# what a work leaves out: asked by the kind of thing left out, the question names the answer's own noun
_SILENT_CRITIQUE = frozenset({"says little about", "says nothing about", "ignores"})
_OPEN_CRITIQUE = frozenset(
    {
        "says little about",
        "says nothing about",
        "presumes",
        "ignores",
        "overlooks",
        "neglects",
        "underplays",
        "understates",
        "overstates",
        "assumes",
        "glosses over",
        "may overlook",
        "may ignore",
        "may neglect",
    }
)
_WEAK_CRITIQUE = ("writes from", "rewards", "fails to do", "treats")
# what a work leans on: a question that names only the whole work has many answers
_LEANING_CRITIQUE = frozenset({"leans on", "relies on", "depends on", "rewards", "assumes"})
_WHOLE_WORK_RE = re.compile(
    r"^the (?:whole )?(?:work|argument|method|paper|book|article|theory|scheme|approach|model|study|essay|framework)$"
)
_KIND_WEIGHT = {
    "contrast": 9,
    "definition": 8,
    "list": 8,
    "critique": 8,
    "claim": 7,
    "prescription": 7,
    "mechanism": 7,
    "diagnostic": 7,
    "quantity": 5,
    "naming": 4,
}


@dataclass(frozen=True)
class Idea:
    """One candidate card for one idea of the note, with what ranks it."""

    role: str  # "central", "critique", "application", "other"
    kind: str
    idea: str  # what the card is about (the sentence, or the list's lead), for coverage
    card: Card
    score: float


def essay(note: Note) -> str:
    """ "Norton's 'Empathy and Product Management'", "Prelec and Loewenstein's 'The Red and the Black'" or
    "'Title'": every author of a co-written work, as a curator names them."""
    title = short_title(note)
    byline = note.byline
    return f"{possessive(byline)} '{title}'" if byline else f"'{title}'"


# the kind of work as the blurb or source calls it; "the essay" for a book or paper is wrong
_WORK_WORDS = (
    ("blog post", "the post"),
    ("book", "the book"),
    ("paper", "the paper"),
    ("essay", "the essay"),
    ("slide deck", "the deck"),
    ("deck", "the deck"),
    ("article", "the article"),
    ("talk", "the talk"),
    ("thread", "the thread"),
    ("memo", "the memo"),
    ("post", "the post"),
)


def work_word(note: Note) -> str:
    """'the book', 'the paper', 'the essay' … from the first such word in the blurb; else 'the work'."""
    blurb = plain(note.blurb).lower()
    found = [(m.start(), word) for key, word in _WORK_WORDS if (m := re.search(rf"\b{key}s?\b", blurb))]
    if found:
        return min(found)[1]
    return "the work"


def _in(note: Note) -> str:
    return f"In {essay(note)}"


def _according(note: Note) -> str:
    return f"According to {essay(note)}"


def _note_on(note: Note) -> str:
    return f"the note on {essay(note)}"


def _application_ctx(note: Note) -> str:
    # the note-writer's application is the note's claim, never the author's
    return f"According to {_note_on(note)}"


# 'use it' ends a clause; 'the useful questions are' does not
# an advice bullet ('Keep conversations casual, because …') is not an effect to explain, nor an outcome
# the verbs a note's advice opens with: one list for advice bullets and for labels that are instructions
_INSTRUCTION_VERBS = frozenset(
    """keep make use ask talk dig start stop avoid give treat let put take write run build focus pick choose do don't
    try check count rewrite find get be add cut drop remove plan ship measure separate share protect bring record
    judge""".split()
)
_IMPERATIVE_RE = re.compile(r"^(?:never|always|" + "|".join(sorted(_INSTRUCTION_VERBS)) + r")\b", re.I)
_FUNCTION_WORDS = STOPWORDS - {"not", "no", "own", "more", "most", "much", "many", "all", "other", "same", "it", "them"}
_LEADING_PREPOSITION_RE = re.compile(r"^(?:of|to|in|on|at|by|for|from|with|about|as|into|than|because)\b", re.I)
_STRAY_PUNCT_RE = re.compile(r"[;:,.]\s*\?$|;|\s[,.;:]|\?\S")
_MID_CAPITAL_FUNCTION_RE = re.compile(r"(?<=[a-z,]\s)(?:A|An|The|This|That|It|Its|They|He|She|If|When|And|But|Of|In)\b")


_REPORTING_ENDS = frozenset("finds shows suggests argues says concludes implies".split())
_COMPARED_CLAUSE_RE = re.compile(r"\b(?:than|as|what|whatever|how|whether|which|who|where)\b", re.I)
_WH_START_RE = re.compile(r"^(?:how|what|whether|who|where|which)\s+\w+", re.I)
_WH_INSIDE_RE = re.compile(r"\s(?:how|what|whether|who|where|which)\s+\w+", re.I)


def well_formed(card: Card, note: Note) -> bool:
    """The final gate: an answer that stands alone, a question with no stray punctuation or capitals."""
    front = card.front.replace(essay(note), "ESSAY")
    if card.kind == "cloze":
        return not _STRAY_PUNCT_RE.search(re.sub(r"\{\{c1::|\}\}", "", front).rstrip("."))
    if re.search(r"\b(?:I|me|my|myself)\b", re.sub(r"[\"“][^\"”]*[\"”]", "", front)):
        return False  # 'what explains why the confidence finding is the one I trust most?' (batch121: T0 from every
        # judge): the note-writer's own voice, unquoted, is nothing the work says
    if re.search(r"\b(?:the|its|the book's|the work's) (?:sheer )?length\b(?! of\b)", front):
        return False  # 'what does the sheer length bury?' (batch123: T1 from every judge; 'what does the work's sheer length
        # mean?', batch101: T0/T1): how long the work is is bibliographic trivia ('the length of a meeting' is not)
    if re.search(r"\bsay (?:the|its|his|her|their) (?:writing|prose|style|presentation|exposition|tone)\b", front):
        # 'what does the note on … say the writing leans on?' - 'Appendices and informal argument' (batch122:
        # T0 from every judge): how the work is written up is no idea of it
        return False
    if re.search(r",\s+and\s+(?:they|it|he|she|we|this|these|those)\s+\w+", front):
        return False  # 'what drives behaviour, and they come in three kinds?' (batch121: T1 from every judge): a second
        # clause, about the answer, left in the question
    answer = plain(card.back).strip().rstrip(".")
    tokens = words(answer)
    if not tokens:
        return False
    phrasal = _PHRASAL_END_RE.search(answer)
    # 'how should support tickets be treated?' - 'As design defects', 'how should value be forecast?' - 'With simple
    # models': the preposition says the manner the question asks for
    treated_as = bool(re.match(r"^(?:As|With|By|In|Through|Using)\s", answer)) and bool(
        re.search(r"\bhow should [^?]+ be \w+\?$", card.front)
    )
    treated_as = treated_as or (answer.startswith("By ") and bool(re.search(r"\bhow (?:do|does) [^?]+\?$", card.front)))
    # 'How costly the decision is', '… and ask what the response will be': an embedded question ends on its verb
    # (batch47)
    last = tokens[-1].lower()
    embedded = (last in ("is", "are", "was", "were") and bool(_WH_START_RE.match(answer))) or (
        last == "be" and bool(_WH_INSIDE_RE.search(answer))
    )
    # '… what would have to be true here': a place adverb closes a whole clause
    placed = last in ("here", "there") and len(tokens) >= 4
    if (last in _FUNCTION_WORDS and not phrasal and not embedded and not placed) or (
        _LEADING_PREPOSITION_RE.match(answer) and not treated_as
    ):
        return False
    # one content word is a complete answer only for a named thing ('Queues'), never a bare verb ('Teach')
    named = "name for" in card.front or re.search(r", which of the \w+ [\w -]+ asks: ", card.front)
    # 'what was the more dramatic break …, if not the internet?' — 'The telegraph': the contrast makes a short name
    # enough. ('what is X, if not A?' answered by one or two words is refused where it is made: _bare_label)
    contrast = card.origin == "generated:contrast" and ", if not " in card.front
    # 'what should options be evaluated against?' - 'The objective': the question's verb makes one word enough
    passive = card.origin == "generated:prescription" and bool(
        re.search(r"\sbe \w+ (?:with|against|by)\?$", card.front)
    )
    if len(content_words(answer)) < 2 and not (card.origin == "generated:claim" or named or contrast or passive):
        return False
    # a cause or consequence is a clause, not a bare noun phrase cut from one ('An early product')
    if card.origin in ("generated:mechanism", "generated:diagnostic") and len(tokens) < 4:
        return False
    if card.origin == "generated:diagnostic" and _IMPERATIVE_RE.match(answer):
        return False
    if re.search(r"\b(?:treat|treats|see|sees|regard|regards|view|views|frame|frames)\?$", card.front) and re.search(
        r"\sas\s", f" {answer} "
    ):
        return False  # 'what does standard economics treat?' - 'A price of zero as …': the 'as' belongs in the question
    if re.match(r"^why\b", answer, re.I):
        return False  # 'Why a strategy doc …' is a question, not something to recall: ask for the cause instead
    if last in _REPORTING_ENDS and len(tokens) >= 3 and not _COMPARED_CLAUSE_RE.search(answer):
        return False  # 'Research on "algorithm appreciation" finds': the answer stops before what it finds ('worth
        # more than its revenue suggests', 'whatever the survey says' end where they should)
    if re.search(r"\s(?:and|or|but|nor)(?:\s[a-z])?\?$", card.front):
        return False  # '… what the market wants and?', '… and c?': a question cut inside a coordination
    if re.match(r"^(?:rather than|instead of)\b", answer, re.I):
        return False  # 'can demotivate rather than stretch' asked 'what can targets demotivate?' (batch60: T0)
    if re.match(r"^[A-Z][a-z]+ly,\s+\w+(?:ed|en)\b", answer) and strip_context(card.front).startswith("what "):
        return False  # 'what does manufacturing technology diffuse?' - 'Unevenly, shaped by …' (batch93: T0 from every
        # judge): a manner adverb answers 'how', and the question's verb was left without its object
    if re.match(r"^what (?:is|are)\b", strip_context(card.front)) and _PASSIVE_PREDICATE_RE.match(answer):
        return False  # 'what is the first-mover logic …?' - 'Asserted more than it is shown' (batch105: T0 from every
        # judge), 'what is lean, if not …?' - 'Presented as a whole system': a passive predicate says how the thing is
        # treated, not what it is (four such development cards, every one T0/T1)
    if " explains why " in card.front and _CUT_CAUSE_RE.match(answer):
        return False  # 'what explains why the missing data is the signal?' - 'The planes that were hit' (batch105: T0
        # from every judge): the cause's subject and its relative clause, the verb that says what happened cut away
    if re.search(
        r"\b(?:later|across|new|each|every|successive|recent|earlier|revised)\s+editions?\b|\bbeing revised\b",
        f"{card.front} {answer}",
        re.I,
    ):
        return False  # '… why teams citing "Nagle" may mean different things?' - 'The framework has changed across
        # editions', '… why the book keeps being revised?' (batches 105 and 107: T0 from every judge): the work's
        # publishing history is bibliographic trivia (two development cards, T0/T1)
    if re.search(
        r"\b(?:first|second|third|last|final|opening|closing|later|early)\s+(?:part|half|section|chapter|third|chapters|"
        r"sections|parts)\s+of\s+(?:the|this|his|her|their)\s+(?:book|essay|paper|article|work|report|letter)\b",
        card.front,
        re.I,
    ):
        return False  # 'what is the first part of the book?' - 'Social history, …' (batch113: T0 from every judge): how
        # the work is laid out is bibliographic trivia, not an idea
    if re.search(
        r"\bwhat (?:is|are) the (?:heart|core|crux|centre|center|gist|essence|spine|backbone) of (?:the|this|his|her|"
        r"their) (?:book|essay|paper|article|work|report)\?",
        card.front,
        re.I,
    ):
        # 'what is the heart of the book?' - 'The idea of cognitive artifacts' (batch120: T1 from five of six
        # judges): where the work puts its weight is no idea to recall, and the answer is a bare label
        return False
    if _CONTENT_CLAUSE_SUBJECT_RE.search(card.front) or _ONE_POINTER_RE.search(card.front):
        return False  # 'what do the claim that a few simple tools handle?' (batch106: T0 from every judge): the verb
        # belongs to the 'that' clause; 'why should a team set one yourself?' (T0): one of what, the note said before
    if note.surname and re.search(
        rf"\b(?:to|of|about|does|do|did|is|are|has|have|was|were)\s+{re.escape(note.surname)}\s+"
        r"(?:calls|argues|says|names|describes|thinks|claims|treats|sees|holds)\b",
        card.front,
        re.I,
    ):
        return False  # 'what has happened to Russell calls the way AI?' (batch106: T0 from every judge): the author's
        # own reporting verb was read into the question's subject
    if _POINTER_AFTER_PREPOSITION_RE.search(strip_context(card.front)):
        return False  # '… why PMs should take part in that conversation …?' (batch105: T0 from every judge), '… slogans
        # of this kind?': the conversation, the kind, the note named before
    if strip_context(card.front).startswith("what ") and all(
        t.lower() in _BARE_ADVERBS or t.lower().endswith("ly") for t in tokens
    ):
        return False  # 'what must business people and developers work?' - 'Together daily': adverbs answer 'how',
        # and the question's verb was left without its object
    if note.surname and re.match(r"^An?\s", answer) and re.search(rf"\b{re.escape(note.surname)}\b", answer):
        return False  # 'A choice Braverman makes visible', 'A set of Bertin choices' (batch93 and earlier: T0/T1 from
        # every judge): a thing named by the author's idea, which the card never states
    if re.search(r"\bsay\b[^?]*\b(?:treat|treats|see|sees|regard|regards)\?$", card.front):
        return False  # "… say the work treats?" - 'The internet cautiously, …' (batch98: T0 from every judge): the
        # verb wants its 'as', which the sentence never gives
    if re.search(r"\b(?:who|which|whom|whose)\?$", card.front):
        return False  # 'what has happened to a customer who?' - 'Silent for three months may be gone, …' (batch100: T0
        # from every judge): a relative pronoun ends no question, the verb after it was taken for the question's
    if _POINTING_QUESTION_RE.search(strip_context(card.front)):
        return False  # 'what explains why the advice does not fix this?', '… why one said …', '… why the two properties
        # were …' (batch95: T1 from every judge): what the question points at is in the note, not on the card
    if _PART_OF_WORK_RE.match(answer):
        return False  # 'what explains why we hide them?' - 'The first half of the book' (batch103: T0 from every judge)
    if card.origin == "generated:critique" and _OPEN_ABOUT_THE_WORK_RE.search(card.front):
        return False
    if _UNNAMED_PART_RE.search(answer):
        return False  # 'Ask the book's questions' (batch93: T0/T1): the answer points at a list the card never shows
    if _UNREFERRED_SUBJECT_RE.search(front) or _UNREFERRED_OBJECT_RE.search(front):
        return False  # 'what decides whether that matters?': 'that' points at a sentence the learner cannot see
    # 'what should a team do when …?' - 'Have a second person check …': a causative instruction, not a lost subject
    advice = (
        re.match(r"^have\s+(?:people|users|someone|everyone|a|an|the|each|another|two|three)\s", answer, re.I)
        and " do " in card.front
    )
    if (_VERB_LEAD_RE.match(answer) and not advice) or re.search(
        r",\s+(?:while|whereas)\s|,\s+(?:about|of|with|for|on|in)\s+(?:\w+\s+)?\w+$", answer
    ):
        return False  # 'Have shifted with mobile …' lost its subject; '…, while much of the backlash' its clause
    # a run of capitalised words is a name ('the One Metric That Matters'), not a stray capital
    if _STRAY_PUNCT_RE.search(front) or _MID_CAPITAL_FUNCTION_RE.search(
        re.sub(r"[A-Z]\w*(?:\s+[A-Z]\w*)+", "N", front)
    ):
        return False
    if not _grammatical_question(front, note, plain(card.extra)) or not _whole_answer(card.front, answer, card.extra):
        return False
    if card.origin == "generated:definition" and (not _defines(front, answer) or _label_given_away(front, answer)):
        return False
    if card.origin == "generated:claim" and not _subject_of_verb(card.front, answer, plain(card.extra)):
        return False
    if answer.startswith("So that ") and " why should " in card.front:
        answer = answer[8:]  # 'why should a team rotate tasks?' - 'So that no one owns a role …': a purpose
    return _complete_phrase(answer)


# a question that points back into the note: a closing demonstrative, 'beyond that is', 'why one said', 'the two X were'
_POINTING_QUESTION_RE = re.compile(
    r"\b(?:this|that|these|those)\?$|\b(?:beyond|than|after|before|like)\s+(?:this|that)\s+(?:is|are|was|were)\b"
    r"|\bwhy (?:one|the other) (?:said|says|argued|argues|claims|claimed|holds|held)\b"
    r"|\b(?:why|if|when) the two [a-z]+s (?:were|are)\b|\b(?:why|if|when) (?:[a-z]+ ){0,4}ones\b"
    # 'how should the four be used?' (batch103: T1 from every judge): the four of what, the note said before
    r"|\bthe (?:two|three|four|five|six|seven|eight|nine|ten) (?:be|is|are|was|were|do|does|should|can|must|will)\b"
    # 'what explains why the closed one won?' (batch188: T0/T1 from every judge): the closed what, the note said before
    r"|\b(?:why|if|when|whether) (?:the|this|that) [a-z]+ one\b(?!\s+(?:of|who|that|which)\b)"
    # 'what does the note say the work treats that mainly as?' (batches 11, 76, 190: T0 from every judge): a pronoun
    # whose antecedent was the note's sentence before
    r"|\b(?:that|this|it|them|these|those)(?: [a-z]+ly)? (?:as|to|for|with|on|of|from|by|about|into)\?$"
    # 'what is the authors' example?' (batch190: T0), 'what is the paper's world?' (batch13: T1): of what, unsaid
    r"|\bwhat (?:is|are|was|were) the (?:authors?|writers?|book|essay|paper|article|work)['’]s? [a-z]+\?$"
)
# 'the book's questions', 'the paper's rules': the parts of the work, named only by where they are
_UNNAMED_PART_RE = re.compile(
    r"\bthe (?:book|paper|essay|article|author|note|post)['’]s (?:questions|rules|steps|list|checklist|criteria|tests)\b",
    re.I,
)
# a cause's subject and its relative clause, no verb of its own after them ('The planes that were hit')
_CUT_CAUSE_RE = re.compile(
    r"^(?:(?:The|A|An)\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:that|which|who)\s+\w+(?:\s+\w+){0,2}$", re.I
)
_CONTENT_CLAUSE_SUBJECT_RE = re.compile(
    r"\bwhat (?:do|does|did) the (?:claim|idea|notion|view|argument|fact|belief|assumption|suggestion|finding|hope|fear|"
    r"sense|rule|promise) that\b"
)
_ONE_POINTER_RE = re.compile(
    r"\b(?:set|pick|choose|build|make|write|keep|find|get|add|use|run|name) one(?: yourself)?\?$"
)
_PASSIVE_PREDICATE_RE = re.compile(r"^[A-Z][a-z]+(?:ed|en)\s+(?:as|by|more|less|to|from|with|in)\b")
_POINTER_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:in|on|at|of|for|to|from|with|into|about|by|before|after)\s+(?:that|those|these|this)\s+[a-z]+", re.I
)
_BARE_ADVERBS = frozenset("together alone apart again often always never soon now later early late fast hard".split())
# 'The first half of the book', 'Chapter 3': where in the work something is said, not what it says
_PART_OF_WORK_RE = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|last|final|opening|closing|later|early|earlier)\s+(?:half|part|chapters?|"
    r"sections?|third|pages)|(?:chapter|section|part)\s+\w+)\b(?:\s+of\s+the\s+(?:book|paper|essay|article|work))?$",
    re.I,
)
# the note's critique of 'the work' with a verb that leaves the answer open ('what does the note say the work depends
# on?' has many answers; on the fresh notes' first runs 1 of 10 such cards was T2/T3, on the development notes 23% of
# about 70 ratings): the question must name the criticised topic ('say the model treats consumers as', 'say GQM
# assumes', 76% over 42 first-run ratings)
_OPEN_ABOUT_THE_WORK_RE = re.compile(
    r"\bsay (?:the (?:work|book|paper|essay|study|article|post|talk|memo|deck|thread|case|analysis|model|framework|"
    r"author|authors)|everything|it) (?:depends on|relies on|assumes|presumes|fits poorly with|fits awkwardly in|"
    r"says little about|says nothing about|understates|overstates)\?$"
)
# a clause in the question whose subject is a bare pronoun ('whether that matters', 'if it ships')
_UNREFERRED_SUBJECT_RE = re.compile(
    r"\b(?:whether|if)\s+(?:that|this|these|those|it|they)\s+(?!of\b|\w+ing\b)\w+", re.I
)
# 'what explains why Flyvbjerg finds this weak on its own?' (batch192): a verdict on 'this', which the card never names
_UNREFERRED_OBJECT_RE = re.compile(
    r"\b(?:finds?|considers?|thinks?|deems?|judges?|rates?|calls?)\s+(?:this|that|these|those|it|them)\s+"
    r"(?!of\b|which\b|who\b)\w+",
    re.I,
)
_SUBJECT_QUESTION_RE = re.compile(r"^what (?P<verb>(?!(?:is|was|does|has)\b)[a-z]+s) (?P<rest>[^?]+)\?$")


def _subject_of_verb(front: str, answer: str, source: str) -> bool:
    """A 'what <verb>s X?' answer is the subject of that verb in its own sentence, not a word from another one."""
    asked = _SUBJECT_QUESTION_RE.match(strip_context(front))
    if not asked:
        return True
    phrase = f"{asked.group('verb')} {asked.group('rest')}".lower()
    held = [s.lower() for s in re.split(r"(?<=[.!?])\s+", source) if phrase in s.lower()]
    # 'A funnel, not a loop. … retention drives revenue': the label's sentence is not the verb's subject
    # ('What makes the system work is a shared language': in a cleft the subject follows the verb's clause)
    return not held or any(answer.lower() in s[: s.find(phrase)] or s.startswith("what ") for s in held)


_DEFINED_RE = re.compile(r", what (?:is|are) (?:(?:a|an|the) )?(?P<x>[^?,]+)\?$")
_MODALS = frozenset("can could will would must should may might has have had".split())


def _defines(front: str, answer: str) -> bool:
    """Whether a definition card's answer defines its term: a noun phrase (or a when/where clause), not a verb phrase.

    'what is a facebook?' — 'Lured users with a feed …' tells what a company did, 'what is strategy?' —
    'Strategy that means …' repeats the term, 'A network can hold users …' states a claim.
    """
    asked = _DEFINED_RE.search(front)
    tokens = words(answer)
    if not asked or not tokens:
        return True
    first = tokens[0].lower()
    if first.endswith("ed") and first not in _ED_NOUNS and len(tokens) > 1 and tokens[1].lower() in _ED_OBJECT:
        return False  # 'Lured users …'-style verb phrases: 'Used by programmers …', 'Raised the price …'
    if first == asked.group("x").lower():
        return False  # 'what is strategy?' — 'Strategy that means …' repeats the term
    # a subject and its verb ('A network can hold users …'): a claim about the term, not what it is
    return not any(t.lower() in _MODALS for t in tokens[1:4]) or any(
        t.lower() in ("that", "which", "who", "what", "where", "when") for t in tokens[:4]
    )


_ONE_TERM_RE = re.compile(r"\bwhat (?:is|are) (?:(?:a|an|the) )?(?:'(?P<q>[\w-]+)'|(?P<x>[\w-]+)\?$)")


def _label_given_away(front: str, answer: str) -> bool:
    """Whether a one-word term's definition says the term again in another form of the same word: 'what is
    'Fairness'?' - 'The perception that exchanges are fair' (batch188), 'what is datafication?' - 'Turning things
    never treated as data' (batch166: T1 from every judge) ask nothing the label does not tell. Only a derivational
    ending tells the forms apart: 'textuality' - 'Text formats …' or 'mathophobia' - '… a maths person' (rated T2)
    name something new."""
    asked = _ONE_TERM_RE.search(strip_context(front))
    term = (asked.group("q") or asked.group("x") or "").lower() if asked else ""
    if len(term) < 4:
        return False
    for word in {w.lower() for w in words(answer)}:
        common = len(os.path.commonprefix([word, term]))
        if common < 4:
            continue
        longer, shorter = sorted((word[common:], term[common:]), key=len, reverse=True)
        if len(shorter) <= 1 and (longer in _DERIVED_ENDINGS or longer == shorter):
            return True
    return False


_DERIVED_ENDINGS = frozenset(
    "ness ity ty ment ance ence ism ion ation al ful ous less ication fication ification ize ise ic".split()
)


_ED_OBJECT = frozenset("by the a an their its his her them it users people".split())
_ED_NOUNS = frozenset("need needs speed seed breed creed greed shed steed weed indeed hundred bed red".split())


# a question whose words were cut from a sentence with the wrong word classes (no POS tagger: word forms only)
_AUX_QUESTION_RE = re.compile(
    r"\b(?:what|where|how|why|who|whom|which \w+)\s+(?P<aux>does|do|did)\s+(?P<rest>[^?]+)\?", re.I
)
_EMBEDDED_RE = re.compile(
    r"\s(?:say|says|argue|argues|mean|means|think|thinks|claim|claims|find|finds|found|imply|implies|suggest|suggests|"
    r"show|shows|believe|believes)\s.*$"
)
_BEFORE_PARTICIPLE = frozenset("the a an this that its their his her our each every well not un".split())
_BARE_OBJECT_RE = re.compile(r"\s(?:present|presents|see|sees|treat|treats|describe|describes)\s+the\s+\w+\s+as\?$")
_ABOUT_RE = re.compile(r"\b(?:argue|argues|say|says|claim|claims|think|thinks|write|writes)\s+about\b", re.I)
_CASE_DAMAGE_RE = re.compile(r"\b[a-z]+[A-Z]")


# a ranked topic with nothing it ranks within ('the main obstacle', 'the most useful habit here'): 'the
# biggest hidden cost' or 'the hardest step' rank by a measure of their own and stay
_NO_WHOLE_RE = re.compile(
    r"^(?:the|[A-Z][\w-]+(?:'s|'))\s+(?:single\s+)?(?:most\s+useful|main|key|core)\s+[\w-]+(?:\s+[\w-]+)?"
    r"(?:\s+here)?$|.*\shere$"
)
_WHAT_IS_RE = re.compile(r"^what\s+(?P<v>is|are)\s+(?P<x>[^?,:;'\"]+)\?$", re.I)


def _grammatical_question(front: str, note: Note, source: str) -> bool:
    """Refuse a question with broken grammar: 'what does X noted …', 'what do growth hits ceiling …', 'pMs'."""
    if _ABOUT_RE.search(front):
        return False  # 'what does Sierra argue about people?' has as many answers as the note has sentences
    if re.search(r"\s(?:both|either|neither)\?$", front):
        return False  # 'what explains why fashion serves both?' (batch202: T1 from every judge): both of what?
    if re.search(r"\bwhy\s+(?:where|when|whenever|if|while|although|though|once)\b", front):
        return False  # 'Where narrow programs did succeed, he argued, it was because …' (batch199: 'what explains why where
        # narrow programs did succeed, he argued, it was?', T0 from every judge): the clause the reason explains is cut
    if _CASE_DAMAGE_RE.search(front):
        return False  # 'what should pMs do?': a capital inside a word that lost its first one
    indexed = _note_words(note)
    for word in re.findall(r"(?<=[a-z,] )[a-z][a-z-]{2,}\b", front):
        capital = word[0].upper() + word[1:]
        if word in STOPWORDS or capital not in indexed.after_lower_space:
            continue
        if not _whole_word_in(word, note):
            return False  # the note only ever writes it capitalised mid-sentence: a name the question lowered
    copula = _WHAT_IS_RE.match(strip_context(front))
    if copula and noun_phrase_problem(words(copula.group("x")), copula.group("v").lower()):
        return False  # 'what is a shape the Path?', 'what are the three is …?': the topic is no noun phrase
    if ":" in QUOTED_RE.sub(" ", strip_context(front)).replace(" asks: ", " "):
        return False  # 'what explains why tips for writing one: be funny?': a list's lead cut into the question
    if copula and _NO_WHOLE_RE.match(copula.group("x")):
        return False  # 'what is the key move?', 'the most useful habit here': the key move of what?
    last = words(copula.group("x"))[-1] if copula and words(copula.group("x")) else ""
    if last.endswith("s") and re.search(
        rf"\b{re.escape(last)}\s+(?:only|just|also|never|always|often|still|rarely|merely|simply|its|their)\b", source
    ):
        return False  # 'what are Log compaction keeps?' (batch80: T0): the note's 'keeps only …' makes it a verb
    source_words: set[str] = set()
    for match in _AUX_QUESTION_RE.finditer(front):
        if match.group("aux").lower() == "do" and not source_words:
            source_words = set(words(source.lower()))
        # what follows 'than' is copied whole from the sentence ('than from failed product development')
        tokens = _EMBEDDED_RE.sub("", f" {match.group('rest')} ").split(" than ")[0].split()
        for before, token in zip(tokens, tokens[1:], strict=False):
            low = token.lower()
            adjective = low.startswith("un") and len(low) > 6  # 'the first task unfinished', 'an unexpected …'
            if low.endswith("ed") and len(low) > 4 and before.lower() not in _BEFORE_PARTICIPLE and not adjective:
                return False  # 'what does Reichheld himself noted …': the auxiliary already carries the tense
            stripped = re.sub(r"\W", "", low)
            if (
                match.group("aux").lower() == "do"
                and stripped
                and stripped not in source_words
                and ({stripped + "s", stripped + "es"} & source_words)
            ):
                return False  # 'what do growth hits ceiling from?': the verb was made from a plural noun
    return not _BARE_OBJECT_RE.search(front)


_LY_NOUNS = frozenset(
    "family supply assembly monopoly anomaly ally reply rally italy early daily weekly monthly".split()
)
_NEW_CLAUSE_RE = re.compile(r"^(?:we|they|you|i|he|she|it|there)\s+\w+", re.I)
_NO_SUBJECT_RE = re.compile(r"^(?:do|does|did)\s+not\b|^(?:don't|doesn't|didn't|cannot|can't|won't)\b", re.I)
_TRAILING_PREDICATE_RE = re.compile(r"\s(?:and|or|but)\s+(?:have|has|had|is|are|was|were|do|does|did)\s+\w+$", re.I)
# ', staff and …' goes on with the list; ', and because …' or ', while many …' is the next clause
_LIST_GOES_ON_RE = re.compile(
    # (', meaning names and purposes …' glosses the answer: no list goes on)
    r"^,\s+(?!(?:and|or|but|so|because|while|which|who|that|as|since|though|although|yet|meaning|namely)\b)"
    r"(?:\w+\s+){0,2}?\w+\s+(?:and|or)\s",
    re.I,
)


# an object, then 'and' and a verb in -s with its own object ('the warmth and removes everything else')
_SECOND_VERB_RE = re.compile(
    # ('the pattern of decisions that sets and reveals a company's purposes': both verbs are the relative clause's)
    r"^(?:(?!\b(?:that|which|who)\b)[^,;])*?\s+and\s+(?:then\s+)?[a-z]{3,}(?<!s)s\s+"
    # ('a reward and moves to a new state', batch200: T1 from every judge)
    r"(?:(?:to|into|onto|from|toward|towards)\s+(?:a|an|the|its|their)\s+)?"
    r"(?:the|a|an|every\w*|all|its|their|it|them|his|her|our|any|each|new|next|other|one|some|no)\b"
)
# '…, which helps' (batch188: T0/T1 from every judge): a relative clause cut after its first word
_CUT_RELATIVE_TAIL_RE = re.compile(r",\s+(?:which|who|whom|whose|that)(?:\s+[\w-]+)?$", re.I)


def _whole_answer(front: str, answer: str, source: str) -> bool:
    """Refuse an answer that starts a new clause ('We hear …'), has no subject ('Do not want …') or stops mid-phrase."""
    if _NEW_CLAUSE_RE.match(answer) or _NO_SUBJECT_RE.match(answer) or _TRAILING_PREDICATE_RE.search(answer):
        return False
    if _CUT_RELATIVE_TAIL_RE.search(answer):
        return False
    if front.endswith("?") and " does " in front and _SECOND_VERB_RE.search(answer):
        return False  # 'Central heating delivers the warmth and removes everything else' (batch198: 'what does central
        # heating deliver?' — 'The warmth and removes everything else', T1 from every judge): the subject's second verb
    if front.endswith(" do?") and len([w for w in words(answer) if not w.lower().endswith("ly")]) < 2:
        return False  # 'Fully solve': a verb that lost its object
    last = words(answer)[-1].lower()
    if (
        "," not in answer
        and len(words(answer)) <= 4
        and (last in _ADVERBS or (last.endswith("ly") and last not in _LY_NOUNS))
    ):
        return False  # 'The habits directly': an adverb left over from the verb phrase
    text = plain(source)
    at = text.lower().find(answer.lower())
    if at < 0:
        return True
    after = text[at + len(answer) :]
    # ('searching and executing is the most useful idea' ends the subject: the verb follows)
    if words(answer)[-1].lower().endswith("ing") and re.match(r"^\s+(?!(?:is|are|was|were)\b)[a-z]", after):
        return False  # '… respond better to changing' stops before what is changed
    return not _LIST_GOES_ON_RE.match(after)  # 'How hard it is to fund' stops inside 'fund, staff and …'


_VERB_LEAD_RE = re.compile(
    r"^(?:have|has|had|is|are|was|were|been|does|did|being|must|should|can|could|would|will|may|might)\b", re.I
)
# an answer that opens with one of these is a clause cut from a sentence, not a phrase that stands alone
_FRAGMENT_LEAD_RE = re.compile(
    r"^(?:if|when|whenever|while|although|though|unless|until|because|since|whereas|once|after|before|"
    r"first|then|next|finally|also|so|thus|hence)\b",
    re.I,
)
_SUBORDINATE_RE = re.compile(
    r"(?:^|,\s+|\s)(?:if|when|unless|although|though|whereas|once|until)\s+(?P<rest>[^,]*)$", re.I
)
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|must|may|might)\b|\w(?:s|ed)\b"
)


def _complete_phrase(answer: str) -> bool:
    """Whether an answer parses as a phrase that stands alone: no leading 'If/When/First', no verbless 'when …' tail."""
    if _FRAGMENT_LEAD_RE.match(answer):
        return False
    tail = _SUBORDINATE_RE.search(answer)
    # 'Rules apply when the team grows' is whole; '…, when informal channels' has lost its verb
    rest = tail.group("rest") if tail else ""
    pronoun = re.match(r"^(?:they|we|you|it|he|she|i|people|teams?)\b", rest, re.I)
    if tail and not _FINITE_RE.search(rest) and not (pronoun and len(words(rest)) >= 2) and len(words(rest)) <= 3:
        return False
    return answer.count("(") == answer.count(")") and answer.count('"') % 2 == 0


_BACK_REFERENCE_TAIL_RE = re.compile(
    # a short tail only: in 'a table drawn from that sample will show …' the verb follows (batch95: T0 from every judge)
    r"\s+(?:under|in|with|for|of|from|given|despite|against)\s+(?:those|these|such|this|that)\b(?:\s+[^\s,;]+){0,4}$",
    re.I,
)


def _unquoted(text: str) -> str:
    """``text`` without quote marks at its ends, except a closing mark whose opening one is inside: a quoted word at
    the end keeps both ('effort, and in particular "soldiering"'; stripping the closing mark alone left the answer
    unbalanced and refused, and batch66's Taylor note got no card)."""
    text = text.lstrip("'\"‘’“”").strip()
    while text and text[-1] in "'\"‘’“”":
        mark, body = text[-1], text[:-1]
        if mark == '"' and body.count('"') % 2 == 1 or mark == "”" and body.count("“") > body.count("”"):
            break  # '… "soldiering"': the mark closes a quotation the text opened
        text = text[:-1].rstrip()
    return text


def clean_answer(
    text: str, max_words: int = MAX_WORDS, trim_relative: bool = True, whole_series: bool = False
) -> str | None:
    """The shortest complete phrase of ``text``, or None when it cannot be cut cleanly.

    ``whole_series``: the text defines a term, so an '-ing' item of a series in it ('a loop of understanding …,
    analysing …, and experimenting …') is no aside to cut off: a definition cut before its last parts is a wrong one.
    (Refusing every definition whose series a cut splits was measured too: on the judged batches it removed 33 cards
    rated T0/T1 and 28 rated T2/T3, no better than the generator's own share, so it was not kept.)
    """
    text = plain(text).strip()
    if re.match(r"^[^,;:.]{3,60},\s+not\s+[^,;:.]{2,50},\s+(?!and\b|or\b|but\b|as\b|so\b)[a-z]+\s", text):
        # 'distinct social contexts, not raw exposures, drive adoption' (batch194: 'what are components over counts?'
        # — 'Distinct social contexts', T0/T1 from every judge): the contrast sits inside a clause, cut to its subject
        return None
    text = re.split(r",?\s+not just\s+|,?\s+not only\s+|,\s+not\s+", text)[0]  # the contrast is another card
    kept = _BACK_REFERENCE_TAIL_RE.sub("", text.rstrip(".")).strip()  # 'under those constraints' needs the note
    if len(words(kept)) <= 3 and len(words(text)) > 2 * len(words(kept)):
        return None  # 'people take in these dimensions as one overall impression …' (batch84: 'People take', T0 from
        # every judge): the tail that points back was most of the answer
    text = kept
    text = re.split(r"\s+[—–]\s+|;\s+|:\s+|\s+--\s+", text)[0]
    # '… or lack of skill. Remedy: training …' (batch87: 'Resistance comes from the users … Remedy', T0 from every
    # judge): the label of the next sentence's point, cut off at its colon, is no part of this one
    text = re.sub(r"(?<=[a-z)])\.\s+[A-Z][\w-]*(?:\s+[\w-]+)?$", "", text) if ": " in kept else text
    text = re.sub(r",\s+(?:such as|for example|e\.g\.)\s+.*$", "", text)  # the example is not the idea
    text = re.sub(r"\s*\((?:see|cf\.?|compare)\s[^()]*\)", "", text, flags=re.I)  # a pointer to another note
    text = re.sub(r"\s+as\s+\w+ly\s+as\s+.*$", "", text)  # '… as deliberately as for bugs' only compares
    text = re.sub(r"^(?:often|usually|typically|generally)\s+", "", text, flags=re.I)
    # 'Above all, reliability comes from the structure' (batch81): the discourse marker is no part of the answer
    text = re.sub(
        r"^(?:above all|in short|in practice|crucially|most importantly|in other words|put simply|in the end|"
        r"ultimately|fundamentally|in effect),\s+",
        "",
        text,
        flags=re.I,
    )
    text = _unquoted(text.strip().rstrip(".,;:!").strip())
    second = (
        _SUBJECTLESS_PREDICATE_RE.search(text) if max_words >= MAX_WORDS and len(words(text)) > SHORT_WORDS else None
    )
    if second and len(words(text[: second.start()])) >= 3:
        # 'A screen for monitoring, and has little to say about …', 'one anecdote, but it …' (batch87 dev): a second
        # predicate with no subject of its own, or a 'but' that turns to another claim, is not the answer
        text = text[: second.start()]
    if len(words(text)) > max_words:
        # 'looks like a fourfold increase' compares, it gives no example (batch66: '… so a doubling looks', T0)
        aside = re.search(
            r",\s+\w+ing\s|(?<!look)(?<!looks)(?<!seems)(?<!feels)(?<!sounds)\s+(?:like|such as|including)\s+", text
        )
        # '… of understanding the direction, analysing the problem, and experimenting …': an item of a series that
        # ends in ', and …' is no aside (a PM lead's note: 'A repeating loop of understanding the direction')
        series = (
            whole_series
            and aside is not None
            and aside.group().startswith(",")
            and _SERIES_END_RE.search(text, aside.end())
        )
        if aside and not series and 3 <= len(words(text[: aside.start()])) <= max_words + 2:
            text = text[: aside.start()]
    if len(words(text)) > max_words and trim_relative:
        relative = re.search(
            # 'to accept that judgement is …': the verb's object, not a relative clause (batch67: '…, to accept', T0)
            r"(?<!tell)(?<!say)(?<!show)(?<!know)(?<!argue)(?<!mean)(?<!ensure)(?<!accept)(?<!admit)(?<!assume)"
            r"(?<!believe)(?<!recognise)(?<!recognize)(?<!realise)(?<!realize)(?<!acknowledge)(?<!expect)(?<!prove)"
            # 'drawn from that sample': after a preposition 'that' points, it opens no clause (batch95: 'A two-by-two
            # table drawn', T0 from every judge)
            r"(?<!\bfrom)(?<!\bof)(?<!\bin)(?<!\bon)(?<!\bat)(?<!\bby)(?<!\bwith)(?<!\bto)(?<!\bfor)(?<!\binto)"
            r"\s+(?:that|which|who|where|while|because)\s+",
            text,
        )
        head = re.sub(r",?\s+(?:and|or|but)$", "", text[: relative.start()]) if relative else ""
        # 'someone who …' names nobody until the clause: keep it whole
        if (
            relative
            and 3 <= len(words(head)) <= max_words
            # 'look for reasons that support their own view' (batch79: 'Someone … should look for reasons', T1 from
            # every judge): a bare plural like 'reasons' says nothing without its clause
            and not re.search(
                r"\b(?:someone|something|one|those|people|anyone|ones|way|extent)$|"
                # 'a shared belief held by members of a team that the team is safe …' (batch156: 'A shared belief held by
                # members of a team', T0/T1): a belief says nothing without what is believed
                r"^(?:an?|the)\s+(?:[\w-]+\s+)?(?:belief|assumption|conviction|expectation|perception|premise)\b(?!.*\b(?:that|which)\b)|"
                # 'look for terms that make both better off' (batch204: 'Look for terms', T0 from three judges of four):
                # any bare plural there is named by its clause
                r"\b(?:for|of|about|with|on|find|need|give|gives|seek|offer|offers)\s+[a-z]+[^s\W]s$",
                head,
                re.I,
            )
        ):
            text = head
    if len(words(text)) > max_words + 1:
        # a cut before the rest of a series ('rely on a sign (help text), a person (support) or a mechanism', batch89:
        # T0/T1) keeps its first item only
        cuts = [
            text[: m.start()]
            for m in itertools.takewhile(
                # a cut that fits is a few words long: past _LONGEST_CUT characters none fits, and a line of
                # ', a, a, a …' would otherwise copy and count the text once per comma (quadratic)
                lambda m: m.start() <= _LONGEST_CUT,
                re.finditer(r",\s+|\s+(?:while|because|so that|where)\s+", text),
            )
            if not (
                m.group().startswith(",") and re.match(r"(?:a|an|the)\s+[^,;:]{1,40}?\s(?:or|and)\s", text[m.end() :])
            )
        ]
        fitting = [c for c in cuts if 2 <= len(words(c)) <= max_words and not re.search(r"\b(?:like|such as)$", c)]
        after = text[len(fitting[-1]) :] if fitting else ""
        if (
            not fitting
            or (
                re.search(
                    r",\s+(?:(?:often|usually|sometimes|always|rarely|[\w-]+ly)\s+)?(?![\w-]+ly$)[\w-]+$", fitting[-1]
                )
                and not re.match(r"^,\s+(?:so|and|but|or|which|while|because|then|yet)\s", after)
            )
            or _MID_SERIES_RE.match(after)
        ):
            # 'Open projects break mirroring because shared, visible' (batch137: T0 from every judge), 'Every piece of
            # knowledge should have a single, unambiguous' (batch69: T0/T1), 'The artefact draws on different' (',
            # sometimes incompatible, contexts'): cut between two words of a series
            return None
        text = fitting[-1]
    text = text.strip().rstrip(".,;:").strip()
    text = re.sub(r",\s+\w+ly$", "", text)  # '… executed well, mainly' (cut before 'because'): the adverb goes too
    # 'Larger long-term effects than rational ones, and strategies' (batch88: T0/T1): a second part cut after its first
    # word is no part at all
    text = (
        re.sub(
            r",\s+(?:and|or)\s+(?!(?:this|that|these|those|it|its|they|he|she|we|you|so|then|yet)$)[a-z]+$", "", text
        )
        if len(words(text)) > 5
        else text
    )
    dangling = _DANGLING_END_RE.search(text) and not _PHRASAL_END_RE.search(text)
    # 'people who care a great deal but have been put where they must report …' (batch136: '… but have been put', T0
    # from every judge): cut before the place the verb needs
    dangling = dangling or bool(re.search(r"\b(?:been|be|being|get|got|gets)\s+(?:put|placed|kept|left)$", text))
    # 'One thing, when the interesting question is usually' (batch143: T0 from every judge): cut after its copula
    dangling = dangling or bool(
        re.search(r"\b(?:is|are|was|were)(?:\s+(?:usually|often|always|mostly|really))?$", text)
        and not re.match(r"^(?:how|what|who|which|whether|where|why)\b", text, re.I)  # 'How fragile the model is'
    )
    if not words(text) or _LEADING_PRONOUN_RE.match(text) or dangling:
        return None
    if text.count("(") != text.count(")") or text.count('"') % 2:
        return None
    return text[0].upper() + text[1:]


# evidence offered for a claim ('history shows …'), which a 'so' after it concludes from, not a cause
_EVIDENCE_SHOWS = r"^(?:history|the\s+(?:record|evidence|data)|evidence|data|research|studies)\s+(?:shows?|suggests?)\b"
# what follows a cut inside a series: a word or two, then the series' next comma (', sometimes incompatible, contexts')
# the longest stretch of text an answer cut can keep (in characters); a fitting cut is a few words
_LONGEST_CUT = 2000
_MID_SERIES_RE = re.compile(r"^,\s+(?:[\w-]+\s+)?[\w-]+,\s")
_SERIES_END_RE = re.compile(r",\s+(?:and|or)\s")


# an answer that opens as a statement, never as an instruction ('Even a very accurate detector floods you …')
_STATEMENT_START_RE = re.compile(r"^(?:even|the|a|an|most|many|some|no|every|each|it|this|that|they|there|its)\s", re.I)
# one of several kinds the sentence before listed ('the second kind', 'the other approach')
_ORDINAL_KIND_RE = re.compile(
    r"^the\s+(?:first|second|third|fourth|former|latter|other)\s+(?:kind|type|sort|one|group|category|case|option|"
    r"approach|form|half|part|mode|way)\b",
    re.I,
)


def _self_contained(answer: str) -> bool:
    """No pronoun or demonstrative that points back into the note ('those constraints', 'a means to it')."""
    dangling = len(answer.split()) <= 4 and re.search(r"\b(?:it|them|one)$", answer, re.I)
    dangling = dangling or (len(answer.split()) <= 5 and re.search(r"\b(?:they|them|their)\b", answer, re.I))
    # 'a good one', 'companies that have neither' name nothing without the sentence before
    dangling = dangling or re.search(r"\b(?:a|an|the)\s+(?:\w+\s+)?one\b|\b(?:neither|both)$", answer, re.I)
    # 'A member kept defusing him with warmth and questions' (batch120: T1 from every judge): who 'him' is, the
    # sentence before said
    dangling = dangling or re.search(r"\bhim\b", answer, re.I)
    return not _DEMONSTRATIVE_RE.search(answer) and not dangling


def _topic(text: str, max_words: int = 7, note: Note | None = None) -> str | None:
    """A usable noun phrase to ask about: short, no pronoun, carries meaning."""
    text = plain(text).strip().strip(",").strip()
    text = _PAREN_ASIDE_RE.sub(" ", f"{text} ").strip().strip(",").strip()
    tokens = words(text)
    if not 0 < len(tokens) <= max_words or tokens[0].lower() in PRONOUNS or not content_words(text):
        return None
    if re.search(r"[,;:()]", text):
        return None
    acronym = len(tokens) > 1 and sum(c.isupper() for c in tokens[1]) >= 2  # 'Annual SaaS plans', 'Every PM'
    name = (
        len(tokens) > 1 and tokens[1][:1].isupper() and tokens[0] not in ("A", "An", "The") and not acronym
    )  # 'Shape Up', 'Team Topologies'
    if (
        tokens[0][0].isupper()
        and (tokens[0][1:].islower() or tokens[0] == "A")
        and _common_word(tokens[0], note)
        and not name
    ):
        text = text[0].lower() + text[1:]  # 'Empathy in product management' -> 'empathy in …'
    return text


@functools.lru_cache(maxsize=64)
def _author_names(author: str) -> frozenset[str]:
    """Every capitalised word of the note's author field ('Anthony Downs' -> {'Anthony', 'Downs'})."""
    return frozenset(re.findall(r"[A-Z][\w-]+", author))


def _lowered(text: str, note: Note) -> str:
    """``text`` with its first word lower-cased when that word is an ordinary word capitalised only to open the
    sentence ('A researcher can …' -> 'a researcher can …'); names ('Young's study', 'Google') stay as written."""
    lead = text.split()[0]
    if note.author and re.sub(r"['’]s?$", "", lead) in _author_names(note.author):
        return text  # 'Downs thought environmental concern …' (batch129: 'what explains why downs thought …?', T1)
    # a plural possessive ('Users' questions') is still the ordinary word (batch119: 'As Users' questions …')
    ordinary = (lead[1:].islower() or lead == "A") and "'" not in lead.rstrip("'’") and _common_word(lead, note)
    return text[0].lower() + text[1:] if ordinary else text


_ARTICLES = frozenset({"the", "a", "an"})


def _common_word(word: str, note: Note | None) -> bool:
    """Whether a capitalised word is an ordinary word (written lower case somewhere in the note)."""
    if word.lower() in _ARTICLES:
        return True
    if note is None:
        return False
    # a proper noun is written capitalised after a lower-case word somewhere ('at Google Ventures')
    if word and not any(c.isspace() for c in word):
        return word not in _note_words(note).after_lower
    return not _after_lower_word_re(word).search(_lower_text(note))


def _proper_name(term: str, note: Note) -> bool:
    """Whether a one-word capitalised term is a name: the note never writes it lower case ('Facebook', 'Monday')."""
    if " " in term or not term[:1].isupper() or not term[1:].islower():
        return False  # 'Process power' is a phrase, 'OKR' an acronym
    return not _whole_word_in(term.lower(), note)


def _whole_word_in(word: str, note: Note) -> bool:
    """Whether the note's text holds ``word`` as a whole word (what r'\bword\b' finds)."""
    if word and all(_is_word_char(c) for c in word):
        return word in _note_words(note).whole_words
    return bool(_whole_word_re(word).search(_lower_text(note)))


# the patterns of the two checks above, compiled once per word: the same words recur across a note's rules, and
# re's own cache is shared with every other pattern. Reuse is within a note, so a bounded cache keeps memory flat.
@functools.lru_cache(maxsize=1024)
def _after_lower_word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b[a-z,]+\s+{re.escape(word)}\b")


@functools.lru_cache(maxsize=1024)
def _whole_word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


def _lower_text(note: Note) -> str:
    return _note_words(note).text


@dataclass(frozen=True)
class _NoteWords:
    """A note's section text and two indexes of it, built once per note: the checks above ask them for every
    capitalised word of every candidate, and a search of the whole text each time was quadratic in the note's size
    (a 900 KB note: 31 s of lint)."""

    text: str
    # every word the pattern of _after_lower_word_re finds: a token after a word ending in [a-z,], cut where '\b' holds
    after_lower: frozenset[str]
    after_lower_space: frozenset[str]  # the same after one space and a letter or comma: r'(?<=[a-z,] )word\b'
    whole_words: frozenset[str]  # every maximal run of word characters: what r'\bterm\b' finds


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what re's \w matches in a str pattern


def _ends_lower_run(token: str) -> bool:
    """Whether r'\b[a-z,]+' matches a run that ends ``token`` (the text before a token is space or nothing)."""
    start = len(token)
    while start and (token[start - 1] in ",abcdefghijklmnopqrstuvwxyz"):
        start -= 1
    return any(_is_word_char(token[i - 1] if i else " ") != _is_word_char(token[i]) for i in range(start, len(token)))


def _word_cuts(token: str) -> Iterator[str]:
    """Each start of a whitespace-free ``token`` that ends where r'\b' holds (the token is followed by space)."""
    for end in range(1, len(token) + 1):
        if _is_word_char(token[end - 1]) != _is_word_char(token[end] if end < len(token) else " "):
            yield token[:end]


_NOTE_WORDS: dict[int, tuple[Note, _NoteWords]] = {}


def _note_words(note: Note) -> _NoteWords:
    kept = _NOTE_WORDS.get(id(note))
    if kept and kept[0] is note:
        return kept[1]
    text = " ".join(s.text for s in note.sections)
    tokens = text.split()
    after = {cut for before, token in zip(tokens, tokens[1:]) if _ends_lower_run(before) for cut in _word_cuts(token)}
    after_space = {cut for m in re.finditer(r"(?<=[a-z,] )\S+", text) for cut in _word_cuts(m.group())}
    made = _NoteWords(text, frozenset(after), frozenset(after_space), frozenset(re.findall(r"\w+", text)))
    if len(_NOTE_WORDS) >= 64:  # notes are generated one after another; a few are enough
        _NOTE_WORDS.clear()
    _NOTE_WORDS[id(note)] = (note, made)
    return made


_LATE_THESIS_RE = re.compile(r"^[A-Z]\w+\s+[^,;:]{3,120}?\s+and\s+(?:argues|claims|contends|shows)\s+that\s+")


def _core(sentence_plain: str) -> tuple[str, bool]:
    """The claim without its reporting frame ('Norton argues that …'), and whether it had a thesis marker."""
    text = sentence_plain.strip()
    match = _THESIS_LEAD_RE.match(text)
    if match:
        text = text[match.end() :]
    else:
        # 'Moore takes the adoption life cycle … and argues that …': the claim is what follows
        late = _LATE_THESIS_RE.search(text)
        if late:
            text, match = text[late.end() :], late
    # 'When a choice is hard, Simonson argues, people pick …': the condition keeps its comma
    joint = ", " if re.match(r"^(?:When|If|Because|Although|Though|Once|Unless|While)\b", text) else " "
    text = _PAREN_ASIDE_RE.sub(joint, text)
    text = re.sub(r"^(?:But|And|So|Yet|Still|Also),?\s+", "", text.strip())  # 'But old code is …'
    # 'Enterprises should instead organise around …': 'instead' points back at the sentence before, never a verb
    text = (
        re.sub(r"\b(should|must|need to|needs to|ought to)\s+instead\s+", r"\1 ", text) if " instead " in text else text
    )
    return text.strip(), bool(match)


_SECOND_SENTENCE_RE = re.compile(r"^(?P<first>.+?[a-z)])\.\s+[A-Z0-9]")


# Claims in shapes judged blind as T0/T1 nine times in ten (batches 24-37: about 150 of 287 rated claim cards,
# 10% T2/T3, against 59% for the rest): asked by a stranded preposition ('what does every PM sit in?'; advice such
# as 'what should X start from?' is kept), by a verb that says little ('meet', 'follow', 'reflect'), by a writer's
# own label ('what is Adzic's fix?', 'what is the real lesson?', 'what is gap 1?'), by a subject that wins or
# decides something ('what beats analysis?'), or a 'what is X?' answered by a verdict rather than a definition
# ('A useful guardrail for growth goals'). 'What drives X?' was refused too until batch38, where it was T2/T3.
_WEAK_CLAIM_RE = re.compile(
    r"^(?!what should\b).*\b(?:with|to|in|into|onto|from|at|of|about|through|over|for)$"
    r"|\b(?:follow|sit|meet|count|reflect|play|name|offer|take|form|become|get|start|go|come|lie|fall|reach|"
    r"inherit|win|fit|contradict|read|contrast|spare|stock|run|treat|close|pick|ask|attack|deserve|explain|measure|"
    r"govern|ensure|shape|cast|insist|mean)$"
    r"|^what (?:is|are|was|were) [A-Z][\w.-]*['’]s?\s"
    r"|^what (?:is|are|was|were) (?:the|a|an) (?:(?:single|real|right|central|main|key|most useful|most reusable|usual|"
    r"first|second|third|fifth|best)\s)+[\w-]+(?: here)?$"
    r"|^what (?:beats|decides|causes|predicts)\b"
    r"|^what (?:is|are) (?:gap|step|part|phase|stage|law) \w+$"
)
_VERDICT_RE = re.compile(
    # 'the honest way to argue for …' judges a thing, it does not say what it is (batch65: T0 from every judge)
    r"^(?:an?|the)\s+(?:honest|right|wrong|only|fair|surest|easiest|safest|cheapest|fastest|simplest|obvious|natural)"
    r"\s+way\b|"
    r"^(?:an?|the)\s+(?:nearest|closest)\s+thing\b|"  # 'the nearest thing to evidence' rates it (batch77: T0)
    r"^(?:an?|the|one)\s+(?:useful|better|best|different|small|tidy|rich|close|good|vaguest|vague|word|neat|cheap|false|"
    r"cheaper|simple|big|poor|weak|strong|clever|great|nice|list|kind|sort|way|form|version|outcome|of)\b",
    re.I,
)


# a comma, then a short subject and its verb: the answer runs on into the note's next claim (blind batch38)
_SPLICED_CLAUSE_RE = re.compile(
    r",\s+(?!and\b|or\b|but\b|which\b|who\b|that\b|such\b|as\b|from\b|with\b|without\b|though\b|although\b|even\b|because\b|while\b|since\b|if\b|when\b|unless\b|where\b)[a-z]+\s+(?:(?!and\b|or\b)[a-z]+\s+){0,2}(?:is|are|was|were|has|have|had|can|cannot|"
    r"will|would|go|goes|come|comes|stay|stays|fall|falls|rise|rises|grow|grows|form|forms)\b"
)


# critical points asked by what the work fails to do or cannot show: judged T2/T3 for one unique card in ten
# (batches 1-37: 'what does the note say the essay fails to do?' — 'Make the win last'); several answers fit.
# ('risks', 'assumes' and 'depends on' were judged better than that and stay: 'the essay's framing risks?' —
# 'Romanticizing empathy as a corrective to process'.)
_VAGUE_CRITIQUE_RE = re.compile(r"\b(?:fails to(?: do)?|cannot (?:show|tell))\?$")


def _clause_series(text: str) -> bool:
    """Whether a labelled sentence's gloss is a series of clauses ('X: code is reviewed, metrics are shown to …,
    and quality is checked'): what the label covers, listed, not what it means (batch40: T1 from every judge)."""
    label = _LABELLED_RE.match(text)
    if not label:
        return False
    parts = [p for p in re.split(r",\s+(?:and\s+)?|;\s+", text[label.end() :]) if p.strip()]
    return len(parts) >= 3 and sum(bool(_SHORT_CLAUSE_RE.match(p)) for p in parts) >= 3


_LABELLED_RE = re.compile(r"^\W*[A-Z][^:;,.]{1,40}?:\s+")
_SHORT_CLAUSE_RE = re.compile(
    r"^\s*(?:the |a |an )?(?:[\w'-]+\s+){0,3}(?:is|are|was|were|can|cannot|must|hold|holds|raise|compute|computes)\b"
)


def _weak_claim(front: str, back: str) -> bool:
    """Whether a claim card has one of the shapes above, or asks, as the note's point, how 'the paper' frames
    something: that is the note's criticism of the framing, a critique card's to ask ('what does the paper treat
    ethnography as?' was T0 from all seven judges of batch36)."""
    asked = strip_context(front).rstrip("?")
    if front.startswith("According to the note on ") and re.match(
        r"^what (?:does|do|did) the (?:paper|book|essay|article|work|author|authors) ", asked
    ):
        return True
    return bool(_WEAK_CLAIM_RE.search(asked)) or (
        asked.startswith(("what is ", "what are ")) and bool(_VERDICT_RE.match(back))
    )


# The refusals below diagnose the generator's own misreadings of a sentence (a compound noun read as a verb, a
# study condition read as a term); what any card can get wrong is a rule of core.cardrules, applied by the gate
# (text.hard_problems) at stricter settings, e.g. L14's words that point back at the note.
# an answer that names only a generic thing ('A thought experiment', 'The whole process', 'A chain of assumptions',
# 'Two behavioural assumptions'): the development cards of this shape were judged T2/T3 on 5 of 52 ratings
_GENERIC_ANSWER_RE = re.compile(
    r"^(?:a|an|the|two|three|four|several|many|some)\s+(?:[\w-]+\s+)?(?:process(?:es)?|assumptions?|experiments?|"
    r"cases?|choices?|things?|factors?|issues?|steps?|questions?|set|chain|parts?|aspects?|elements?|matters?|"
    r"ideas?|approach|methods?|economy)(?:\s+of\s+[\w-]+)?$",
    re.I,
)


_GERUND_CLAIM_RE = re.compile(
    r"^(?!(?:every|some|any|no)thing\b)[A-Za-z]+ing\s[^,;:.]{0,60}?\b(?:can|could|may|might|will|would|should|must)\s",
    re.I,
)
_IF_NOT_VERB_RE = re.compile(r", if not (?P<v>[a-z]+)\s+(?:it|them|its|their|the|a|an|out|up|down|away)\b")
_REPORTED_BELIEF_RE = re.compile(
    r"^(?:the\s+)?(?:received|conventional|common|standard|popular|prevailing|usual|traditional)\s+"
    r"(?:wisdom|view|belief|assumption|story|account|explanation)\b",
    re.I,
)
_NOTE_POINT_RE = re.compile(r"\bthe\s+[\w-]+\s+(?:point|item|bullet)\s+(?:holds?|applies|apply|means?|says?)\b")
# 'A lot of weight'; 'optional activities grow a great deal and social activity grows with them' (batch136: 'what do
# optional activities grow?' — 'A great deal and social activity grows …', T0 from every judge): how much, then the
# next clause
_BARE_QUANTITY_RE = re.compile(
    r"^(?:a lot|lots|a great deal|a good deal|much|little|too much|too little)(?:\s+(?:of|more|less)(?:\s+\w+)?)?"
    r"(?:\s+and\s.*)?\.?$",
    re.I,
)


def _item_cut_before_of(back: str, sentence: str) -> bool:
    """Whether an item of the listed answer ('the dominance', 'a sequence') goes on with an 'of' in the sentence."""
    for item in back.split(", "):
        cut = re.search(r"\b(?:the|an?)\s+(?:[a-z]+\s+)?[a-z]+$", item, re.I)
        if cut and re.search(re.escape(cut.group(0)) + r"\s+of\s", sentence, re.I):
            return True
    return False


_REFLEXIVE_TERM_RE = re.compile(r"\bwhat (?:is|are) [^?,]*\b(?:itself|themselves)\?$")
_GENERIC_AGENTS = frozenset(
    "analysts managers users people teams engineers designers customers researchers developers executives leaders "
    "companies firms organisations organizations employees staff".split()
)
_ADJECTIVE_PAIR_RE = re.compile(
    r"^[A-Za-z]+(?:ile|ful|ous|ive|able|ible|less|ic|al)\s+and\s+(?:hard|easy|slow|costly|expensive|difficult|rare|"
    r"[A-Za-z]+(?:ile|ful|ous|ive|able|ible|less|ic|al))\b",
    re.I,
)
_WORK_VERDICT_RE = re.compile(
    r"\bwhat (?:is|are|was) the (?:most|least) [a-z]+ (?:part|parts|chapter|chapters|section|sections|contribution|"
    r"idea|ideas)\?$"
)
_AGENT_START_RE = re.compile(r"^(?:" + "|".join(sorted(_GENERIC_AGENTS)) + r")\s+[a-z]+", re.I)
_INDEFINITE_TERM_RE = re.compile(
    r"\bwhat (?:is|are) (?:(?:a|an|the)\s+)?(?:something|anything|nothing|everything|someone|anyone|everyone)\b", re.I
)


# 'a real difference', 'the key point': a noun that only announces what a colon goes on to say
_PLACEHOLDER_RE = re.compile(
    r"^(?:an?|the)\s+(?:real|key|important|crucial|basic|fundamental|deeper|simple|big|central|hidden)\s+"
    r"(?:difference|problem|point|lesson|distinction|issue|tension|gap|flaw|cost|catch)$",
    re.I,
)


_ORDINAL_SUBJECT_RE = re.compile(
    r"\bthe\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|latter|former)\s+"
    r"(?:adds?|is|are|was|were|does|do|has|have|matters?|helps?|costs?|counts?|gets?|brings?|gives?|makes?|takes?|"
    r"wins?|loses?)\b"
)
_LATER_RESEARCH_RE = re.compile(
    r"\bsay\s+(?:that\s+)?later\s+(?:research|work|studies|study|evidence|experiments)\s+(?:has\s+)?"
    r"(?:found|finds|showed|shows|shown|suggests?|suggested)\?$"
)


# 'what should X happen?': an auxiliary, a subject and a verb that takes no object (nor a complement 'what' could ask)
_INTRANSITIVE_WHAT_RE = re.compile(
    r"\bwhat (?:do|does|did|should|can|could|will|would|must|might|may)\s[^?]*\s(?:tend to\s)?"
    r"(?:happen|occur|arise|exist|emerge|stay|remain|seem|appear|behave|die|go|come)\?$"
)


def _card(note: Note, kind: str, anchor: str, sentence: Sentence, front: str, back: str = "") -> Card | None:
    """The card of rule ``kind`` on ``sentence`` if it passes every gate: a definition's short answer with the rest of
    its gloss when that passes (_fuller_gloss), else as built."""
    if kind == "definition":
        fuller = _fuller_gloss(front, back, plain(sentence.text))
        card = _gated_card(note, kind, anchor, sentence, front, fuller) if fuller != back else None
        if card is not None:
            return card
    return _gated_card(note, kind, anchor, sentence, front, back)


def _gated_card(note: Note, kind: str, anchor: str, sentence: Sentence, front: str, back: str = "") -> Card | None:
    if back and len(words(back)) < _ANSWER_FLOOR.get(kind, 0) and not _QUESTION_GLOSSES_RE.search(front):
        return None
    if kind == "claim" and _weak_claim(front, back):
        return None
    if _ORDINAL_SUBJECT_RE.search(front) or _LATER_RESEARCH_RE.search(front):
        # 'what explains why the tenth adds little?' (batch195: T1, 'the tenth has no referent'): an ordinal that
        # stands for a noun of the sentence before; 'What does the note … say later research found?' (batch195: T1,
        # 'open-ended without saying it concerns unpacking'; the development notes' 2 such cards 12% T2/T3)
        return None
    if kind != "definition" and _GENERIC_ANSWER_RE.match(back.strip()):
        return None
    if kind == "claim" and re.match(
        r"^(?:who|which|that)\s+(?![a-z]+[^s\W]s\b)|^(?:whom|whose)\s|^(?:your|their|its|his|her) behalf\b", back, re.I
    ):
        # 'Studying managers in large US companies who attended …' (batch182: 'what does studying managers in large US
        # company?' — 'Who attended management workshops', T0 from every judge): a relative clause is no object; 'A
        # gift-giver spends on your behalf …' (batch149: 'Your behalf without …', T0): the object is the reader's ('Who
        # feels able to use a thing' with its singular verb is an indirect question, and stays)
        return None
    named = re.search(r"\bwhat (?:is|are) (?P<x>[^?,]+), if not (?P<y>[^?]+)\?$", front)
    if named and set(content_words(named.group("y"))) <= set(content_words(named.group("x"))):
        # 'Profit is not the purpose but a test …; the one valid definition of business purpose is to create a customer'
        # (batch102: 'what is business purpose, if not the purpose?', T0 from every judge): what the thing is not is
        # the thing itself
        return None
    if _INTRANSITIVE_WHAT_RE.search(front):
        # 'Threat modelling should happen during design …' (batch175: 'what should threat modelling happen?', T0 from
        # four judges of six); 'Private firms tend to stay family-run and small' ('what do private firms tend to stay?',
        # batch191: T0 from every judge): a verb that takes no object cannot be asked with 'what'
        return None
    if re.search(r"\s(?:ever|never|always|also|still)\?$", front) or re.match(
        r"^(?:some|most|many|few|all|much|more|less|others?)\s+(?:and|or|but|when|if|because|while|than)\b", back, re.I
    ):
        # 'what will few teams ever?' (batch63: the verb lost, T0 from every judge); 'what does later empirical work
        # support?' — 'Some and complicates others', 'what does task feedback help?' — 'Most when it can be …' (T0 from
        # every judge): a quantifier that stands for the object, then the next clause
        return None
    if kind != "contrast" and re.match(r"^not\s", back, re.I):
        return None  # 'Not remote computing at all but electronic mail' (batch80: T1): a contrast the card did not ask
    if re.match(r"^neither\s", back, re.I):
        # 'Neither ivory-tower diagram makers nor just senior engineers' (batch125: T1 from every judge): what
        # the thing is not, without what it is
        return None
    if kind == "definition":
        source = plain(sentence.text)
        at = source.lower().find(back.lower())
        if at >= 0 and _cut_at_examples(back, source[at:]):
            return None  # '**Transcoding**: the computer's own categories, such as …, seep into culture' (batch203: T0
            # from every judge), whichever definition form read it
    if kind == "definition" and _GERUND_CLAIM_RE.match(back):
        return None  # '**Posterior tweaks**: shrinking the posterior variance can trade a little exploration for …'
        # (batch126: 'what are posterior tweaks?', T1 from every judge): a gerund and its modal verb make a claim about
        # the label, not what it is
    quantified = re.match(r"^(?:all|both)\s+([a-z]+)\b", back, re.I)
    if (
        quantified
        and quantified.group(1).lower() not in STOPWORDS
        and quantified.group(1).lower() not in _NUMBERS
        and quantified.group(1)[-1] != "s"
    ):
        return None  # '… and volunteer or community ladders all rely on the same mechanism' (batch127: 'what does volunteer
        # or community ladder?' — 'All rely on the same mechanism', T0 from every judge): the subject's noun read as
        # the verb, so the answer is the rest of the clause
    if kind == "definition" and re.match(
        r"^(?:argues|claims|shows|says|notes|writes|suggests|proposes)\s+that\s", back, re.I
    ):
        return None  # 'Zahavi, writing in the *Journal of Theoretical Biology*, argues that …' (batch155: 'what is the journal
        # of Theoretical Biology?' — 'Argues that …', T0 from every judge): the author's verb, not what the term is
    # 'digital products fail less for technical reasons than because nobody …' (batch156: 'what explains why digital
    # products fail less for technical reasons than?') and 'A business that deliberately relies on customers overpaying
    # invites a backlash' (batch156: '… say a business that deliberately relies on?'), T0 from every judge: a comparison
    # cut before what it compares, and a relative clause's verb taken for the sentence's
    if re.search(r"\sthan\?$", front) or re.search(
        r"\bsay\s+(?:an?|the)\s+[\w-]+\s+(?:that|who|which)\s[^?]*\?$", front
    ):
        return None
    if re.search(
        r"\bwhat (?:is|are) (?:a|an|one) (?:typical|common|classic|good|simple|familiar) (?:case|example|instance)\?$",
        front,
    ):
        return None  # 'a typical case is a lookup that would otherwise hide …' (batch159: 'what is a typical case?', T0 from
        # every judge): an example of the clause before, which the question cannot name
    opening_count = re.match(r"^(?:two|three|four|five|six|seven|eight|nine|ten|several|many)\s+[a-z]+$", back, re.I)
    if (opening_count and sentence.plain.lower().startswith(back.lower() + " ")) or re.match(
        r"^(?:versus|vs\.?)\s", back, re.I
    ):
        return None  # 'Three laws explain the mechanics.' and 'Build versus buy is McIlroy's question at team scale'
        # (batch159: 'what explains the mechanics?' — 'Three laws', 'what should a team build at team scale?' —
        # 'Versus buy is …', T0 from every judge): a count that opens its sentence announces a list ('should start
        # from two colonies' answers with one), and a phrase split at its 'versus'
    # 'The gambling-task results have been contested. Later work argued that …' (batch160: 'Contested. Later work
    # argued', T0 from five judges of six): a second sentence cut at what its reporting verb reports
    if re.search(
        r"[a-z]\.\s+[A-Z][\w-]*(?:\s+[\w-]+){0,2}\s(?:argued|argues|showed|shows|found|finds|said|says|suggested|"
        r"suggests|claimed|claims|noted|notes)$",
        back,
    ):
        return None
    if re.search(r"\sbut\s+(?![a-z]+er\?$)[a-z]+\?$", front) or re.search(r"\bwhat is other\s", front):
        return None  # 'Foxes notice terrain but can drift without purpose' and 'Other heuristics recur: start from a
        # feature, not …' (batch160: 'what can foxes notice terrain but drift?', batch161: 'what is other heuristics
        # recur, if not …?', T0 from every judge): a second verb, or a label that is a clause, read into the question
    if re.search(r"\b(?:with|of|by|for)\s+[a-z]+(?:less|ful|ous|ive)$", back) and _goes_on(
        sentence.plain, back, _COMMA
    ):
        return None  # '… combines an unusually long time horizon with relentless, sometimes brutal operational demands'
        # (batch167: '… with relentless', T0 from every judge): an answer cut between an adjective and its noun
    if kind == "contrast" and re.match(r"^[A-Z][a-z]+ing\s[^,]*\sas\s", back) and ", if not " in front:
        # 'Treating connectors as first-class design elements, not mere glue, is one of the book's signature moves'
        # (batch167: 'what is one of the book's signature moves, if not mere glue?', T0 from three judges of four):
        # the denial is of what the connectors are treated as, not of the move
        return None
    if re.search(r", if not (?:never|always|sometimes|rarely|often|now|later|yet|ever|soon)\?$", front):
        return None  # '**Remote teams**: text-based relationships take longer to form, not never' (batch161: 'what are
        # remote teams, if not never?', T0 from every judge): the contrast is of an adverb, not of a thing
    if (
        _batch168_shape(kind, sentence, front, back)
        or _batch172_shape(kind, sentence, front, back)
        or _batch180_shape(sentence, front, back)
    ):
        return None
    if re.search(r"\bwhy for [^,?]{2,40}, ", front):
        return None  # 'For the organisation, coordination works because …' (batch159: 'what explains why for the
        # organisation, coordination works?', T0 from every judge): a fronted phrase left inside the question
    bare = re.search(r"\bwhat (?:does|do) ([a-z]+) ", front) if kind == "claim" else None
    if bare and re.search(rf",\s+and\s+{bare.group(1)}\s", sentence.plain) and _instruction_start(bare.group(1)):
        return None  # 'write the key instruction first, …, and test copy changes with task-based usability measures'
        # (batch157: 'what does test copy change with rather than opinion?', T0 from five judges of six): the last of
        # a series of instructions read as a claim whose subject opens on its verb
    if re.search(r", if not [^?]*\b(?:from|to|with|of)\s+(?:it|them)\?$", front):
        return None  # 'Emotion is part of reasoning, not separate from it' (batch153: 'what is emotion, if not separate from
        # it?', T0 from every judge): the alternative points back at the answer, so the question gives it away unread
    verbal = _IF_NOT_VERB_RE.search(front)
    if verbal and _plain_verb(verbal.group("v")) and verbal.group("v") not in _ADVERBS:
        # 'The Anti-Mac is meant to live alongside the GUI, not wipe it out' (batch127: 'what is the Anti-Mac,
        # if not wipe it out?', T0 from every judge): the alternative is a verb and its object, not a thing
        return None
    if re.search(
        r"\b(?:" + "|".join(sorted(_LABEL_END_VERBS)) + r")\s+(?:once|when|if|until|unless|because|while)\?$", front
    ):
        # 'Precise ranking matters once a focus exists' (batch144: 'what do precise ranking matters once?', T0 from every
        # judge): the verb read as a plural noun, so a conjunction stands where the verb should
        return None
    if (
        kind == "prescription"
        and re.search(r",\s+(?:the\s+)?[a-z]+s\s+(?!and\b|or\b)[a-z]+\b", back)
        and (re.search(r"\bwhat should [^?]*\bdo when\b", front))
    ):
        # 'When users skip the warning, ignore the checklist or never leave feedback, teams blame the users' (batch144:
        # T0 from every judge): the situation was a series, cut after its first part, and the answer holds the rest and
        # the statement that follows
        return None
    if re.search(r"\bthe work's (?:coverage|scope|range|examples|cases|sources)\b", front):
        # 'Its coverage centres on France, Prussia and Britain, and it stops before …' (batch146: 'what does the work's
        # coverage centre on?', T0 from every judge): what the book covers is its table of contents, not an idea
        return None
    if kind == "claim" and re.match(
        r"^(?:along|across|through|over|under|within|beyond|toward|towards|around|among|between)\s", back, re.I
    ):
        # 'Sustaining technologies improve products along the dimensions that …' (batch146: 'what does sustaining
        # technologies improve product?' — 'Along the dimensions', T0 from every judge): the object was read into the verb
        return None
    if kind == "claim" and " explains why " in front and len(words(back)) <= 3:
        # 'Ex ante limits explain why winning a hotly contested category rarely pays' (batch145: 'Ex ante limits', T1
        # from every judge): a named idea's label is no explanation
        return None
    if kind == "claim" and re.match(
        r"^(?:far\s+)?(?:less|more|as|so|much)\s+(?:\w+ly|well|badly|often|far)\b|^\w+ly\s+than\b|"
        r"^(?:better|worse|further|faster|slower|longer)\s+than\b|"
        # 'PMs spend much of their time in Badaracco's grey zone' (batch205: 'what do PMs spend?', T0): the object is a
        # share of the subject's own, the point is where
        r"^(?:much|most|some|all|part|half|many|few)\s+of\s+(?:their|its|his|her|our|your)\b",
        back,
        re.I,
    ):
        # 'Text streams also compose less cleanly than the book suggests' (batch143: 'what do text streams compose?' —
        # 'Less cleanly than the book suggests', T0 from every judge; batch205: 'what does the specific model travel?' —
        # 'Less well than the method', T0): how, answered to a question that asks what
        return None
    if kind == "prescription" and re.search(r"\bwhat should [^?]*\bdo\b", front) and _STATEMENT_START_RE.match(back):
        # 'When the event is rare, even a very accurate detector floods you with false alarms' (batch141: 'what should a
        # team do when the event is rare?', T0 from every judge): what happens then is no action
        return None
    listed = re.search(r",\s+(?P<p>[a-z]+\s[^,]*)$", back)
    if kind == "prescription" and listed and _STATEMENT_START_RE.match(back) and _instruction_start(listed.group("p")):
        # 'Model the incentives, run simulations on real data, and test …' (batch141: 'what should a team model on real
        # data?' — 'The incentives, run simulations', T0 from every judge): the next instruction of a list is no object
        return None
    if re.search(r"\b(?:around|about|on|for|with|into|of|to|from|behind|over)\s+one\?$", front):
        # 'Check which way causation runs before building a roadmap around one' (batch140: 'what should a team check
        # before building a roadmap around one?', T0 from two judges of four): 'one' is the sentence before's
        return None
    if kind == "prescription" and re.search(
        r"\band\s+(?:" + "|".join(sorted(_INSTRUCTION_VERBS - {"be", "do", "don't"})) + r")\s+[^?]*\?$", front
    ):
        # 'Protect roadmaps from over-commitment for a quarter and give teams interim decision rules' (batch142: 'what
        # should a team protect for a quarter and give teams …?', T0 from every judge): a second instruction in the question
        return None
    effect = re.search(r"\bwhat explains why (?P<e>[^?]+)\?$", front)
    if effect and re.search(
        r"\b(?:error|mistake|fallacy|trap|temptation|reflex)s?\s+(?:is|are|was|were)\s+to\s+[a-z]+\b", effect.group("e")
    ):
        # 'The most common … error is to conclude "no difference" … because a P value is above a threshold' (batch142:
        # T0 from every judge): the 'because' belongs to the mistaken act the subject names, not to why it is so
        return None
    if effect and _ORDINAL_KIND_RE.match(effect.group("e")):
        # 'The second kind is more dangerous because …' (batch140: 'what explains why the second kind is more
        # dangerous?', T0 from one judge of four): which kind, the sentence before said
        return None
    alternative = re.search(r", if not (?P<a>[^?]*)\?$", front)
    if alternative and "," in alternative.group("a") and not re.search(r"\b(?:or|and)\s", alternative.group("a")):
        # 'redesigning the process, not the product, to change what's possible' (batch138: 'what is the moving line, if
        # not the product, to change what's possible?', T0 from every judge): a contrast inside a phrase
        return None
    if re.search(r"what explains why (?:an?|the)\s+[\w-]+\s+[\"“][\w-]+[\"”]\?$", front):
        # 'A feature "won" because a metric rose …; a team "failed" because …' (batch139: 'what explains why a feature
        # "won"?', T0 from every judge): a verb in scare quotes is the reasoning the note doubts
        return None
    if _REPORTED_BELIEF_RE.match(back):
        # 'The received wisdom in usable security was that users click through warnings, so warnings are close
        # to useless' (batch128: 'what explains why warnings are close to useless?', T0 from every judge): a belief the
        # note reports, usually to refute it, given as the reason
        return None
    if " say the note " in front or _NOTE_POINT_RE.search(front):
        return None  # 'say the note diagnoses the problem but says little about?' and 'what does the requirements point
        # hold?' (batch128: T0 from every judge): the note itself, or one of its points, as the subject
    if _BARE_QUANTITY_RE.match(back.strip()):
        return None  # 'what does the rarity assumption carry?' — 'A lot of weight' (batch129: T0 from every judge): how much,
        # not what
    if _REFLEXIVE_TERM_RE.search(front):
        return None  # 'The right mix depends on the work itself (how varied … the tasks are)' (batch130: 'what is work
        # itself?', T0 from every judge): the emphatic 'itself' is no part of a term
    if back.strip().lower() in _GENERIC_AGENTS:
        return None  # 'Analysts often decide what to "control for" by habit' (batch131: 'what often decides what to "control
        # for" by habit?' — 'Analysts', T0 from every judge): who does it, in one generic word, is no idea
    if re.match(r'^[^"“”]*[\w.,%]["”](?:\s|$)', back):
        # '"… and the whole range clears our 0.3% threshold" is more useful …' (batch131: 'what does the whole
        # range clear?' — 'Our 0.3% threshold" is more useful …', T0 from every judge): cut across a quotation
        return None
    if _ADJECTIVE_PAIR_RE.match(back) and re.search(r"\bwhat (?:is|was|are|were) [^?]+\?$", front):
        return None  # 'The first working device was fragile and hard to make' (batch131: 'what was the first working
        # device?' — 'Fragile and hard to make', T0 from every judge): what it was like, not what it was
    if _WORK_VERDICT_RE.search(front):
        return None  # 'The most influential part is the contact hypothesis' (batch132: 'what is the most influential part?',
        # T0 from every judge; such questions 17% T2/T3 over 23 ratings): the note's verdict on the work, not its idea
    if kind == "prescription" and _AGENT_START_RE.match(back) and " do " in front:
        return None  # 'When one number does both jobs, people sandbag' (batch132: 'what should a team do when one number does
        # both jobs?' — 'People sandbag', T0 from every judge): what follows, asked as what to do
    if "," in back and _item_cut_before_of(back, plain(sentence.text)):
        # '… in two ways: through structure (…) and through the dominance of an idea (…)' (batch132: 'Through structure,
        # through the dominance', T0 from every judge); 'mixes two kinds of diagram: a sequence of events over time and a
        # causal model of variables' (batch136: 'A sequence, a causal model', T0 from every judge): items cut before 'of'
        return None
    if re.search(r"\bwhat (?:is|are) [^?]+, not [^?]+\?$", front) and ", if not " not in front:
        # '**Indifference, not falsity**: a bullshit claim can be true' (batch136: 'what is indifference, not falsity?',
        # T0 from every judge): a label that contrasts two words is no term
        return None
    if _INDEFINITE_TERM_RE.search(front):
        return None  # 'what is a something different?' (batch125: T0 from every judge): 'X is something different: …'
        # names nothing
    tail = " ".join(words(back)[-3:])
    counted = (
        r"\b(?:one\s+(?:question|thing|rule|step|test|check|point|idea)|(?:two|three|four|five|six|several|a few)\s)"
    )
    announces = re.search(counted, back, re.I) or _PLACEHOLDER_RE.match(back.rstrip("."))
    if tail and announces and re.search(re.escape(tail) + r"\s*:", plain(sentence.text), re.I):
        return None  # 'Add one question to the review: what behaviour …' (batch81), 'Ask two questions: …' (batch80),
        # 'The hardware analogy hides a real difference: software parts keep changing …' (batch159: 'A real difference',
        # T0 from every judge): a count or a placeholder whose content is what the colon goes on to say
    if re.match(r"^(?:a|the)\s+(?:reminder|proof)\s+that\b", back, re.I):
        return None  # 'A reminder that the approach that scales and ships' (batch81: T0): a frame, not the thing
    if re.match(r"^(?:all the time|most of the time|some of the time|every time|at all times)\b", back, re.I):
        return None  # 'PMs design agency relationships all the time' (batch81: 'what does PMs design agency
        # relationship?' — 'All the time', T0): an adverbial, so the verb was read in the wrong place
    if (
        kind == "definition"
        and "; and " in sentence.text
        and back
        and re.search(re.escape(back[-12:]) + r"\s*;", plain(sentence.text))
    ):
        return None  # '**Environmental dimensions**: ambient conditions (…); space and function (…); and signs …'
        # (batch84: 'Ambient conditions (…)', T0 from every judge): the first of three parts is not the definition
    if kind == "definition" and re.match(
        r"^(?:\w+ly\s+)?(?:affects|shapes|drives|determines|influences|changes|matters|causes)\b", back, re.I
    ):
        return None  # 'the setting, which she calls the *servicescape*, strongly affects service outcomes' (batch84:
        # 'Strongly affects service outcomes', T0 from every judge): the sentence's verb, not a gloss
    italic_title = note.title and re.search(rf"[*_]{re.escape(note.title)}[*_]", sentence.text, re.I)
    if italic_title and front.lower().endswith((f" is {note.title.lower()}?", f" are {note.title.lower()}?")):
        return None  # '*Patterns of Conflict* is the longest and best known' (batch85: 'what is patterns of Conflict?',
        # T0 from every judge): the work itself, set in italics as a title, is no term ('the illusion of control' is)
    if kind == "contrast" and len(words(back)) == 1:
        return None  # 'what are the principles, if not methods?' — 'Aspirations': a one-word answer to a contrast is
        # its antonym or a label (every judged run: 49 ratings, 12% T2/T3; two words 42%, three or more 55%)
    if kind == "critique" and _VAGUE_CRITIQUE_RE.search(front) and not front.startswith("What kind of"):
        return None
    if kind in ("prescription", "should") and re.search(r"\bwhat should [^?]+ be\?$", front):
        if len(words(back)) > 1 and words(back)[1].lower() in PREPOSITIONS:
            return None  # 'what should managers be?' — 'Firm about the direction …': a quality, one of many (batch39)
    asked_is = re.search(
        r", what (?:is|are|was|were) (?P<x>the (?:typical|usual|likely|overall|common|net|end) [\w-]+)\?$", front
    )
    if asked_is and _vague_referent(asked_is.group("x"), note):
        return None  # 'what is the typical outcome?': of what, the sentence before says (batch44: T1 from every judge)
    if re.search(r", what (?:is|are) the [a-z]{3,}est (?:case|example|instance|illustration)s?\?$", front):
        return None  # 'what is the clearest case?': of what, the sentence before says (batch60); 'what is the
        # hardest step?' names its own topic (judged T2/T3)
    if kind == "definition" and re.search(
        r", what (?:is|are) (?:an? |the )?(?:level|type|stage|phase|tier|step)s? \d+(?: and \d+)?\?$", front
    ):
        return None  # 'what is a level 1?': a rung of the note's own scale, named by its number (batch44: T1)
    if kind == "definition" and re.search(
        r", what (?:is|are) (?:an? |the )?[\w'-]+(?: [\w'-]+)? as [\w' -]+\?$", front
    ):
        return None  # 'what are goals as hypotheses?': a heading's slogan, not a term
    if " explains why " in front and re.search(r",\s+(?:and|but)\s+[^?]*\b(?:is|are|was|were)\b", front):
        return None  # 'why the authors lean on reasoning, and simplicity is what …': two effects, one asked
    if kind == "definition" and _clause_series(sentence.plain):
        return None  # '**ML infrastructure**: training is reproducible, the pipeline is tested, …': checks, no gloss
    if re.search(r", what (?:does|do) [\w-]+ and [\w-]+ [\w-]+\?$", front):
        return None  # 'what does pricing and incentive design?': a compound noun read as a subject and its verb
        # (batch41, batch46: T0 from every judge)
    if (
        kind == "definition"
        and words(back)
        and words(back)[0].lower() in PAST_FORMS | {"told", "given", "shown", "paid"}
    ):
        return None  # 'what is expected award?' — 'Told beforehand that …': a study's condition, not a term (batch46)
    if kind == "definition" and re.match(r'^(?:(?:the|a|an|not)\s+)?["“][^"”]+["”]$', back, re.I):
        return None  # 'what is significance bar?' — 'The "winner's curse"': a quoted name, or what it is not, defines
        # nothing
    if re.match(r"^\w+,\s+(?:in|from|of|with|by|for|at|on)\s[^,]+$", back):
        return None  # 'what does Kerr define HARKing as?' — 'Presenting, in a research report' (T0 from every judge):
        # a verb cut from its object by an aside
    if re.match(r"^[A-Z][\w-]+(?:'s|')\s+(?:argument|point|claim|view|advice)\s+(?:says|is)\b", back):
        return None  # "Fowler's argument says to treat it as …" (T0): the note's frame, not the answer
    if len(words(back)) > LINT_ANSWER_WORDS:
        return None  # 'Leaders willing to hand over problems …, and on the team having earned their trust' (17 words):
        # lint would warn about the card the build ships
    if re.match(
        r"^(?:a|an)\s+(?:related|different|similar|separate)(?:\s+but\s+\w+)?\s+(?:thing|idea|matter|one)$", back, re.I
    ):
        # 'what is designing for open-ended playfulness?' — 'A related but different thing' (batch91: T0 from
        # every judge): it says only that the term is another thing
        return None
    if front.count("(") != front.count(")"):
        return None  # 'why should a team separate network value (a messaging app is useful?' (batch90: T0 from every
        # judge): a question cut inside a bracket
    if re.search(r"\b(?:their|its|his|her|our|your|the|a|an|of|and|or)\?$", front):
        return None  # 'what is the name for what artifacts demand of people their?' (batch89: T0 from three judges):
        # a question cut before its noun
    if kind == "definition" and re.search(r", what is an? [\w-]+ and [\w-]+\?$", front):
        return None  # 'what is an automation and labour?', 'an independence and reuse?', 'an optimism and control?'
        # (batches 87 and 89: T0/T1 from every judge): two headings' nouns, no term; without the article, a pair that
        # names one idea ('what is look and feel?') was judged T2
    if re.match(r"^(?:remember|recall|think of|consider)\s+(?:the|that|those|how)\b", back, re.I):
        return None  # 'what should a team do when absorbing an acquired team?' — 'Remember the helicopters that …'
        # (batch88: T1 from every judge): a pointer to the note's example, no advice of its own
    # 'what does Penrose treat the firm instead as?' (batch88: T1): 'instead' only hid the bare-object form the gate refuses
    front = re.sub(r"\s+instead as\?$", " as?", front)
    if re.search(r"\bwhy\s+(?:\w+\s+){0,2}(?:does|do|did|is|are|was|were|can|will|would)\?$", front):
        return None  # 'what explains why everyone does?' (batch88: T0 from every judge): what everyone does, the
        # sentence before says
    if re.search(r"\bhow should the (?:rest|remainder|others|latter|former) be\b", front):
        return None  # 'how should the rest be treated?': the rest of what the sentence before listed
    if re.search(r",\s+which\s+\w+(?:\s+\w+)?\?$", front):
        # 'say the Trust law, which leans on?' (T0 from every judge): a relative clause cut into the question
        return None
    if "," in back and re.search(r",\s+\w+\s+it$", back):
        return None  # '… outside knowledge, assimilate it': a series cut before its last part (batch45: T1)
    if _SPLICED_CLAUSE_RE.search(back):
        return None  # 'The window for live talk, cultural differences go unnoticed, trust forms slowly': three claims
    if _OBJECT_THEN_PARTICLE_RE.match(back.rstrip(".")):
        return None  # 'the same techniques … can push a bad idea through' (batch189: 'what can the same techniques … push?'
        # - 'A bad idea through', T0/T1 from every judge): the verb's particle left in the answer, after its object
    condition = re.search(r"\b(?:if|when|whenever|unless|once) (?P<c>[^?]{3,})\?$", front)
    if condition and _goes_on(sentence.plain, condition.group("c"), _SERIES_GOES_ON):
        return (
            None  # 'If events carry account, plan and feature-flag fields, the PM can ask …' (batch189: 'what should a
        )
        # team do if events carry account?', T0 from every judge): a condition cut after the first item of its series
    # A definition's gloss often opens with a label and defines in the next sentence ('the basic
    # unit. A small, cross-functional team …'): cut there, it loses the definition (blind batch13).
    second = _SECOND_SENTENCE_RE.match(back) if ". " in back and kind != "definition" else None
    if second and len(content_words(second.group("first"))) >= 2:
        back = second.group("first")  # 'Degraded mode. Normal operation already means …': one fact, the first
    card = generated_card(note, kind, anchor, sentence, front, back)
    if hard_problems(card, note) or _gives_away(note, card) or not well_formed(card, note):
        byline = note.byline
        if byline == note.surname or f"{possessive(byline)} '" not in front:
            return None
        # a question the whole byline makes too long names the first author alone, as it did before bylines
        short = front.replace(f"{possessive(byline)} '", f"{possessive(note.surname)} '", 1)
        return _card(note, kind, anchor, sentence, short, back)
    return card


# What may follow an answer in its sentence, for :func:`_goes_on` (compiled once, not once per card)
_COMMA = re.compile(r",\s")
_COMMA_VERB = re.compile(r",\s+[a-z]+s\s")
_RELATIVE_VERB = re.compile(r"\s+(?:that|which|who)\s+\w+s\b")
_BECAUSE_NEXT = re.compile(r"\s+because\b")
_OR_NEXT = re.compile(r",?\s+or\s")
_DASHED_ASIDE_NEXT = re.compile(
    r"\s*[—–]\s*[^—–.]{1,60}[—–]\s*(?:must|should|can|could|will|would|may|might|needs?|is|are|was|were)\s"
)


_OBJECT_THEN_PARTICLE_RE = re.compile(
    r"^(?:A|An|The|Their|Its|His|Her|Our|Your)\s+(?:[\w-]+\s+){0,3}(?:through|up|out|off|down|away|back|over|around|aside|in|on)$"
)
# a series going on after its first item and closing with a comma before the sentence's main clause: ', plan and
# feature-flag fields, the PM can ask' (not ', keep them modest and framed as …', the main clause itself)
_SERIES_GOES_ON = re.compile(r",\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:and|or)\s+[\w-]+(?:\s+[\w-]+){0,2},\s")


def _goes_on(text: str, part: str, after: re.Pattern[str], *, fold: bool = True) -> bool:
    """Whether ``part`` occurs in ``text`` (case folded unless ``fold`` is False) followed by what ``after`` matches:
    a literal search, then a compiled match, where a pattern built from the answer would be compiled for each card."""
    hay, needle = (text.lower(), part.lower()) if fold else (text, part)
    start = hay.find(needle)
    while start >= 0:
        if after.match(hay, start + len(needle)):
            return True
        start = hay.find(needle, start + 1)
    return False


def _batch172_shape(kind: str, sentence: Sentence, front: str, back: str) -> bool:
    """Shapes of batches 172-179's T0s (each from every judge that rated it): a term glossed by where it comes from ('A
    term from Robert Bjork's work'); a glossed series cut after its second item ('Meaning (a clear definition),
    management (practical guidelines)'); an instruction after 'Before adding an "AI feature",' read as the term's
    gloss; an answer that is a clause opening on 'What they hear will …'; a reason the sentence denies ('A proof is not
    trusted because it is a formally valid derivation; it is trusted because …') or that closes a list of beliefs the
    work describes ('…; unity … are signs of a healthy organisation, so dissent should be avoided'); a reason's subject
    cut before its relative clause ('a product or feature name that promises …'); 'both to' without its 'and' ('the
    right way both to find the defects?'); 'the two' pointing back ('How the two interact'); an answer cut at ', but
    warn'; a thesis cut before its 'because'; and a condition cut inside its series ('A rule is stated, used in
    hiring')."""
    plain_text = sentence.plain
    if kind == "definition" and (
        (
            re.match(r"^(?:A|An|The) (?:term|word|phrase|label|name) (?:from|coined|used|borrowed|introduced)\b", back)
            and not re.search(r"\s(?:for|that|which|meaning)\s", back)
        )
        or (re.match(r"^(?:Before|After|When|If)\s", plain_text) and _instruction_start(back))
    ):
        return True
    if "), " in back and _goes_on(plain_text, back, _COMMA):
        return True
    if re.match(r"^What (?:they|he|she|we|you|it) \w+ (?:will|would|can|could|may|might|must)\b", back):
        return True
    last = plain_text.rsplit(";", 1)[-1].lower()
    if kind == "mechanism" and (
        re.search(r"\bnot\s+\w+\s+because\b", plain_text)
        or (plain_text.count(";") >= 2 and ", so " in last and back.lower() in last)
    ):
        return True
    if "why" in front and _goes_on(plain_text, back, _RELATIVE_VERB):
        return True
    if re.search(r"\bboth to\b", front) and not re.search(r"\bboth to\b[^?]*\s(?:and|or)\s", front):
        return True
    pointing = r"(?:of|in|to|for|with|together|interact|meet|combine|overlap|differ|conflict|compete)"
    if re.search(rf"\bthe (?:two|three|four|five)(?:\s+{pointing}\b|$)", back) or re.search(r",\s+but\s+\w+$", back):
        return True
    if "central claim" in front and _goes_on(plain_text, back, _BECAUSE_NEXT):
        return True
    words_back = back.split()
    return (
        kind == "condition"
        and "," in back
        and len(words_back) >= 3
        and _goes_on(plain_text, " ".join(words_back[-3:]), _COMMA, fold=False)
    )


def _batch180_shape(sentence: Sentence, front: str, back: str) -> bool:
    """Shapes of batches 180-183's T0s (each from every judge that rated it): an answer opening on the particle of a
    phrasal verb ('… assumes away the adjustment': 'Away the adjustment …'); a fronted phrase whose object points
    back, left inside the question ('what does the note say without one, the estimate leans on?'); a 'whether' cut
    before its alternative ('Whether specialist forms, which do well …', then ', or generalist forms'); an answer cut
    before a dashed aside after which its clause's verb comes ('… something the team', then '— not the model — must
    define'); a
    question about a later edition or retrospective of the work (bibliographic); and an answer cut inside a series of
    adjectives ('… through a sequence of small', then ', progressively harder steps')."""
    plain_text = sentence.plain
    if re.match(r"^(?:Away|Off|Aside)\s", back):
        return True
    if re.search(r"\b(?:without|with|for|from|after|before|despite) (?:one|it|them|this|that|these|those),\s", front):
        return True
    if back.startswith("Whether ") and not re.search(r"\sor\s", back) and _goes_on(plain_text, back, _OR_NEXT):
        return True
    if _goes_on(plain_text, back, _DASHED_ASIDE_NEXT):
        return True
    # (not a bare 'retrospective': a team's retrospective is a PM's ritual)
    later = r"(?:later|subsequent|follow-up) (?:retrospective|essay|paper|book)|afterword|foreword|epilogue|postscript"
    if re.search(rf"\b(?:{later}|(?:second|revised|later|new) edition)s?\b", front.rsplit("', ", 1)[-1]):
        return True
    size = r"small|large|big|short|long|simple|cheap|quick|fast|slow|low|high|new|old|early|late|tiny|huge"
    return bool(re.search(rf"\b(?:of|with|by|for|an?|the|many|several)\s+(?:{size})$", back)) and _goes_on(
        plain_text, back, _COMMA
    )


def _batch168_shape(kind: str, sentence: Sentence, front: str, back: str) -> bool:
    """Shapes of batches 168-171's T0s (every one from every judge that counted): a purpose clause read into a
    claim's subject ('what does order increments by value so that schedule risk eat?'); a subject left inside a
    why-question with its 'because' ('why is piles exist because classifying hard?'); a reporting clause read into a
    contrast's subject ('what are the authors stress that the runs, if not …?'); 'one' standing for a noun the
    sentence named before ('what is a civic one?'); a second clause joined to the answer ('A person and nobody
    backfills'); a reason cut before its verb ('A rigid process …, or a flexible process making commodities', then
    ', tends to lose'); and a contrast answered by a bare appraisal ('A vivid number')."""
    if re.search(r", what (?:does|do|did|is|are) [^?]*\bso that\b", front) or re.search(
        r"\bwhy (?:is|are|was|were) [^?]*\bbecause\b", front
    ):
        return True
    reporting = r"(?:stress|argue|note|say|claim|insist|warn|show|admit|concede)s?"
    if re.search(rf", what (?:is|are) [^?]*\b{reporting} that\b[^?]*, if not ", front):
        return True
    if kind == "definition" and re.search(r"\bwhat (?:is|are) (?:an? |the )?(?:[\w-]+ )?ones?\?$", front):
        return True
    if kind in ("mechanism", "reason") and _goes_on(sentence.plain, back, _COMMA_VERB):
        return True
    if re.search(r"\sand (?:nobody|no one|everyone|someone|nothing)\s+[a-z]+$", back):
        return True
    return kind == "contrast" and bool(re.match(r"^(?:A|An) [a-z]+ (?:number|figure|statistic|estimate)$", back))


def generated_card(note: Note, kind: str, anchor: str, sentence: Sentence, front: str, back: str = "") -> Card:
    """The card of rule ``kind`` on ``sentence`` (key ``g.<kind>.<anchor>``), before any gate."""
    if "{{c1::" not in front:
        front = re.sub(r"\s+also(?=\s)", "", front)  # 'what does the book also assume?' hangs on the note
    return Card(
        note_id=note.id,
        key=f"g.{kind}.{anchor}" if anchor else f"g.{kind}",
        kind="cloze" if "{{c1::" in front else "basic",
        front=front,
        back=back,
        extra=sentence.text,
        origin=f"generated:{kind}",
        path=note.path,
        line=sentence.line,
        tags=note.tags,
    )


def _gives_away(note: Note, card: Card) -> bool:
    """Whether the question and title together already hold most of the answer."""
    if card.kind == "cloze":
        hidden = " ".join(re.findall(r"\{\{c1::(.+?)\}\}", card.front))
        rest = re.sub(r"\{\{c1::.+?\}\}", " ", card.front)
    else:
        hidden, rest = card.back, card.front
    answer = set(content_words(hidden))
    if not answer:
        return True
    seen = set(content_words(rest)) | set(content_words(note.title))
    # the answer's head noun, before any phrase after it: 'A sensible response to the cost' is a response (batch78: T2)
    head_part = hidden
    if re.match(r"^(?:an?|the)\s", hidden, re.I):
        head_part = re.split(r"\s+(?:of|to|for|in|on|with|from|by|about|against)\s+", hidden)[0]
    head = (content_words(head_part) or content_words(hidden))[-1]
    shown = f"'{short_title(note)}'"
    if len(answer) <= 3 and shown in rest and head in content_words(shown):
        if head not in content_words(rest.replace(shown, " ")):
            return True  # 'Abundant, cheap coal' under 'The Coal Question': the title names the answer (batch70: T1)
    # 'A set of aspects, meaning …' under 'Elimination by Aspects' (batch83: T1 from every judge): a container noun
    # ('set', 'kind') names nothing; the noun after 'of' is the answer's head, and the title holds it
    container = re.match(
        r"^(?:an?|the)\s+(?:set|kind|form|type|sort|collection|bundle|series)\s+of\s+([\w-]+)", hidden, re.I
    )
    if container and shown in rest and card.origin != "generated:definition":
        inner = set(content_words(container.group(1)))
        if inner & set(content_words(shown)) and not inner & set(content_words(rest.replace(shown, " "))):
            return True
    return len(answer & seen) / len(answer) >= 0.5


_PREP_CONTRAST_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?P<v>is|are)\s+(?P<part>\w+ed\s+|\w+en\s+)?not\s+(?P<pa>by|for|about|on|in|from|with)\s+"
    r"(?P<a>[^,;:]{2,50}?),?\s+but\s+(?P<pb>by|for|about|on|in|from|with)\s+(?P<b>.+)$"
)


# 'Markets are won by vision and resources, not by the timing of entry': the same contrast, the denied half last
_PREP_CONTRAST_REV_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?P<v>is|are)\s+(?P<part>\w+ed\s+|\w+en\s+|won\s+)(?P<pb>by|for|about|on|in|from|with)\s+"
    r"(?P<b>[^;:]{2,90}?),\s+not\s+(?P<pa>by|for|about|on|in|from|with)\s+(?P<a>[^,;:]{2,50}?)\.?$"
)
_PREP_RATHER_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?P<v>is|are)\s+(?P<part>\w+ed\s+|\w+en\s+)?(?P<pb>by|for|about|on|in|from|with)\s+"
    r"(?P<b>[^,;:]{2,60}?)\s+(?:rather than|instead of)\s+(?:(?P<pa>by|for|about|on|in|from|with)\s+)?(?P<a>[^,;:]{2,50}?)\.?$"
)


# 'Bad decisions usually come not from poor options but from the way the mind works on them', and 'Advantage comes
# from what is scarce, not what is ubiquitous' -> 'where do bad decisions usually come from, if not from poor options?'
_SOURCE_CONTRAST_RE = re.compile(
    r"^(?P<x>.{2,60}?)\s+(?P<adv>(?:usually|mostly|largely|often|mainly|typically)\s+)?(?:comes?|stems?|springs?)\s+"
    r"(?:not\s+from\s+(?P<a>[^,;:]{2,50}?),?\s+but\s+from\s+(?P<b>[^;:]{2,90}?)"
    r"|from\s+(?P<b2>[^,;:]{2,70}?),\s+not\s+(?:from\s+)?(?P<a2>[^,;:]{2,50}?))\.?$"
)


_ONE_NOUN_RE = re.compile(
    # 'the main force' (batch198: 'what is the main force, if not algorithmic filtering alone?', T1 from two judges of
    # three: the force of what?) points back as much as 'the force'
    r"^(?:the|each|this|that)\s+(?:(?:typical|usual|likely|overall|common|net|end|main|primary|chief|biggest|dominant|"
    # 'the correct answer needs a comparison of ratios' (batch200: 'what does the correct answer need?', T1 from every
    # judge: to what?)
    r"underlying|correct|right|wrong)\s+)?(?P<n>[a-z-]+)"
    r"(?:\s+(?:is|are|was|were)\b|$)"
)


def _subject_and_verb(label: str, note: Note) -> bool:
    """Whether ``label`` reads as 'The <noun> <verb>s' ('The query evolves'): a singular noun, then an -s word the
    note never writes after a determiner, so a verb, not the head of a compound noun ('The user needs')."""
    tokens = [t.lower() for t in words(label)]
    if len(tokens) == 3 and tokens[0] != "the" and not tokens[0].endswith("s") and _plural(tokens[1]):
        tokens = ["the", *tokens[:2]]  # 'Position shapes preference': a bare noun, then its verb (batch75)
    elif len(tokens) != 3 or tokens[0] != "the" or tokens[1].endswith("s") or not _plural(tokens[2]):
        return False
    determined = rf"\b(?:the|a|an|its|their|this|these|our|your|many|some)\s+{re.escape(tokens[2])}\b"
    return not re.search(determined, _lower_text(note), re.I)


def _points_back(answer: str, note: Note) -> bool:
    """Whether a short answer names only something the sentence before named: 'The order' ('The order explains the
    design', batch74: T1 from every judge), 'The differing weights' (batch77: T1 from every judge)."""
    tokens = words(answer)
    if len(tokens) <= 2:
        return _vague_referent(answer.lower(), note)
    return len(tokens) == 3 and tokens[1].lower() in _BACK_POINTING_MODIFIERS | {"differing", "two", "three"}


def _vague_referent(text: str, note: Note) -> bool:
    """Whether ``text`` opens on one common noun that points back into the note ('the number', 'each step',
    'the lesson is bitter'): which number, which lesson, the learner cannot tell (blind batches 36-37)."""
    match = _ONE_NOUN_RE.match(text)
    if not match or match.group("n") in note.title.lower():
        return False
    return match.group("n") not in {w.split()[-1] for _, w in _WORK_WORDS} | {"work", "book", "author", "authors"}


# what kind of work the work is ('the paper, if not an argument?': 7 development cards, 21 ratings, 10% T2/T3)
# the work's own material, named without the work ('many of the examples', 'the case studies')
_WORKS_SUBJECT_RE = re.compile(
    r"^(?:the\s+)?(?:work|book|paper|essay|article|study|talk|report|piece|chapter)'s\s", re.I
)
_WORKS_OWN_RE = re.compile(r"\bthe\s+(?:examples|cases|case studies|stories|anecdotes|studies|data|sources)\b", re.I)
_GENRE_SUBJECT_RE = re.compile(
    r"^(?:the|its)\s+[\"“]?(?:paper|essay|book|article|post|talk|memo|thread|deck|theory|model|framework|study|work|"
    r"argument|method|laws?|evidence|data|principles|rules|ideas|lessons|tips)[\"”]?$",
    re.I,
)


def _contrast_subject(subject: str | None, note: Note) -> str | None:
    """The subject a contrast asks about, or None: not a noun that points back into the note, nor the work's genre
    ('what is the essay, if not a study?' asks a judgement of the note, not an idea of the work)."""
    if not subject or _vague_referent(subject, note) or _GENRE_SUBJECT_RE.match(subject.strip()):
        return None
    return subject


def _source_contrast(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X usually comes not from A but from B' / 'X comes from B, not A' -> 'where does X come from, if not from A?'"""
    source = " from " in core and " not " in core and _SOURCE_CONTRAST_RE.match(core)
    if source:
        subject = _topic(source.group("x"), note=note)
        subject = _contrast_subject(subject, note)
        alternative = plain(source.group("a") or source.group("a2")).strip()
        answer = clean_answer(source.group("b") or source.group("b2"))
        if subject and answer and _self_contained(answer) and not _mirrors(alternative, answer):
            asked = subject[0].lower() + subject[1:] if _common_word(words(subject)[0], note) else subject
            front = (
                f"{ctx}, where {_do(subject)} {asked} {source.group('adv') or ''}come from, if not from {alternative}?"
            )
            yield "contrast", _card(note, "contrast", slug(subject, 1), s, front, answer)


def _bare_label(answer: str) -> bool:
    """An answer of one or two words ('A system', 'An ideology') to 'what is X, if not A?': the opposite of A.

    Over the blind first runs to batch119 such cards were T2/T3 in 24% of 182 ratings (44 cards; 'what is listening,
    if not a slogan?' — 'A system', T1 from every judge): guessable from the alternative, and a label that says little.
    Two words after an article ('A design constraint', batch122: T1 from every judge) were 38% of 68 ratings, with
    several T3s ('The maintainer's attention'): still asked.
    """
    return len(words(answer)) <= 2


def _prep_contrast(
    note: Note, s: Sentence, ctx: str, match: re.Match[str], prep: str | None
) -> tuple[str, Card | None] | None:
    """'X is made of B rather than A' / 'X lives in B, not in A' -> 'what is X made of, if not A?' — B; None when the
    parts do not make a card."""
    subject = _contrast_subject(_topic(match.group("x"), note=note), note)
    alternative = plain(match.group("a")).strip()
    answer = clean_answer(match.group("b"))
    if (
        not subject
        or not answer
        or not _self_contained(answer)
        or _bare_label(answer)
        or re.search(r"\b(?:those|these|such)\b", alternative)
    ):
        return None
    part = (match.group("part") or "").strip()
    verb = f"{match.group('v')} {subject} {part} {prep}".replace("  ", " ")
    return "contrast", _card(
        note, "contrast", slug(subject, 1), s, f"{ctx}, what {verb}, if not {alternative}?", answer
    )


# 'A message is not the topic. It is what the audience should understand.': a denial, then its correction in the
# next sentence, led by 'It is'/'They are'
_NOUN_ENDING = r"(?:[^s]s|ity|tion|sion|ment|ness|ance|ence|ism|ure|age|ship|dom)$"
_DENIED_BEFORE_RE = re.compile(r"^(?P<x>[^,;:()]{3,60}?)\s+(?P<v>is|are)\s+not\s+(?P<a>[^,;:()]{2,80}?)\.?$")
_CORRECTED_RE = re.compile(r"^(?:It is|They are)\s+(?P<b>.+)$")


def _contrast(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    corrected = _CORRECTED_RE.match(core)
    denied = _DENIED_BEFORE_RE.match(_REPORTING_THAT_RE.sub("", plain(s.previous).strip())) if corrected else None
    if (
        corrected
        and denied
        and _agrees("they" if core.startswith("They") else "it", words(denied.group("x")))
        and not re.match(r"^(?:many|most|some|all|few)\b", denied.group("x"), re.I)  # 'many narratives are not new'
        # 'not new', 'not free': a quality, no thing to name ('not volatility', 'not predictions' name one)
        and (len(words(denied.group("a"))) >= 2 or re.search(_NOUN_ENDING, denied.group("a")) is not None)
    ):
        # (batch200's Doumont note, no card; 20 such pairs in the development notes and content/); 'a piece of
        # reasoning encoded visually and has to be read': the second predicate is no part of what it is
        correction = re.split(r",?\s+and\s+(?:has|have|is|are|must|can|should|will|does|do)\b", corrected.group("b"))[0]
        core = f"{denied.group('x')} {denied.group('v')} not {denied.group('a')} but {correction}"
    rather = ("rather than" in core or "instead of" in core) and _PREP_RATHER_RE.match(core)
    if rather and rather.group("pa") in (None, rather.group("pb")):
        found = _prep_contrast(note, s, ctx, rather, rather.group("pb"))
        if found:
            yield found
            return
    match = " not " in core and (_PREP_CONTRAST_RE.match(core) or _PREP_CONTRAST_REV_RE.match(core))
    if match and match.group("pa") == match.group("pb"):
        found = _prep_contrast(note, s, ctx, match, match.group("pa"))
        if found:
            yield found
            return
    heads = [core] + [c for c in re.split(r";\s+|:\s+", core)[:3] if c != core]  # 'X is A, not B; …'
    if "; they are " in core or "; it is " in core:  # 'new users are not passive learners; they are active …'
        heads.insert(0, re.sub(r"\s+(is|are)\s+not\s+([^;]{2,60});\s+(?:it is|they are)\s+", r" \1 not \2 but ", core))
    for pattern, piece in ((p, h) for h in heads for p in (_CONTRAST_RE, _CONTRAST_REV_RE, _RATHER_RE)):
        match = pattern.match(piece)
        if not match:
            continue
        if _IMPERATIVE_RE.match(piece) or re.search(
            r"\b(?:whether|if|when|how|what|why|because|since|although|though|unless)\b", match.group("x"), re.I
        ):
            continue  # 'check whether the roadmap is …' is advice, not a thing to define; 'Worth reading … because it
            # is A, not B' has no subject (batch65: 'what is worth reading … because it, if not …?', T0)
        subject = _topic(match.group("x"), note=note)
        subject = _contrast_subject(subject, note)
        alternative = plain(match.group("a")).strip().rstrip(".")
        # '… not a law of nature but the result of choices, and that those choices can be reversed': a second claim
        answer = clean_answer(re.split(r",\s+and\s+(?:that|so)\s+", match.group("b"))[0])
        if (
            not subject
            or not answer
            or not 1 <= len(words(alternative)) <= 8  # 'X is not -- but Y' names no alternative (a property test's
            # IndexError below)
            or not _self_contained(answer)
            or _bare_label(answer)
        ):
            continue
        if len(words(alternative)) == 1 and re.search(r"\b(?:something|what|anything)\s+\w+\s+\w+$", answer, re.I):
            continue  # 'something customers choose rather than discover': the alternative is the verb's ('what is
            # the damage, if not discover?')
        if re.match(r"^(?:better|worse|more|less|higher|lower|bigger|smaller|faster|slower)\b", alternative):
            continue  # 'are worse, not better': a comparison with nothing named to compare (batch44: T0 from every judge)
        if re.search(r"['’]s?$", alternative) or _mirrors(alternative, answer):
            continue  # 'if not the manager's?' leaves one party: the question gives the answer away
        if re.match(r"^(?:by|for|about|on|in|from|with|to|at)\b", alternative) or re.search(
            r"\b(?:those|these|such|this|they|them)\b", alternative
        ):
            continue
        if words(alternative)[0].lower().endswith("ing") and not words(answer)[0].lower().endswith("ing"):
            continue  # 'lines are read as carrying on in their direction rather than turning sharply' (batch116: 'what
            # are lines and sequences, if not turning sharply?' — 'Read as carrying on …', T0/T1): the act contrasted
            # is the predicate's, not what the subject is
        verb = "are" if re.search(r"\s+are\s+", piece[: match.end("x") + 5]) else "is"
        if verb == "are" and re.search(r"\b(?:it|its)\b", alternative):
            continue  # 'what are holdout groups …, if not arguing about it?': 'it' is none of a plural subject, so
            # something the question cannot name (batch71); in 'the real cost of a technology, if not adopting it'
            # 'it' is the technology
        front = f"{ctx}, what {verb} {subject}, if not {alternative}?"
        yield "contrast", _card(note, "contrast", slug(subject, 1), s, front, answer)
        return
    yield from _fronted_contrast(note, s, core, ctx)


# 'The waiting, not the building, is usually the slow part', 'Signal-to-noise, not sample size alone, decides what …'
_FRONTED_NOT_RE = re.compile(
    r"^(?P<x>[^,;:()]{2,60}?),\s+not\s+(?P<a>[^,;:()]{2,40}),\s+(?P<v>is|are|was|were|[a-z]{3,}s)\s+(?P<y>[^;:]{3,90})$"
)


_DECIDING_VERBS = frozenset("decide determine drive explain matter predict limit set shape cause make win".split())


def _fronted_contrast(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'A, not B, is C' -> 'what is C, if not B?' — A (batch79: 'the telegraph, not the internet, was the more dramatic
    break …' gave a rich note no card at all)."""
    match = _FRONTED_NOT_RE.match(plain(core).strip().rstrip("."))
    if not match:
        return
    verb = match.group("v")
    if verb not in ("is", "are", "was", "were") and (verb in STOPWORDS or base_form(verb) not in _DECIDING_VERBS):
        return  # 'A, not B, thinks …' is no claim about which thing does what
    rest = re.split(r",\s+(?:which|who|so|and|but|while|because)\s+", match.group("y"))[0].strip()
    alternative = match.group("a").strip()
    answer = clean_answer(match.group("x"))
    if not answer or not _self_contained(answer) or len(words(rest)) > 14 or _vague_referent(rest, note):
        return
    if re.match(r"^(?:the|a|an)\s+\w+$", rest, re.I) and rest.split()[-1].lower() in _VAGUE_HEADS:
        return  # 'judgement, not rule-following, is the point': the point of what, the question cannot say
    if re.search(r"\b(?:those|these|such|this|that|they|them|it|its)\b", f"{alternative} {rest}", re.I):
        return
    front = f"{ctx}, what {verb} {_lowered(rest, note)}, if not {alternative}?"
    yield "contrast", _card(note, "contrast", slug(rest, 2), s, front, answer)


_LIST_CALLS_RE = re.compile(r"\bcalls?\s+(?:it\s+)?(?P<t>[^,;:]{2,30}?)\s*:?$")
# 'does the team know …' is a question even without its '?'; 'how many people …' is a noun clause, a fine answer
_QUESTION_START_RE = re.compile(r"^(?:does|do|is|are|was|were|can|will|should|has|have)\b", re.I)


# a list too long to ask whole (MAX_LIST_ITEMS) still names its parts: 'what is 'Temporality', one of the nine
# viewpoints?'
_LONG_LIST_RE = re.compile(r"(?P<n>nine|ten|eleven|twelve)\s+(?P<what>(?:[\w-]+\s+){0,2}?[\w-]+)\s*:", re.I)


def _list_name(s: Sentence) -> str:
    """The name of the list a bullet belongs to ('GIST', 'the three levers'), or '' when its lead names none."""
    lead = plain(s.lead).strip().rstrip(":").strip()
    named = _LIST_CALLS_RE.search(lead)
    if named and not re.match(r"^(?:it|this|that|them)$", named.group("t"), re.I):
        return named.group("t").strip()
    # 'He offers nine "viewpoints" to consider:' names 'the nine viewpoints' (batch47): the quotes and the purpose go
    lead = re.sub(r"\s+to\s+(?:consider|weigh|check|ask|watch|keep in mind)$", "", re.sub(r"[\"“”]", "", lead))
    counted = _LEAD_LIST_RE.search(f"{lead}:") or _LONG_LIST_RE.search(f"{lead}:")
    if counted and re.match(r"(?:other|more|further|additional|extra)\b", counted.group("what"), re.I):
        return ""  # 'plus two other tools:' (batch74: "one of the two other tools?", T1): other than what?
    if counted and words(counted.group("what"))[0].lower() in PREPOSITIONS:
        return ""  # '… with all three in mind:' (batch81: "one of the three in mind?", T1 from every judge)
    if counted and re.search(
        r"\b(?:how|when|where|whether)\s+(?:the\s+)?" + re.escape(counted.group("n")) + r"\b", lead, re.I
    ):
        # '… depending on how the two frames meet:' (batch113: "what is 'Science', one of the two frames meet?",
        # T1 from every judge): the items are ways they meet, not frames
        return ""
    if counted and len(words(counted.group("what"))) <= 3:
        what = re.sub(
            r"\s+(?:follow|follows|matter|apply|emerge|exist|stand out|recur)$", "", counted.group("what").strip()
        )
        # 'Three conditions were compared:' (batch205: "one of the three conditions were compared?", T2 'ungrammatical')
        what = re.split(r"\s+(?:are|were|is|was|have|has|had|get|got)\b", what)[0]
        whole = re.match(
            r"^(?:the\s+)?(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:falls?|comes?|divides?|splits?|sorts?)\s+into\s+",
            lead,
            re.I,
        )
        if whole and len(words(what)) == 1:
            # 'The currencies fall into five families:' (batch97: "what is 'Personal', one of the five families?", T1
            # from every judge): the families are the currencies'
            return f"the {counted.group('n').lower()} {what} of {whole.group('x').lower()}"
        return f"the {counted.group('n').lower()} {what}"  # 'Three consequences follow:' lists the consequences
    return ""


def _named_member(note: Note, term: str, listed: str) -> str:
    """'gap instinct' when the note calls 'Gap', one of 'the ten instincts', the 'Gap instinct' (or 'Straight line' the
    'Straight-line instinct'); '' when it never names the part with the list's noun."""
    kind = listed.split(maxsplit=2)[-1] if listed.startswith("the ") and len(listed.split()) > 2 else ""
    if not kind or not _plural(kind) or len(words(term)) > 2:
        return ""
    named = f"{term} {kind[:-1]}".lower()  # 'the five blind spots': 'Tide' is the 'tide blind spot'
    pattern = r"\b" + re.escape(named).replace(r"\ ", "[ -]") + r"\b"
    found = re.search(pattern, _lower_text(note), re.I)
    return found.group().lower() if found else ""  # as the note writes it: 'straight-line instinct'


# a section heading that names the list under it: 'Key ideas: the ten instincts', 'The four fits'
_HEADING_LIST_RE = re.compile(
    r"(?:^|:\s*)(?:the\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<what>[a-z-]+(?:\s+[a-z-]+)?)$",
    re.I,
)


def _heading_list(s: Sentence) -> str:
    """The list a bullet with no lead sentence belongs to, when its section heading names it ('the ten instincts')."""
    named = _HEADING_LIST_RE.search(plain(s.heading).strip())
    return f"the {named.group('n').lower()} {named.group('what').lower()}" if named else ""


def _list_item(
    note: Note, s: Sentence, ctx: str, term: str, gloss: str, listed: str
) -> Iterator[tuple[str, Card | None]]:
    """'**Goals**: a north star metric …' under 'a system he calls GIST:' -> the 'Goals' part of GIST."""
    if not term or not listed or _under_myths(s) or term.lower() in _EXAMPLE_LABELS:
        return  # '**Application**: synthetic California, …' as one of the steps is the example, not a step (batch117)
    text = plain(gloss).strip()
    if text.endswith("?") or _QUESTION_START_RE.match(text):
        # the item is a question the part asks: the part is the answer, never the question
        question = text.rstrip("?").strip()
        if len(words(question)) > 16 or not re.match(r"^(?:does|do|is|are|how|what|who)\b", question, re.I):
            return
        asks = f"{question[0].lower()}{question[1:]}"
        front = f"{ctx}, which of {listed} asks: {asks}?" if listed.startswith("the ") else ""
        if front:
            yield "definition", _card(note, "definition", slug(term), s, front, term[0].upper() + term[1:])
        return
    answer = clean_answer(text, 14, trim_relative=False, whole_series=True)
    if not answer or not _self_contained(answer) or re.search(r"\b(?:above|below)\b", answer):
        return
    sentences_of = re.split(r"(?<=[a-z])\.\s+(?=[A-Z])", answer)
    if len(sentences_of) > 1 and len(words(sentences_of[1])) < 3:
        answer = sentences_of[0]  # 'A dedicated team owns the system full-time. Focused': the next word is a verdict
    if len(content_words(sentences_of[0])) < 2:
        return  # 'The means. What the company will do …': the first sentence says nothing alone
    if re.search(r"\bit\b", answer, re.I):
        return  # '- Rare: few competitors have it': 'it' is what the list is about, which the card never names
    if " " in term and term.split()[1].islower():
        term = _term(term, note)  # 'Problemistic search' is a phrase of the note, not a name
    named = _named_member(note, term, listed)
    if named:
        # 'Gap', one of the ten instincts, that the note also calls 'the gap instinct': asked by that name (batch71)
        front = f"{ctx}, what is the {named}?"
    elif listed.startswith("the "):
        verb = "are" if _plural(words(term)[-1]) and not term.isupper() else "is"
        front = f"{ctx}, what {verb} '{term}', one of {listed}?"
    else:
        front = f"{ctx}, what is the '{term}' part of {listed}?"
    yield "definition", _card(note, "definition", slug(term), s, front, answer)


# 'Reflection effect: preferences flip when …' / '- Gulf of evaluation: figuring out …': a plain (unmarked) label of
# one to four words opening the sentence, then its gloss. Words that label the writer's own discourse ('Spool's
# point:', 'Prescription:', 'What to measure:') name no term.
_LABEL_GLOSS_RE = re.compile(
    r"^(?P<t>[A-Z][A-Za-z-]*(?:\s+(?:[a-z][A-Za-z-]*|[A-Z][A-Za-z-]*)){0,3})\s*:\s+(?P<y>[a-z][^:]{8,}?)\s*$"
)
# a bullet's label may also end at a dash: '- Satisficing — people look for good-enough choices …'
_ITEM_LABEL_DASH_RE = re.compile(r"^(?P<t>[A-Z][A-Za-z-]*(?:\s+[A-Za-z-]+){0,3})\s+[—–]\s+(?=[a-z])")
# labels that introduce an example of the note's point ('**Application**: synthetic California, …'), never a term
_EXAMPLE_LABELS = frozenset(
    "application applications illustration demonstration example examples recommendation recommendations".split()
)  # ('**Recommendations**: be careful about …': batch146, 'what are recommendations?', T0 from two judges of four)
_DISCOURSE_LABELS = (
    frozenset(
        """point claim claims thesis argument definition pitch prescription prescriptions evidence critique example
    examples scope consequence consequences mechanism numbers number answer question lesson lessons takeaway idea
    problem result results finding findings caveat summary way ways step steps verdict upshot aim goal premise
    method catch twist irony alternative remedy fix advice recommendation conclusion key note warning context
    background origin story case cases data study studies test tests experiment experiments rule proposal
    practical theory model diagnosis insight observation implication implications lesson cost costs benefit
    benefits trade-off tradeoff limit limits weakness strength strengths risk risks problem problems part parts
    first second third last finally also bottom line""".split()
    )
    | _EXAMPLE_LABELS
)
_LABEL_STARTS = PRONOUNS | frozenset("what how why when where who which our my your".split())


def _application_heading(s: Sentence, gloss: str) -> bool:
    """Whether ``s`` is an item of the application section whose gloss is a claim or advice ('**Knowledge flow**:
    rotate PMs …', '**Internal platform strategy**: a company organised like …, will be slower …'): the label heads
    an application, it names no term to define (batch65: 'what is a knowledge flow?', T0 from three of four judges)."""
    return bool(s.item) and role_of(s.heading) == "application" and (_has_clause(gloss) or _instruction_start(gloss))


# 'be' and the linking verbs (_LINKING_VERBS), as a sentence writes them: a word after one describes the subject
_COPULAS = frozenset("is are was were be been being seem seems look looks stay stays".split())


# verbs that make a label a claim when a word precedes and follows them ('Naivety makes procrastination worse')
_LABEL_CLAIM_VERBS = frozenset(
    "makes beats matters wins fails drives creates reshapes outweighs moves turns raises lowers hides kills requires "
    "involves needs takes carries shapes determines predicts governs explains causes breeds trumps precedes".split()
)
# verbs a claim label ends on ('Local comparison misleads', 'Context matters')
_LABEL_END_VERBS = frozenset(
    "misleads matters works fails wins helps backfires compounds scales decays pays counts breaks spreads sticks lasts "
    "leaks persists dominates".split()
)


def _clause_label(term: str) -> bool:
    """Whether a label reads as an instruction or a clause, not a term: it opens on a verb the labels of notes
    use as instructions ('Avoid preferences'), holds a comma ('Let the user point, not specify'), a determiner
    inside it not after 'of' ('Infer context from the environment'), or a plural subject and its verb ('Duct tapers
    live inside product orgs')."""
    low = [t.lower() for t in words(term)]
    if not low or low[0] in _LABEL_VERBS or low[0] in _LABEL_STARTS or "," in term:
        return True  # ('**Your own org**: …' names no term: batch74, 'what is your own org?')
    if len(low) >= 3 and low[0] in ("each", "every"):
        # '**Each medium reshapes thought**: …' (batch111: 'what is each medium reshapes thought?'): a claim
        return True
    if len(low) >= 2 and low[-1] in _LABEL_END_VERBS and low[-2] not in STOPWORDS:
        # '**Local comparison misleads**: …' (batch127: 'what are local comparison misleads?', T0 from every
        # judge): a subject and its verb
        return True
    if _claim_label(low):
        return True  # '**Naivety makes procrastination worse**: …' (triage: 'what is naivety makes procrastination
        # worse?', T0): a subject, its verb and its object are a claim, not a term
    if len(low) >= 4 and _plural_subject_and_verb(low):
        return True  # batch107: 'what are duct tapers live inside product orgs?' (T0 from every judge)
    return any(t in ("the", "a", "an") and low[i - 1] != "of" for i, t in enumerate(low) if i > 0)


def _claim_label(low: list[str]) -> bool:
    """Whether lowered label words hold a subject, a verb of claims and what follows it ('naivety makes
    procrastination worse'): a claim, not a term."""
    return len(low) >= 3 and bool(set(low[1:-1]) & _LABEL_CLAIM_VERBS)


def _plural_subject_and_verb(low: list[str]) -> bool:
    """Whether lowered label words hold a plural noun and a bare verb after it: 'operators play dual roles' (the
    first word), 'duct tapers live inside product orgs' (a later one, its verb followed by a preposition)."""
    return len(low) >= 3 and any(
        _plural(low[i])
        and low[i + 1] not in PREPOSITIONS | {"and", "or"}
        and low[i + 1][-1] not in "sdg"
        and (i == 0 or low[i + 2] in PREPOSITIONS)
        for i in range(len(low) - 2)
    )


# a gloss that is a sentence of its own ('a group application can't be tested in a lab'), not a noun phrase
_GLOSS_IS_STATEMENT_RE = re.compile(
    r"^(?!(?:how|what|why|when|where|who|which|whether)\b)(?:an?|the|each|every|most|many|some|no)?\s*"
    r"(?:[\w'-]+\s+){0,4}?(?:is|are|was|were|can|cannot|can't|must|will|"
    r"does|do|has|have|creates?|makes?|keeps?|needs?)\b"
)


def _label_gloss(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'Reflection effect: preferences flip when gains become losses, so …' -> 'what is the reflection effect?' —
    'Preferences flip when gains become losses' (a central-argument label; a one-word label only when it is no
    everyday word of the note or its list is named). A label must read as a term: no clause ('Order matters:'),
    no instruction ('Avoid preferences:'), no count ('The three spaces:'); its gloss must define it, not list
    parts (the list rule asks those), tell a story, or refute a myth the list names."""
    text = s.plain.strip()
    if s.item and (" — " in text or " – " in text):
        text = _ITEM_LABEL_DASH_RE.sub(r"\g<t>: ", text, count=1)
    match = _LABEL_GLOSS_RE.match(text)
    if not match:
        return
    term = re.sub(r"^The\s+", "", match.group("t").strip())
    if term != match.group("t").strip() and _SUPERLATIVE_LABEL_RE.match(term):
        return  # 'The best-known demonstration: a disease …' introduces an example, it names no term (batch65: T0)
    tokens = words(term)
    low = [t.lower() for t in tokens]
    listed = _list_name(s) if s.item and s.lead else ""  # the list the bullet is a part of, named by its lead
    if not tokens or low[0] in _LABEL_STARTS or low[0] in _NUMBERS or low[0] in _LABEL_VERBS:
        return
    if set(low) & (_LABEL_VERBS | PRONOUNS) or "'" in term or "’" in term:
        return
    if _plural_subject_and_verb(low) or _claim_label(low):
        return  # 'Operators play dual roles:' is a plural subject and its verb, a clause; so is 'Naivety makes
        # procrastination worse:' (triage: 'what is naivety makes procrastination worse?', T0)
    if _subject_and_verb(match.group("t").strip(), note):
        return  # 'The query evolves: each thing …' is a clause (batch60: 'what are query evolves?', T0 from every judge)
    if not s.item and len(tokens) >= 3 and re.fullmatch(r"[a-z]{2,}ed", tokens[1]) and _proper_name(tokens[0], note):
        return  # 'Carmack chased technical breakthroughs: smooth side-scrolling …' (batch119: 'what are carmack chased
        # technical breakthroughs?', T0 from every judge): a person and what they did, a clause
    if s.item and _steps_list(note, s, term):
        return  # 'Vary real-world events: …' beside 'Run in production' is a step to take (batch70: 'what are vary …?')
    if _instruction_start(term):
        return  # 'Gather raw material: specific knowledge of …' (batch95: 'what is gather raw material?', T0 from every
        # judge): a step of a method, named by what to do
    if low[-1] in _DISCOURSE_LABELS - _NAMED_CONCEPT_HEADS or low[0] in _DISCOURSE_LABELS - _NAMED_CONCEPT_HEADS:
        return  # 'Second lesson:', 'Netflix examples:', 'Evidence base:' label the writer's discourse
    if any(t in STOPWORDS or t in PREPOSITIONS for t in low if t not in ("of", "and")) or low[-1] in ("of", "and"):
        return  # 'Work proceeds in cycles:', 'Tools for complexity:' are no names
    if len(tokens) == 1 and re.search(r"(?:ing|ed|able|ible|ive|ful|ous)$", low[0]) and not listed:
        return  # 'Margin-enhancing:' is a quality, not a term ('Signalling', one of the four S's, names a part)
    gloss = match.group("y")
    if _application_heading(s, gloss):
        return
    if re.match(r"^(?:and|or|but|so|then|which|who|it|they|he|she|we|you|this|that|these|those|there)\b", gloss):
        return  # the sentence goes on, or its subject needs the note
    instructions = [p for p in re.split(r",\s+(?:and\s+)?|;\s+", gloss.split(". ")[0]) if _instruction_start(p)]
    if len(instructions) >= 2 or re.search(r"\bshould\b", re.split(r"[,;.]", gloss)[0]):
        return  # 'Dependency management: expect dependencies to be slow …, isolate their failures …' heads a
        # checklist's advice, it defines nothing (batch61: 'what is <heading>?', T1 from every judge); one instruction
        # can be what a term is ('Market development: take the current products to new customers', T3)
    if gloss.split()[0] in PREPOSITIONS:
        return  # 'Fear: in a culture of fear people stop …' sets a scene, it defines nothing
    first = re.split(r"\.\s", gloss)[0]
    parts = [p for p in _LIST_SPLIT_RE.split(first.replace(";", ",")) if p.strip()]
    if len(parts) >= 2 and all(len(words(p)) <= 4 for p in parts[:-1]):
        if listed and ";" not in first:
            # 'Common ground: shared knowledge, context and vocabulary', one of the four concepts: its parts gloss it
            # ('Cash cows: high share, slow growth. They generate …': the first sentence)
            yield from _list_item(note, s, ctx, term, first, listed)
        return  # 'Closed-mindedness: collective rationalizations, stereotypes of outsiders': parts, not a gloss
    if _STORY_RE.search(first):
        return  # 'Computer vision: hand-designed edges … gave way to …': what happened, not what it is
    if _under_myths(s):
        return
    if s.item and re.search(r"\b(?:the|its|these|his|her|their)\s+" + _FAULTS_LEAD_RE.pattern, s.lead, re.I):
        return  # 'the problems, in three kinds' — 'Multiple criteria: several measures seem safer, but …' tells what
        # goes wrong under the label, it does not define it (batch43: T1 from every judge)
    if listed and _GLOSS_IS_STATEMENT_RE.match(gloss):
        yield from _list_item(note, s, ctx, term, gloss, listed)  # 'difficulty of evaluation' is one of the reasons
        return
    if low[-1] in ("failure", "failures") and not re.search(
        r"\b(?:not|no|never|cannot|fail\w*|break\w*)\b|n't\b", gloss
    ):
        return  # 'Market failure: markets work when prices tell the truth. They fail where …' (batch165: 'what is market
        # failure?', T0 from every judge): the gloss says when things work, the failure comes after it
    if re.match(r"^the\s+[\w'-]+(?:\s+[\w'-]+){0,3}\s+(?:is|was|are|were)\s+[a-z]+(?:ed|en|wn)\b", gloss, re.I):
        return  # 'Algorithm design: the maximum-subarray problem is worked from a cubic solution …' (batch114: 'what is
        # algorithm design?', T0 from every judge): what was done to one case is an example of the label, not a gloss
    if len(tokens) == 1 and "-" not in term:
        if listed:
            yield from _list_item(note, s, ctx, term, gloss, listed)
            return
        if _common_word(term, note) or _proper_name(term, note):
            return  # 'Availability: …' with no list named: which availability?
    if words(term)[-1].lower() in _SECTION_LABEL_HEADS:
        return  # 'Regression craft: transform and centre predictors, …' (batch202: 'what is Regression craft?', T0/T1 from
        # every judge): a heading over advice, not a term
    if _step_label(term):
        return  # '3. **Maximise virtual surplus.** Revenue equals …' (batch200: 'what is maximise virtual surplus?', T0
        # from every judge): a step to take, not a term
    answer = clean_answer(gloss, 14, trim_relative=False, whole_series=True)
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2 or _QUESTION_START_RE.match(answer):
        return
    if ". " in answer or not re.match(r"^\W*" + re.escape(words(answer)[0]), gloss, re.I):
        return  # two sentences, or an answer that is not the gloss's own opening
    rest = gloss[len(answer) :] if gloss[: len(answer)].lower() == answer.lower() else ""
    if (
        re.search(r",\s+but\s", answer)
        or re.match(r"^,?\s+but\s", rest)
        # 'The efficiency matrix: efficient islands (…), an efficient ocean (…), a wasteland (neither), and …' (batch159:
        # T0 from every judge): a series of glossed items cut after its second
        or (")," in answer and re.match(r"^,\s", rest))
        # 'Price targeting: sellers cannot see what you would pay, so they design menus …' (batch165: 'Sellers cannot
        # see what you would pay', T0 from every judge): the problem, cut before what the term does about it
        or re.match(r"^,\s+so\s+(?:they|it|he|she|we|you)\s", rest)
        # 'The theorem: averaged over all possible cost functions, every such algorithm …' (batch157: 'Averaged over all
        # possible cost functions', T0 from every judge): a participle's phrase, cut before the clause it qualifies
        or (
            re.match(r"^,\s", rest)
            and re.match(r"^[a-z]+ed\s+(?:over|by|across|under|against|from|on|in|at)\s", answer, re.I)
        )
        or (
            re.match(r"^\s+where\s", rest)
            and re.search(r"\b(?:places|cases|situations|areas|times|moments|parts)$", answer)
        )
        # 'Dialectical inquiry: one subgroup builds a recommendation …; another builds a counter-plan …; the two debate
        # …' (batch205: 'One subgroup builds a recommendation and lists its assumptions', T0): the first step of a
        # procedure the semicolons go on with, not what the term is
        or re.match(r"^;\s+(?:another|the other|then|next|the two|both|finally|each)\b", rest)
    ):
        return  # 'Openness and tipping: network effects push towards one dominant platform, but differentiation …' and
        # 'Social analysis: … key-person risk and places where many developers …' (batch153: 'Network effects push
        # towards one dominant platform', 'Authorship data reveals … and places', T0 and T0/T1): half a claim, or a
        # place named without where it is
    head = term.split(" of ")[0].split()[-1].lower()  # 'gulf of evaluation' -> 'gulf'
    plural = _plural(head)
    article = "the " if head in _NAMED_CONCEPT_HEADS and not plural else ""
    front = f"{ctx}, what {'are' if plural else 'is'} {article}{_term(term, note)}?"
    verb = words(answer)[0]
    if s.item and not plural and _does_verb(verb) and _doers_list(note, s):
        # 'Shaper: provides drive and pushes the team forward' says what a role does, not what it is (batch72:
        # 'what is Team Worker?' — 'Keeps the team working together')
        front = f"{ctx}, what does the {term} do?"  # a role, named as the note names it ('the Monitor-Evaluator')
        answer = f"{verb[0].upper()}{verb[1:]}{answer[len(verb) :]}"
    yield "definition", _card(note, "definition", slug(term), s, front, answer)


def _does_verb(word: str) -> bool:
    """Whether a gloss's first word is a verb in the third person ('coordinates', 'supplies', 'keeps'), read from
    its ending: '-es' after a sibilant or 'i', or an '-s' after a letter other than 's', 'u' or 'i'."""
    low = word.lower()
    return bool(re.fullmatch(r"[a-z]{3,}(?:[^sui]s|(?:ss|sh|ch|x|z|i)es)", low)) and low not in _NOT_DOES_VERBS


def _doers_list(note: Note, s: Sentence) -> bool:
    """Whether every item of the list ``s`` is in (three or more) glosses its label with what it does ('Chairman:
    coordinates …', 'Shaper: provides …', 'Plant: supplies …'): a list of roles, not of terms ('Reflection effect:
    preferences flip …', where the first word is the gloss's subject)."""
    glosses = [
        match.group("y")
        for other in sentences(note)
        if other.item and other.heading == s.heading and other.lead == s.lead
        for match in [_LABEL_GLOSS_RE.match(other.plain.strip())]
        if match
    ]
    return len(glosses) >= 3 and all(_does_verb(words(g)[0]) for g in glosses if words(g))


_NOT_DOES_VERBS = frozenset("its this thus has was is does goes always perhaps sometimes towards whereas".split())


_BOLD_LEAD_RE = re.compile(r"^\W*\*\*(?P<l>[^*]{2,60})\*\*")


def _steps_list(note: Note, s: Sentence, term: str) -> bool:
    """Whether the list item ``s`` stands in a list of steps: another item of its list opens on a bold label that
    is an instruction ('**Run in production**', '**Automate and run continuously**'), so every label of the list is
    one, even one whose verb no word list knows ('**Vary real-world events**': no term to ask 'what is …?'), unless
    its own first word reads as a noun (a plural, a gerund, a participle)."""
    first = words(term)[0].lower() if words(term) else ""
    if not first or "/" in term or re.search(r"(?:s|ing|ed)$", first):
        return False  # '**Ecologies**', '**Backing services**', '**Dev/prod parity**' name things, even among steps
    for other in sentences(note):
        if other.item and other.item != s.item and other.heading == s.heading and other.lead == s.lead:
            label = _BOLD_LEAD_RE.match(other.text)
            if label and words(label.group("l")) and words(label.group("l"))[0].lower() in _INSTRUCTION_VERBS:
                return True
    return False


_SUPERLATIVE_LABEL_RE = re.compile(
    r"^(?:best|worst|most|least|main|first|last|classic|famous|well-known|best-known|key|usual|standard|"
    r"(?!(?:inter|con|re|pro|for|har|mani|sugg|inv|arr)est)[a-z]{2,}est)\b",
    re.I,
)


# A labelled concept with one of these heads is named with 'the' ('the reflection effect', 'the gulf of
# evaluation'); other labels are mass or abstract nouns that take none ('positive feedback', 'lock-in').
_NAMED_CONCEPT_HEADS = frozenset(
    """effect fallacy law principle paradox problem trap curve gap gulf model rule test loop bias heuristic dilemma
    illusion error cycle chasm ladder pyramid matrix quadrant funnel flywheel hierarchy spiral curse gambit
    window hypothesis theorem""".split()
)
_LABEL_VERBS = _INSTRUCTION_VERBS | frozenset(
    """matters means forget read infer ship cut add remove say tell hire think kill set go embrace accept reject
    prefer decide watch listen show copy sell buy charge learn fail work works wins counts beats is are was were has
    have does can will should must""".split()
)
_STORY_RE = re.compile(
    r"\b(?:was|were|had|did|gave|took|made|became|went|came|led|won|lost|beat|replaced|overtook|outperformed|drew|grew|"
    r"rose|fell|found|showed|chose|kept|saw|felt|bought|sold|paid|spent|doubled|halved)\b"
)
_MYTHS_RE = re.compile(
    r"\b(?:delusions?|myths?|fallac(?:y|ies)|misconceptions?|folklore|mistakes?|errors|sins|traps)\b", re.I
)


def _under_myths(s: Sentence) -> bool:
    """Whether ``s`` is an item of a list its lead names as myths ('The nine delusions:'): an item's gloss refutes
    its label ('Lasting success: high performance regresses'), it does not define it, so no rule asks it as one."""
    return bool(s.item and _MYTHS_RE.search(plain(s.lead)))


# 'focus on the **One Metric That Matters**: the single number …' or 'The key move is value innovation: pursuing …':
# a term, then a colon, then its gloss
_COLON_GLOSS_RE = re.compile(
    r"(?:(?P<art>\b(?:the|a|an)\s+)?\*\*(?P<t>[^*]{2,40})\*\*|\b(?:is|are)\s+(?P<u>[a-z][\w-]+(?:\s+[a-z][\w-]+){0,2})):\s+"
    r"(?P<y>[^;:]{6,200}?)(?:[.;]\s|[.;]?$)"
)


# 'a MUD's population behaves like an ecosystem': an article, a noun phrase, then its verb — a clause, no gloss
_GLOSS_IS_CLAUSE_RE = re.compile(
    r"^(?:the|an?)\s+(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:\w+(?<![s'])s|is|are|was|were|has|have)\s+"
    r"(?:like|as|the|an?|more|less)\b",
    re.I,
)


def _colon_gloss(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'… is value innovation: pursuing differentiation and low cost at once' -> 'what is value innovation?'."""
    for match in _COLON_GLOSS_RE.finditer(s.text):
        term = plain(match.group("t") or match.group("u") or "").strip()
        gloss = plain(match.group("y")).strip()
        # 'the view, built into universities and professional schools, that practice is …': the aside goes
        gloss = re.sub(r"^((?:the|a|an)\s+\w+),\s+[^,]{3,60},\s+(that\s)", r"\1 \2", gloss, flags=re.I)
        # 'the divide between what we know, from years of field studies, that …': a prepositional aside goes too
        gloss = re.sub(r",\s+(?:from|in|by|after|over|through|with)\s+[^,]{3,40},\s+(?=that\s)", " ", gloss)
        if not term or re.match(r"^(?:and|or|but|which|who|it|they|this|that|these|those|we|you)\b", gloss, re.I):
            continue
        if match.group("t") and words(term)[0].lower() in _INSTRUCTION_VERBS and _clause_label(term):
            continue  # 'so **write down predictions before launch**: the expected metric …' (batch193: 'what is write
            # down predictions before launch?', T0/T1 from every judge): an instruction and what to write, no term
        if match.group("u") and (
            len(words(term)) < 2
            or set(words(term.lower())) & (STOPWORDS | PRONOUNS | {"not", "no", "a", "an", "the"})
            or re.search(r"(?:ed|ly|able|ible|ful|ous|ive|al)$", term)
            or words(term)[0].lower() in _ADVERBS
            or words(term)[0].lower().endswith("ly")
        ):
            continue  # 'is that: …', 'is directly reusable: …' name nothing; 'is mostly problem setting: …' rates it
        if role_of(s.heading) == "application" and re.match(
            r"^the\s+\w+(?<!s)s\s+(?!of|for|in|on|to|with|from|and|or|that|which|who)[a-z]+\s", gloss
        ):
            continue  # '**Localisation and onboarding**: the dimensions suggest hypotheses …' (batch76: T0 from every
            # judge): an application's heading and a claim about it, no definition
        that_clause = re.match(r"^(?:the|an?)\s+\w+\s+that\s", gloss, re.I)  # 'the view that …' is a noun phrase
        if not re.match(r"^(?:the|a|an|one|any|every)\s|^\w+ing\s", gloss, re.I) or (
            _GLOSS_IS_CLAUSE_RE.match(gloss) and not that_clause
        ):
            continue  # a gloss is a noun phrase ('the single number …', 'pursuing …'), not a clause
        if _plural(words(term)[-1].lower()) and not term[:1].isupper() and re.match(r"^(?:a|an|one)\s", gloss, re.I):
            continue  # 'Experimentation platforms are null-ritual machines: a green badge …' (batch94: 'what is a
            # null-ritual machines?', T0 from every judge): a plural figure glossed by one thing defines nothing
        answer = clean_answer(gloss, 16 if that_clause else 14, whole_series=True)
        if (
            not answer
            or not _self_contained(answer)
            or len(content_words(answer)) < 2
            or _cut_at_examples(answer, gloss)
            or _cut_before_gloss(answer, gloss)
        ):
            continue
        titled = len(words(term)) > 1 and all(w[0].isupper() for w in words(term) if len(w) > 3)
        common = _common_word(term.split()[0], note) and not titled  # 'One Metric That Matters' is a name
        shown = term if term[0].isupper() and not common else term[0].lower() + term[1:]
        article = (match.group("art") or "").strip().lower() if match.group("t") else _article(shown, False)
        front = f"{ctx}, what is {article + ' ' if article else ''}{shown}?"
        yield "definition", _card(note, "definition", slug(term), s, front, answer)
        return


# A coined term, marked where the note introduces it (**bold**, *italic*, _italic_ or "quoted"),
# glossed at once by a noun phrase the text bounds: 'one **atomic network**, the smallest network
# that …,' / 'against "resulting" — judging the quality of a decision by … —' / '*X*: the …'.
# Quotes are matched on a copy with curly quotes made straight (same length, same offsets).
_COINED_GLOSS_RE = re.compile(
    r"(?:\b(?P<art>the|a|an|one)\s+)?(?P<m>\*\*|\*|_|\")(?P<t>[A-Za-z][^*_\"]{1,38}?)(?P=m)"
    r"(?:(?P<comma>,)|(?P<colon>:)|\s+(?P<dash>[—–]))\s+(?P<y>[^*_\";:—–()]{6,140}?)"
    r"(?P<end>\s+[—–](?:\s|$)|,\s|;\s|\.\s|[.;]?$|\s+\()",
    re.I,
)
_GLOSS_START_RE = re.compile(r"^(?:the|an?)\s+\w|^[a-z]+ing\s+\w", re.I)
_COINED_STRAIGHT = str.maketrans({"“": '"', "”": '"'})
_TERM_PUNCT_RE = re.compile(r"[.,;:!?]|\bvs\b")
# 'the product becomes more valuable …', 'the stronger hives take their honey' are clauses: a verb (a known
# one, or any word that is not a preposition or relative word followed by a determiner) among the first words
_GLOSS_LINKS = (
    "of|in|on|for|to|with|by|from|at|about|into|onto|over|under|between|than|as|that|which|who|whose|where|"
    "when|before|after|across|through|without|within|around|against|behind|beyond|toward|towards|per|via|and|or"
)
_GLOSS_CLAUSE_RE = re.compile(
    r"^(?:the|an?)\s+(?:(?!(?:that|which|who|whose|where)\b)[\w'-]+\s+){0,3}?"
    r"(?:(?:is|are|was|were|has|have|had|can|cannot|will|would|should|must|may|might|becomes|become|gets|makes|"
    rf"adopts|does|do)\b|(?!(?:{_GLOSS_LINKS})\s)[\w'-]+\s+(?:the|a|an|their|its|his|her|our|your|them|it|what|how|why|whether)\b)",
    re.I,
)
_IT_RE = re.compile(r"\b(?:it|them)\b", re.I)  # 'lets it combine …': which 'it' needs the note
_SAID_RE = re.compile(
    r"\b(?:say|says|said|read|reads|write|writes|wrote)\s*$"
    # 'the support-ticket theme filed as "edge case", the experiment result …' (batch203: 'what is edge case?', T0 from
    # every judge): a label applied to something, no term introduced; 'echoing Colbert's "truthiness": …' (batch203:
    # 'what is the truthiness?', T0 from every judge): the gloss is the echoing term's, not the echoed one's
    r"|\b(?:filed|dismissed|written off|labelled|labeled|tagged|marked|logged)\s+as\s*$|\b(?:echoing|echoes|recalling|"
    r"borrowing|borrows|unlike)\s+[^,;:()]{0,40}$",
    re.I,
)


def _coined_gloss(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """A marked term glossed where it is introduced -> 'what is <term>?' — the gloss, cut where the text marks it.

    Made only when every cut is one the text marks: the term by its emphasis or quotes (1-5 words,
    no punctuation, not a stop word, not in the work's title), the gloss by the comma, colon or
    dash right after the term and the next comma, semicolon, full stop or closing dash. The gloss
    is a noun phrase ('the smallest network that …'; after a colon or dash also 'judging …'),
    never a clause ('the product becomes …') or the next item of a list ('**A**, managing …').
    In a list item only an acronym or a compound term leading it with a colon is taken (a
    one-word item is the list form's business). Anything else gives no card.
    """
    text = s.text.translate(_COINED_STRAIGHT)
    for match in _COINED_GLOSS_RE.finditer(text):
        term = match.group("t").strip()
        gloss = match.group("y").strip()
        term_words = words(term)
        # an item's one-word term ('**Goals**: …') means nothing without its list; an acronym or a
        # compound term leading its item ('- **BATNA**: the best alternative …') is a name of its own
        if s.item and (match.start() > 0 or not (term.isupper() or len(term_words) > 1) or not match.group("colon")):
            continue
        if (
            not 1 <= len(term_words) <= 5
            or term_words[0].lower() in STOPWORDS | PRONOUNS
            or _TERM_PUNCT_RE.search(term)
            or _claim_label([w.lower() for w in term_words])
        ):
            continue
        if _application_heading(s, plain(text[match.start("y") :])):
            continue
        title = re.sub(r"^(?:the|a|an)\s+", "", note.title.lower())
        if re.sub(r"^(?:the|a|an)\s+", "", term.lower()) == title or not _GLOSS_START_RE.match(gloss):
            continue  # the work's own title is trivia ('Sludge and Ordeals' still asks what an ordeal is)
        if _GLOSS_CLAUSE_RE.match(gloss) or _LEADING_PARTICIPLE_RE.match(plain(text[match.start("y") :]).strip()):
            continue  # a clause after the term goes on with the sentence; so does a participle phrase before its
            # subject ('**Hau**: drawing on an informant's account, Mauss suggests …')
        if re.search(
            r"[\"”]\s+(?:over|versus|vs\.?|and|or|not|beats?|rather than|instead of)\s+$", text[: match.start()]
        ):
            continue  # 'Their slogan is "oomph" over "precision": …' (batch75: 'what is precision?', T0 from every
            # judge): the second half of a slogan, glossed by the slogan's meaning; 'say "network" rather than
            # "networking": meeting strangers is possible, …' (batch123: 'what is networking?', T0 from every judge)
        if _SAID_RE.search(text[: match.start()]):
            continue  # 'When tickets say "user error", the new view asks …': words quoted, no term introduced (batch54)
        if match.group("colon") and re.search(r"\w\s+(?:and|or)\s+$", text[: match.start()]):
            continue  # 'is monotone and *submodular*: adding a seed never hurts, and the extra spread … shrinks'
            # (batch195: 'what is submodular?' — 'Adding a seed never hurts', which is the monotone half): the colon
            # glosses the pair, each half in turn
        if match.group("colon") and re.search(
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$", text[: match.start()], re.I
        ):
            continue  # 'pointing to four "sublimes": the thrill engineers get …, politicians' appetite …, …' (batch192:
            # 'what are sublimes?' — the first of the four, T0): a counted term's colon opens its list, not a gloss
        if (
            match.group("colon")
            and re.match(
                r",\s+(?!such as\s|including\s|like\s|for example\b|e\.g\.)[^,;:.]+,\s", text[match.end("y") :]
            )
            and _SERIES_END_RE.search(re.split(r"[.;:]\s", text[match.end("y") :])[0])
        ):
            continue  # 'a restricted set of "preferred suppliers": the object itself, the method's arguments, …, and
            # the object's own direct parts' (batch204: 'what are preferred suppliers?' — 'The object itself', T0 from
            # every judge): the colon opens a list, and its first item is not the term
        if re.search(r"\b(?:meanings|senses|readings)\s+of\s+$", text[: match.start()], re.I):
            continue  # 'Pasquale plays on two meanings of "black box": a recording device …, and a system …' (batch138:
            # 'what is black box?' — 'A recording device that logs everything', T0/T1): one meaning of a list, not the term's
        if match.group("end").strip() == "(" and _gloss_goes_on(text[match.end("y") :]):
            continue  # 'the *mirroring hypothesis*: the organisational ties in a project (communication, …) will
            # correspond to …' (batch137: 'The organisational ties in a project', T0 from every judge) and 'a "toolbox": a
            # vocabulary you use plainly (take …), grammar, …' (batch138: T0 from every judge): cut at a parenthesis
            # before the gloss's verb or the rest of its list
        end = match.group("end").strip()
        if match.group("comma") and (gloss.split()[0].lower() not in ("the", "a", "an") or end in ("", "(")):
            continue  # after a comma only an appositive 'the …'/'a …' that a comma or full stop closes is a gloss
        if match.group("dash") and not end.startswith(("—", "–")) and match.end() < len(text):
            continue  # '"X" — a gloss, …' with no closing dash: where the gloss ends is a guess
        if end == "," and (
            re.match(r"\s*whether\b", text[match.end() :])
            or (
                re.search(r"[a-z]ed$", gloss)
                and re.match(
                    r"\s*(?!(?:and|or|but|which|who|that|where|when|while|as|so)\b)[a-z]+\s+[a-z]+", text[match.end() :]
                )
            )
        ):
            continue  # '"wooden-headedness": judging a situation by fixed, prior ideas …' and '"digital Maoism":
            # treating the aggregate of crowd output, whether a wiki …, as wiser …' (batch98: T0 from three judges of
            # four): the comma is inside the gloss, which goes on after it
        if end == "," and re.match(r"\s*[^,;:.]{3,50},\s+that\s", text[match.end() :]):
            continue  # 'the divide between what we know, from years of field studies, that …': cut mid-clause (batch45: T0)
        answer = clean_answer(gloss, 14, trim_relative=False, whole_series=True)
        if not answer or not _self_contained(answer) or len(content_words(answer)) < 2 or _IT_RE.search(answer):
            continue
        if _cut_at_examples(answer, gloss) or _cut_at_examples(answer, plain(gloss + text[match.end("y") :])):
            continue  # (the gloss ends at its comma; the examples, and the verb after them, follow it)
        if _cut_relative(answer, text[match.end("y") :]) or _MID_SERIES_RE.match(text[match.end("y") :]):
            continue  # (the second: '**Ambiguity of context**: the artefact draws on different, sometimes incompatible,
            # contexts …' would be 'The artefact draws on different')
        plural = _plural(term_words[-1]) and not term[0].isupper()
        shown = _term(term, note)
        article = (match.group("art") or "").lower()
        if plural:
            article = ""
        elif article == "one":
            article = indefinite_article(shown)  # 'one **atomic network**' counts one of a kind
        elif not article and text[: match.start()].endswith("'s "):
            article = "the"  # 'the product's *core action*' -> 'what is the core action?'
        front = f"{ctx}, what {'are' if plural else 'is'} {article + ' ' if article else ''}{shown}?"
        yield "definition", _card(note, "definition", slug(term), s, front, answer)


def _cut_at_examples(answer: str, gloss: str) -> bool:
    """Whether a short answer is a gloss cut where its examples begin ('**mindlessness**: a few cues such as words for
    output, … are enough to trigger …', batch151: 'A few cues', T0 from every judge): the clause's verb went with them."""
    rest = gloss[len(answer) :] if gloss.lower().startswith(answer.lower()) else ""
    if len(words(answer)) <= 3 and re.match(r"^\s+(?:such as|like|including)\s", rest):
        return True
    # '**Transcoding**: the computer's own categories, such as the database, the file and the search, seep into culture'
    # (batch203: 'The computer's own categories', T0 from every judge): an aside of examples, then the clause's verb
    return len(words(answer)) <= 5 and bool(
        re.match(
            # (the examples' list ends on 'and'/'or' before the comma the verb follows: ', memories and self-image.' ends
            # the gloss, ', officials or the "bank".' too)
            r"^,\s+(?:such as|like|including)\s[^;:.]*?\b(?:and|or)\b[^;:.,]*,\s+(?!(?:and|or|but|which|who|that|where)\b)"
            r"[a-z]+\s",
            rest,
        )
    )


def _fuller_gloss(front: str, answer: str, sentence: str) -> str:
    """A definition's short answer with the rest of its gloss, when the sentence goes on to say what the head only
    names: '*metadecision*: deciding how to decide, and how much effort a choice deserves', '… the search for meaning:
    before choosing a form, understand …', 'nobody intended harm, but the feature was designed only for …'.

    Judged on the fresh batches 170-205 (first runs, before any fix read them), generated definition answers of 2-3
    words were 0 of 16 T2/T3 and of 4-5 words 26%, against 56% for 8 words and more: a head cut at its colon or dash
    tells a learner what the term is like, not what it is. The answer grows only to the end of that gloss (before a
    semicolon, a second dash or its examples) and to at most ``_FULLER_GLOSS_WORDS`` words.
    """
    if not 0 < len(words(answer)) <= 5:
        return answer
    at = sentence.lower().find(answer.lower().rstrip("."))
    if at < 0:
        return answer
    rest = sentence[at + len(answer.rstrip(".")) :]
    goes_on = _GLOSS_CONTINUES_RE.match(rest)
    if not goes_on or re.search(r"[—–]\s*$|\s--\s*$", sentence[:at]):
        return answer  # 'the "directory" — knowing where to look — rather than …': the head is an aside of the clause
    more = re.sub(r"\s+\([^()]*\)", "", rest[goes_on.end() :])
    more = re.split(r";\s|\s[—–]\s|\s--\s|,\s+(?:such as|for example|e\.g\.)\s", more)[0]
    more = re.sub(r"[.!?]\s+[A-Z].*$", "", more).strip().rstrip(".,:")
    if (
        len(words(more)) < 2
        or re.match(r"^(?:rather than|not|instead|unlike)\b", more, re.I)  # a contrast is another card
        or len(set(content_words(more)) - set(content_words(front))) < 2  # 'which of the levers asks: …?' — 'Purpose'
        or more.endswith("?")
        or len(words(answer)) + len(words(more)) > _FULLER_GLOSS_WORDS
        or _LEADING_PRONOUN_RE.match(more)
        or _BACK_REFERENCE_TAIL_RE.search(more)
        or more.count('"') % 2
        or more.count("(") != more.count(")")
    ):
        return answer
    return f"{answer.rstrip('.')}{rest[: goes_on.end()].rstrip()} {more}"


# the fewest words a rule's answer has: on the fresh batches 100-205 as first judged (3,007 generated cards, none of
# them read by a fix before its judging), definitions of 2-5 words were 21% T2/T3 (101 cards), claims and contrasts of
# 2-3 words 16% (133), against 45% for every generated card; refusing them lifted the batches 170-205 from 47.1% to
# 49.9% and 100-205 from 44.7% to 46.9%, for 8% fewer cards. A short answer to a question that carries the gloss
# ('which of the five tests asks: how fast does it lose value?' — 'Durability'), or names what the work treats a thing
# as ('what does Bringhurst treat typography as?' — 'A service art': 5 of 6 such claims T2/T3), is the point of its card.
# Mechanisms and reasons of 4-5 words were 35% and 38% (69 and 16 cards) against 48-56% from 8 words; critique
# answers under 6 words 11% (79 cards), unless the question names the kind of thing the answer is ('What kind of
# evidence does the note … say the work rests on?' — 'Consulting cases': 63% of 27).
_ANSWER_FLOOR = {"definition": 6, "claim": 4, "contrast": 4, "mechanism": 6, "reason": 6, "critique": 6}
_QUESTION_GLOSSES_RE = re.compile(
    r"^What kind of\s|\basks:\s|\bwhich (?:of|term|word|name)\b|"
    r"\b(?:treats?|describes?|defines?)\s(?:[\w'-]+\s){1,8}as\?$",
    re.I,
)

# what opens the rest of a gloss after its short head: a colon or dash that glosses the head, or a second part of it
_GLOSS_CONTINUES_RE = re.compile(
    r"^(?::|\s+[—–]|\s+--|,\s+(?:and|but)|\s+because)(?=\s)|^(?=\s+(?:where|in which|that|which|who|whose)\s)"
)
_FULLER_GLOSS_WORDS = 18


def _gloss_goes_on(after: str) -> bool:
    """Whether the text after a gloss cut at its parenthesis (``after`` opens on the parenthesis) goes on with the
    gloss's own verb ('… (communication, …) will correspond to …') or the rest of a list ('…, grammar, …, and …')."""
    close = after.find(")")
    if close < 0:
        return False
    rest = after[close + 1 :]
    return bool(
        re.match(r"^\s+(?!(?:and|or|but|which|who|that|where|when|while|as|so|because)\b)[a-z]", rest)
        or re.match(r"^,\s+[^,;.]+,.*\b(?:and|or)\s", rest)
    )


def _kind_noun(note: Note, word: str) -> bool:
    """Whether ``word`` after a bold term ('**Leverage** tasks return …') is a noun naming kinds: the note writes it
    after two bold terms ('**Neutral** tasks', '**Overhead** tasks') or after a determiner ('the tasks'); a word that
    follows one bold term only and no determiner is the term's verb ('**Inertia** builds up …')."""
    text = _lower_text(note)
    after_terms = len(re.findall(rf"\*\*[^*]+\*\*\s+{re.escape(word)}\b", text))
    determined = rf"\b(?:the|a|an|its|their|these|those|our|your|many|some|all|two|three|four)\s+{re.escape(word)}\b"
    return after_terms >= 2 or bool(re.search(determined, text, re.I))


def _cut_relative(answer: str, after: str) -> bool:
    """Whether a gloss was cut inside its relative clause: 'a step-by-step procedure that less skilled people' before
    ', or software, can run reliably' (batch77: T0 from every judge)."""
    relative = re.search(r"\b(?:that|who|which)\s+(?P<r>[^,]+)$", answer)
    if not relative or not re.match(r"^\W*,?\s*(?:or|and)\s", after):
        return False
    first = words(relative.group("r"))[0].lower()  # 'that is stable …, and then …' has its verb: a whole clause
    return not (first in _BARE_AUX or first in _MODALS or re.search(r"(?<!s)s$|ed$", first))


def _modified_noun(note: Note, term: str) -> str:
    """'hat' when the note writes the one-word item 'Red' as 'red hat' or 'red-hat' and the same noun after two other
    words ('blue hat', 'white-hat round'): the item names a kind of that noun (batch96: 'what is a red?', T1 from three
    judges of four); '' otherwise."""
    text = _lower_text(note).lower()
    found = re.search(rf"\b{re.escape(term.lower())}[- ](?P<n>[a-z]{{3,}})\b", text)
    noun = found.group("n") if found else ""
    if not noun or noun in STOPWORDS or noun in PREPOSITIONS or noun.endswith(("ly", "s")) or noun in _ADVERBS:
        return ""  # 'ecologies rather than …', 'scope planes': no kind named by the item's word
    before = {m.group(1) for m in re.finditer(rf"\b([a-z]+)[- ]{noun}\b", text)}
    # 'Few-shot' and 'few-shot performance': the term's own last part ('shot') is no other modifier (batch164: 'what
    # is the few-shot performance?', T0 from every judge)
    return noun if len(before - {term.lower(), term.lower().split("-")[-1]}) >= 2 else ""


def _cut_series(answer: str, text: str) -> bool:
    """Whether ``answer`` stops at a comma of ``text`` that a series goes on from ('lab studies, log analysis' of
    'lab studies, log analysis, A/B tests and field studies')."""
    shown = words(answer)
    told = words(text)
    if len(shown) >= len(told) or [w.lower() for w in told[: len(shown)]] != [w.lower() for w in shown]:
        return False
    rest = plain(text).split(shown[-1], 1)[-1] if shown else ""
    connective = r"(?:so|but|which|who|because|while|then|since|as|to|for|where|when|not|and|or|yet|thus|though|such|e\.g|like|including)\b"
    return bool(re.match(rf"^,\s+(?!{connective})[^,.;]+(?:,|\s+(?:and|or)\s)", rest, re.I))


def _cut_before_gloss(answer: str, text: str) -> bool:
    """Whether a short definition ``answer`` stops where ``text`` goes on to say what it is: before a colon's
    elaboration ('A closed system: an input goes through …'), a relative clause ('the existing users who have that
    person as a contact') or a participle ('real users, often domain experts, doing the real task'); batch194: each
    T1 from most judges, the head noun alone defines nothing."""
    shown = words(answer)
    if not shown or len(shown) > 5:
        return False
    told = plain(text)
    at = told.lower().find(shown[-1].lower(), told.lower().find(shown[0].lower()))
    rest = told[at + len(shown[-1]) :] if at >= 0 else ""
    if len(shown) <= 3 and re.match(r"^:\s+\S", rest):
        return True
    return bool(re.match(r"^,?\s+(?:who|that|which|whose|linked|doing|making|having|using|taking)\b", rest, re.I))


def _counted_label(term: str) -> bool:
    """Whether a label counts its parts ('Two models of error', 'Three layers'): its gloss lists them, so asking
    the label as a term is answered by the first part alone; :func:`_named_whole` asks a list of short parts."""
    first = re.match(r"(\w+)\s", term)
    return bool(first) and _NUMBERS.get(first.group(1).lower() if first else "", 1) >= 2  # not 'Two-step'


def _bare_topic(term: str) -> bool:
    """Whether a term item's label is one plural noun, counted or not ('Values', 'Four variables'): a topic that
    names no whole ('what are values?' — whose?)."""
    tokens = [t.lower() for t in words(term)]
    if tokens and tokens[0] in _NUMBERS:
        tokens = tokens[1:]
    return len(tokens) == 1 and plural_word(tokens[0])


def _named_whole(note: Note, s: Sentence, ctx: str, term: str, gloss: str) -> Iterator[tuple[str, Card | None]]:
    """'**Four variables**: cost, time, quality, scope.' -> "what are Beck's four variables?" (the author names
    the whole); nothing when the gloss is no list of short parts or the note has no author to name."""
    noun = words(term)[-1].lower()
    first = re.split(r"(?<=[.;])\s+|;\s*", plain(gloss).strip())[0].rstrip(".;")
    raw = [p.strip().rstrip(".") for p in _LIST_SPLIT_RE.split(re.sub(r"\s*\([^()]*\)", "", first)) if p.strip()]
    parts = [_list_label(p) for p in raw]
    if not note.surname or not 2 <= len(parts) <= MAX_LIST_ITEMS or any(len(words(p)) > 3 for p in parts):
        return
    if any(
        label != whole and re.match(r"^(?:an?|the)\s", label, re.I) for label, whole in zip(parts, raw, strict=True)
    ):
        return  # 'a larger role for information professionals' cut to 'a larger role' (batch107: "what are Noble's four
        # remedies?", T0 from every judge): a phrase whose point is in what was cut, unlike a bare head ('conformity')
    count = next(name for name, n in _NUMBERS.items() if n == len(parts))
    stated = _NUMBERS.get(words(term)[0].lower())
    if stated is not None and stated != len(parts):
        return  # 'four variables' listing three: the parts were cut wrongly
    # the work's authors, not its first one ('what are Perry's three elements?' of Perry and Wolf's paper, batch202: T1
    # from two judges of three, 'wrongly names one author')
    front = f"{ctx}, what are {possessive(note.byline or note.surname)} {count} {noun}?"
    yield "definition", _card(note, "definition", slug(term), s, front, _join(parts, noun))


def _mirrors(alternative: str, answer: str) -> bool:
    """Whether the answer is the alternative with one word swapped ('the manager's' / 'the report's meeting')."""
    a = [w.lower() for w in words(alternative)]
    b = [w.lower() for w in words(answer)]
    return len(a) <= 3 and len(b) <= 4 and len(set(a) ^ set(b)) <= 3 and bool(set(a) & set(b) - STOPWORDS)


_FAULTS_LEAD_RE = re.compile(r"\b(?:problems|flaws|failures|weaknesses|shortcomings|objections|criticisms)\b", re.I)


def _definition(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    text = s.text
    match = (_TERM_ITEM_RE.match(text) if s.item else None) or (
        ("*" in text or "_" in text) and _TERM_MEANS_RE.search(text)
    )
    if match and _NUMBERED_LABEL_RE.search(plain(match.group("t")).strip()):
        match = None  # '**4 Learn** — …', '**Law 1** is the case for …': a numbered label ('what is a 4 Learn?', 'what
        # is a law 1?', batch67: T0 from every judge) names no term
    listed = (_list_name(s) if s.lead else _heading_list(s)) if s.item else ""
    # a one-word item ('Goals', 'People') means nothing without its list; a compound term ('Process power') stands alone
    item_term = plain(match.group("t")).strip() if match else ""
    coined = "-" in item_term.strip("-")  # 'Counter-positioning' is a term of art, 'Goals' an everyday word
    if (
        match
        and s.item
        and (s.lead or listed)
        and _TERM_ITEM_RE.match(text)
        and ((len(words(item_term)) < 2 and not coined) or _named_member(note, item_term, listed))
    ):
        # an item of a list means nothing without the list: name it, or ask nothing
        yield from _list_item(note, s, ctx, plain(match.group("t")).strip().rstrip(":"), match.group("y"), listed)
        match = None
    if match and s.item and not listed and _TERM_ITEM_RE.match(text) and not coined and _bare_topic(item_term):
        # '**Values**: communication, simplicity, …' under no named list: 'what are values?' names no whole, so
        # the author names it when the gloss lists the parts; a gloss that defines ('**Ecologies**: webs of …')
        # is asked as before
        named = list(_named_whole(note, s, ctx, item_term.rstrip(":"), match.group("y")))
        if named:
            yield from named
            match = None
    if match and re.fullmatch(r"[A-Za-z]+-\w+(?:ed|ic|ical|al)", plain(match.group("t")).strip().rstrip(":")):
        match = None  # '**People-determined**: resistance comes from …' (batch87: 'what is a people-determined?', T0
        # from every judge): an adjective that names a theory only with its noun, which the note leaves to the list
        # ('**Political-economic**: strategic misrepresentation …', batch192: 'what is a political-economic?', T0)
    if match and plain(match.group("t")).strip().rstrip(":").lower() in _EXAMPLE_LABELS:
        match = None  # '**Application**: synthetic California, built from …' (batch117: 'what is application?', T0 from
        # every judge): the label of a part of the note, not a term
    if match and _clause_label(plain(match.group("t")).strip().rstrip(":")):
        match = None  # '**Let the user point, not specify** — …': an instruction, not a term ('what is let …?')
    if match and _counted_label(plain(match.group("t")).strip().rstrip(":")):
        match = None  # '**Two models of error**: the pessimistic model …; the optimistic …' (batch193: 'what are two
        # models of error?' answered with the first, T0/T1 from every judge): a counted label opens its parts
    if match and s.item and _steps_list(note, s, plain(match.group("t")).strip()):
        match = None  # '**Vary real-world events**: …' in a list of steps (batch70: 'what are vary …?', T0/T1)
    if match and _application_heading(s, plain(match.group("y"))):
        match = None  # '**Knowledge flow**: rotate PMs …', '**Internal platform strategy**: a company organised like
        # …, will be slower …': an application's heading and its advice or claim, no definition (batch65: T0/T1)
    if match and s.item and _FAULTS_LEAD_RE.search(s.lead):
        match = None  # 'problems sorted by type of validity': '**External validity**: results were generalised …'
        # tells what went wrong under that heading, it does not define it (blind batch38: T1 from every judge)
    if match:
        term = plain(match.group("t")).strip().rstrip(":")
        answer = clean_answer(
            match.group("y"), 14, trim_relative=False, whole_series=True
        )  # the relative clause defines
        if answer and (plain(match.group("y")).strip().endswith("?") or _QUESTION_START_RE.match(answer)):
            answer = None  # an answer that is itself a question is not something to recall
        if answer and _WH_CLEFT_RE.match(plain(match.group("y")).strip()):
            answer = None  # '**Threshold actions** are what make it pay: …' (batch195: 'what are threshold actions?' —
            # 'What make it pay'): a cleft says what the term does, not what it is
        gloss = plain(match.group("y")).strip()
        if answer and _cut_before_gloss(answer, gloss):
            answer = None
        if answer and _instruction_start(gloss) and _cut_series(answer, gloss):
            answer = None  # '**Evaluation**: combine lab studies, log analysis, large-scale A/B tests and …' (batch193:
            # 'what is evaluation?' — 'Combine lab studies, log analysis', T0 from every judge): advice cut mid-list
        if answer and _LEADING_PARTICIPLE_RE.match(plain(match.group("y")).strip()):
            answer = None  # '**Hau**: drawing on a Maori informant's account, Mauss suggests …' (batch112: 'what is a
            # hau?' — 'Drawing on …', T0 from every judge): a participle phrase leads the sentence, the gloss comes after
        if term and answer and _self_contained(answer) and _proper_name(term, note):
            # '**Facebook**: lured users …, then …': an example in a list (a company and what it did) is no term
            # to define ('what is a facebook?')
            if words(answer)[0].lower().endswith("ed"):
                answer = None  # what a company did, not what a term means
        if term and answer and _self_contained(answer):
            shown = _term(term, note)
            head = shown.split(" of ")[0]  # 'framing of acts' is one framing (batch65: 'what are framing of acts?')
            plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
            bare = match.re is _TERM_MEANS_RE and not match.group("art")
            article = (
                (match.groupdict().get("art") or "").lower()
                or (
                    ""
                    if bare  # '**Reach** is the number of people …' (RICE) uses the term bare: 'what is reach?', not 'a reach'
                    else "the"
                    if head != shown and head.endswith("ing") and not plural
                    else _article(shown, plural)
                )
            )  # 'the framing of acts', not 'a framing of acts'
            shown = f"{article} {shown}" if article else shown
            modified = (
                _modified_noun(note, term) if s.item and not listed and len(words(term)) == 1 and not plural else ""
            )
            if answer.lower().startswith("whether"):
                front = f"{ctx}, what question does {shown} ask?"
            elif modified:
                front = f"{ctx}, what is the {term.lower()} {modified}?"  # '**Red**: feelings, …' of the six hats
            else:
                front = f"{ctx}, what {'are' if plural else 'is'} {shown}?"
            yield "definition", _card(note, "definition", slug(term), s, front, answer)
    for apposed in _APPOSITIVE_RE.finditer(text) if "*" in text or '"' in text else ():
        # 'they fix an *appetite*, how much time the problem is worth, instead of …' -> 'what is an appetite?'
        term = plain(apposed.group("t")).strip()
        gloss = plain(apposed.group("y")).strip()
        answer = clean_answer(gloss, 14, trim_relative=False, whole_series=True)
        if not term or not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
            continue
        if re.match(r"^(?:and|or|but|which|who|where|when|while|so|because|then|for example|such as)\b", gloss, re.I):
            continue  # '*X*, which …' or '*X*, and …' goes on with the sentence, not a gloss
        if re.match(r"^\s*[*_]", apposed.group("y")) or "**" in apposed.group("y"):
            continue  # '*acquisition*, *engagement* and …': the next term of a list, not a gloss; 'climb to a **peak
            # of inflated expectations**, collapse into a **trough** …' (batch111: 'what is a peak of inflated
            # expectations?' — 'Collapse into a trough …'): the next stage of a sequence
        if ". " in gloss or re.match(r"^\w+ing\s+and\s", gloss):
            continue  # 'a "policy primeval soup", recombining and being refined over years. Ideas survive …' (batch115:
            # T0/T1, 'Recombining and being refined over years. Ideas …'): what the term does, run into the next sentence
        if re.search(r"\b(?:versus|vs\.?|or|and)\s+$", text[: apposed.start()]):
            continue  # 'framing a charge as a "fee" versus a "discount forgone", defaults that persist …' (batch113: 'what
            # is a discount forgone?' — 'Defaults that persist through inertia', T0 from every judge): a pair's second
            # term, then the next item of a list
        if s.text.rstrip().endswith(":"):
            continue  # 'The **influence model**, roughly in order:' (batch97: 'Roughly in order', T0 from every judge)
            # leads a list, which the list rules ask
        if _cut_relative(answer, text[apposed.end() :]):
            continue
        article = apposed.group("art").lower()
        shown = term if term.isupper() or not _common_word(term.split()[0], note) else term[0].lower() + term[1:]
        front = f"{ctx}, what is {article} {shown}?"
        yield "definition", _card(note, "definition", slug(term), s, front, answer)
    kinds = _TERM_KIND_RE.match(text) if s.item else None
    if kinds and re.match(
        r"^(?:being|a|an|the|that|this|to|its|their|it|only|just|also|never|always|often|still|rarely|merely|simply)\b",
        kinds.group("y"),
    ):  # '**Log compaction** keeps only …' (batch80: 'what are Log compaction keeps?', T0): the noun was a verb
        # "**Simpson's paradox** stops being a paradox …": 'stops' is the verb ("what are Simpson's paradox stops?",
        # batch69: T0 from every judge); a kind noun is followed by its own verb ('**Leverage** tasks return …')
        kinds = None
    if kinds and not _kind_noun(note, kinds.group("n")):
        # '**Mass collaboration** spreads research work …', '**Inertia** builds up …' (batch149: 'what are Mass
        # collaboration spreads?', 'what are Inertia builds?', T0 from every judge): the word after the term is its verb
        kinds = None
    if kinds and _NUMBERED_LABEL_RE.search(plain(kinds.group("t")).strip()):
        kinds = None  # '**Law 3** argues for …': a numbered label and its verb ('what are Law 3 argues?', batch67)
    if kinds:
        term, noun = plain(kinds.group("t")).strip(), kinds.group("n")
        answer = clean_answer(f"{noun} that {kinds.group('y')}", 14, trim_relative=False, whole_series=True)
        if answer and _self_contained(answer):
            front = f"{ctx}, what are {term} {noun}?"
            yield "definition", _card(note, "definition", slug(term), s, front, answer)
    naming = "call" in text and _NAMING_RE.search(text)
    if naming:
        thing = _topic(naming.group("x"), 9)
        term = plain(naming.group("t")).strip()
        if thing and term:
            front = f"{ctx}, what is the name for {thing}?"
            yield "naming", _card(note, "naming", slug(term), s, front, term[0].upper() + term[1:])


_NUMBERED_LABEL_RE = re.compile(r"^\W*\d|\s\d+\W*$")
_SUPERLATIVE_RE = re.compile(
    r"^(?P<x>the (?:most|main|biggest|first|key|best|only|real|central|core|hardest|simplest|single)\b[^,;:]{2,60}?)\s+"
    r"(?P<v>is|are|was)\s+(?P<y>.+)$",
    re.I,
)
_ESSAY_WORDS = frozenset(
    {"the essay", "the piece", "the post", "the article", "the book", "the memo", "the letter", "it"}
)


def _about_the_work(note: Note, sentence: str) -> bool:
    """Whether ``sentence`` is about the work itself (its subject is 'the book', 'the essay' …): 'Norton thinks
    this misreads X. It treats …' is about what 'this' names."""
    first = plain(sentence).strip().lower()
    return first.startswith(tuple(word for _, word in _WORK_WORDS) + ("the piece",))


_FRAMES_RE = re.compile(
    r"^(?P<who>the (?:essay|piece|post|article|book|memo|letter)|it|[A-Z]\w+)\s+(?P<v>positions|frames|casts|presents|defines|describes|sees|treats|views)\s+"
    r"(?P<x>[\w/ -]{2,40}?)\s+as\s+(?P<y>.+)$"
    # 'The authors treat a firm's value as the sum of …' (batch47): the work's several authors
    r"|^(?P<who2>the authors)\s+(?P<v2>position|frame|cast|present|see|treat|view)\s+"
    r"(?P<x2>[\w/' -]{2,40}?)\s+as\s+(?P<y2>.+)$",
    re.I,
)
_NEEDS_MORE_RE = re.compile(
    r"(?:^|,\s+and\s+that\s+)(?P<x>[^,;:]{2,40}?)\s+(?:(?:in the end|above all|ultimately|mostly|usually)\s+)?"
    r"(?P<v>requires|needs|demands|takes)\s+"
    r"(?P<a>[^;:]{3,60}?)\s+more than\s+(?P<b>[^,;:]{2,50}?)\.?$"
)
_MORE_THAN_RE = re.compile(
    r"^(?P<x>.{2,40}?)\s+(?P<v>matters?|counts?|is|are)\s+(?P<adj>more|less)\s+(?P<a>\w+\s+)?than\s+"
    r"(?P<y>[^:;,]{2,50}?)(?=[.:;,]|$)"  # the compared thing whole: never cut mid-word ('… wants and c?')
)


def _claim(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    needs = " more than " in core and _NEEDS_MORE_RE.search(core)
    if needs and not _DEMONSTRATIVE_RE.search(needs.group("b")):
        # 'innovation in the end requires hard, focused work more than talent' -> 'what does innovation require more than talent?'
        subject = _topic(needs.group("x"), 5, note)
        answer = clean_answer(needs.group("a"))
        tokens = words(subject or "")
        if subject and answer and _self_contained(answer) and not _plural_subject(tokens):
            verb = base_form(needs.group("v"))
            front = f"{ctx}, what does {subject} {verb} more than {plain(needs.group('b')).strip()}?"
            yield "claim", _card(note, "claim", slug(f"{subject} {verb}", 3), s, front, answer)
    more = _MORE_THAN_RE.match(core)
    if more:
        subject = clean_answer(more.group("x"), 6)
        other = plain(more.group("y")).strip().rstrip(".")
        if subject and _topic(more.group("x"), 6, note) and not _DEMONSTRATIVE_RE.search(other):
            verb = more.group("v")
            verb = verb if verb in ("is", "are") else verb.rstrip("s") + "s"
            adjective = f"{more.group('adj')} {more.group('a') or ''}".strip()
            front = f"{ctx}, what {'is' if verb in ('is', 'are') else verb} {adjective} than {other}?"
            yield "claim", _card(note, "claim", slug(other, 2), s, front, subject)
    top = _SUPERLATIVE_RE.match(core)
    if top:
        topic = plain(top.group("x")).strip()
        answer = clean_answer(top.group("y"))
        clause = _EMBEDDED_RE.search(topic)  # 'The first choice implies you think black is less likely …': the
        # 'is' belongs to the clause inside (batch66: 'what is the first choice implies you think black?', T0)
        if (
            answer
            and _self_contained(answer)
            and len(words(topic)) <= 10
            and not _DEMONSTRATIVE_RE.search(topic)
            and not clause
        ):
            front = f"{ctx}, what {top.group('v')} {topic[0].lower() + topic[1:]}?"
            yield "claim", _card(note, "claim", slug(topic, 3), s, front, answer)
    framing = _FRAMES_RE.search(core)
    if framing and framing.group("who2"):
        thing = _topic(framing.group("x2"), 5, note)  # 'the authors define X as' is a definition's (g.definition)
        answer = clean_answer(re.split(r",\s+and\s+", framing.group("y2"))[0])
        if thing and answer and _self_contained(answer) and thing.split()[-1].lower() not in _FRAMED_VAGUE:
            front = f"{ctx}, what do the authors {framing.group('v2').lower()} {thing} as?"
            yield "claim", _card(note, "claim", slug(thing, 2), s, front, answer)
    elif framing:
        thing = _topic(framing.group("x"), 5, note)
        defines = framing.group("v") in ("defines", "describes")  # the relative clause is the definition
        answer = clean_answer(
            re.split(r",\s+and\s+", framing.group("y"))[0], 14 if defines else MAX_WORDS, trim_relative=not defines
        )
        who = framing.group("who").strip().lower()
        pronoun = who in ("he", "she", "they") and bool(
            note.surname
        )  # 'He frames the goal as …' in a note on one author
        if thing and thing.split()[-1].lower() in _FRAMED_VAGUE or (answer and answer.lower().startswith("one of")):
            thing = None  # 'frames the point as one of opportunity cost' says nothing without the sentence before
        if (
            thing
            and answer
            and _self_contained(answer)
            and (who in _ESSAY_WORDS or who == note.surname.lower() or pronoun)
            # 'It treats ethnography as …' after a sentence about the field's demand: 'it' is the demand, not the
            # paper (T0 from all seven judges of batch36); 'it' names the work only after a sentence about it
            and (who != "it" or _about_the_work(note, s.previous))
        ):
            subject = work_word(note) if who in _ESSAY_WORDS else note.surname
            verb = {
                "positions": "position",
                "frames": "frame",
                "casts": "cast",
                "presents": "present",
                "defines": "define",
                "describes": "describe",
                "sees": "see",
                "treats": "treat",
                "views": "view",
            }[framing.group("v")]
            front = f"{ctx}, what does {subject} {verb} {thing} as?"
            yield "claim", _card(note, "claim", slug(thing, 2), s, front, answer)
    match = _HAPPENED_RE.match(core)
    if match and words(match.group("x"))[-1].lower() not in _MODALS:
        # 'A p-value assumes the same test would have been applied …' is no 'has been' (batch47: T0 from every judge)
        subject = _topic(match.group("x"), note=note)
        answer = clean_answer(match.group("y"))
        colon = bool(answer) and re.match(rf"^{re.escape(answer or '')}\s*:", plain(match.group("y")).strip(), re.I)
        if subject and answer and _self_contained(answer) and not colon:
            # ('marketing has been judged against the wrong units: products, campaigns, …' (batch199: 'what has happened
            # to marketing?' — 'Judged against the wrong units', T1 from every judge): the colon says which units)
            if "become" in match.group("v"):
                front = f"{ctx}, what {'have' if match.group('v').startswith('have') else 'has'} {subject} become?"
            elif _PARTICIPLE_RE.match(answer):
                front = f"{ctx}, what has happened to {subject}?"  # 'Reduced to a buzzword while …' (the seed)
            else:
                return  # 'what has happened to consumption?' — 'Growing at a steady rate', 'Comfortable as scientists'
                # (the eleventh session's triage: T0): no event happened to it, so many answers fit
            yield "claim", _card(note, "claim", slug(subject, 2), s, front, answer)


# a past participle: '-ed' after three letters or more ('reduced', not 'need'), '-en' after four ('taken', not 'often'
# or 'when'), or a common irregular one ('built', 'made')
_PARTICIPLE = (
    r"(?!indeed\b)(?:[a-z]{3,}ed|[a-z]{4,}en|built|brought|made|left|lost|kept|cut|put|set|held|sold|bought|run|gone)\b"
)
# a past participle opening an answer: what was done to a thing ('Reduced to a buzzword', 'Built into the tools')
_PARTICIPLE_RE = re.compile(rf"^{_PARTICIPLE}", re.I)


_REPORTING_RE = re.compile(
    r"^(?:[A-Z]\w+|he|she)\s+(?P<v>argues|holds|shows|claims|contends|maintains|insists)\s+that\s+", re.I
)
_VERB_CUE = frozenset(
    "the a an into on in to from with by for their its his her our more less better worse most when that little nothing "
    "what how far".split()
)
_CLAUSE_WORDS = frozenset("where what how why which who whom that whether when if because".split())
_BARE_AUX = frozenset("is are was were has have can could should would will must do does".split())


def _bare_claim(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'Gilad argues that quality is best treated as a systems problem' -> 'what is quality best treated as?': a central
    claim with no other shape, asked only when its verb admits one answer."""
    lead = _REPORTING_RE.match(s.plain.strip())
    if not lead or not note.surname or lead.group(0).split()[0] not in (note.surname, "He", "She", "he", "she"):
        return
    tokens = core.split()
    for i in range(1, min(7, len(tokens) - 1)):
        word, after = tokens[i].lower(), tokens[i + 1].lower().strip(",")
        verb = word in _BARE_AUX or (
            word.isalpha() and word not in STOPWORDS and not word.endswith(("ing", "ly")) and after in _VERB_CUE
        )
        if not verb:
            continue
        subject = _topic(" ".join(tokens[:i]), 6, note)
        # 'is best treated as …' reads as 'best treated as …' after the question's subject
        predicate = " ".join(tokens[i + 1 :] if word in ("is", "are") else tokens[i:])
        # the claim's core ends at a colon, semicolon or dash; a cut inside it ('pair an objective, …') loses the point
        predicate = re.split(r"\s+[—–]\s+|;\s+|:\s+|\s+--\s+", _PAREN_ASIDE_RE.sub(" ", predicate))[0].rstrip(".")
        inner = [t.lower() for t in tokens[1:i]]
        if len(words(predicate)) > MAX_WORDS or tokens[i - 1].lower() in STOPWORDS:
            return
        if any(t in _CLAUSE_WORDS or t.endswith("ed") for t in inner):
            return  # 'the internet changed where value accrues': the subject is itself a clause
        answer = clean_answer(predicate)
        if not subject or not answer or not _self_contained(answer) or word in _BARE_AUX and len(words(answer)) < 3:
            return
        # 'is best treated as a systems problem' -> 'what is X best treated as?': one answer, where 'argue about' has many
        shaped = re.match(
            r"^(?P<aux>(?:is|are|should be|must be|can be)\s+)?(?P<v>(?:(?:best|better|usually|often)\s+)?(?:\w+ed|thought|seen|understood|known|taken|read|made)(?:\s+of)?\s+as)\s+(?P<y>.+)$",
            (f"{word} " if word in ("is", "are") else "") + predicate,
        )
        as_answer = clean_answer(shaped.group("y")) if shaped and shaped.group("aux") else None
        if shaped and as_answer and _self_contained(as_answer):
            aux = shaped.group("aux").split()
            front = f"{ctx}, what {aux[0]} {subject} {' '.join(aux[1:] + [shaped.group('v')])}?"
            yield "claim", _card(note, "claim", slug(subject, 2), s, front, as_answer)
            return
        # no 'what does Abbate show about the outcome?' (batch104: T0 from five judges of six): 'about' admits
        # whatever the work says of its topic; the two such cards judged were T2/T3 in 2 of 11 ratings
        return


def _prescription(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    # no bare 'what should product teams do?' or '… never do?': a note advises its reader more than once, so the
    # question has several answers (the development notes' such cards: 25% T2/T3 over 51 ratings, 12% T0; batch104's
    # 'what should product leaders do?' - 'Separate the two', T0 from every judge); advice is asked with its
    # situation ('what should a team do when …?'), its object or its contrast ('…, if not …?')
    match = None if _NEVER_RE.match(core) else _MODAL_RE.match(core)
    if not match:
        return
    subject = _topic(match.group("s"), 6, note)
    agent = _AGENT_RE.search(subject or "") or (subject and subject[0].isupper() and len(words(subject)) <= 2)
    if not subject or not agent or re.search(r"\b(?:is|are|was|were)\b", subject):
        return
    rather = re.match(
        r"^(?P<v>\w+)\s+(?P<b>[^,;:]{3,60}?)\s+(?:rather than|instead of)\s+(?P<a>[^,;:]{2,40}?)(?:[,;:]|$)",
        plain(match.group("p")),
    )
    if rather and rather.group("v").isalpha() and rather.group("v").lower() not in STOPWORDS:
        chosen = clean_answer(rather.group("b"), 10)
        alternative = plain(rather.group("a")).strip()
        if chosen and _self_contained(chosen) and not _mirrors(alternative, chosen):
            m = match.group("m")
            aux = (
                m
                if m in ("should", "must")
                else f"{'do' if _plural_subject(words(subject)) else 'does'} {subject} need to"
            )
            shown = f"{aux} {subject}" if m in ("should", "must") else aux
            front = f"{ctx}, what {shown} {rather.group('v')}, if not {alternative}?"
            yield "prescription", _card(note, "prescription", slug(subject, 2), s, front, chosen)
            return
    choice = _AS_RATHER_RE.match(plain(match.group("p")).rstrip("."))
    if choice:
        chosen = clean_answer(choice.group("b"), 8)
        if chosen:
            verb = f"{choice.group('v')} {choice.group('o')}"
            front = f"{ctx}, what should {subject} {verb} as, if not {choice.group('a')}?"
            yield "prescription", _card(note, "prescription", slug(subject, 2), s, front, chosen)
            return


def _denied_report(effect: str) -> bool:
    """Whether ``effect`` is a claim inside a denied report ('a correlation does not show that …')."""
    frame = _REPORTING_THAT_RE.match(effect)
    return bool(frame and re.search(r"\b(?:not|never|cannot|no)\b|n't\b", frame.group(0)))


# a clause's subject and verb with no auxiliary: 'small teams move …' (a plural and a bare verb), 'the queue grows …'
# (a determiner, a singular noun and its -s verb)
_PLAIN_SUBJECT_RES = (
    re.compile(
        r"^(?P<n>(?:(?:most|many|some|all)\s+)?(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*[a-z](?<!ss)(?<!us)(?<!is)s)\s+"
        r"(?P<v>[a-z]{3,}(?<!s)(?<!ly)(?<!ing)(?<!ed))\b",
        re.I,
    ),
    re.compile(
        r"^(?P<n>(?:the|a|an|every|each)\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*(?<!s))\s+(?P<v>[a-z]{3,}(?<!ss)s)\b",
        re.I,
    ),
)


# a subject before a copula: 'most studies are …' (what comes after is the subject itself, not a second noun)
_COPULA_SUBJECT_RE = re.compile(
    r"^(?P<n>(?:(?:most|many|some|all|the|these)\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:are|were)\s"
)


def _plain_subject(clause: str) -> re.Match[str] | None:
    """The subject (group ``n``) of a clause with no auxiliary, when a 'they' or 'it' after it can only mean that
    subject: a plural noun and a bare verb, or a determiner, a singular noun and its -s verb, with no other noun in the
    rest of the clause ('pilots prefer short berths because they …': the berths or the pilots?) and nothing pointing
    back ('drift into it')."""
    subject = next((m for m in (r.match(clause) for r in _PLAIN_SUBJECT_RES) if m), None)
    if subject is None:
        return None
    rest = clause[subject.end() :]
    if (
        subject.group("v").lower() in STOPWORDS | PREPOSITIONS
        or words(subject.group("n"))[0].lower() in PRONOUNS
        or re.search(r"\b(?:the|a|an|this|that|its|their|his|her)\b|[a-z]{2,}(?<!ss)(?<!us)(?<!is)s\b", rest, re.I)
        or re.search(r"\b(?:it|them|these|those)\b", rest, re.I)
    ):
        return None
    return subject


def _mechanism(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    match = "because" in core and _BECAUSE_RE.match(core)
    if not match:
        return
    effect = plain(match.group("x")).strip().rstrip(",")
    if _denied_report(effect):
        return  # 'X does not show that Y, because …': Y is what the note denies (see _reason)
    effect = _REPORTING_THAT_RE.sub("", effect)  # 'Student points out that …' (batch76: T0): the effect is the claim
    if re.search(r",\s+and\s+\w+\s+\w+", effect):
        return  # '"Use judgment" is hard to institutionalise, and rituals exist partly because …' (batch94: T0 from
        # every judge): which clause the reason explains, the sentence does not say
    if re.match(r"^(?:it|this|that|they|these|he|she)\b", effect, re.I) or len(words(effect)) > 16:
        return
    if re.search(r"\b(?:though|although|if|perhaps|arguably|possibly|probably|maybe)$", effect, re.I):
        return  # 'People-first networks did later thrive, though arguably because posts … became their objects'
        # (batch195: 'what explains why people-first networks did later thrive, though arguably?'): a hedged
        # reason, conceded, and the hedge left in the question
    if re.search(r"\b(?:argues?|claims?|contends?|insists?)\s+(?:that\s+)?(?:this|these)\b", effect):
        return  # 'Eisenmann, Parker and Van Alstyne argue this barrier is weaker than it looks, because …' (batch127: 'what
        # explains why eisenmann, Parker and Van Alstyne argue this barrier …?', T0 from every judge): the authors' frame
        # and a 'this' that points at the sentence before
    if _FRONTED_VAGUE_RE.match(effect):
        return  # 'for a product leader the lesson is to …', 'in a marketplace it fails' (T0): after the fronted
        # phrase the subject is a pronoun or the note's own lesson, which the question cannot name
    cause = plain(match.group("y")).strip()
    if _CUT_COORDINATION_RE.search(effect):
        return  # 'things catch on not by luck or because …, but because …': the reason given is the one denied
    subject = re.match(r"^(?P<n>[^,;:]{3,40}?)\s+(?:is|are|was|were|has|have|can|will|does|do)\b", effect)
    pronoun = re.match(r"^(?P<p>it|they)\s", cause)
    if pronoun and not subject:
        # 'Small teams move faster because they need fewer meetings' (no auxiliary): see _plain_subject
        subject = _plain_subject(effect)
    if subject and pronoun and not re.search(r",\s+(?:yet|but|and|while)\s", effect):
        # 'old code is often ugly because it carries …' -> 'Old code carries …'; the pronoun agrees with the noun it
        # stands for ('pricing is …, yet most companies manage it badly because they …': 'they' are the companies)
        if _agrees(pronoun.group("p"), words(subject.group("n"))):
            cause = re.sub(r"^(?:it|they)\s", f"{subject.group('n')} ", cause)
    # 'The 2×2 is memorable because it is binary, but on a screen almost nothing is …' (batch123: '… is binary, but on
    # a screen …', T0 from three judges of four): the 'but' turns to another claim, not part of the reason
    if re.search(r",\s+(?:and\s+)?because\s", cause):
        return  # 'coordination works because the code is modular, because much of …, and because …': one of a list of
        # reasons is not why
    cause = re.split(r",\s+(?:but|so)\s+", cause)[0]  # ('…, so don't expect …' is what follows from it, batch205)
    answer = clean_answer(cause)
    if not answer or not _self_contained(answer):
        return
    if _vague_referent(effect, note):
        return
    if _IMPERATIVE_RE.match(effect) or imperative(effect) or _noun_verb_instruction(effect):
        # 'Value the critique more than the pitch, because evaluation is …' is advice and its reason (batch79: 'what
        # explains why value the critique …?'): asked as the advice, like a listed step's
        yield from _why_should(note, s, ctx, effect, answer)
        return
    if re.search(r"\b(?:who|which|whom|whose)\s+(?:[\w'-]+\s+){0,5}[\w'-]+$|\b(?:that|whether)$", effect):
        return  # 'Box holds up Fisher as a statistician who invented methods because real problems demanded them':
        # the reason is the relative clause's, not the sentence's (batch65: 'what explains why Box holds up …?'); in
        # '… is the authors' claim that, because …, designers should …' it is the claim's (batch67: T0)
    effect = re.sub(
        r"\s+(?:also|too)\b|\s+(?:only|partly|largely|mostly|simply|just|merely|mainly|precisely|exactly)$", "", effect
    )  # 'is also a useful guard' links to a sentence before; '… switch goods simply because …' (batch79): the adverb
    # is the reason's
    fronted = re.match(r"^(?P<p>(?:on|in|at|for|among|across)\s+[^,;:]{3,40}),\s+(?P<r>[^,;:]+)$", effect, re.I)
    if fronted and words(fronted.group("r"))[0].lower() not in PRONOUNS:
        # 'On pricing pages, decoy tiers work precisely because …' (batch205: 'what explains why on pricing pages, decoy
        # tiers work?', T1): the setting goes after the clause it sets
        effect = f"{fronted.group('r')} {fronted.group('p')[0].lower()}{fronted.group('p')[1:]}"
    effect = _lowered(effect, note)
    front = f"{ctx}, what explains why {effect}?"
    yield "mechanism", _card(note, "mechanism", slug(effect, 2), s, front, answer)


# 'X, because Y' inside a longer sentence: the clause holding the reason (after ';', ':' or ', and'),
# the effect before it and the reason up to the next strong break ('; ', ', so ', ', which', ' — ')
# '…; X, because Y' is split into clauses, but not where 'and' joins a second verb to the same subject ('Tools were
# adopted, and made into genres like the memo, because …': batch116, 'what explains why made into genres …?', T0)
_REASON_CLAUSE_SPLIT_RE = re.compile(rf";\s+|:\s+|\s+[—–]\s+|,\s+(?:and|but|yet|while|whereas)\s+(?!{_PARTICIPLE})")
_REASON_RE = re.compile(r"^(?P<x>[^,;:]{8,110}?),?\s+(?:because|since)\s+(?P<y>.+)$")
_BECAUSE_FIRST_RE = re.compile(r"^(?:[Bb]ecause)\s+(?P<y>[^,;:]{8,110}),\s+(?P<x>[^,;:]{8,110})$")
_REASON_END_RE = re.compile(
    r";\s+|:\s+|\s+[—–]\s+|,\s+(?:so|which|while|whereas|yet|but|and so|and that|not|rather than|such as)\s+|\s+so that\s+"
)
# 'partly because', 'only because', 'not because' give part of a reason, or deny one
_PARTIAL_REASON_RE = re.compile(r"\b(?:partly|only|not|largely|mainly|mostly|in part|also|just)\s*,?$", re.I)
_NEGATED_RE = re.compile(r"\b(?:not|never|no|nor|cannot)\b|n't\b", re.I)
_REPORTED_RE = re.compile(r",\s+(?:he|she|they|[A-Z]\w+)\s+(?:adds|argues|says|writes|notes|claims)$")
# 'A PM should …, and deliberately do Overhead tasks badly, because …' (a PM lead's note: 'what explains why
# deliberately do Overhead tasks badly?'): the last of a list of predicates, its subject and 'should' left behind
_ADVERB_THEN_BASE_VERB_RE = re.compile(r"^[a-z]+ly\s+(?:" + "|".join(sorted(_INSTRUCTION_VERBS)) + r")\b", re.I)
_SUBJECT_VERB_RE = re.compile(
    r"^(?:(?:the|a|an|most|many|some|every|each|[A-Z]\w+'s|\w+'s)\s+)?(?:[\w'-]+\s+){1,6}?"
    r"(?:is|are|was|were|has|have|had|can|cannot|can't|could|will|would|should|must|may|might|do|does|did|"
    r"doesn't|don't|isn't|aren't|won't|tends?|[a-z]{3,}(?<!ss)(?<!ous)(?<!ics)s|[a-z]{3,}ed)\b"
)


# a fronted phrase, then a subject that needs the note: 'for a product leader the lesson is …', 'in a marketplace it …'
_FRONTED_VAGUE_RE = re.compile(
    r"^(?:in|for|on|at|with|without|below|above|under|after|before|during|within)\b[^,;:]{2,50}?,?\s+"
    r"(?:it|they|this|that|these|the (?:lesson|point|takeaway|upshot|moral))\b",
    re.I,
)


def _has_clause(text: str) -> bool:
    """Whether ``text`` reads as a clause: a subject, then a verb ('the keeper took …', 'costs rise …')."""
    return bool(_SUBJECT_VERB_RE.match(text)) or any(w.lower() in PAST_FORMS for w in words(text)[1:7])


def _reason(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'…; X, because Y' / 'Because Y, X' / 'X, since Y' -> 'what explains why X?' — Y, the whole reason.

    The reason is the clause as written, never cut (a reason clause cut in half is no reason), never led by a
    pronoun ('because they …' names nothing), and the effect keeps its own polarity (the clause is copied).
    """
    for clause in _REASON_CLAUSE_SPLIT_RE.split(core):
        if "because" not in clause and ", since " not in clause and "which is why" not in clause:
            continue
        if re.match(r"^\s*(?::|[—–])", core[core.find(clause) + len(clause) :]):
            continue  # 'hard because of four properties: …': the reason is what follows the colon
        clause = clause.strip().rstrip(".")
        if re.search(r"\b(?:less|more)\s+because\b.*\bthan\b", clause):
            continue  # 'teams struggle less because of technology than because they …' (triage: 'what do dispersed teams
            # struggle?'; 'what explains why crews struggle less?' — 'Weather than because …'): a comparison of reasons
        first = _BECAUSE_FIRST_RE.match(clause) or _WHICH_IS_WHY_RE.match(clause)
        match = first or _REASON_RE.match(clause)
        if not match or ("since" in clause and not first and ", since " not in clause):
            continue
        effect = _REPORTED_RE.sub("", plain(match.group("x")).strip().rstrip(","))
        if _denied_report(effect):
            continue  # 'A correlation … does not show that the feature causes retention, because engaged users do everything
            # more' (batch129: 'what explains why the feature causes retention?', T0 from every judge): the note denies it
        effect = _REPORTING_THAT_RE.sub("", effect)  # 'the data show that X': X is the effect
        reason = plain(match.group("y")).strip()
        cut = _REASON_END_RE.search(reason)
        if cut and re.match(r"^(?::|\s+[—–])", cut.group()):
            continue  # 'because of four properties: complexity, …': the reason is the list that follows
        reason = reason[: cut.start()] if cut else reason
        reason = reason.strip().rstrip(".,")
        if "," in reason:
            continue  # 'because A, B and C' may go on past where the clause was cut: half a reason is none
        after = core[core.find(reason) + len(reason) :] if reason in core else ""
        joined = re.match(r"^,\s+(?:and|but|yet|while|whereas)\s+(?P<next>[^;:.]+)", after)
        if joined and set(content_words(joined.group("next"))) & set(content_words(reason)):
            continue  # 'because it sells consulting, and cheap software makes consulting …': the reason goes on
        if reason.lower().startswith("of ") and re.search(r"\s(?:while|whereas|although|though)\s", reason):
            continue  # 'A chart can stick because of a cartoon while its message is lost' (batch201: '… a cartoon while its
            # message is lost or distorted', T0 from every judge): a cause and a concession, split in the wrong place
        if reason.lower().startswith("of "):
            reason = reason[3:]  # 'because of Dunbar's number' -> 'Dunbar's number'
        elif not _has_clause(reason) or re.match(r"^(?:\d|then\b|the \d)", reason):
            continue  # 'since 2010', a reason with no verb of its own
        if _PARTIAL_REASON_RE.search(effect) or _CUT_COORDINATION_RE.search(effect) or _NEGATED_RE.search(effect):
            continue  # 'did not decline because A': A is the reason denied; 'partly because' gives only a part
        if imperative(effect) or _noun_verb_instruction(effect):
            # 'Expect a trade-off curve: test several diversification levels online and pick the peak, because past a
            # point satisfaction drops' (batch205: 'what explains why test several diversification levels …?', T1/T2):
            # advice and its reason, asked as the advice (as _mechanism asks it)
            answer = clean_answer(reason)
            if answer and answer.rstrip(".").lower() == reason.lower() and _self_contained(answer):
                yield from _why_should(note, s, ctx, effect, answer)
            return
        if (
            _LEADING_PRONOUN_RE.match(effect)
            or re.match(r"^(?:we|you|i|there|here|even|so|if|when|as|what|how|why|who|where)\b", effect, re.I)
            or words(effect)[0].lower() in _BARE_AUX
            or _FRONTED_VAGUE_RE.match(effect)
            or re.search(r"\s(?:who|which|that|whose|where)\s|\?", effect)  # whose verb is the effect's?
            or re.search(r"\b(?:it|they|them|its|their|then|the one)\b", effect, re.I)  # points back into the note
            or _DEMONSTRATIVE_RE.search(effect)
            or not 3 <= len(words(effect)) <= 14
            or not _SUBJECT_VERB_RE.match(effect)
            or _IMPERATIVE_RE.match(effect)
            or _ADVERB_THEN_BASE_VERB_RE.match(effect)
            or (words(effect)[0].lower().endswith("ing") and words(effect)[-1].lower().endswith("ly"))
        ):
            continue  # ('imputing causes correctly': a gerund, a plural noun and an adverb, no verb)
        reason = _named_back(effect, reason)  # 'X is the worst, because it hides …' -> 'X hides …'
        if re.match(r"^(?:it|they|this|that|these|those|he|she|we|you|i|its|their|his|her)\b", reason, re.I):
            continue  # 'because they carry …' with no subject to read back: it names nothing
        answer = clean_answer(reason)
        if not answer or answer.rstrip(".").lower() != reason.lower() or not _self_contained(answer):
            continue  # clean_answer cut or refused it: the reason would not be whole
        effect = re.sub(r"\s+also\b|\s+too$", "", effect)  # 'also' links to a sentence before
        effect = _lowered(effect, note)
        yield "mechanism", _card(note, "reason", slug(effect, 2), s, f"{ctx}, what explains why {effect}?", answer)
        return


_WHICH_IS_WHY_RE = re.compile(r"^(?P<y>[^,;:]{8,110}?),\s+which is why\s+(?P<x>[^,;:]{8,110})$")
# 'the data show that X', 'he argues that S should …': what follows 'that' is the claim
# a view named as a view ('the X Thesis holds that', 'critics argue that', 'the standard account says that')
_RIVAL_VIEW_RE = re.compile(
    r"^[^;:]*?\b(?:thesis|hypothesis|view|account|theory|school|camp|critics|sceptics|skeptics|opponents|proponents|"
    r"conventional wisdom|orthodoxy|folk theory)\s+(?:\w+\s+)?(?:holds?|says?|claims?|argues?|assumes?|predicts?|"
    r"maintains?|suggests?)\s+that\b",
    re.I,
)
_REPORTING_THAT_RE = re.compile(
    r"^[^;:]*?\b(?:shows?|showed|argues?|argued|finds?|found|notes?|observes?|claims?|suggests?|recommends?|says?|"
    r"insists?|holds?|believes?|concludes?|proposes?|points? out|pointed out|stresses|warns?|admits?|concedes?|"
    r"acknowledges?)\s+that\s+"
)
# the effect's subject, before its first auxiliary (or, for a one- or two-word subject, an -s verb)
_EFFECT_SUBJECT_RE = re.compile(
    r"^(?P<n>(?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+){0,4}?)\s+"
    r"(?:is|are|was|were|has|have|had|can|cannot|will|would|must|should|may|might|does|do|did)\b"
    r"|^(?P<m>(?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+)?)\s+[a-z]{3,}(?<!ss)s\b",
    re.I,
)


_QUANTIFIERS = frozenset("plenty many most some few several all each every any no much".split())


def _named_back(effect: str, reason: str) -> str:
    """The reason with a leading 'it/its' ('they/their') read as the effect's subject when they agree, else as is."""
    pronoun = re.match(r"^(it|its|they|their)\s+", reason, re.I)
    found = _EFFECT_SUBJECT_RE.match(effect) if pronoun else None
    if not pronoun or not found or re.match(r"^it\s+(?:is|was)\s+\w+\s+(?:to|that)\b", reason, re.I):
        return reason  # 'it is hard to know …' is nobody's 'it'
    subject = re.sub(
        r"(?:\s+(?:now|then|still|also|often|usually|always|\w+ly))+$",
        "",
        (found.group("n") or found.group("m")).strip(),
    )
    if re.search(r"\s(?:and|or)\s", subject):
        return reason  # 'reckless and deliberate is a team … because it': which one is 'it'?
    if len(words(subject)) >= 3 and words(subject)[-1].lower().endswith("ing"):
        return reason  # 'an experiment giving operators more responsibility … because it conflicted' (batch145: 'An
        # experiment giving conflicted …', T1 from every judge): the subject was cut before its participle's object
    if _LEADING_PRONOUN_RE.match(subject) or subject.split()[0].lower() in _BARE_AUX | _QUANTIFIERS:
        return reason  # 'plenty of schleps are avoided because they …': 'they' are those schleps, not plenty
    plural = plural_word(words(subject)[-1].lower())
    said = pronoun.group(1).lower()
    if plural != (said in ("they", "their")):
        return reason  # 'the team … because they': no agreement, no reading
    subject = subject[0].lower() + subject[1:] if subject.split()[0].lower() in ("the", "a", "an") else subject
    owner = f"{subject}'" if subject.endswith("s") else f"{subject}'s"
    return f"{owner if said in ('its', 'their') else subject} {reason[pronoun.end() :]}"


# 'S should V (P) O' in a clause: the subject, the modal, the verb, a preposition the verb takes, and the object
_SHOULD_RE = re.compile(
    r"^(?P<s>[^,;:()]{3,60}?)\s+(?P<m>should|must)\s+(?P<v>[a-z]{3,15})\s+"
    r"(?:(?P<p>on|with|in|into|from|to|for|by|around|toward|towards|against|about|at)\s+)?(?P<o>[^;:()]{3,160}?)\.?$"
)
_SHOULD_SPLIT_RE = re.compile(r",\s+(?:so|and so|and|but|while|whereas)\s+(?:that\s+)?|;\s+|:\s+|\s+[—–]\s+")
# where an object ends and an aside, a contrast or a purpose begins (the answer is the object alone)
_OBJECT_END_RE = re.compile(
    r",\s+|\s+(?:rather than|instead of|not|so|so that|because|before|while|until|whether|when|if|unless)\s+"
)
_NOT_OBJECT_START = frozenset("not never be been also always only still just so too very rather".split())


def _should(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'S should V (P) O' -> 'what should S V (P)?' — O: a prescription asked for its one specific complement.

    Never of a denial ('should not/never': the answer would read as the thing to do) or of a passive
    ('should be …'); the object is the clause's whole rest, never cut, and names something on its own.
    """
    for clause in _SHOULD_SPLIT_RE.split(core):
        clause = _REPORTING_THAT_RE.sub("", clause.strip())
        if clause.startswith("Because ") and ", " in clause:
            clause = clause.split(", ", 1)[1]  # 'Because A, managers should …': the prescription after the reason
        match = _SHOULD_RE.match(clause)
        if not match or re.match(r"^\s*(?::|[—–])", core[core.find(clause) + len(clause) :]):
            continue  # 'should answer three questions: …': the object goes on past the colon
        verb, prep, obj = match.group("v"), match.group("p") or "", plain(match.group("o")).strip()
        end = _OBJECT_END_RE.search(obj)
        if end and end.group().startswith(",") and _LIST_GOES_ON_RE.match(obj[end.start() :]):
            continue  # 'favor A, B and C': the object is a list cut at its first comma
        obj = obj[: end.start()].strip() if end else obj
        low = verb.lower()
        if low in _NOT_OBJECT_START | STOPWORDS | _ADVERBS | _QUANTIFIERS | PREPOSITIONS or low.endswith("ly"):
            continue  # 'should not …', 'must above all …', 'must first …': a denial or no verb
        if base_verb_problem(verb):
            continue  # 'should not …', 'should be …', 'must first …': a denial, a passive or no verb
        if low in ("therefore", "thus", "first", "then", "now", "all", "each", "both"):
            continue
        if not prep:
            continue  # 'what should roadmaps include?', 'what should research ask?', 'what should a forecast of 70%
            # come?': a bare object is one of many things to include or ask (first runs of batches 60-79: 'should'
            # cards 16% T2/T3 over 58 ratings, none T2 without a preposition); 'what should effort concentrate
            # against?', 'what should onboarding end on?' name the one complement (T2/T3)
        lead = words(obj)[0].lower() if words(obj) else ""
        if lead in _PARTICLES:
            continue  # 'government should hold back from directing production' (batch76: 'what should government
            # hold?' — 'Back from …', T0 from every judge): the verb's particle, not its object
        if lead in _NOT_OBJECT_START or lead in PREPOSITIONS or lead == "like" or _NEGATED_RE.search(obj):
            continue  # 'look like a deep …': the verb's preposition was not one the form knows
        if re.search(r"\b(?:that|which|who)$", match.group("s").strip(), re.I):
            continue  # 'Evidence that should leave everyone less certain instead widens …': 'should' is the relative
            # clause's, the sentence's verb comes later (batch71: 'what should evidence that leave?')
        subject = _topic(match.group("s"), 6, note)
        if not subject or _NEGATED_RE.search(subject) or re.search(r"\b(?:is|are|was|were)\b", subject):
            continue
        if re.search(r"\b(?:what|which|who|how|whether)$", subject, re.I):
            continue  # 'Vance asks what should convince a team …': an embedded question, no subject
        if noun_phrase_problem(words(subject)) or re.search(r"\s(?:a|an|the)\s", f" {subject} "[3:]):
            continue  # 'the single action a user' is two noun phrases, not one
        if re.match(r"^(?:the|a|an)\s+\w+\s+(?:a|an|the)\s", obj, re.I):
            continue  # 'give the group a way to …': two objects, the question names neither
        if re.search(r"\s(?:than|and|or)\s", f" {obj} ") or re.search(r"\bfor\b.*\bto\s+\w+$", obj):
            continue  # 'A and B' may be two things; 'X for the role to work' ends on a purpose
        answer = clean_answer(obj, 10)
        if not answer or answer.lower() != obj.lower().rstrip(".") or not _self_contained(answer):
            continue  # cut by the answer rules: the object would not be whole
        if _IT_RE.search(answer):
            continue  # 'the failure semantics that come with it' (batch77: T1 from every judge): 'it' is the sentence
            # before's
        if _QUESTION_START_RE.match(answer) or _FRAGMENT_LEAD_RE.match(answer):
            continue
        asked = f"{verb} {prep}".strip()
        front = f"{ctx}, what {match.group('m')} {subject} {asked}?"
        yield "prescription", _card(note, "should", slug(f"{subject} {verb}", 3), s, front, answer)
        return


# an effect that ends inside a coordination ('… not by luck or') or on a denial is no effect to explain
_CUT_COORDINATION_RE = re.compile(r"\b(?:or|and|nor|but|not)$", re.I)
_NOT_BECAUSE_RE = re.compile(r"^(?P<x>.{6,80}?)\s+not because\s+(?P<a>[^,;:]{3,60}?),?\s+but because\s+(?P<b>.+)$")
_COUNTS_IF_RE = re.compile(
    r"^(?P<x>.{3,50}?)\s+only\s+(?P<v>counts? as|works?|makes sense)\s*(?P<y>[^,;:]{0,30}?)\s+if\s+(?P<z>.+)$"
)
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.I)


_COMES_FROM_RE = re.compile(
    r"^(?P<x>[^,;:]{3,50}?)\s+(?:comes|come|stems|stem|springs|spring)\s+from\s+(?P<y>[^:;]+?)(?::\s+(?P<z>.+))?$"
)
_CALLS_LIST_RE = re.compile(
    r"\b(?:he|she|they|[A-Z]\w+)\s+calls?\s+(?:it\s+)?(?P<t>(?:the|a|an)\s+[\w -]{2,30}?):\s+(?P<items>.+)$"
)
_CALLS_THE_RE = re.compile(
    r"^(?P<who>[A-Z]\w+)\s+calls\s+(?P<y>[^,;:]{3,60}?)\s+the\s+(?P<z>(?:single|most|biggest|worst|best|first|only)\s+[^,;:]{3,80}?)"
    r"(?:,|:|;|$)"
)


def _named(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X comes from Y', 'he calls it the kernel: a, b and c', 'Spolsky calls X the worst mistake …'."""
    source = _COMES_FROM_RE.match(core)
    owner = _OWNER_RE.match(source.group("x").strip()) if source else None
    if source and owner and re.match(r"^(?:his|her)\s", owner.group(0), re.I) and note.byline == note.surname:
        # 'His strongest evidence comes from involuntary loss' (batch200's Belk note, no card): the one author's
        source = _COMES_FROM_RE.match(f"{possessive(note.surname)} {owner.group('n')}{core[len(source.group('x')) :]}")
    if source:
        if source.group("x").split()[-1].lower() in POLARITY_CUES:
            return  # 'New meanings rarely come from asking users': where they do not come from, not where they do
        if _DEMONSTRATIVE_RE.search(source.group("x")) or _WORKS_OWN_RE.search(source.group("x")):
            return  # 'much of this confusion comes from …' (batch73: T0 from every judge): which confusion? 'many of
            # the examples come from the Java enterprise era' (batch74: T0 from every judge) is about the book's cases
        thing = _topic(source.group("x"), 6, note)
        if thing and note.surname and thing.lower().startswith(note.surname.lower() + "'"):
            thing = note.surname + thing[len(note.surname) :]  # "okafor's strongest evidence" -> "Okafor's …"
        if thing and thing.lower() in ("everything", "something", "anything", "much", "most", "all", "both"):
            return  # 'Everything comes from one very large, well-resourced company' (batch144: 'where does everything come
            # from?', T0 from two judges of four): the note's own material, named by a pronoun
        if thing and re.search(r"\b(?:where|what|how|why|when|whether)\b", thing):
            return  # 'It says little about where latency actually comes from in today's products: …' (batch141: 'where
            # does little about where latency actually come from?', T0 from every judge): the subject is a clause
        reason, detail = source.group("y"), source.group("z")
        if detail and re.search(r",\s+(?:and|but|while|so)\s", reason):
            # 'Clear writing comes from clear thinking, and the main enemy of both is clutter: needless words …': the
            # colon is the next clause's (batch69: 'where does clear writing come from?' — 'Needless words …', T0)
            reason, detail = re.split(r",\s+(?:and|but|while|so)\s", reason)[0], None
        reason = re.split(r",\s+(?:so|and so|which means|and that)\s", reason)[
            0
        ]  # '…, so changing one of them …' goes on
        # 'comes from growing others and from small corrections …' (batch198: 'Growing others and from small …', T1):
        # the question holds the first 'from', so the second goes too
        reason = re.sub(r"\s+and\s+from\s+", " and ", reason, count=1)
        if detail and len(words(reason)) >= 5 and re.match(r"^(?:the|a|an)\s", detail.strip(), re.I):
            # 'Bad economics … comes from seeing only what is visible and near: the jobs saved by a tariff, …' (batch137:
            # 'where does bad economics come from?' — 'The jobs saved by a tariff, …', T0 from every judge): a whole
            # reason is the answer, its colon gives examples; a short one ('a basic asymmetry: …') is glossed after it
            detail = None
        answer = clean_answer(detail or reason)
        if answer and re.match(r"^(?:all|both|the)\s+(?:two|three|four|five|six|seven|eight)\b", answer, re.I):
            return  # 'All four parts together' (batch72): which four, the learner cannot tell
        named_thing = (
            thing
            and thing.lower() not in ("the title", "the name")
            and not _CUT_COORDINATION_RE.search(thing)
            and not _vague_referent(thing, note)  # 'where does the explanation come from?' (batch65: T0)
        )
        if thing and answer and _self_contained(answer) and named_thing:
            front = f"{ctx}, where {_do(thing)} {thing} come from?"
            if noun_phrase_problem(words(thing), _do(thing)):
                return  # 'where does if safety come from?': the subject is a clause
            yield "mechanism", _card(note, "source", slug(thing, 2), s, front, answer)
    named = _CALLS_LIST_RE.search(core)
    if named:
        listed = re.split(r"[;.]\s+", named.group("items"))[0]
        raw = [i for i in re.split(r",\s*(?:and\s+|or\s+)?", listed) if i.strip()]  # 'and' may sit inside an item
        parts = [re.split(r"\s+(?:that|which|who|to)\s+", i.strip())[0] for i in raw]
        term = plain(named.group("t")).strip()
        if 2 <= len(parts) <= 3 and all(1 <= len(words(p)) <= 4 for p in parts):
            n = {2: "two", 3: "three"}[len(parts)]
            answer = ", ".join(parts)
            front = f"{ctx}, what are the {n} parts of {term[0].lower() + term[1:]}?"
            yield "list", _card(note, "parts", slug(term, 2), s, front, answer[0].upper() + answer[1:])
    calls = _CALLS_THE_RE.match(core)
    if calls and calls.group("who") == note.surname:
        answer = clean_answer(calls.group("y"))
        what = plain(calls.group("z")).strip().rstrip(".")
        if answer and _self_contained(answer) and len(words(what)) <= 12:
            front = f"{ctx}, what does {note.surname} call the {what}?"
            yield "claim", _card(note, "called", slug(what, 3), s, front, answer)


def _cause(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X fail not because A but because B' -> 'what explains why X fail, if not that A?' — B."""
    match = _NOT_BECAUSE_RE.match(core)
    if match:
        effect = plain(match.group("x")).strip().rstrip(",")
        if re.match(r"^(?:it|this|that|they|these|he|she)\b", effect, re.I) or len(words(effect)) > 12:
            return
        subject = " ".join(words(_DETERMINER_RE.sub("", effect))[:1])
        cause = plain(match.group("b")).strip()
        alternative = plain(match.group("a")).strip()
        cause = re.sub(r"^(?:they|it)\s", f"{subject} ", cause) if subject else cause
        alternative = re.sub(r"^(?:they|it)\s", f"{subject} ", alternative) if subject else alternative
        answer = clean_answer(cause)
        if answer and _self_contained(answer):
            effect = _lowered(effect, note)
            front = f"{ctx}, what explains why {effect}, if not that {alternative}?"
            yield "mechanism", _card(note, "cause", slug(effect, 2), s, front, answer)
    counts = _COUNTS_IF_RE.match(core)
    if counts:
        thing = _topic(counts.group("x"), 6, note)
        condition = clean_answer(
            re.sub(r"^(?:it|they)\s", f"{thing} ", counts.group("z")) if thing else counts.group("z")
        )
        if thing and condition and _self_contained(condition):
            base = {"counts as": "count as", "works": "work", "makes sense": "make sense"}.get(counts.group("v"))
            what = f"{base or counts.group('v')} {counts.group('y')}".strip()
            front = f"{ctx}, under what condition does {thing} {what}?"
            yield "diagnostic", _card(note, "condition", slug(thing, 2), s, front, condition)


# 'An accident happens only when holes in several layers line up' -> 'when does an accident happen?' — 'Only when
# holes …'; 'People reach the conclusion they want only if they can build a justification …' -> 'under what condition
# do people reach the conclusion they want?'; 'Privacy is violated when a flow breaks …' -> 'when is privacy violated?'
# (batch47: a condition the note states as the idea itself; the curator asked it, the generator had no shape for it)
_ONLY_WHEN_RE = re.compile(
    r"^(?P<x>[A-Z][\w' -]{2,50}?)\s+(?P<v>[a-z]+)(?P<rest>(?:\s+[\w'-]+){0,5}?)\s+only\s+(?P<c>when|if)\s+"
    r"(?P<z>[^;:()]{5,150}?)\.?$"
)
# the same with a two-word subject whose head is a plural noun ('Harbour pilots follow …')
_ONLY_WHEN_LONGER_RE = re.compile(
    r"^(?P<x>[A-Z][\w'-]+\s+[a-z][\w'-]*s)\s+(?P<v>[a-z]+)(?P<rest>(?:\s+[\w'-]+){0,5}?)\s+only\s+(?P<c>when|if)\s+"
    r"(?P<z>[^;:()]{5,150}?)\.?$"
)
_PASSIVE_WHEN_RE = re.compile(
    r"^(?P<x>[A-Z][\w' -]{2,50}?)\s+(?P<v>is|are)\s+(?P<pp>[a-z]{3,}ed|broken|taken|given|shown|won|lost|kept|held)\s+"
    r"(?P<only>only\s+)?when\s+(?P<z>[^;:()]{5,150}?)\.?$"
)


def _only_when(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X V only when/if Z' and 'X is PP when Z' -> 'when does X V?' / 'under what condition …?' — 'Only when Z'."""
    flat = plain(core).strip()
    match = _PASSIVE_WHEN_RE.match(flat)
    found = match or _ONLY_WHEN_RE.match(flat)
    if found is None:
        return
    if not match:
        after = words(found.group("rest"))
        if after and found.group("v").endswith("s") and _plain_verb(after[0]) and found.group("x")[0].isupper():
            # 'Harbour pilots follow the schedule only when …' (the shortest subject made it 'when does harbour pilot
            # follow the schedule?'): a plural noun then a plain verb is the subject's head and its verb
            found = _ONLY_WHEN_LONGER_RE.match(flat) or found
    thing = _topic(found.group("x"), 6, note)
    if not thing or _vague_referent(thing, note):
        return
    plural = _plural_subject(words(thing))
    if match:
        aux, verb = match.group("v"), match.group("pp")
        front = f"{ctx}, when {aux} {thing} {verb}?"
        lead = "Only when" if match.group("only") else ""  # a bare 'When …' reads as a cut clause (_complete_phrase)
    else:  # no passive: 'found' is the 'X V only when/if Z' match
        v, rest = found.group("v"), re.sub(r"\bthey\b", thing, found.group("rest"))  # 'the conclusion they want'
        if v in STOPWORDS or v in _MODAL_VERB or re.search(r"\b(?:not|never|also)\b", rest):
            return
        if re.match(r"^\s+(?:is|are|was|were|be|has|have|can|will|do|does)\b", found.group("rest")):
            return  # 'Modern personas are worth having only if …' (batch82: 'under what condition does modern persona
            # are worth having?', T0 from every judge): the verb is in what follows, the subject was cut short
        base = (v if _plain_verb(v) else None) if plural else base_form(v)
        if not base:
            return
        aux = "do" if plural else "does"
        asked = f"{aux} {thing} {base}{rest}"
        front = f"{ctx}, when {asked}?" if found.group("c") == "when" else f"{ctx}, under what condition {asked}?"
        lead = "Only when" if found.group("c") == "when" else "Only if"
    condition = re.sub(r"^(?:it|they)\s", f"{thing} ", found.group("z"))
    second = re.search(r",\s+(?:and|but|while|whereas)\s+(?P<c>.+)$", condition)
    if second and _has_clause(second.group("c")) and "," not in condition[: second.start()]:
        # 'only when nothing casts doubt on what those feelings say, and bad moods are more likely …' (batch199's
        # Schwarz–Clore note gave no card): the next clause is a claim of its own, not part of the condition
        condition = condition[: second.start()]
    answer = clean_answer(condition, 17)  # the whole condition is the idea: cut only what the gate would refuse
    if answer and _self_contained(answer):
        shown = f"{lead} {answer[0].lower()}{answer[1:]}" if lead else answer
        yield "diagnostic", _card(note, "condition", slug(thing, 2), s, front, shown)


def _diagnostic(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    match = _DIAGNOSTIC_IF_RE.search(core)
    if match:
        sign = clean_answer(re.sub(r"\b(?:is|are) being (\w+)\b", r"\1", match.group("x")), 13)
        meaning = plain(match.group("y")).strip().rstrip(".")
        if sign and _self_contained(sign) and len(words(meaning)) <= 10:
            front = f"{ctx}, what is a sign of {meaning[0].lower() + meaning[1:]}?"
            yield "diagnostic", _card(note, "diagnostic", slug(meaning, 2), s, front, sign)
            return
    match = _DIAGNOSTIC_RE.search(core)
    if match and re.match(r"^(?:what|how|whether|which|who)\b", match.group("x")):
        match = None  # '… before launching the test: what the null hypothesis is, what unit is randomised …' lists a
        # plan's questions after the word 'test', no diagnostic (batch68: 'what is a sign of randomised, …?', T0)
    if match:
        sign = clean_answer(match.group("x"))
        meaning = plain(match.group("y")).strip().rstrip(".")
        if sign and _self_contained(sign) and len(words(meaning)) <= 10:
            meaning = meaning[0].lower() + meaning[1:]
            front = f"{ctx}, what is a sign of {meaning}?"
            yield "diagnostic", _card(note, "diagnostic", slug(meaning, 2), s, front, sign)
            return
    # 'If A, B' asked as 'what follows if A?' — B is not made: on fresh notes judged blind (batches 80–102, first
    # runs) those cards were T2/T3 in 27–34% of 134 ratings against 51–53% for every other generated card, and
    # one rating in six was T0 ('vague "what follows"', 'several valid answers', 'the answer omits the key
    # consequence'); a condition's outcome is one of many a learner could name


_NUMBER_RE = re.compile(r"\b\d+(?:\.\d+)?\b|\b(?:half|twice|double|triple|quarter|third)\b", re.I)
_LINKED_RE = re.compile(r"\b(?:also|too|this|that|these|those|such|the same|otherwise)\b", re.I)


def _quantity(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    if role_of(s.heading) in ("critique", "application"):
        return  # 'In Doerr's …: <the note's own application>' would put the note's words in the author's mouth
    core = next((c for c in re.split(r";\s+", core) if _PERCENT_RE.search(c)), core)
    match = _PERCENT_RE.search(core)
    if not match or len(words(core)) > 28 or re.match(r"^(?:it|this|that|they|these|he|she)\b", core, re.I):
        return
    if core[: match.start()].count('"') % 2 or re.search(r"[“‘]\S*$", core[: match.start()]):
        return  # 'check how often claims made at "80% sure" turn out true' (batch120: T1 from every judge): a quoted
        # number is an example of a practice, not a finding to recall
    rest = core[: match.start()] + " " + core[match.end() :]
    if _NUMBER_RE.search(rest) or _LINKED_RE.search(rest) or re.search(r"\b(?:it|them)\W*$", rest.strip()):
        return  # another number makes it arithmetic to guess; 'also', 'this' need the sentence before, and so does a
        # closing 'it' ('Hara hachi bu, eating until 80% full, is his image for it', batch193: T1 from every judge)
    if (
        _EXAMPLE_LEAD_RE.match(core)
        or _EXAMPLE_LEAD_RE.match(plain(s.previous))
        or _points_back_to_example(note, s, core)
    ):
        return  # 'Their example: a judge convicts only if … Full disclosure leads to conviction 30% of the time.' and
        # 'The judge, fully aware of the design, then convicts 60% of the time.' (batch195: T1 — 'only makes sense
        # inside the note's example'): a number of a worked example needs the example's set-up
    text = core[: match.start()] + "{{c1::" + match.group(0) + "}}" + core[match.end() :]
    text = text.rstrip(".") + "."
    front = f"{_in(note)}: {text}"
    yield "quantity", _card(note, "quantity", slug(core[: match.start()], 2), s, front)


# a sentence that opens a worked example ('Their example: …', 'For example, …', 'Consider a …')
_EXAMPLE_LEAD_RE = re.compile(
    r"^(?:(?:their|his|her|its|the|one|an?)\s+(?:\w+\s+)?example\b|for (?:example|instance)\b|consider\s)", re.I
)


def _points_back_to_example(note: Note, s: Sentence, core: str) -> bool:
    """Whether ``core`` opens on 'The <noun>' that an earlier sentence of its section brought in as 'a <noun>' (the
    judge of 'a judge convicts only if …'): its figure belongs to that example."""
    opening = re.match(r"^The\s+([a-z][a-z-]+)\b", core)
    if not opening:
        return False
    noun = opening.group(1)
    before = [x.plain for x in sentences(note) if x.heading == s.heading and x.index < s.index]
    return any(re.search(rf"\b(?:a|an)\s+{re.escape(noun)}\b", text) for text in before)


def _critique(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """Each critical point as 'What … does the note on Norton's 'Title' say the essay …?'."""
    text = s.plain
    for clause in re.split(r";\s+|(?<=\.)\s+", text):
        lowered = f" {clause.lower()} "
        hits: list[tuple[int, str, str]] = []
        for cue, verb in _CRITIQUE_CUES:
            at = lowered.find(f" {cue} ")
            if cue == "risks" and not re.match(r"\w+ing\b", lowered[at + len(cue) + 2 :]):
                continue  # 'risks romanticizing …' is a verb; 'the risks overlap' is not
            if at >= 0 and not any(h[0] <= at < h[0] + len(h[1]) + 2 for h in hits):
                hits.append((at, cue, verb))
        hits.sort()
        if not hits:
            continue
        subject = _critic_subject(note, clause[: hits[0][0]])
        if re.search(r"\s(?:it|them|they|this|these|those)$", subject) or re.search(r"\s(?:it|them)\s", subject):
            continue  # 'Optimising it rewards whatever holds attention' (batch108: '… say optimising it rewards?', T0 from
            # every judge): what 'it' is, the sentence before says
        for n, (at, cue, verb) in enumerate(hits):
            if _someone_else(clause[:at]) or _own_subject(clause[:at]):
                continue
            if re.search(r",\s+(?:which|who)(?:\s[^,]*)?$", clause[:at]):
                continue  # '… when people find something they like, which depends on ranking …' (batch87: 'say the work
                # depends on?', T0 from every judge): the verb's subject is what 'which' stands for, not the work; so
                # is a second verb of the clause ('"count the dots", which penalises … and rewards boilerplate …',
                # batch204: 'say the paper rewards?', T0 from three judges of four)
            stop = hits[n + 1][0] if n + 1 < len(hits) else len(clause) + 1
            rest = clause[at + len(cue) + 1 : stop - 1]
            rest = re.sub(r"\s+(?:without|but|and)$", "", rest.strip())
            parts = re.split(r"\s+[—–]\s+|:\s+", rest, maxsplit=1)
            head = parts[0]
            items = _items(parts[1]) if len(parts) > 1 else None
            topic = re.split(r"\s+(?:that|which|who)\s+", plain(head).strip().rstrip("."))[0]
            topic = re.sub(r"^(?:the|a|an)\s+", "", topic, flags=re.I)
            if verb == "treats" and " as " in head:
                thing, _, role = plain(head).partition(" as ")
                if thing.strip().lower() in ("that", "this", "it", "them", "these", "those"):
                    continue  # '… treats that as a public good' (batch76: T0 from every judge): what 'that' is, the
                    # sentence before says
                role = re.split(r",\s+(?:which|who)\s", role)[0]  # '… as a sin, which gives little help …'
                answer_text = clean_answer(role)
                concession = re.search(r",\s+(?:yet|but|though|although)\s", answer_text or "")
                if (
                    concession
                    and answer_text
                    and answer_text.rstrip(".").lower() != plain(role).strip().rstrip(".").lower()
                    and len(words(answer_text[concession.end() :])) <= 4
                ):
                    # '… treats shallow work as low value, yet for many roles, including …, coordination is the job'
                    # (development cards: 'Low value, yet for many roles', T1; 'Mostly hot air, yet some kinds it mocks',
                    # T0/T1): the concession was cut to a fragment, so the answer is the role alone
                    answer_text = answer_text[: concession.start()]
                if not answer_text or len(words(thing)) > 6:
                    continue
                front = f"What does {_note_on(note)} say {subject} treats {thing.strip()} as?"
                answer = answer_text
            elif items and 1 <= len(words(topic)) <= 4:
                front = f"What {topic} does {_note_on(note)} say {subject} {verb}?"
                answer = ", ".join(items)
                answer = answer[0].upper() + answer[1:]
            else:
                if len(parts) > 1 and re.search(r"\s(?:that|which|who)\s", head):
                    continue  # '… depends on conditions that practitioners tend to forget: members must …' (batch79:
                    # T1/T0, 'the answer is empty'): the point is what the colon says, in clauses no card can hold
                answer_text = clean_answer(head)
                kind_of = _kind_of(answer_text) if answer_text else ""
                if not answer_text or (verb in _OPEN_CRITIQUE and not kind_of):
                    continue  # 'what does the note say the model assumes?' has many answers: name the topic or ask nothing
                if verb in _SILENT_CRITIQUE:
                    continue  # 'What kind of parts does the note say the essay says little about?' — 'The hard parts
                    # of leading': the kind is the answer's own noun (development cards: 8 of 30 ratings T2+)
                shown = f"kind of {kind_of} does" if verb in _OPEN_CRITIQUE else "does"
                front = f"What {shown} {_note_on(note)} say {subject} {verb}?"
                answer = answer_text
            if not _self_contained(answer):
                continue
            if verb in _LEANING_CRITIQUE and _WHOLE_WORK_RE.match(subject):
                # 'What does the note … say the work leans on?' — 'A handful of cases the author knows well' (batch87 and
                # on: of 24 such cards on the development notes, 19 rated T0/T1 — 'vague: which weakness?'): what the
                # whole work leans on has many answers; a named part ('the recruitment analysis depends on') has one
                continue
            yield "critique", _card(note, "critique", slug(f"{verb} {topic}", 3), s, front, answer)


# a subordinate clause's own subject follows these ('a tool that says' is the tool: 'that' after a noun stays)
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:where|when|if|whose|whether|because|(?:shows?|showed|argues?|says?|means?|suggests?|claims?|finds?|proves?)"
    r"\s+that)\b",
    re.I,
)


_JOINED_SUBJECT_RE = re.compile(r",\s+(?:and|but|yet|while|whereas)\s+")


def _own_subject(before: str) -> bool:
    """Whether a critique verb has a subject of its own after ', and' ('…, and the right depth depends on …'):
    then the verb is that subject's, not the work's."""
    parts = _JOINED_SUBJECT_RE.split(before)
    subject = parts[-1].strip().lower() if len(parts) > 1 else ""
    return bool(subject) and subject not in _WORK_SUBJECTS and subject.split()[0] not in PRONOUNS


def _someone_else(before: str) -> bool:
    """Whether a critique verb's subject sits in a subordinate clause, so the verb is not the work's."""
    # 'negotiations where … the other party doesn't care', 'show that using software … doesn't make the win last'
    return bool(_CLAUSE_WORD_RE.search(before.rsplit(",", 1)[-1]))


# The note's critique often says what a named part of the work cannot do or says little about:
# 'Five interviews can show …, but they cannot validate demand, retention or willingness to pay'.
# The question names that part (its own topic), so it admits the one answer the note gives.
_LIMIT_VERBS = frozenset(
    """tell show say validate measure explain predict capture address distinguish separate rank cover check prove
    reveal answer assess judge settle replace detect""".split()
)
_LIMIT_RE = re.compile(
    r"(?:^|,\s+(?:but\s+|and\s+|yet\s+)?|;\s+|\s+but\s+)(?P<s>[^,;:()]{2,60}?)\s+(?:\w+ly\s+|also\s+|still\s+)?"
    r"(?P<neg>cannot|can't|can not|does not|doesn't|do not|don't)\s+(?P<v>[a-z]+)\s+"
    r"(?P<io>(?:you|us|a team|teams|anyone|readers|a reader|a manager|managers)\s+)?(?P<o>[^;:()—–]+)"
)
# '… and the book says little about go-to-market'; 'the list gives no way to …'
_LITTLE_RE = re.compile(
    r"(?:^|,\s+(?:but\s+|and\s+|yet\s+)?|;\s+|\s+but\s+)(?P<s>[^,;:()]{2,60}?)\s+(?:also\s+)?"
    r"(?P<v>(?:says|offers|gives|provides)\s+(?:little|almost nothing|nothing|no)(?:\s+(?:help|guidance|advice))?"
    r"\s+(?:about|on|with)|is\s+(?:thin|thinner|silent|vague|weakest|thinnest)\s+on)\s+(?P<o>[^;:()—–]+)"
)
# 'The prescriptions assume a degree of control over one's calendar that …': an open verb, asked only of a named part
_OPEN_LIMIT_RE = re.compile(
    r"(?:^|,\s+(?:but\s+|and\s+|yet\s+)?|;\s+|\s+but\s+)(?P<s>[^,;:()]{2,60}?)\s+(?:also\s+|largely\s+|often\s+)?"
    r"(?P<v>assumes?|ignores?|underplays?|overlooks?|neglects?|understates?|overstates?|presumes?|glosses over|"
    r"leaves out|drops|rests on|depends on|relies on)\s+(?P<o>[^;:()—–]+)"
)
_WORK_SUBJECTS = frozenset(
    ("it", "this", "that", "they", "the book", "the essay", "the article", "the post", "the piece", "the paper")
    + ("the talk", "the memo", "the work", "the deck", "the framework", "the model", "the author", "a reader")
)
_LEADING_LINK_RE = re.compile(
    r"^(?:(?:and|but|also|yet|still|so|finally|moreover|more importantly|most importantly)\b,?\s*)+", re.I
)
# the answer stops where the text marks the end of the point; a second verb after 'and'/'or' is another point
_SECOND_PREDICATE_RE = re.compile(
    r"\s(?:and|or)\s+(?:\w+ly\s+)?(?:\w+)\s+(?:the|a|an|any|its|their|whether|how|what|why)\b"
)


def _named_part(note: Note, subject: str, before: str) -> str | None:
    """The part of the work a limit is about, as the note names it ('five interviews'); None when only a pronoun or the work."""
    subject = _LEADING_LINK_RE.sub("", plain(subject).strip())
    if subject.lower() in {"it", "they"}:
        # 'Five interviews can show …, but they cannot …': the pronoun's noun is the clause's subject
        can = re.match(r"^(?P<x>[^,;:()]{2,60}?)\s+(?:can|could)\s+\w+", _LEADING_LINK_RE.sub("", before.strip()))
        subject = can.group("x") if can else ""
    tokens = [t.lower() for t in words(subject)]
    if not tokens or subject.lower() in _WORK_SUBJECTS or tokens[0] in PRONOUNS:
        return None
    if note.surname and subject.lower() in {note.surname.lower(), f"{note.surname.lower()} himself"}:
        return None  # the author is not the topic: what the note criticises is a part of the work
    if subject.count('"') % 2 or subject.count("“") != subject.count("”"):
        return None  # 'not control" …' starts inside a quotation
    if any(
        t in _BARE_AUX or t in _CLAUSE_WORDS or t in _NOT_SUBJECT_START - {"of", "with", "in", "on"} for t in tokens
    ):
        return None  # a clause ('a team that knows …', 'when it …') is no name for a part
    return _topic(subject, 6, note)


_MARKED_END = r"^(?:$|\s*,|\s+(?:that|which|who|whom|whose|where)\b)"  # where the text itself ends a phrase


def _listed_object(text: str) -> str:
    """The object up to where the text ends it: 'demand, retention or willingness to pay, and teams …' -> the list."""
    for comma in re.finditer(r",\s+", text):
        rest = re.split(r",\s+", text[comma.end() :])[0]
        item = re.sub(r"^(?:and|or)\s+", "", rest)
        longest = max(len(words(x)) for x in re.split(r"\s+(?:and|or)\s+", item))
        tokens = [t.lower() for t in words(item)]
        if (
            longest > 4
            or set(tokens) & _BARE_AUX
            or (tokens and tokens[0] in PRONOUNS)
            or re.match(r"^(?:but|so|yet|while|which|who|because|since)\b", item)
        ):
            return text[: comma.start()]  # the next clause, not the next item
    return text


def _limit(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """'Five interviews … cannot validate demand, retention or willingness to pay' -> 'What does the note … say five interviews cannot validate?'."""
    for regex in (_LIMIT_RE, _LITTLE_RE, _OPEN_LIMIT_RE):
        for match in regex.finditer(core):
            if regex is _LIMIT_RE and match.group("v") not in _LIMIT_VERBS:
                continue
            part = _named_part(note, match.group("s"), core[: match.start()])
            obj = _listed_object(plain(match.group("o")).strip().rstrip("."))
            obj = re.split(r"\s+(?:so|because|since|while|even though|although)\s+", obj)[0]
            if not part or _SECOND_PREDICATE_RE.search(obj):
                continue
            answer = clean_answer(obj) or ""
            leans = re.search(r"\b(?:it|them|they|their|its)\b", answer, re.I)  # 'how to start without it'
            rest = obj[len(answer) :] if obj.lower().startswith(answer.lower()) else "?"
            if not answer or leans or not _self_contained(answer) or not re.match(_MARKED_END, rest):
                continue  # a cut the text does not mark, or an answer that leans on the note
            if regex is _LIMIT_RE:
                neg = {"can't": "cannot", "can not": "cannot", "doesn't": "does not", "don't": "do not"}
                verb = f"{neg.get(match.group('neg'), match.group('neg'))} {match.group('v')}"
                verb += f" {match.group('io').strip()}" if match.group("io") else ""
            else:
                verb = match.group("v")
            denied = _COPULA_DENIED_RE.match(rest)
            # 'The argument rests on history and reasoning, not statistics' (batch199: 'History and reasoning', T1 from
            # every judge: 'misses the point (no statistics)'): what it denies is part of the question
            # (a bare word is a noun only in the plural: in 'can only encourage, not supply' it is the verb's)
            denial = denied.group("b") if denied else ""
            plural = len(words(denial)) > 1 or denial.endswith("s")
            unless = f", if not {denial}" if denial and plural and len(words(denial)) <= 8 else ""
            front = f"What does {_note_on(note)} say {part} {verb}{unless}?"
            yield "critique", _card(note, "critique", slug(f"{part} {match.group('v')}", 3), s, front, answer)


# 'The production analogy fits operational work better than ambiguous product work, where …'
_FITS_BETTER_RE = re.compile(
    r"(?:^|,\s+(?:but\s+|and\s+)?|;\s+)(?P<s>[^,;:()]{2,60}?)\s+(?:also\s+)?fits\s+(?P<a>[^,;:()]{3,50}?)\s+"
    r"(?:far\s+|much\s+)?better\s+than\s+(?P<b>[^;:()—–]+)"
)
# 'The checklist tests whether a form is complete, not whether it is needed': the pronoun is the first clause's thing
_NOT_WHETHER_RE = re.compile(
    r"^(?:(?:most |more )?importantly|in practice|above all)?(?:\s*for [\w ]{2,30})?,?\s*"
    r"(?P<head>[^,;:()]{5,90}?),\s+not\s+(?P<b>(?:whether|how well|how)\s+[^,;:—–]{3,60}|(?:its|their)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?=$|[,;:.]|\s+[—–])"
)
_WH_THING_RE = re.compile(
    r"^(?:whether|how well|how)\s+(?P<x>(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is|are|can|will|\w+s)\b"
)
_POSSESSOR_RE = re.compile(r"^(?P<x>(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)['’]s?\s+[\w-]+$")


# 'The evidence is one ship's turnaround told by its own captain, so …': what the work's evidence is, as the note says
_BARE_ADJECTIVES = frozenset("small large big few many single short long new old local recent narrow broad".split())
_EVIDENCE_RE = re.compile(
    r"^(?P<s>(?:much of |most of )?the (?:evidence|data|examples|cases|case studies|sample|studies))\s+"
    r"(?P<v>is|are|comes from|come from)\s+(?:mostly\s+|largely\s+|all\s+)?(?P<y>[^;:()—–]+)"
)


def _evidence(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """'The evidence is one captain's own story, so …' -> 'What does the note on … say the evidence is?'."""
    match = _EVIDENCE_RE.match(_LEADING_LINK_RE.sub("", core[0].lower() + core[1:]))
    if not match:
        return
    told = re.split(r",\s+|\s+(?:so|because|since|while|which|rather than)\s+", plain(match.group("y")).strip())[0]
    answer = clean_answer(told.rstrip(".")) or ""
    if not answer or answer.lower() != told.rstrip(".").lower() or not _self_contained(answer):
        return  # a cut the text does not mark
    if len(content_words(answer)) < 2 or re.match(r"^(?:that|too|very|not|thin|weak|strong)\b", answer, re.I):
        return  # 'The evidence is thin': a judgement, not what the evidence is
    first = words(answer)[0].lower()
    if match.group("v") in ("is", "are") and "-" not in first and (first.endswith("ed") or first in PAST_FORMS):
        return  # 'the data is dominated by …' is passive: 'what is the data?' would not ask it
    if re.match(r"^\w+(?:er|al|ic|ive)\b(?!\s+(?:of|from|by|in|with)\b)", answer, re.I) and not re.match(
        r"^(?:(?:a|an|the)\s|\w+s\b)", answer, re.I
    ):
        return  # 'Thinner than the tone suggests', 'Correlational and …': what the evidence is like, not what it is
    if re.match(r"^(?:most|least|\w{3,}est)\s+(?:for|in|on|at|when|where|with)\b", answer, re.I):
        return  # 'The evidence is strongest for infrastructure' (batch192: 'What kind of evidence … rests on?' —
        # 'Strongest for infrastructure', T0): where it is strongest, not what it is
    if ". " in answer:
        return  # 'Uneven. Variable rewards are well established': a verdict, then another sentence
    if words(answer)[-1].lower() in _BARE_ADJECTIVES:
        return  # 'Average ratings from small' lost its noun at the comma ('small, unrepresentative samples')
    subject, verb = match.group("s"), match.group("v")
    front = f"What does {_note_on(note)} say {subject} {verb}?"
    if verb in ("is", "are") and subject.startswith("the "):
        # 'what does the note say the evidence is?' was vague to judges ('the evidence for what?': 35 judged cards,
        # 47% T2+): the question names whose evidence it is, and asks the evidence's kind
        noun, work = subject.split(" ", 1)[1], work_word(note)
        if noun not in ("evidence", "data"):
            return  # 'what does the note say the work's cases are?' (8 cards, 12 ratings on the development notes, one
            # T2: 'a fragment that drops the critique'): which cases, and what is wrong with them, the card never says
        front = f"What kind of {noun} does {_note_on(note)} say {work} rests on?"
    yield "critique", _card(note, "critique", slug(f"{subject} {verb}", 3), s, front, answer)


def _fits_better(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """'X fits operational work better than ambiguous product work' -> 'What kind of work does the note say X fits poorly?'."""
    for match in _FITS_BETTER_RE.finditer(core):
        part = _named_part(note, match.group("s"), core[: match.start()])
        worse = re.split(r",\s+|\s+(?:where|which|who|because|since|so)\s+", plain(match.group("b")).strip())[0]
        answer = clean_answer(worse) or ""
        head = words(plain(match.group("a")))[-1].lower()
        if not part or not answer or words(answer)[-1].lower() != head or not _self_contained(answer):
            continue  # the kind is named only when both sides share it ('operational work', 'product work')
        if len(words(answer)) < 2:
            continue  # 'work' alone: the kind would be the answer
        front = f"What kind of {head} does {_note_on(note)} say {part} fits poorly?"
        yield "critique", _card(note, "critique", slug(f"{part} fits", 3), s, front, answer)


def _not_whether(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """'The list checks whether an interface is usable, not whether it solves a problem' -> '… say the list does not check?'."""
    match = _NOT_WHETHER_RE.match(_LEADING_LINK_RE.sub("", core))
    if not match:
        return
    tokens = match.group("head").split()
    # the verb is the first word after the subject that can be one ('the list checks', not 'the' + 'list')
    at = next(
        (
            n
            for n in range(1, min(len(tokens), 5))
            if base_form(tokens[n]) or (re.search(r"[^s]s$", tokens[n - 1]) and _plain_verb(tokens[n]))
        ),
        0,
    )
    if not at:
        return
    part = _named_part(note, " ".join(tokens[:at]), "")
    verb, a = tokens[at], " ".join(tokens[at + 1 :])
    b = plain(match.group("b")).strip().rstrip(".")
    thing = _WH_THING_RE.match(a) or _POSSESSOR_RE.match(a)
    if not part or not thing or verb.lower() in _LIGHT_VERBS:
        return
    x = thing.group("x")
    b = (
        re.sub(r"^(?:its|their)\b", f"{x}'s", b)
        if b.startswith(("its ", "their "))
        else re.sub(r"\bit\b", x, b, count=1)
    )
    plural = not base_form(verb)
    base = verb if plural else base_form(verb)
    answer = clean_answer(b) or ""
    if not base or not answer or answer.lower() != b.lower() or not _self_contained(answer):
        return
    front = f"What does {_note_on(note)} say {part} {'do' if plural else 'does'} not {base}?"
    yield "critique", _card(note, "critique", slug(f"{part} {base}", 3), s, front, answer)


# 'Later studies that tried to replicate the link found that the score …': what the evidence found is the point
_FINDING_RE = re.compile(
    r"^(?P<x>(?:[\w-]+\s+){0,3}(?:\w+-)?(?:studies|study|analyses|analysis|research|experiments|trials|replications|surveys|reviews))"
    r"(?:\s+(?:that|which)\s+[^,;:]{3,60}?)?\s+(?P<v>found|find|showed|show|suggest|suggested|report|reported)\s+that\s+(?P<y>.+)$",
    re.I,
)


def _finding(note: Note, s: Sentence, core: str) -> Iterator[tuple[str, Card | None]]:
    """'Later studies … found that X' -> 'What does the note on … say later studies found?' — X."""
    match = _FINDING_RE.match(core)
    if not match:
        return
    who = match.group("x")
    who = _lowered(who, note)
    answer = clean_answer(re.split(r",\s+(?:and|but|while)\s+", match.group("y"))[0])
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 3:
        return
    front = f"What does {_note_on(note)} say {who} {match.group('v').lower()}?"
    yield "critique", _card(note, "critique", slug(f"{who} {match.group('v')}", 3), s, front, answer)


_HEAD_STOP_RE = re.compile(r"\s+(?:of|with|to|for|in|on|at|from|by|about|that|which|who|where|whose|than|as)\s+")


def _kind_of(answer: str) -> str:
    """The head noun of a modified noun phrase ('stable, dedicated teams with …' -> 'teams'), or ''."""
    head, *rest = _HEAD_STOP_RE.split(answer, maxsplit=1)
    if re.search(r"(?:,|\band)\s+(?:a|an|the|one|\w+\s+\w+\s+\w+)\b", head) or (
        rest and re.search(r"(?:,|\band)\s+(?:a|an|the|one)\b", rest[0])
    ):
        return ""  # a list of things ('waterfall releases, one PM per product and …') is not one kind
    tokens = [t for t in words(head) if t.lower() not in _ARTICLES]
    if any(t.lower() in _BARE_AUX for t in tokens):
        return ""  # 'the core idea is sound' is a clause: its last word is no kind of thing
    if tokens and tokens[0].lower().endswith("ing"):
        return ""  # 'romanticizing empathy …' is an act, not a kind of thing
    if any(t.lower().endswith("ing") for t in tokens[1:-1]):
        return ""  # 'a single designer holding the whole tree in mind' (batch145: 'What kind of tree …?', T0 from every
        # judge): the head is before the participle, and its last noun is the participle's object
    if any(t.lower() in _ADVERBS | {"already", "never", "rarely", "seldom", "just"} for t in tokens[1:]):
        return ""  # 'the team already knows …' is a clause: 'what kind of knows?' (batch44: T0 from every judge)
    if len(tokens) < 2 or not tokens[-1].isalpha() or tokens[-1].lower() in STOPWORDS:
        return ""  # 'the politics of …' has no modifier to ask about: the kind would be the answer
    if tokens[-1].lower().endswith(("ly", "ing", "ed")) or tokens[0].lower() in STOPWORDS | _CLAUSE_WORDS:
        return ""  # 'whether the effect survives once customers notice the trick' is a question, not a trick
    return tokens[-1].lower()


def _critic_subject(note: Note, before: str) -> str:
    """Who or what the critique is about, as the question names it ('the essay', "the essay's framing")."""
    text = re.sub(
        r"^(?:(?:and|but|also|finally|first|second|third|moreover|still|yet|worse|so|thus|hence)\b,?\s*)+",
        "",
        plain(before).strip().strip(","),
        flags=re.I,
    )
    text = re.sub(r"\s+(?:also|too)$", "", text)  # 'Conway also treats …' leans on a point before it
    lowered = text.lower()
    if not text or lowered in {"it", "this", "the essay", "the piece", "the book", "the post", "the article"}:
        return work_word(note)
    if note.surname and lowered == note.surname.lower():
        return note.surname
    if len(words(text)) > 6 or text.split()[0].lower() in PRONOUNS:
        return work_word(note)
    head = text.split()[0]
    acronym = len(head) > 1 and head.isupper()
    return text if acronym or head == note.surname else text[0].lower() + text[1:]


def _items(text: str) -> list[str] | None:
    """A short list ('quarterly OKRs, thin research teams, incentives that …') as up to three parts."""
    raw = [i.strip().rstrip(".") for i in _LIST_SPLIT_RE.split(plain(text).strip().rstrip(".")) if i.strip()]
    items = []
    for item in raw:
        item = re.split(r"\s+(?:that|which|who|where)\s+", item)[0]
        if not 1 <= len(words(item)) <= 4:
            return None
        items.append(item)
    if not 2 <= len(items) <= 3:
        return None
    return items


_PAIRED_PART_RE = re.compile(r"\s(?:versus|vs\.?)\s")


def _list_label(item: str) -> str:
    """A list item as a short label: 'conformity to arbitrary external interfaces' -> 'conformity'."""
    item = item.strip().rstrip(".")
    if _PAIRED_PART_RE.search(item):
        return item  # 'acting on versus interacting with' is one part: cut at 'on' it would mix with the next
    if len(words(item)) > 4:
        cut = re.search(r"\s+(?:to|in|by|with|for|from|on|of|whose|that|which)\s+", item)
        if cut and len(words(item[: cut.start()])) >= 1:
            item = item[: cut.start()]
    return item


def _join(labels: list[str], what: str) -> str:
    """'Value risk, Usability risk' under 'four big risks' -> 'Value, usability'."""
    lasts = {x.split()[-1].lower() for x in labels}
    if len(lasts) == 1 and all(len(x.split()) > 1 for x in labels) and lasts.pop().rstrip("s") in what.lower():
        labels = [" ".join(x.split()[:-1]) for x in labels]
    shown = [x if x.isupper() or x.split()[0].isupper() else x[0].lower() + x[1:] for x in labels]
    text = ", ".join(shown)
    return text[0].upper() + text[1:]


# 'positions come from three sources: …' -> 'what three sources do positions come from?'
_HOLDER_RE = re.compile(
    r"(?:^|,\s+)(?P<x>[A-Za-z][\w' -]{2,40}?)\s+(?P<v>[a-z]{3,15})"
    r"(?:\s+(?P<p>on|from|in|into|with|for|of|to|by|at|through))?\s+$"
)


def _holder(note: Note, before: str) -> str | None:
    """'Lasting monopolies rest on' (what comes before 'four things:') as 'do lasting monopolies rest on'; None if unsure."""
    match = _HOLDER_RE.search(before)
    if not match:
        return None
    x = _topic(_LEADING_LINK_RE.sub("", match.group("x")), 4, note)
    x = note.surname if x and note.surname and x.lower() == note.surname.lower() else x
    tokens = [t.lower() for t in words(x or "")]
    if not x or set(tokens) & (_LIGHT_VERBS | _BARE_AUX | _CLAUSE_WORDS | _NOT_SUBJECT_START | PRONOUNS):
        return None  # a clause or a pronoun before the verb: the question would need the sentence
    verb, particle = match.group("v"), f" {match.group('p')}" if match.group("p") else ""
    light = verb in _LIGHT_VERBS and not particle  # 'come from', 'rest on' ask something; 'have', 'get' do not
    if _plural_subject(tokens) and _plain_verb(verb) and not light:
        return f"do {x} {verb}{particle}"
    base = base_form(verb)
    if not _plural_subject(tokens) and base and not light:
        return f"does {x} {base}{particle}"
    return None


_RELATIVE_HOLDER_RE = re.compile(
    r"(?P<x>(?:[\w'-]+\s+){1,5}?)(?:that|which|who)\s+(?P<v>[a-z]{3,15})"
    r"(?:\s+(?P<p>on|from|in|into|with|for|of|to|by|at|through))?\s+(?:the\s+(?:same\s+)?)?$"
)
_GENERIC_PARTS = frozenset(
    "parts kinds types things elements steps items ways points pieces aspects components factors sorts forms".split()
)
_PHRASE_START = frozenset("the a an two three four five six several many most".split())
_BARE_MODIFIERS = frozenset("main basic different distinct separate key major broad common related general".split())


def _names_no_whole(what: str) -> bool:
    """Whether a list's name says only how many of what generic thing ('kinds', 'three overlapping kinds'): of what?

    'what are the three kinds?' (batch75) and 'what are the three overlapping kinds?' (batch122: T1 from every judge)
    name no whole; 'the three basic psychological needs', 'the four player types' do.
    """
    tokens = [t.lower() for t in words(what)]
    if len(tokens) == 1:
        return True
    modifier = tokens[0] in _BARE_MODIFIERS or re.fullmatch(r"[a-z]{3,}(?:ing|ed)", tokens[0]) is not None
    return len(tokens) == 2 and modifier and tokens[1] in _GENERIC_PARTS


def _relative_holder(before: str) -> str | None:
    """'two design philosophies that weigh the same' (before 'four qualities — …') as 'do the two design
    philosophies weigh': the list's whole is the noun phrase the relative clause hangs on; None if unsure."""
    match = _RELATIVE_HOLDER_RE.search(before)
    if not match:
        return None
    tokens = match.group("x").split()
    start = max((i for i, t in enumerate(tokens) if t.lower() in _PHRASE_START), default=None)
    if start is None:
        return None  # no determiner or count: where the noun phrase starts is a guess
    phrase = tokens[start:]
    if phrase[0].lower() in _NUMBERS:
        phrase = ["the", *phrase]
    verb, particle = match.group("v"), f" {match.group('p')}" if match.group("p") else ""
    plural = _plural_subject(phrase)
    do = "do" if plural else "does"
    base = verb if plural and _plain_verb(verb) else (base_form(verb) if not plural else None)
    if not base or base in _LIGHT_VERBS or noun_phrase_problem(phrase, do) or base_verb_problem(base):
        return None
    return f"{do} {' '.join(phrase)} {base}{particle}"


def _list_question(note: Note, before: str, n: str, what: str, glossed_parts: bool) -> str | None:
    """The question of a counted list whose lead is ``before`` ('… rest on'), naming the list's whole; None if unsure."""
    n, what = n.lower(), what.strip()
    kinds_of = re.match(r"^\w+s of [\w-]+$", what)  # 'types of work' names a list; 'buy for …' does not
    ways_to = re.match(r"^(?:\w+\s+)?ways to \w+$", what)  # 'two basic ways to win' names a list too
    if len(words(what)) > 4 or (
        not kinds_of
        and not ways_to
        and re.search(r"\b(?:for|to|in|on|by|with|from|of|about|at|is|are|was|were)\b", what)
    ):
        return None  # 'two groups buy for opposite reasons:' leads a contrast, not a list of parts
    made = re.match(r"^(?P<x>[^,;:]{3,50}?)\s+(?:is|are)\s+(?P<adj>\w+)\s+because of\s+$", before)
    thing = _topic(made.group("x"), 6, note) if made else None
    defined = re.search(r"\b(?:defines|characteri[sz]es)\s+(?P<x>[\w -]{2,30}?)\s+by\s+$", before)
    defined_thing = _topic(defined.group("x"), 4, note) if defined else None
    # 'network effects work as three forces: …' -> 'what are the three forces of network effects?'
    acting = re.search(
        r"(?:^|,\s+)(?P<x>[^,;:]{3,50}?)\s+(?:work|works|act|acts|come|comes|fall|falls)\s+(?:as|in|into)\s+$",
        before,
    )
    # 'Andreessen splits a startup into three elements — …' -> '… the three elements of a startup?'
    acting = acting or re.search(r"\s(?:splits|divides|breaks)\s+(?P<x>[^,;:]{3,40}?)\s+(?:into|down into)\s+$", before)
    # 'The uniform interface has four parts: …' -> 'what are the four parts of the uniform interface?' (batch75)
    acting = acting or re.search(r"(?:^|,\s+)(?P<x>[^,;:]{3,50}?)\s+(?:has|have|contains|comprises)\s+$", before)
    # 'running a parallel customer development process in four steps — …' -> '… the four steps of the … process?'
    process = None if acting else re.search(r"\b(?:a|an|the)\s+(?P<x>(?:[\w'’-]+\s+){0,3}[\w-]+)\s+in\s+$", before)
    whole = _topic(acting.group("x"), 4, note) if acting else None
    if process and (named := _topic(process.group("x"), 4, note)):
        whole = f"the {named}"
    # 'every team is in one of four states:' -> 'what are the four states every team can be in?'
    one_of = re.search(
        r"(?:^|\s)(?P<x>(?:[Ee]very|[Ee]ach|[Aa]ny)\s+[a-z][\w-]+)\s+is\s+(?:always\s+)?in\s+one\s+of\s+$", before
    )
    if one_of and _plural_subject([what.split()[-1]]):
        x = one_of.group("x")
        return f"{_according(note)}, what are the {n} {what} {x[0].lower() + x[1:]} can be in?"
    if made and thing:
        return f"{_according(note)}, what {n} {what} make {thing} {made.group('adj')}?"
    if defined and defined_thing:
        return f"{_according(note)}, what {n} {what} define {defined_thing}?"
    if whole:
        return f"{_according(note)}, what are the {n} {what} of {whole}?"
    if held := _holder(note, before) or _relative_holder(before):
        return f"{_according(note)}, what {n} {what} {held}?"
    if glossed_parts or what.lower() in _GENERIC_PARTS or _names_no_whole(what):
        return None  # 'what are the three parts?', 'what are the four models?', 'what are the two ingredients?' name no
        # whole (batch75, batch80; every judged run: 52 such questions, 198 ratings, 32% T2/T3, nearly all one noun):
        # each part is still asked; 'the three basic psychological needs', 'the four villains of decision-making' say
        # what they are
    return f"{_according(note)}, what are the {n} {what}?"


def _lists(note: Note, all_sentences: list[Sentence]) -> Iterator[Idea]:
    """A bullet list introduced by 'N things:' or an inline 'four risks: a, b, c and d' -> one card."""
    groups: dict[tuple[str, str], list[Sentence]] = {}
    for s in all_sentences:
        if s.item and s.lead:
            groups.setdefault((s.heading, s.lead), []).append(s)
    for (heading, lead), items in groups.items():
        match = _LEAD_LIST_RE.search(plain(lead))
        if not match:
            continue
        labels = []
        for item in items:
            term = _TERM_ITEM_RE.match(item.text)
            label = plain(term.group("t")) if term else plain(item.text).rstrip(".")
            labels.append(label.strip().rstrip(":"))
        count = _NUMBERS.get(match.group("n").lower()) or int(match.group("n"))
        if count != len(labels) or count > MAX_LIST_ITEMS or any(len(words(x)) > 4 for x in labels):
            continue
        what = plain(match.group("what")).strip()
        if what.lower() in _GENERIC_PARTS or _names_no_whole(what) or words(what)[0].lower() in PREPOSITIONS:
            continue  # 'He names three kinds:' (batch75: 'what are the three kinds?'), 'He sorts "free" into four
            # models:' (batch80: 'what are the four models?', T1 from every judge): of what? (one bare noun, as in
            # _list_question: 32% T2/T3 over 198 ratings)
        answer = _join(labels, what)
        front = f"{_according(note)}, what are the {match.group('n').lower()} {what}?"
        # anchored on the sentence that introduces the list, so the item cards beside it do not overlap it
        anchor = next((x for x in all_sentences if x.text == lead and not x.item), items[0])
        card = _card(note, "list", slug(what, 2), anchor, front, answer)
        if card:
            yield Idea(role_of(heading), "list", lead, card, _KIND_WEIGHT["list"] + 2)
    for s in all_sentences:
        if (s.item and s.lead) or not s.heading:
            continue  # an item under a lead is part of the lead's list; a lone bullet can hold its own list
        match = _INLINE_LIST_RE.search(s.plain) or (_DASH_LIST_RE.search(s.plain) if "—" in s.plain else None)
        if not match:
            continue
        # the list ends where a clause about it starts ('…, and invisibility, since software has …')
        listed = re.split(r",\s+(?:since|which|because|so that|while|where)\s+", match.group("items"))[0]
        glossed = re.sub(
            r"\s*\([^()]{2,80}\)", "", listed
        )  # 'variety-based (a narrow set of …)': the aside glosses a part
        glossed_parts = glossed != listed
        listed = glossed
        raw_items = [i for i in _LIST_SPLIT_RE.split(listed) if i.strip()]
        parts: list[str] = [_list_label(i) for i in raw_items]
        if any(
            len(words(p)) == 1 and len(words(i)) - len(words(p)) >= 5 for i, p in zip(raw_items, parts, strict=True)
        ):
            continue  # 'change that happens abruptly at a single moment rather than gradually' -> 'change' (batch73:
            # 'Contagiousness, small causes, change', T0 from three of four judges): the label says nothing of it
        if len(parts) != _NUMBERS[match.group("n").lower()]:
            # 'technical competence, so people can decide, and organizational clarity, so …': each part's
            # own clause glosses it; the parts are what is left, when that is exactly the count the note states
            bare = re.sub(r"\s*\([^()]{2,80}\)", "", match.group("items"))
            bare = re.sub(r",\s+(?:so|so that|where|which|who|because|since|while)\s+[^,]+(?=,|$)", "", bare)
            parts = [_list_label(i) for i in _LIST_SPLIT_RE.split(bare.rstrip(". ")) if i.strip()]
            glossed_parts = True
        if len({p.lower() for p in parts}) != len(parts):
            continue  # 'going, going': labels cut to the same word are no answer
        if len(parts) != _NUMBERS[match.group("n").lower()] or len(parts) > MAX_LIST_ITEMS:
            continue
        if any(len(words(i)) > (6 if _PAIRED_PART_RE.search(i) else 4) for i in parts):
            continue
        asked = _list_question(note, s.plain[: match.start()], match.group("n"), match.group("what"), glossed_parts)
        if not asked:
            continue
        card = _card(note, "list", slug(match.group("what"), 2), s, asked, _join(parts, match.group("what")))
        if card:
            yield Idea(role_of(s.heading), "list", s.text, card, _KIND_WEIGHT["list"] + 2)


# 'every team is in one of four states: falling behind, where …; treading water, where …; …': each part
# is glossed by its own clause, so the parts are separated by semicolons and each ends at its first comma
_SEMI_LIST_RE = re.compile(
    r"(?:\b(?P<n>two|three|four|five)\s+(?P<what>[\w -]{2,40}?)|^(?P<m>Two|Three|Four|Five) of (?:them|these)\s+"
    r"(?P<pred>[a-z][\w ]{2,50}?))\s*:\s+(?P<items>[^:]+;[^:]+?)\.?$"
)
_PART_END_RE = re.compile(
    r",\s|\s+\(|\s+[—–]\s|\s+(?:where|which|who|whose|that|because|so that|when|while|as|since)\s"
)
_PART_OF_RE = re.compile(r"\s+(?:between|among|to|in|by|with|for|from|on|of|within)\s+")
# 'Those opportunities turn up in a small number of situations.' -> 'situations', the whole 'N of them' counts
_COUNTED_WHOLE_RE = re.compile(r"\b(?:a (?:small |large )?(?:number|handful|few) of|several)\s+(?P<w>[a-z]{4,}s)\.?$")


def _semicolon_parts(items: str) -> list[str] | None:
    """The parts of a ';' list, each cut where its own gloss starts ('process needs, where one step …'); None if unsure."""
    parts = []
    for raw in re.split(r";\s+(?:and\s+|or\s+)?", items.strip().rstrip(".")):
        part = _PART_END_RE.split(raw.strip(), maxsplit=1)[0].strip()
        cut = _PART_OF_RE.search(part) if len(words(part)) > 4 and not _PAIRED_PART_RE.search(part) else None
        if cut and plural_word(part[: cut.start()].split()[-1]):
            part = part[
                : cut.start()
            ]  # 'incongruities between what is and …' -> 'incongruities'; 'insist on …' stays whole
        if not 1 <= len(words(part)) <= (6 if _PAIRED_PART_RE.search(part) else 4) or _DANGLING_END_RE.search(part):
            return None
        parts.append(part)
    return parts if len({p.lower() for p in parts}) == len(parts) else None


def _semicolon_lists(note: Note, all_sentences: list[Sentence]) -> Iterator[Idea]:
    """A counted list whose parts carry their own glosses, separated by ';' -> one card naming its whole."""
    previous = ""
    for s in all_sentences:
        text = s.plain
        before, previous = previous, text
        match = ";" in text and ":" in text and _SEMI_LIST_RE.search(text)
        if not match or (s.item and s.lead):
            continue
        n = (match.group("n") or match.group("m")).lower()
        parts = _semicolon_parts(match.group("items"))
        if not parts or len(parts) != _NUMBERS[n] or len(parts) > MAX_LIST_ITEMS:
            continue
        if match.group("m"):
            # 'Four of them lie within a company': the whole is what the sentence before counted
            whole = _COUNTED_WHOLE_RE.search(before)
            what = whole.group("w") if whole else ""
            verb = match.group("pred").split()[0]
            front = (
                f"{_according(note)}, what {n} {what} {match.group('pred')}?" if what and _plain_verb(verb) else None
            )
        else:
            what = match.group("what")
            front = _list_question(note, text[: match.start()], n, what, True)
        card = _card(note, "list", slug(what, 2), s, front, _join(parts, what)) if front else None
        if card:
            yield Idea(role_of(s.heading), "list", s.text, card, _KIND_WEIGHT["list"] + 2)


def candidates(note: Note) -> list[Idea]:
    """Every candidate card of the note, each tagged with its idea, role and salience."""
    all_sentences = [s for s in sentences(note) if s.heading]
    ideas: list[Idea] = [*_lists(note, all_sentences), *_semicolon_lists(note, all_sentences)]
    first_in_section: set[str] = set()
    emphasised = {w for s in all_sentences for w in re.findall(r"\*\*?([^*]{2,40})\*\*?", s.text)}
    counts: dict[str, int] = {}
    for s in all_sentences:
        for w in set(content_words(s.plain)):
            counts[w] = counts.get(w, 0) + 1
    in_ctx, according = _in(note), _according(note)  # every question of the note names the essay
    note_ctx = _application_ctx(note)
    roles: dict[str, str] = {}
    pending = all_sentences[::-1]  # a stack: the sentences of a bullet no kind asked whole go on top
    split: set[Sentence] = set()
    while pending:
        s = pending.pop()
        role = roles.get(s.heading) or roles.setdefault(s.heading, role_of(s.heading))
        first = s.heading not in first_in_section
        first_in_section.add(s.heading)
        flat = s.plain  # a property: worked out once here
        core, thesis = _core(flat)
        found: list[tuple[str, Card | None]] = []
        glossed: set[str] = set()
        if s.item and s not in split and _BOLD_LABEL_RE.match(s.text):
            parts = _bullet_sentences(s, note)
            if parts:
                split.update(parts)
                pending.extend(parts[::-1])
                continue
        # Each kind needs a literal word or mark: a substring test skips most sentences at C speed.
        if role == "critique":
            found.extend(_critique(note, s, core))
            if not any(card for _, card in found) and "that" in core:
                found.extend(_finding(note, s, core))
            # a critical point in another shape is still the note's claim: asked with the note as its source;
            # in a critique 'Its segmentation …' is the work's, and 'also' only links it to the point before
            core = re.sub(r"\s+also\s+", " ", core) if " also " in core else core
            if core.startswith("Its "):
                core = f"{work_word(note)}'s {core[4:]}"
            corrects = core.startswith(("It is ", "They are ")) and " not " in s.previous
            if not any(card for _, card in found) and (" not " in core or "rather than" in core or corrects):
                found.extend(_contrast(note, s, core, note_ctx))
            if not any(card for _, card in found) and (" from " in core or "because" in core or " than " in core):
                found.extend(_named(note, s, core, note_ctx))
                found.extend(_mechanism(note, s, core, note_ctx) if "because" in core else ())
                found.extend(_claim(note, s, core, note_ctx) if " than " in core else ())
            if not any(card for _, card in found):
                found.extend(_statement(note, s, core, note_ctx))
            if not any(card for _, card in found):  # after the older kinds, so their keys stay what curation named
                found.extend(coverage_shapes(note, s, core, note_ctx))
            if not any(card for _, card in found) and (
                "not " in core or "n't " in core or " on " in core or "about" in core
            ):
                found.extend(_limit(note, s, core))  # last: a sentence another kind asks keeps that card's key
            if not any(card for _, card in found) and " better than " in core:
                found.extend(_fits_better(note, s, core))
            if not any(card for _, card in found) and ", not " in core:
                found.extend(_not_whether(note, s, core))
            if not any(card for _, card in found) and ("evidence" in core or " data " in core or " cases " in core):
                found.extend(_evidence(note, s, core))
            # after every older kind, so a sentence they ask keeps its cards (and keys); the reason is one more
            found.extend(_why_and_should(note, s, core, note_ctx, found, should=False))
            for clause in embedded_claims(core) if not any(card for _, card in found) else ():
                found.extend(_statement(note, s, clause, note_ctx))  # '…, which suggests the proposals underrate …'
            if not any(card for _, card in found) and (" best " in core or " only " in core or " be " in core):
                found.extend(_plain_shapes(note, s, core, note_ctx, ""))  # no definitions: the note's own words
        else:
            application = role == "application"
            ctx = note_ctx if application else in_ctx
            claim_ctx = ctx if application else according
            if s.item or "*" in s.text or "_" in s.text or "call" in core:
                found.extend(_definition(note, s, ctx))
            if ", which " in s.text and " call" in s.text and not any(card for _, card in found):
                found.extend(_which_calls(note, s, ctx))
            if (" call" in s.text or " term" in s.text or " dub" in s.text or " names " in s.text) and not any(
                card for _, card in found
            ):
                found.extend(_calls_gloss(note, s, ctx))  # after the older forms: their keys stay what curation named
            colon = ":" in s.text and ("**" in s.text or " is " in s.text or " are " in s.text)
            if colon and not s.item and not any(card for _, card in found):
                found.extend(_colon_gloss(note, s, ctx))
            marked = "*" in s.text or "_" in s.text or '"' in s.text or "“" in s.text
            if marked and not any(card and card.key.startswith("g.definition.") for _, card in found):
                found.extend(_coined_gloss(note, s, ctx))  # after the older forms: their keys stay what curation named
            labelled = ": " in s.text or (s.item and (" — " in s.text or " – " in s.text))
            if role == "central" and labelled and "**" not in s.text and not any(card for _, card in found):
                found.extend(_label_gloss(note, s, ctx))  # after the older forms: their keys stay what curation named
            # a bullet that no sentence introduces ('Key ideas' lists) is a claim of its own
            if not s.item or not s.lead:
                found.extend(_claim_kinds(note, s, core, ctx, claim_ctx, thesis))
                if not application and (" is " in flat or " was " in flat) and not any(card for _, card in found):
                    found.extend(_central_claim(note, s))  # after the older kinds: a card they ask stays
                if " less " in core and " than " in core and not any(card for _, card in found):
                    found.extend(_less_than(note, s, core, claim_ctx))
                if not any(card for _, card in found):
                    found.extend(coverage_shapes(note, s, core, claim_ctx))
                for clause in compound_clauses(core)[1:] if thesis and not any(card for _, card in found) else ():
                    found.extend(_claim_kinds(note, s, clause, ctx, claim_ctx, False, whole=False))
                # after every older kind and fallback, so a sentence they ask keeps its cards (and keys)
                found.extend(_why_and_should(note, s, core, claim_ctx, found))
                if not any(card for _, card in found) and (
                    " is " in core
                    or " are " in core
                    or " by " in core
                    or " be " in core
                    or " as " in core
                    or " best " in core
                    or " only " in core
                    or core[:12].split(" ")[0].endswith("ing")
                ):
                    found.extend(_plain_shapes(note, s, core, claim_ctx, ctx))  # after the older kinds: their keys stay
                for clause in embedded_claims(core) if not any(card for _, card in found) else ():
                    found.extend(_claim_kinds(note, s, clause, ctx, claim_ctx, False, whole=False))
                if role == "central" and first and thesis and not any(card for _, card in found):
                    found.extend(_opening_thesis(note, s))  # after every older kind: a card they ask stays
            if s.item and s.lead and not any(card for _, card in found) and core[:1].isupper():
                found.extend(_advice(note, s, core, claim_ctx))  # a step of a listed method asks its own advice
            if s.item and s.lead and not any(card for _, card in found) and _GENERIC_DEFINITION_RE.match(core):
                found.extend(_plain_shapes(note, s, core, claim_ctx, ctx))  # '- A target is a statement of …'
            if "**" in s.text or " — " in flat or "(" in flat or ", wh" in flat:
                terms = list(_glossed_terms(note, s, ctx))
                if "(" in s.text and ("*" in s.text or "_" in s.text) and not any(c for _, c in [*found, *terms]):
                    terms.extend(_marked_paren_gloss(note, s, ctx))  # last: a sentence another form asks keeps its card
                glossed = {card.key for _, card in terms if card}
                found.extend(terms)
        if s.item and not any(card for _, card in found):
            parts = _bullet_sentences(s, note)
            split.update(parts)
            pending.extend(parts[::-1])  # each sentence of the bullet, asked as a claim of its own
        for kind, card in found:
            if card is None or (kind == "claim" and s in split):
                continue  # a bare claim cut from a bullet lacks the words around it (batches 1-37)
            if (
                kind in ("claim", "definition")
                and role in ("application", "critique")
                and _NOTE_METAPHOR_RE.search(card.front)
                and not (kind == "definition" and _introduced_term(card.front, s.text))
            ):
                continue  # the note's own 'a design system is a product with internal customers' is a figure, not a
                # definition: 'what is a design system?' (20 such cards on the development notes, 69 ratings, 12% T2/T3);
                # so is its 'A product is a bundle of coupled choices' read as one (batch205: 'what is a product?', T1;
                # 14 such definitions on the development notes, 53 ratings, 2 T2/T3), unless the note marks the term
                # as one it introduces ('Track **cycle time** (how long one turn …)', 'The idea of posteriorities — …')
            if kind == "claim" and role in ("application", "critique") and _AUDIENCE_CLAIM_RE.search(card.front):
                continue  # 'According to the note on …, what do PMs sit on?' — 'All three boundaries at once', 'what do
                # product teams run on?' — 'Mind reading' (16 such cards on the development notes, all rated T0/T1): the
                # note's own remark about its readers, which a question about them cannot pin to one answer
            score = float(_KIND_WEIGHT.get(kind, 5))
            if kind == "critique" and any(f" {v}?" in card.front for v in _WEAK_CRITIQUE):
                score -= 2  # a side remark of the critique, not its point
            score += 3 if thesis else 0
            score += 2 if first else 0
            score += 1 if any(e in s.text for e in emphasised) else 0
            score += min(2.0, sum(counts.get(w, 0) > 1 for w in content_words(card.back or card.front)) * 0.5)
            score -= 0.1 * len(words(plain(card.back)))
            # the coverage forms of iteration 17 rank after the older kinds on the same sentence: one more idea,
            # never the card that displaces a definition ('what should keepers build?' over 'what is a brood map?')
            score -= 2 if card.key.startswith(("g.reason.", "g.should.")) else 0
            # each critical point is its own idea, even when one sentence makes two; so is each glossed term
            own = kind == "critique" or card.key in glossed
            ideas.append(Idea(role, kind, f"{s.text}#{card.key}" if own else s.text, card, score))
    return ideas


# 'what is a design system?', 'what are the lab tasks?' asked in the note's own words (not a contrast, not a superlative
# such as 'the most useful exercise', which the claim forms ask on their own terms)
_NOTE_METAPHOR_RE = re.compile(
    r"['’], what (?:is|are) (?!the (?:most|least|real|right|single|empirical|first|best|\w+est)\b)[^?]*\?$"
)


_AUDIENCE_CLAIM_RE = re.compile(
    r"['’], what (?:do|does|can|did) (?:(?:most|many|some|all|real|the|a|plenty of|every)\s+)?"
    r"(?:PMs?|product (?:teams?|managers?|organi[sz]ations?|leaders?|people)|teams|managers)\b"
)


def _introduced_term(front: str, text: str) -> bool:
    """Whether the term a definition card asks ('what is X?') is one ``text`` marks as introduced: emphasised, quoted
    or named as an idea ('the idea of X')."""
    asked = re.search(r"what (?:is|are) (?:(?:the|an?)\s+)?(?P<t>[^?]+)\?$", front)
    if not asked:
        return False
    term = re.escape(asked.group("t").strip().strip("'\"“”"))
    # (a label leading a list item, '- **Naming and extensions**: …', heads the note's own advice: no term)
    marked = re.search(rf"[*_\"“']+{term}", text.strip(), re.I)
    return bool(
        (marked and marked.start() > 0) or re.search(rf"\b(?:idea|notion|concept|practice) of {term}", text, re.I)
    )


def _bullet_sentences(s: Sentence, note: Note) -> list[Sentence]:
    """The sentences of a bullet that holds more than one ('Bridges matter. Strong ties rarely act as bridges.'),
    each a sentence of the section; [] for a one-sentence bullet."""
    if ". " not in s.text and ".** " not in s.text:
        return []
    bold = _BOLD_LABEL_RE.match(s.text)  # '**Problemistic search.** Search is …': the label ends inside its marks
    parts = [bold.group("l") + ".", *split_sentences(bold.group("r"))] if bold else split_sentences(s.text)
    if len(parts) < 2:
        return []
    out: list[Sentence] = []
    label = plain(parts[0]).strip().rstrip(".")
    glossary = not _list_name(s) and len(parts) > 1 and _glossary(note, s, label, parts[1])
    glossed = (_list_name(s) or glossary) and len(words(label)) <= 4 and not _LABEL_CLAUSE_RE.search(label)
    if glossed and parts[1][:1].isupper() and not imperative(parts[1]):  # 'Points of difference. Say how …' instructs
        # 'Problemistic search. Search starts close to the symptom.': the label, glossed by the next sentence
        gloss = parts[1]
        proper = not _common_word(words(gloss)[0], note) or gloss[1:2].isupper()  # 'Google …', 'ID …' stay
        gloss = gloss if proper else gloss[0].lower() + gloss[1:]
        out.append(Sentence(f"{label}: {gloss}", s.heading, s.line, s.index, s.item, s.numbered, s.lead))
        parts = parts[2:]
    previous = s.lead
    for part in parts:
        out.append(Sentence(part, s.heading, s.line, s.index, previous=previous))
        previous = part
    return out


# the head of a label that heads a section of advice, not a term ('Regression craft', 'Interview basics'; not
# 'practice': 'retrieval practice' is a term)
_SECTION_LABEL_HEADS = frozenset("craft basics tips essentials toolkit lessons notes habits".split())
_NOT_VERBS_IN_ISE = frozenset("enterprise expertise exercise premise franchise merchandise compromise".split())


def _step_label(label: str) -> bool:
    """Whether a list item's label is a step to take ('Maximise virtual surplus', 'Build trust'), not a term."""
    first = words(label)[0].lower() if words(label) else ""
    ise = re.fullmatch(r"[a-z]{4,}(?:ise|ize)", first) is not None and first not in _NOT_VERBS_IN_ISE
    return ise or first in _INSTRUCTION_VERBS or imperative(label)


def _glossary(note: Note, s: Sentence, label: str, gloss: str) -> bool:
    """Whether the list item ``s`` glosses a term in a glossary: a list with no lead ('## Key ideas' and its bullets)
    in which another item opens on a bold label too ('- **Bayes plausibility.** The distribution …'), its label a
    term ('Sticky information', not 'Hold identity lightly' or 'Playtest and observe') and its next sentence a gloss,
    not a reason, a condition or advice (those ask their own cards)."""
    if not s.item or s.lead or _GLOSSARY_NOT_TERM_RE.search(label) or _GLOSSARY_NOT_GLOSS_RE.search(gloss):
        return False
    last = words(label)[-1].lower() if words(label) else ""
    termlike = bool(_TERM_ENDING_RE.search(last)) or last in _NAMED_CONCEPT_HEADS
    if not termlike or last.endswith("ly") or imperative(gloss):
        return False
    if _step_label(label):
        return False  # '3. **Maximise virtual surplus.** Revenue equals …' (batch200: T0 from every judge): a step
    return any(
        other.item
        and other.item != s.item
        and other.heading == s.heading
        and not other.lead
        and _BOLD_LABEL_RE.match(other.text)
        for other in sentences(note)
    )


# a label that is not one term ('Playtest and observe', 'Iterate instead of perfecting', 'Signal, not spin')
_GLOSSARY_NOT_TERM_RE = re.compile(
    r"\b(?:and|or|vs|versus|instead|over|not|no|from|to|into|with|without|on|in|at|for)\b|[,&/:;?!]", re.I
)
# a next sentence that gives a reason, a condition, advice or a contrast ('… because …', 'Only if …', 'not A but
# B'), not what the term is
_GLOSSARY_NOT_GLOSS_RE = re.compile(
    r"\b(?:because|since|so that|so|only if|if|when|unless|which is why|should|by|not)\b|n't\b|^(?:using|the authors?)\b",
    re.I,
)
# the last word of a term: an abstract or plural noun ('plausibility', 'revealing', 'multiples', 'analysis')
_TERM_ENDING_RE = re.compile(r"(?:tion|sion|ity|ness|ment|ing|ism|ance|ence|sis|cy|gy|[^s]s)$")


_WATCH_FOR_RE = re.compile(r"^(?:watch|look)\s+(?:for|out)\b", re.I)  # 'watch time is …' is a noun
_BOLD_LABEL_RE = re.compile(r"^\*\*(?P<l>[^*]{2,60}?)\.\*\*\s+(?P<r>[A-Z].*)$")
_LABEL_CLAUSE_RE = re.compile(r"\b(?:is|are|was|were|means?|has|have|do|does|can|will|must|should|not)\b", re.I)


def _why_and_should(
    note: Note, s: Sentence, core: str, ctx: str, found: list[tuple[str, Card | None]], should: bool = True
) -> list[tuple[str, Card | None]]:
    """The iteration-17 forms on a sentence the older kinds asked no reason (no prescription) of."""
    more: list[tuple[str, Card | None]] = []
    if should and ("should" in core or "must" in core) and not any(k == "prescription" and c for k, c in found):
        more.extend(_should(note, s, core, ctx))
    if ("because" in core or ", since " in core or "which is why" in core) and not any(
        k == "mechanism" and c for k, c in found
    ):
        more.extend(_reason(note, s, core, ctx))
    return more


# 'Groups whose members had been together for two to four years did best' -> 'which groups did best?'
_DID_BEST_RE = re.compile(
    r"^(?P<x>(?P<h>[A-Z][a-z-]+(?:\s+[a-z-]+)?)\s+(?:whose|that|who|which|with|in|on|at|from)\s[^,;:]{6,90}?)"
    r"\s+(?P<v>did|performed|worked|fared)\s+(?P<a>best|worst)$"
)


def _did_best(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """A study's result: 'Groups whose members … did best' -> 'which groups did best?'."""
    best = _DID_BEST_RE.match(plain(core).strip().rstrip(".").split("; ")[0])
    if best:
        head = best.group("h").lower()
        answer = clean_answer(best.group("x"))
        if answer and _self_contained(answer) and head not in PRONOUNS and _plural_subject(head.split()):
            front = f"{ctx}, which {head} {best.group('v')} {best.group('a')}?"
            yield "claim", _card(note, "claim", slug(f"{head} {best.group('a')}", 3), s, front, answer)


# 'What makes the system work is a shared language, meaning …' -> 'what makes the system work?' — 'A shared language'
_WHAT_MAKES_RE = re.compile(
    r"^What\s+(?P<v>makes|drives|decides|determines|separates|distinguishes|sets apart|keeps|holds)\s+"
    r"(?P<x>[^,;:()]{3,60}?)\s+(?:is|was)\s+(?P<y>[^;:]+?)\.?$"
)


def _what_makes(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'What makes X work is Y' -> 'what makes X work?' — Y (a curator's question; the clause is the topic)."""
    match = _WHAT_MAKES_RE.match(plain(core).strip())
    if not match:
        return
    topic = match.group("x")
    if re.search(r"\b(?:it|this|that|they|them|these|those|its|their)\b", topic, re.I) or len(words(topic)) < 2:
        return  # 'what makes it work?': which 'it', the sentence before said
    answer = clean_answer(re.split(r",\s+(?:meaning|which|that is|i\.e\.)\s", match.group("y"))[0])
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
        return
    front = f"{ctx}, what {match.group('v')} {_lowered(topic, note)}?"
    yield "claim", _card(note, "claim", slug(f"{match.group('v')} {topic}", 3), s, front, answer)


def _claim_kinds(
    note: Note, s: Sentence, core: str, ctx: str, claim_ctx: str, thesis: bool, whole: bool = True
) -> list[tuple[str, Card | None]]:
    """The idea kinds of one claim (a sentence, or, not ``whole``, one clause of a compound one)."""
    found: list[tuple[str, Card | None]] = []
    corrects = core.startswith(("It is ", "They are ")) and " not " in s.previous  # 'X is not A. It is B.'
    if " not " in core or "rather than" in core or "instead of" in core or corrects:
        found.extend(_contrast(note, s, core, ctx))
    if " than " in core or " been " in core or " become " in core or " as " in core or "he " in core[:4]:
        found.extend(_claim(note, s, core, claim_ctx))
    if core.startswith("What "):
        found.extend(_what_makes(note, s, core, claim_ctx))
    if any(w in core for w in ("should", "must", "need", "ought", "never")):
        found.extend(_prescription(note, s, core, claim_ctx))
    if "because" in core:
        found.extend(_mechanism(note, s, core, claim_ctx))
    if " from " in core or "call" in core:
        found.extend(_named(note, s, core, claim_ctx))
    if " from " in core and " not " in core and not any(card for _, card in found):
        found.extend(_source_contrast(note, s, core, ctx))  # after the older kinds: their keys stay
    if "not because" in core or " only " in core:
        found.extend(_cause(note, s, core, claim_ctx))
    if (" when " in core or " only if " in core) and not any(card for _, card in found):
        found.extend(_only_when(note, s, core, claim_ctx))  # after the older kinds: their keys stay
    # a situation and what to do in it is advice, not an outcome to predict ('what follows if …?')
    advice = list(_advice(note, s, core, claim_ctx)) if whole and core[:1].isupper() else []
    found.extend(advice)
    # a clause's condition ('if unsure', 'if no one does') leans on the clause before it
    advised = bool(advice) or (whole and _situation(plain(core).strip()) is not None)  # never 'what follows if …?'
    if whole and not advised and ("if " in core.lower() or "when " in core.lower() or ":" in core):
        found.extend(_diagnostic(note, s, core, claim_ctx))
    if "%" in core or "percent" in core:
        found.extend(_quantity(note, s, core))
    if not any(card for _, card in found):
        found.extend(_statement(note, s, core, claim_ctx))  # a plain 'S V O' claim
    if not any(card for _, card in found) and (" best" in core or " worst" in core):
        found.extend(_did_best(note, s, core, claim_ctx))  # a study's result: who did best
    if thesis and not any(card for _, card in found):
        found.extend(_bare_claim(note, s, core, claim_ctx))  # a central claim with no other shape
    # not asked: what the author wants someone to do ('what does Tukey want statisticians to do?': 0 of 14 ratings
    # T2/T3, 71% T0 on the development notes) and what an act produced ('what did the model produce?', 'what did
    # decades of benchmarking produce?': 1 of 16 T2/T3; batch104's 'what did the model produce?', T0): the answer is
    # one of the things it produced
    return found


def select(ideas: Iterable[Idea], cap: int = DEFAULT_CAP) -> list[Idea]:
    """Coverage first: every central claim, critique points, one application, then second cards; at most ``cap``."""
    pool = sorted(ideas, key=lambda i: (-i.score, i.card.line, i.card.key))
    chosen: list[Idea] = []
    covered: set[str] = set()
    keys: set[str] = set()

    def take(idea: Idea) -> bool:
        if len(chosen) >= cap or idea.card.key in keys:
            return False
        chosen.append(idea)
        covered.add(idea.idea)
        keys.add(idea.card.key)
        return True

    firsts = [i for i in pool if i.idea not in covered]
    by_role: dict[str, list[Idea]] = {}
    seen: set[str] = set()
    for idea in firsts:
        if idea.idea in seen:
            continue
        seen.add(idea.idea)
        by_role.setdefault(idea.role, []).append(idea)
    # reserve room for one application and two critique points before the central claims fill the cap
    reserve = min(1, len(by_role.get("application", []))) + min(2, len(by_role.get("critique", [])))
    for idea in by_role.get("central", [])[: max(1, cap - reserve)]:
        take(idea)
    for idea in by_role.get("critique", [])[:2]:
        take(idea)
    for idea in by_role.get("application", [])[:1]:
        take(idea)
    for idea in pool:  # then the other ideas, best first, whatever their section
        if idea.idea not in covered:
            take(idea)
    for idea in pool:  # second cards on an idea only when every idea has one
        if idea.idea in covered and idea.card.key not in keys and idea.kind != chosen_kind(chosen, idea.idea):
            take(idea)
    return sorted(chosen, key=lambda i: (i.card.line, i.card.key))


def chosen_kind(chosen: list[Idea], idea: str) -> str:
    """The kind of card already chosen for ``idea``, or ''."""
    return next((c.kind for c in chosen if c.idea == idea), "")


def memoised(compute: Callable[[Note], list[Idea]]) -> Callable[[Note], list[Idea]]:
    """``compute`` worked out once per note (every idea-kind rule and curation ask for a note's candidates)."""
    cache: dict[tuple[object, ...], list[Idea]] = {}

    def of(note: Note) -> list[Idea]:
        key = (note.id, note.path, note.title, note.author, note.tags, note.sections)
        found = cache.get(key)
        if found is None:
            if len(cache) > 64:
                cache.clear()
            found = cache[key] = compute(note)
        return found

    of.__doc__ = f":func:`{compute.__name__}` of {compute.__module__}, worked out once per note."
    return of


candidates_of = memoised(candidates)


def idea_in(found: Iterable[Idea], card: Card) -> Idea | None:
    """The idea record of a generated card among ``found`` (None for cards of other rules)."""
    return next((i for i in found if i.card.key == card.key and i.card.front == card.front), None)


def idea_of(note: Note, card: Card) -> Idea | None:
    """The idea record of a generated card (None for cards of other rules)."""
    return idea_in(candidates_of(note), card)


# --- Statements: 'S V O' -> 'what does S V?' — O -------------------------------------------------
# Verbs that say nothing one could recall on their own ('X has Y', 'X gets Y'), reporting verbs
# (their clause is the claim, read by _core) and verbs whose object is a clause, not a thing.
_LIGHT_VERBS = frozenset(
    """has have gets get does do goes go seems seem looks look sounds sound says say adds add notes note writes write
    argues argue claims claim thinks think believes believe suggests suggest shows show finds find tells tell
    is are was were remains remain feels feel knows know wants want tries try lets let puts put
    uses use takes take gives give makes make keeps keep sees see means mean calls call comes come include includes
    contain contains involve involves""".split()
)
# Words that open a subordinate or adverbial clause, never a subject.
_NOT_SUBJECT_START = frozenset(
    """if when whenever while although though unless until because since whereas once after before as so thus hence
    yet but and or nor for then also even instead rather what which who how why where whether there here
    in on at by with from into of to about over under through across between among during without within""".split()
)
# A word after the verb that starts its object (the verb is a verb, not a plural noun)
_OBJECT_START = frozenset(
    """the a an its their his her our your every each all no more less most many much some any two three four five
    what how whether why where who""".split()
)
_S_NOT_VERB = ("ss", "us", "is", "ics", "ness", "'s", "ous")
_MODAL_VERB = frozenset({"can", "will", "cannot", "can't", "won't", "tends", "tend"})


def base_form(verb: str) -> str | None:
    """'copies' -> 'copy', 'produces' -> 'produce', 'fixes' -> 'fix'; None when ``verb`` is no -s verb."""
    v = verb.lower()
    if not v.isalpha() or len(v) < 4 or not v.endswith("s") or v.endswith(_S_NOT_VERB):
        return None
    if v.endswith("ies"):
        return v[:-1] if len(v) <= 5 else v[:-3] + "y"  # 'ties' -> 'tie', 'copies' -> 'copy'
    if v.endswith(("izes", "yzes")):
        return v[:-1]  # 'recognizes' -> 'recognize', not 'recogniz'
    if v.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return v[:-2]
    return v[:-1]


def _plain_verb(word: str) -> bool:
    """Whether ``word`` may be a present-tense verb after a plural subject ('coordinate', not 'only' or 'early')."""
    w = word.lower()
    return (
        w.isalpha()
        and w not in STOPWORDS
        and w not in PREPOSITIONS
        and not w.endswith(("ly", "ing", "ed", "s", "al", "ive", "ful", "ous"))
    )


_PREFIXED_VERB_RE = re.compile(r"^(?:Re|Pre|Co|De|Un|Over|Under|Out|Mis)-([a-z]+)$")
_ADVICE_VERBS = frozenset("compare see read consider note remember imagine think look skip contrast pair".split())
_ADVERBS = frozenset(
    "only well also often usually mostly largely always still even directly quickly almost nearly".split()
)


def _plural_subject(tokens: list[str]) -> bool:
    head = tokens[-1].lower()
    return head in {"people", "children", "men", "women"} or (
        head.endswith("s") and not head.endswith(_S_NOT_VERB) and not head.endswith("'")
    )


def _agrees(pronoun: str, noun_phrase: list[str]) -> bool:
    """Whether 'it' or 'they' can stand for the noun phrase (its words): 'they' for a plural, 'it' for a singular."""
    return (pronoun == "they") == _plural_subject(noun_phrase)


def _do(subject: str) -> str:
    """The do-support that agrees with ``subject``: 'do' for a plural ('groups'), else 'does'."""
    return "do" if _plural_subject(words(subject)) else "does"


# an instruction verb the lists above lack, followed by a plural object ('Expect concept tests to …')
_ADVICE_LEAD_RE = re.compile(r"^(?:expect|assume|prefer|favour|favor|reserve)\s", re.I)


# 'The number of active editors on English Wikipedia grew …' (batch134: 'what does the number of active editor on?', T0
# from every judge): after an adjective in -ive the -s word is its noun
_ADJECTIVE_END_RE = re.compile(r"(?:atory|ous|ful|ical|ive)$")
_NOUNS_LIKE_ADJECTIVES = frozenset(
    "laboratory observatory conservatory alternative objective executive initiative incentive narrative perspective "
    "motive representative directive detective archive".split()
)


# verbs that take 'on' after them ('rely on'): after a plural noun they are the clause's verb
_PREPOSITIONAL_VERBS = frozenset("rely depend lean rest hinge draw focus insist build count".split())


def _statement(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'groups coordinate only along existing paths' -> 'what do groups coordinate along?' style questions.

    One card per clause whose subject is a short noun phrase, whose verb is a content verb
    in the present tense (optionally after 'can'/'will'/'tend to'), and whose object is a
    short phrase that stands alone. Subjects that are pronouns or clauses give nothing.
    """
    lowered = core.lower()
    if _STATEMENT_HINT_WORDS.isdisjoint(lowered.split()) and not _LY_RE.search(lowered):
        return  # every card below needs a copula, a modal, or a verb followed by an object word, preposition or adverb
    # one regex pass only when the sentence has a break in it (most sentences of a large library have none)
    breaks = ";" in core or ":" in core or "—" in core or "–" in core or "--" in core or ", " in core
    pieces = _STATEMENT_SPLIT_RE.split(core) if breaks else [core]
    surname = note.surname
    for n in range(0, len(pieces), 2):
        clause = pieces[n].strip()
        if surname and clause.split(" ", 1)[0] in ("His", "Her", "Their"):
            clause = f"{possessive(surname)} {clause.split(' ', 1)[1]}"  # 'Their model rests on …'
        tokens = clause.split()
        if len(tokens) < 4 or tokens[0].lower().strip(",") in _NOT_SUBJECT_START or tokens[0].lower() in PRONOUNS:
            continue
        first, second = tokens[0].lower(), tokens[1].lower()
        if first in _ADVICE_VERBS or (n and tokens[0].islower() and _plain_verb(first) and second in _OBJECT_START):
            continue  # '…, and compare the map …' has lost its subject; 'Compare X' is advice
        teaser = n + 1 < len(pieces) and pieces[n + 1].startswith(":")  # 'every Power needs two things at once: …'
        if ", " in clause:
            clause = _drop_aside(clause)
            tokens = clause.split()
        if _IMPERATIVE_RE.match(clause) or _ADVICE_LEAD_RE.match(clause) or _WATCH_FOR_RE.match(clause):
            continue  # advice ('Keep conversations casual', 'Expect concept tests to …', 'Watch for feedback loops …':
            # batch81, 'what does watch for feedback loop?') has no subject to ask about
        prefixed = _PREFIXED_VERB_RE.match(tokens[0])
        if n == 0 and prefixed and _plain_verb(prefixed.group(1)):
            continue  # 'Re-validate proxies against …' is advice too (batch53: 'what does re-validate proxy against?')
        copula = _copula(note, s, clause, ctx) if " is " in clause or " are " in clause or " be " in clause else None
        if copula is not None:
            yield "claim", copula
            continue
        low = clause.lower().split(maxsplit=11)[:11]
        # the subject ends before the first punctuation mark ('Shape Up fits a calm, …' is fine; 'X, Y fits' is not)
        # and before any clause word, auxiliary or pronoun ('that'/'who' may open one relative clause in it)
        mark = _SUBJECT_PUNCT_RE.search(clause)
        limit = min(10, clause.count(" ", 0, mark.start())) + 1 if mark else 11
        limit = min(limit, next((k for k, t in enumerate(low[:10]) if t in _NOT_IN_SUBJECT), 10) + 1)
        relative = [k for k, t in enumerate(low) if t in ("that", "who")] if "that" in low or "who" in low else []
        # 'A clan relies on shared values', 'A bureaucracy uses rules': a kind the note keeps naming, said of every one
        kind = len(low) > 2 and low[0] in ("a", "an") and _salient_term(note, low[1])
        for i in range(1, min(limit, len(tokens) - 2)):
            word, prev = low[i], low[i - 1]
            shows_in = word in ("show", "shows") and low[i + 1 : i + 2] == ["in"]  # 'values show in …' is no report
            uses = kind and i == 2 and word in ("uses", "use")
            if word in _LIGHT_VERBS and prev not in STOPWORDS and not shows_in and not uses:
                break  # 'the article says little about …': past the verb, no subject is left
            if word not in _MODAL_STARTS:
                if prev in STOPWORDS or not (word[-1:] == "s" or prev[-1:] == "s"):
                    continue  # no verb here (the checks below would all pass over it): most words of most sentences
                if _ADJECTIVE_END_RE.search(prev) and prev not in _NOUNS_LIKE_ADJECTIVES:
                    continue  # 'Schedule exploratory sessions on new features' (batch119: 'what does schedule
                    # exploratory session on?', T0 from every judge): after an adjective an -s word is its noun
                follower = low[i + 1] if i + 1 < len(low) else ""
                effect = _effect_verb(word, follower) and not {"that", "which", "who"} & set(low[:i])
                if follower not in _VERB_FOLLOWERS and follower[-2:] != "ly" and not effect:
                    continue  # a verb this rule can ask about takes an object, a preposition or an adverb next
            if word[-1:] == "s" and any(t in _NUMBER_WORDS - {"one"} or t.isdigit() for t in low[max(0, i - 2) : i]):
                continue  # 'studying 45 new-product teams in …': a number and its plural noun, not a verb
            if (
                word not in _MODAL_STARTS
                and low[i + 1 : i + 2]
                and low[i + 1] in _PREPOSITIONAL_VERBS
                and low[i + 2 : i + 3] in (["on"], ["upon"])
            ):
                continue  # 'the headline prevalence estimates rely on assumptions …' (batch185: 'what does the headline
                # prevalence estimate on?', T0 from every judge): the verb comes next, the -s word is its noun
            if word in _ADVERBS:
                break  # 'Online experimentation reproduces almost every error …' (batch120: 'what do online
                # experimentation reproduces almost?', T0 from every judge): past the verb, the adverb is no verb
            subject_tokens = tokens[:i]
            if note.surname and subject_tokens[0] == note.surname and i > 1:
                break  # 'Anscombe pushes back on …': the author and a verb, no subject to ask about (batch54: T1)
            if i == 1 and re.search(r"\w-\w+ed$|^\w+ed$", low[0]):
                break  # 'Stream-aligned teams in …': an adjective, then its noun, not a subject and its verb
            if i == 1 and "-" in low[0] and word.endswith("s") and not tokens[0][:1].isupper():
                break  # '… power-user features on Hard Fun' (batch150: 'what does power-user feature on?', T0 from every
                # judge): a hyphenated modifier and its plural noun, the verb left out
            if (
                i >= 2
                and _plain_verb(low[i - 1])
                and _plural_subject(subject_tokens[:-1])
                and not _noun_position(subject_tokens[:-1])
            ):
                break  # 'leaders pick ideas on …': the subject already had its verb ('pick'), so 'ideas' is its object
            # 'any organization that designs a system will produce …': one relative clause may sit in the subject
            inside = [k for k in relative if k < i]
            if inside and low[inside[0] - 1] in _THAT_CLAUSE_VERBS:
                break  # 'Classic retrieval systems assume that a user can state what …' (batch192: 'what can classic
                # retrieval systems assume that a user state?', T0): a 'that' clause after its verb, not a relative one
            if inside and (len(inside) > 1 or inside[0] < 2 or i - inside[0] < 3):
                if i - inside[0] >= 3 or inside[0] < 2:
                    break
                continue
            if i > 6 and not inside:
                break
            modal = ""
            j = i
            if word in ("can", "will", "cannot", "should", "must") or (
                word in ("tend", "tends") and tokens[i + 1].lower() == "to"
            ):
                modal = "tend to" if word.startswith("tend") else word
                j = i + (2 if modal == "tend to" else 1)
                if tokens[j].lower() in (
                    "only",
                    "also",
                    "often",
                    "usually",
                    "rarely",
                    "never",
                    "still",
                    "not",
                    "therefore",
                    "thus",
                    "then",
                    "almost",
                    "even",
                    "always",
                    "yet",
                ) or tokens[j].lower().endswith("ly"):
                    if tokens[j].lower() in ("not", "never"):
                        break
                    j += 1
                verb = tokens[j].lower()
                base = verb if verb.isalpha() and verb not in STOPWORDS else None
            else:
                base = base_form(word)
                if base is not None and _noun_position(subject_tokens):
                    continue  # 'three users a month', 'most B2B products', 'treating support tickets'
                if base is None and _plural_subject(subject_tokens) and _plain_verb(word):
                    base = word  # 'groups coordinate along …'
                if tokens[i - 1].lower() in STOPWORDS:
                    continue
                verb = word
            shows_in = verb in ("show", "shows") and j + 1 < len(tokens) and low[j + 1 : j + 2] == ["in"]
            if (verb in _LIGHT_VERBS or (base and base in _LIGHT_VERBS)) and not shows_in and not uses:
                break  # 'the article says little about …': past the verb, no subject is left
            if not base or j + 1 >= len(tokens):
                continue
            if j + 2 < len(tokens) and (tokens[j + 1].lower() in _ADVERBS or tokens[j + 1].lower().endswith("ly")):
                j += 1  # 'coordinate only along …', 'translate well into …'
            after = tokens[j + 1].lower().strip(",")
            preposition = ""
            if after in _VERB_PREPOSITIONS:
                preposition = after
                if j + 2 >= len(tokens) or not _object_word(tokens[j + 2].lower()):
                    break
                infinitive = j + 3 < len(tokens) and tokens[j + 3].lower() in ("the", "a", "an", "their", "its", "your")
                if after == "to" and infinitive and _plain_verb(tokens[j + 2]):
                    break  # 'promise to shrink …': an infinitive, not a preposition's object ('what do X promise to?')
                rest = tokens[j + 2 :]
            elif after in _OBJECT_START:
                rest = tokens[j + 1 :]
            elif (modal or base == "become") and _object_word(after) and not base_form(after):
                rest = tokens[j + 1 :]  # 'should favor high-leverage activities', 'becomes tomorrow's expectation'
            elif (
                _effect_verb(verb, after)
                and (modal or word[-1:] == "s" or _plural_subject(subject_tokens))
                and not {"that", "which", "who"} & set(low[:i])
            ):
                rest = tokens[j + 1 :]  # 'relying on a few gatekeepers creates bottlenecks': an effect is one answer
            elif _plain_verb(after) or (base_form(after) and not modal):
                continue  # 'the two groups buy …': the word was a noun, not the verb
            else:
                break  # a bare noun object ('X prevents complaints') reads like 'most B2B products succeed': not asked
            subject = _topic(
                re.sub(r"(?:\s+(?:in particular|\w+ly|also|often|still|only))+$", "", " ".join(subject_tokens)), 9, note
            )
            if subject and note.surname and subject.lower().startswith(note.surname.lower() + "'"):
                subject = note.surname + subject[len(note.surname) :]  # "gothelf's template" -> "Gothelf's template"
            specific = subject is not None and (_specific(subject) or (kind and len(subject_tokens) == 2 and not modal))
            if not subject or (note.surname and subject.lower() == note.surname.lower()) or not specific:
                break  # 'Conway claims …' is a reporting frame, read by _core
            if re.match(r"^(?:the|a|an)\s+\w+$", subject, re.I) and subject.split()[-1].lower() in _VAGUE_HEADS:
                break  # 'the result', 'the answer' need the sentence before
            if _vague_referent(subject, note):
                break  # 'the correct answer needs a comparison of ratios' (batch200: 'what does the correct answer need?',
                # T1 from every judge): the answer to a task the sentence before set
            if _WORKS_SUBJECT_RE.match(subject) and _WORKS_OWN_RE.search(f"the {subject.split(' ', 2)[-1]}"):
                break  # 'what do the work's cases lean on?' (batch79: T1 from every judge; the class: 5 cards, 26
                # ratings, one T2): which cases, and what is wrong with them, the card never says
            obj = " ".join(rest)
            head, comma, tail = obj.partition(", ")
            if comma and len(words(tail)) > 4 and tail.split()[0].lower() in _OBJECT_START:
                listed = re.search(r"\s(?:and|or)\s", tail) and not re.search(
                    r"\b(?:that|which|who|whose|when|where|because|if|while)\b", tail
                )
                if re.search(r"\bof\s+\w+$", head) or listed:
                    break  # 'a trio of PM, designer and engineer …', 'depends on production costs, the nature of …
                    # and how mature …' (batch79: 'Production costs', T1 from every judge) are lists cut short
                obj = (
                    head  # 'more users, more users attract more suppliers': the clause after the comma is another claim
                )
            obj = _VERB_ADVERB_TAIL_RE.sub("", obj)
            obj = re.split(r",?\s+but\s+|,\s+(?:since|because|which|so|as|while|when|whereas)\s+", obj)[
                0
            ]  # 'prevents complaints but won't win customers': one claim a card
            rather = re.search(r"\s+(?:rather than|instead of)\s+(?P<a>[^,;:]{2,40})$", obj.rstrip("."))
            alternative = ""
            if rather and not words(rather.group("a")):
                break  # 'rather than --.': no alternative in words (found by the property test of whole-note gates)
            if rather and words(rather.group("a"))[0].lower() in PREPOSITIONS:
                break  # '… underplays how much of the benefit came from the discussion rather than from the template'
                # (batch73: T0 from every judge): the alternative is the answer's own phrase, not the verb's object
            if rather and not re.search(r"\b(?:those|these|such|this|they|them|it)\b", rather.group("a")):
                obj, alternative = (
                    obj[: rather.start()],
                    rather.group(0).strip(),
                )  # 'offers anecdote rather than evidence'
            elif rather:
                break
            moment = (
                None if rather else re.search(r"\s+(?:before|after|until)\s+\w+ing\b[^,;:]{2,50}$", obj.rstrip("."))
            )
            if moment:
                # 'A PM should state an appetite before asking engineers for an estimate' (a PM lead's trial: 'what
                # should a PM state?' — 'An appetite before asking …', T1): the moment belongs to the question
                obj, alternative = obj[: moment.start()], moment.group(0).strip().rstrip(".")
            answer = clean_answer(obj)
            if (
                not answer
                or not _self_contained(answer)
                or len(content_words(answer)) < 2
                or _PARTICLE_RE.match(answer)
                or re.match(
                    r"^(?:\S+\s+){1,2}(?:to|into|onto|from|out|up|down|off)\b", answer, re.I
                )  # 'teams to new …'
            ):
                break
            if (
                teaser and re.search(r"\b(?:two|three|four|five|six|several|a few)\b", answer, re.I)
            ) or _TEASER_RE.match(answer):
                break  # 'two parts', 'every idea on four factors: …': the answer is what the colon lists
            do = "" if modal in ("can", "will", "cannot", "should", "must") else _do(subject)
            if do == "do" and verb[-1:] == "s" and _effect_verb(verb, after) and _GERUND_SUBJECT_RE.match(subject):
                do = "does"  # 'relying on a few gatekeepers creates …': a gerund phrase is one thing
            place = subject.split()[0].lower() in _LOCATIVE and base in _LOCATIVE_VERBS and not (modal or preposition)
            if place and verb.endswith("s") and not alternative:
                # 'Around the map sits a strategy cycle …' is inverted: the thing is after the verb, ask for it
                front = f"{ctx}, what {verb} {subject[0].lower()}{subject[1:]}?"
                yield "claim", _card(note, "claim", slug(f"{subject} {base}", 3), s, front, answer)
                break
            if noun_phrase_problem(words(subject), do) or base_verb_problem(base) or base.lower() in _CLAUSE_WORDS:
                break  # 'what does around the map sit?', 'what do the hive hums because?': cut at the wrong word
            if _statement_refused(subject, base, answer):
                break
            if _points_back(answer, note):
                break
            if not do:
                aux = f"{'can' if modal == 'cannot' else modal}"
                front = f"{ctx}, what {aux} {subject} {'not ' if modal == 'cannot' else ''}{base}{' ' + preposition if preposition else ''}?"
            else:
                tend = "tend to " if modal == "tend to" else ""
                front = f"{ctx}, what {do} {subject} {tend}{base}{' ' + preposition if preposition else ''}?"
            if alternative:
                front = f"{front[:-1]} {alternative.rstrip('.')}?"
            yield "claim", _card(note, "claim", slug(f"{subject} {base}", 3), s, front, answer)
            break


# verbs whose bare object is the effect a claim is about ('creates bottlenecks', 'reveals workarounds')
_EFFECT_VERBS = frozenset(
    """create cause produce reveal hide erode distort inflate amplify undermine generate invite attract
    discourage encourage beat outperform predict suit require reward favour favor penalise penalize punish""".split()
)
_GERUND_SUBJECT_RE = re.compile(
    r"^[A-Za-z]+ing\s+(?:on|to|in|for|with|about|from|the|a|an|every|each|their|its|only)\b"
)


def _effect_verb(verb: str, after: str) -> bool:
    """Whether ``verb`` is an effect verb followed by a bare noun ('creates bottlenecks', not 'creates and …')."""
    base = base_form(verb) or verb.lower()
    return (
        base in _EFFECT_VERBS
        and after.isalpha()
        and after not in STOPWORDS
        and after not in PREPOSITIONS
        and not after.endswith(("ly", "ed"))
    )


_NUMBERED_SUBJECT_RE = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?:\s+[\w-]+){1,2}$", re.I
)
_JOINED_VERB_RE = re.compile(r"\s(?:and|or)\s+(?P<v>[a-z]+)\s+(?:the|a|an|its|their|his|her|our|it|them|whichever)\b")
_CLAUSE_ANSWER_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?!(?:the|a|an|that|which|who|what|how|why|where|when|whether)\s)[\w'’-]+\s+){1,3}?"
    r"(?:is|are|was|were|has|have|had|also|often|still|never|rarely)\s+(?!to\s)\w+"
    r"|^[\w'’-]+(?:\s+[\w'’-]+)?\s+(?!(?:the|a|an|of|in|on|for|to|by)\s)[a-z]+ed\s+(?:in|on|at|by|to|with|from)\b",
    re.I,
)
# verbs whose object is a clause: 'assumes valuations are independent' asks one thing
_CLAUSE_OBJECT_VERBS = frozenset("assume mean show suggest predict imply believe expect ensure find".split())


# verbs that open an instruction to the reader, not a subject: 'suppose journals publish only …' (batch59: T0 from
# every judge, asked 'what do suppose journals publish?'), '…, so expect shipped results to shrink' (batch59: T0)
_READER_VERBS = frozenset("suppose imagine assume consider picture expect remember note".split())


def _statement_refused(subject: str, base: str, answer: str) -> bool:
    """A plain 'S V O' card that reads wrong, found in blind ratings of development notes.

    'what do five levers change?' needs the note to say which five; 'The test in week one and
    find the cheapest fixes' joins a second predicate onto the object; 'The reward is earned'
    and 'Manufacturing arrived in the 1920s' are clauses, so the verb was read in the wrong place.
    """
    if _NUMBERED_SUBJECT_RE.match(subject) or subject.split(" ", 1)[0].lower() in _READER_VERBS:
        return True
    if re.search(r"\bwhose\b", subject, re.I) or re.search(r"\.\s+[A-Z]", answer):
        return True  # 'a PM whose self-image depends on …': the verb is the relative clause's; 'The survivors.
        # Churned users, …': the answer ran into the next sentence (batch72)
    if re.match(r"^\w+ing\b.*\bto\s+[a-z]+$", subject, re.I):
        return True  # 'Building fast to create facts on the ground works' (batch109: 'what does building fast to create
        # fact on?', T0 from every judge): after an act and its purpose, the next word is the purpose's object, not
        # the sentence's verb ('willingness to pay depends on …' keeps its verb)
    if re.match(
        r"^(?:a lot|lots|much|most|some|little|part|a (?:great|good) deal|a share)\s+of\s+(?:the\s+)?weight\b",
        answer,
        re.I,
    ):
        return True  # 'The strike episode carries a lot of the weight as evidence' (batch201: 'what does the strike episode
        # carry?', T1 from every judge): an idiom, no thing carried
    if re.search(r"\s(?:one|ones)$", subject, re.I):
        return True  # 'a customer-intimate one will spend on …' (triage: 'what will a customer-intimate one spend on?', T0):
        # 'one' stands for a noun of the clause before
    if re.match(r"^(?:below|above|beyond|under|past|(?:less|more)\s+(?:because|than))\b", answer, re.I):
        return True  # 'survival times cannot drop below zero', 'teams struggle less because of …' (triage: 'what can
        # survival times not drop?', 'what do dispersed teams struggle?', T0): the verb takes no object, the answer
        # says where or why
    joined = _JOINED_VERB_RE.search(answer)
    if joined and (_plain_verb(joined.group("v")) or base_form(joined.group("v"))):
        return True
    return base not in _CLAUSE_OBJECT_VERBS and bool(_CLAUSE_ANSWER_RE.match(answer))


_LOCATIVE = frozenset("around beside behind above below beneath under inside outside among between behind".split())
_LOCATIVE_VERBS = frozenset("sit lie stand".split())
_STATEMENT_SPLIT_RE = re.compile(r"(;\s+|:\s+|\s[—–]\s+|\s--\s+|,\s+(?:and|but|so|while)\s+)")
_VERB_PREPOSITIONS = frozenset("to with on onto in from into for about against through along".split())
_VERB_FOLLOWERS = _OBJECT_START | _VERB_PREPOSITIONS | _ADVERBS
_MODAL_STARTS = frozenset({"can", "will", "cannot", "should", "must", "tend", "tends"})
# verbs a 'that' clause follows as their object ('systems assume that a user can …'), never a noun a relative clause
# describes
_THAT_CLAUSE_VERBS = frozenset(
    "assume assumes argue argues believe believes claim claims show shows suggest suggests think thinks find finds "
    "hold holds expect expects insist insists predict predicts imply implies hope hopes fear fears realise realises "
    "realize realizes recognise recognises recognize recognizes conclude concludes say says know knows".split()
)
_SUBJECT_PUNCT_RE = re.compile(r"[,;:()\"]")
_NOT_IN_SUBJECT = (_CLAUSE_WORDS | _BARE_AUX | PRONOUNS) - {"that", "who"}
_VAGUE_HEADS = frozenset(
    """result answer point problem idea reason thing way key goal lesson trick mechanism upshot effect outcome difference
    question issue fix method approach model framework book essay paper post author argument claim""".split()
)


_COPULA_RE = re.compile(r"^(?P<x>[^,;:()]{3,50}?)\s+(?P<v>is|are|should be|must be)\s+(?P<y>.+)$")
_FRAMED_VAGUE = frozenset("point idea issue question problem argument claim case thing matter".split())
_PURPOSE_HEADS = frozenset("job role goal purpose task aim mission".split())
_NOUN_PHRASE_START_RE = re.compile(r"^(?:a|an|the|that|to|one|two|three|four|five)\s", re.I)
_OWNER_RE = re.compile(r"^(?:his|her|their)\s+(?P<n>(?:[\w-]+\s+){0,3}[\w-]+)$", re.I)
_CHARACTERISATION_RE = re.compile(
    # 'Restaurant hygiene is a textbook hidden attribute' (batch201: 'what is restaurant hygiene?', T1 from every judge):
    # a case of a kind, not what the thing is
    r"^(?:a|an)\s+(?:textbook|classic|prime|perfect|typical|canonical|standard)\s|"
    r"^(?:a|an)\s+(?:\w+\s+){0,2}(?:check|filter|tool|test|diagnostic|lens|reminder|guard|counterweight|shortcut|"
    r"heuristic|framework|model|way|place|example|read|starting point|reason|cause|source|result|symptom|consequence)\b|"
    # 'a non-compete is the most effective way to keep it in the firm' (batch199: 'what is a non-compete?', T0 from every
    # judge: 'does not define a non-compete')
    r"^the\s+most\s+(?:useful|important|valuable|practical|interesting|helpful|relevant|overlooked|effective|"
    r"efficient|reliable|powerful|direct|obvious|common)\b",
    re.I,
)
_OWNED_VAGUE = frozenset("reason point answer mechanism example case view take fix evidence distinction".split())


def _copula(note: Note, s: Sentence, clause: str, ctx: str) -> Card | None:
    """'His prescription is organizational flexibility' -> "what is Conway's prescription?"; 'X is a Y' -> 'what is X?'."""
    match = _COPULA_RE.match(clause.strip())
    if not match:
        return None
    raw = plain(match.group("x")).strip()
    owner = _OWNER_RE.match(raw)
    if owner:
        if not note.surname or owner.group("n").split()[-1].lower() in _OWNED_VAGUE:
            return None
        subject = f"{possessive(note.surname)} {owner.group('n')}"
    else:
        topic = _topic(raw, 5, note)
        if not topic or any(t.lower() in PRONOUNS or t.lower() in _CLAUSE_WORDS for t in words(topic)):
            return None
        head = words(topic)[-1].lower()
        owned = bool(note.surname) and topic.lower().startswith(note.surname.lower() + "'") and len(words(topic)) <= 3
        if owned and head in _OWNED_VAGUE:
            return None  # "what is Brooks' reason?" — reason for what?
        if (head in _VAGUE_HEADS and not owned) or head in STOPWORDS or (note.surname and head == note.surname.lower()):
            return None  # 'the result', 'the answer' need the sentence before; "Conway's prescription" does not
        if not re.match(r"^(?:the|a|an)\s", topic) and len(words(topic)) < 2 and not topic[0].isupper():
            return None  # 'empathy is a …' is fine as 'what is empathy?' only with a term the note marks
        if not _specific(topic):
            return None  # 'what is the evidence?', 'what is a submarine?' have many answers
        if _refers_back(note, s, topic):
            return None  # 'the token count is a metaphor …': the count the note named before, unnamed here
        subject = topic
        if note.surname and subject.lower().startswith(note.surname.lower() + "'"):
            subject = note.surname + subject[len(note.surname) :]  # "moore's prescription" -> "Moore's prescription"
    y = match.group("y")
    owned_subject = bool(note.surname) and subject.startswith(note.surname + "'")
    noun_phrase = re.match(r"^[a-z][\w-]*(?<!ed)(?<!ly)(?<!ing)\s+[a-z][\w-]+", y)  # not 'told in hindsight'
    term = re.match(r"^(?P<t>[a-z][a-z-]{3,})(?:\s+too)?\.?$", y)
    copula = match.group("v")
    word = term.group("t") if term else ""
    plural_term = copula == "are" and word.endswith("s") and not word.endswith("ss")
    if term and plural_term and len(words(subject)) >= 2 and _salient_term(note, word):
        # 'Living cities are semilattices': one word is the whole claim when it is a term the note keeps using
        return _card(note, "claim", slug(subject, 3), s, f"{ctx}, what {copula} {subject}?", word[0].upper() + word[1:])
    if not _NOUN_PHRASE_START_RE.match(y) and not (owned_subject and noun_phrase):
        return None  # 'X is hard' says no more than X; "Conway's prescription is organizational flexibility" does
    purpose = subject.split()[-1].lower() in _PURPOSE_HEADS  # "a manager's job is to get better outcomes …"
    if re.match(r"^to\s", y) and not purpose:
        return None  # 'X is to …' is a purpose only when X names one
    verb = match.group("v")
    superlative = re.match(r"^the\s+(?:\w+est|most|least|main|only|single|first|best|worst)\s", y, re.I)
    if (re.match(r"^the\s", y, re.I) and verb in ("is", "are") and not superlative) or _CHARACTERISATION_RE.match(y):
        return None  # 'the hard edge is the keeper test' runs backwards; 'a quick check on …' says how useful, not what
    if purpose:
        y = re.sub(r"^to\s+", "", y)  # 'to get better outcomes …' -> 'Get better outcomes …'
    answer = clean_answer(y, 15, trim_relative=False) or clean_answer(y)
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
        return None
    if _TEASER_RE.match(answer) or (answer[:2].lower() in ("a ", "an") and len(content_words(answer)) < 3):
        return None  # 'three parts' is a teaser, not an answer
    modal, _, be = verb.partition(" ")
    if noun_phrase_problem(words(subject), "" if be else verb):
        return None  # 'what is a team convinced every shift?': a clause cut at its verb, not a noun phrase
    front = f"{ctx}, what {modal} {subject} be?" if be else f"{ctx}, what {verb} {subject}?"
    rest = plain(y).strip()
    rest = rest[len(answer) :] if rest.lower().startswith(answer.lower()) else ""
    denied = _COPULA_DENIED_RE.match(rest)
    if denied and not be and 1 <= len(words(denied.group("b"))) <= 10 and not _mirrors(denied.group("b"), answer):
        # 'staff engineering is a real leadership role with its own work, not a reward for being a very good senior
        # engineer' (batch198: 'what is staff engineering?', T1 from every judge: 'many valid answers, and it leaves
        # out the contrast that gives it meaning'): what the claim denies narrows the question to its one answer
        front = f"{ctx}, what {verb} {subject}, if not {denied.group('b')}?"
    return _card(note, "claim", slug(subject, 3), s, front, answer)


# what a copula's claim goes on to deny: 'X is A, not B.'
_COPULA_DENIED_RE = re.compile(r"^,\s+not\s+(?!just\b|only\b|merely\b)(?P<b>[^,;:()]{2,80}?)\s*[.]?$")


def _salient_term(note: Note, word: str) -> bool:
    """Whether ``word`` (a noun, either number) is a term the note uses at least three times."""
    stem = word.lower().rstrip(".")
    stem = stem[:-1] if stem.endswith("s") and not stem.endswith("ss") else stem
    if stem in STOPWORDS or len(stem) < 4 or stem.endswith(("ly", "ing", "ed")):
        return False
    counts = _word_counts(_lower_text(note))
    return counts.get(stem, 0) + counts.get(stem + "s", 0) >= 3


@functools.lru_cache(maxsize=64)
def _word_counts(text: str) -> dict[str, int]:
    """How often each word (lower case) occurs in ``text``: one pass per note, however many terms are asked."""
    counts: dict[str, int] = {}
    for token in re.findall(r"[a-z][a-z'-]*", text.lower()):
        counts[token] = counts.get(token, 0) + 1
    return counts


_RANKED_RE = re.compile(r"\b(?:\w+est|most|least|main|only|first|last|best|worst|key|next)\b", re.I)


def _refers_back(note: Note, s: Sentence, topic: str) -> bool:
    """Whether 'the X' is a definite description of something an earlier sentence of the note introduced.

    'the token count', 'the paper's world', 'the editing phase': the note named the thing before, so the
    question names no whole the learner can see; a ranked topic ('the hardest step', 'the founder's first
    job') picks its one thing by itself.
    """
    if not re.match(r"^the\s", topic, re.I) or _RANKED_RE.search(topic):
        return False
    text = _lower_text(note)
    start = text.find(s.text)
    if start <= 0:
        return False
    before = text[:start].lower()
    stems = [w.lower().removesuffix("'s")[:5] for w in content_words(topic)]
    return any(len(stem) > 3 and re.search(rf"\b{re.escape(stem)}", before) for stem in stems)


# 'Two parts', 'More than a list of …': an answer that announces or compares instead of saying
_TEASER_RE = re.compile(
    r"^(?:(?:one|two|three|four|five|six|several)\s+\w+(?:\s+\w+)?$|(?:more|less|fewer)\s+than\b)", re.I
)
_PARTICLE_RE = re.compile(
    r"^(?:(?:a|an|the)\s+)?\w+\s+(?:down|up|out|off|back|away|over)\b|^(?:out|or|and|to|up|down)\b", re.I
)


def _specific(subject: str) -> bool:
    """Whether a subject names something on its own: two content words, a name or a coined term ('the map' does not)."""
    tokens = [t for t in words(subject) if t.lower() not in STOPWORDS]
    if len(tokens) >= 2:
        return True
    return bool(tokens) and (tokens[0][0].isupper() or "-" in tokens[0] or tokens[0].isupper())


# Advice in the note's own voice ('Before investigating a metric change, write down rival explanations'):
# the condition names the situation, the imperative is what to recall. A word opens an imperative when it is an
# instruction verb, or a bare word (no -s/-ed/-ing/-ly ending) followed by what opens a verb's object or particle.
_ADVICE_CONDITION_RE = re.compile(
    r"^(?:(?P<w>before|after|when|whenever|if|once|until|during|where)\s+(?P<c>[^,;:()]{6,80}?)"
    r"|(?P<w2>in|for)\s+(?P<c2>(?:an?|any|every)\s+[^,;:()]{3,60}?|"
    # a bare setting: 'In concept testing, bring two or three alternatives …', 'For early bets, present …' (the
    # development notes' curators asked these; 'In practice', 'For example' are no setting)
    r"(?!(?:practice|short|general|particular|fact|turn|addition|contrast|sum|effect|other|example|instance|now|"
    r"principle|theory|total|time|part|brief|return|response|sum|time|order|doing|so|which|that|this|these|those|"
    r"most|many|some|all|each|both|one|two|three|his|her|their|its|our|your|my)\b)"
    r"[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,3}))"
    r",\s+(?P<a>[a-z][^;:]{6,}?)(?:[;:]\s.*)?$",
    re.I,
)
_OBJECT_OPENERS = frozenset(
    "the a an each every all several what which why how whether its their your any some one two three four five "
    "down up out around back it them".split()
)
_STAGE_WORDS = frozenset("stage stages step steps phase phases level levels part parts item items case cases".split())
_S_VERBS = frozenset("focus discuss assess address pass stress access bring".split())
_CONDITION_POINTERS = frozenset("it its they them this these those such he she his her we our us i".split())
# 'Replace a bare spinner with a truthful account' -> 'what should a bare spinner be replaced with?'
_ADVICE_OBJECT_VERBS = {
    "replace": ("replaced", "with"),
    "pair": ("paired", "with"),
    "combine": ("combined", "with"),
    "treat": ("treated", "as"),
    "use": ("used", "as"),
    "frame": ("framed", "as"),
    "read": ("read", "as"),
    "judge": ("judged", "by"),
    "measure": ("measured", "by"),
    "evaluate": ("evaluated", "against"),
    "allocate": ("allocated", "by"),
    "prioritise": ("prioritised", "by"),
    "prioritize": ("prioritized", "by"),
    "rank": ("ranked", "by"),
}
# instructions whose object is what to do at a moment ('understand stakeholders' claims before …')
_TIMED_VERBS = frozenset(
    """understand write define test check agree estimate review list map read close name measure document fix
    gather collect confirm validate settle decide pick choose set state publish share ask find count""".split()
)
_PURPOSE_VERBS = frozenset("rotate spread delegate protect assign tag limit cap split publish schedule".split())
# 'Rotate tasks so that no one owns a role for too long' -> 'why should a team rotate tasks?'
_PURPOSE_ADVICE_RE = re.compile(r"^(?P<a>[A-Za-z][^,;:]{6,70}?),?\s+so that\s+(?P<y>[^;:]{6,})$")
# 'Understand stakeholders' claims before defining the problem' -> 'what should a team understand before …?'
_TIMED_ADVICE_RE = re.compile(
    r"^(?P<v>[A-Za-z]+)\s+(?P<o>[^,;:]{3,50}?)\s+(?P<w>before|after|until)\s+(?P<x>[^,;:]{6,60})$"
)


def imperative(clause: str, after_condition: bool = False) -> bool:
    """Whether ``clause`` opens with a verb in the imperative ('write down …', 'ask what …', 'plan around …').

    ``after_condition``: the clause follows 'If X, ' — where a statement must open with its subject, so a bare
    word followed by anything but a verb form ('negotiate scope', not 'scope creeps') is an instruction too.
    """
    if re.match(r"^[\"“]", clause.strip()):
        return False  # '"Use judgment" is hard to institutionalise': a quoted instruction is named, not given (batch94:
        # 'why should a team "Use judgment" is hard …?', T0 from every judge)
    tokens = [t.lower() for t in words(clause)[:2]]
    if len(tokens) < 2:
        return False
    verb, after = tokens
    if verb == "number" and after in _NUMBERS:
        return False  # 'once you eliminate the number one problem, number two gets a promotion' (batch167: 'what
        # should you do once …?', T0 from every judge): 'number two' is a noun phrase, not an instruction
    short = len(words(clause)) <= 4 or after in _OBJECT_OPENERS
    if after_condition and short and _bare_instruction(verb, after) and not re.match(r"^\W*\w+\W*,", clause):
        return True  # 'negotiate scope', 'test it with …'; not 'internal motivation, quality and … rise
    if re.match(r"^\W*\w+\W*,", clause):
        return False  # 'Suchman, an anthropologist …': a name and its apposition
    if after_condition and verb in _ADVICE_VERBS and after in PREPOSITIONS:
        return True  # 'When planning a test, think in parameters …' (batch48: asked as 'what follows if …?', T1)
    if verb == "have":
        return after in ("people", "users", "someone", "everyone", "each", "every", "the", "a", "one")
    if verb in _INSTRUCTION_VERBS or verb in _ADVICE_OBJECT_VERBS:
        return after not in ("of", "is", "are", "was", "has", "that")  # 'use of', 'use is': a noun
    if verb in STOPWORDS or verb in PRONOUNS or verb in PREPOSITIONS or not verb.isalpha():
        return False
    if re.search(r"(?:s|ed|ing|ly)$", verb) and verb not in _S_VERBS:
        return False
    return after in _OBJECT_OPENERS


_ADVICE_LEADS = frozenset(
    "before after when whenever if once until during where in for because since replace pair combine treat use frame "
    "read "
    "judge measure".split()
) | frozenset(_ADVICE_OBJECT_VERBS)
_CONDITION_LEADS = frozenset("when whenever if once before after until".split())
_BECAUSE_ADVICE_RE = re.compile(r"^(?:because|since)\s+(?P<r>[^,;:]{10,90}),\s+(?P<a>[a-z][^;:]{8,})$", re.I)
_ADVICE_POINTERS = frozenset("it its they them their both".split())


_THEY = frozenset("they them their".split())


_IT = frozenset("it its".split())


def _referred_inside(condition: str) -> frozenset[str]:
    """The pronouns of ``condition`` whose referent it names before them, so the question holds it: 'they' after a
    plural ('blaming users for how they behave'), 'it' after a noun with an article ('adopting a practice because a
    famous company uses it'). Empty when any pronoun comes first or points elsewhere ('once that check exists')."""
    plural = singular = False
    found: set[str] = set()
    tokens = [t.lower() for t in words(condition)]
    for before, token in zip(["", *tokens], tokens, strict=False):
        if token in _THEY and plural:
            found.add(token)
        elif token in _IT and singular:
            found.add(token)
        elif token in PRONOUNS or token in _CONDITION_POINTERS:
            return frozenset()
        elif token not in STOPWORDS and len(token) > 3:
            plural = plural or _plural_subject([token])
            singular = singular or before in _ARTICLES
    return frozenset(found)


def _advice_answer(text: str, named: bool = False, they: bool = False) -> str | None:
    """The first instruction of ``text`` as an answer, None when it leans on the note ('check it against both tests').

    ``named``: the question's situation names one thing ('if a cause matters to a decision'), so 'it' is that thing;
    ``they``: it names a plural ('before blaming users'), so 'they', 'them' and 'their' are those.
    """
    first = re.split(r",\s+(?:and|but|so|then|including|such as|for example|e\.g\.|like)\s+", text)[0]
    answer = clean_answer(first)
    if not answer and "(" in first:
        # 'list the product's commitments (the core user, the pricing model, …) and ask which …': the examples in
        # brackets are not the advice, and without them it fits
        first = re.sub(r"\s*\([^()]*\)", "", first)
        answer = clean_answer(first)
    cut = bool(answer) and len(words(answer or "")) < len(words(plain(first).strip().rstrip(".")))
    if not answer or not _self_contained(answer) or (cut and re.search(r"\s(?:and|or)\s+\w+$", answer)):
        return None  # 'List the four dimensions and ask': the second instruction was cut ('ask whether the issue is
        # vocabulary, meaning, or interests', whole, ends its own series)
    if re.match(
        r"^\w+\s+(?:[A-Z][\w-]*['’]s?|the|this|that|his|her|their)\s+(?:(?:[\w-]+\s+)?(?:question|test|rule|check|principle|"
        r"idea|advice|trick|method|heuristic|lens|framework))$",
        answer,
    ):
        return (
            None  # 'ask Pullin's question: if this were a fashion accessory, …' (batch201: 'Ask Pullin's question', T1
        )
        # from every judge): the question itself is what the colon gives
    denied = _ADVICE_NOT_RE.match(plain(first).strip())
    if denied and answer.rstrip(".").lower() == denied.group("a").strip().lower():
        whole = f"{answer}, not {denied.group('j') or ''}{denied.group('b').strip()}"
        if len(words(whole)) <= MAX_WORDS and not set(t.lower() for t in words(denied.group("b"))) & _ADVICE_POINTERS:
            answer = whole  # 'Plot distributions, not two buckets': what the advice rules out is half of it (judges
            # called 'Look for missing behaviours' a fragment without 'not just missing skills', batch72)
    tokens = [t.lower() for t in words(answer)]
    # 'write ideas alone first and then share them': the pronoun's noun is the first instruction's object
    inner = re.search(r"\s(?:and|then)\s.*\b(?:it|them)$", answer) is not None
    if set(tokens) & (
        _ADVICE_POINTERS
        - ({"it"} if named else set())
        - ({"it", "them"} if inner else set())
        - ({"they", "them", "their"} if they else set())
    ) or re.search(
        # 'expect it to hit that one much harder' (batch205: T1): which one, the situation's words do not say
        r"\bthe\s+(?:two|three|four|five|six|seven|\d+)\b|\bthe\s+(?:list|steps|checklist)$|\b(?:that|this)\s+one\b",
        answer,
        re.I,
    ):
        return None  # 'the four traits' are the note's list, 'it' its sentence before
    return answer


_ADVICE_NOT_RE = re.compile(r"^(?P<a>[^,;:]+),\s+not\s+(?P<j>just\s+|only\s+)?(?P<b>[^,;:?]{2,40}?)\s*(?:[,;:.?]|$)")


_NOT_AFTER_BARE_VERB = frozenset(
    "is are was were be been has have had can could will would may might must should does did do for of in on at "
    "from with".split()
)


# verbs a note's advice opens with that are nouns too, so imperative() leaves them alone ('Design problems are wicked')
_NOUN_VERBS = frozenset(
    """look track design test measure plan map price check watch build ship pair match model budget frame label count
    record log score rank audit sketch prototype interview focus aim time target""".split()
)


def _why_should(note: Note, s: Sentence, ctx: str, advice: str, answer: str) -> Iterator[tuple[str, Card | None]]:
    """Advice and its reason as 'why should a team <advice>?' — the reason; nothing when the advice is too short or too
    long to name, or points at the sentence before ('it', 'them', 'both')."""
    if 3 <= len(words(advice)) <= 10 and not set(words(advice.lower())) & _ADVICE_POINTERS:
        front = f"{ctx}, why should a team {advice[0].lower() + advice[1:]}?"
        yield "prescription", _card(note, "prescription", slug(f"why {advice}", 3), s, front, answer)


def _noun_verb_instruction(clause: str) -> bool:
    """Whether ``clause`` (a clause's start) opens with a verb that is a noun too and a preposition or determiner after
    it ('Look at what happens downstream of a flag', 'so design for both moments': 'what explains why look at …?' and its
    like on the development notes, 6 of 6 rated T0/T1)."""
    tokens = words(clause)[:2]
    return (
        len(tokens) == 2
        and tokens[0].lower() in _NOUN_VERBS
        and (tokens[1].lower() in PREPOSITIONS or tokens[1].lower() in _OBJECT_OPENERS)
    )


def _bare_instruction(verb: str, after: str) -> bool:
    """'negotiate scope', 'test it': a bare verb and what follows it, at the start of a main clause."""
    if verb in STOPWORDS or verb in PRONOUNS or verb in PREPOSITIONS or not verb.isalpha() or len(verb) < 3:
        return False
    if re.search(r"(?:s|ed|ing|ly)$", verb) and verb not in _S_VERBS:
        return False
    if after in _NOT_AFTER_BARE_VERB or re.search(r"(?:ed|ly)$", after):
        return False  # 'demand for …', 'money spent …': a noun and its verb or preposition
    return not (after.endswith("s") and not after.endswith(("ss", "us", "is")) and after not in _OBJECT_OPENERS)


@dataclass(frozen=True)
class _Situation:
    """An instruction with a leading condition: 'Before X, do Y', 'In an incident, do Y'."""

    when: str  # the condition word, as written: 'Before', 'if', 'In'
    condition: str  # what the condition word opens, up to the comma
    advice: str  # the instruction after the comma
    setting: bool  # 'in an incident', 'for any launch': a named setting, not a moment or a condition


def _situation(text: str) -> _Situation | None:
    """'Before X, do Y': the situation and the advice of an instruction with a leading condition, else None."""
    match = _ADVICE_CONDITION_RE.match(text)
    # 'If a PM can ship a growth hack, get promoted, and leave churn to the next owner, expect that to happen': the
    # condition's series goes on past the first comma, so what follows it is no advice (batch95 dev: 'Get promoted')
    goes_on = match is not None and (
        bool(re.search(r"\b(?:can|could|will|would|may|might)\s+\w+", match.group("c") or match.group("c2") or ""))
        and bool(re.match(r"^[^,]{2,40},\s+(?:and|or)\s+[^,]{3,80},\s+[a-z]", match.group("a")))
    )
    if match and not goes_on and imperative(match.group("a"), after_condition=True):
        if match.group("w2"):
            return _Situation(match.group("w2"), match.group("c2"), match.group("a"), setting=True)
        return _Situation(match.group("w"), match.group("c"), match.group("a"), setting=False)
    if not match or not match.group("w") or text.count(", ") < 2:
        return None
    # 'Before triggering a save-flow, discount or outreach sequence for users, hold out a group …' (batch48): the
    # condition holds a series, so the advice starts at a later comma, the one an instruction follows
    commas = list(re.finditer(r",\s+", text))
    for comma in commas[1:3]:
        if not re.search(r"\s(?:or|and)\s", text[commas[0].end() : comma.start()]):
            continue  # no series ends here: 'If only wins get presented, the team is …, whatever …' is a statement
        condition = _SERIES_CONDITION_RE.fullmatch(text, 0, comma.start())
        advice = _SERIES_ADVICE_RE.fullmatch(text, comma.end()) if condition else None
        # the strict reading: a series item is no instruction
        if condition and advice and imperative(advice.group("a")):
            return _Situation(condition.group("w"), condition.group("c"), advice.group("a"), setting=False)
    return None


# the two halves of a condition that holds a series, either side of the comma :func:`_situation` chose
_SERIES_CONDITION_RE = re.compile(
    r"(?P<w>before|after|when|whenever|if|once|until|during)\s+(?P<c>[^;:()]{6,100}?)", re.I
)
_SERIES_ADVICE_RE = re.compile(r"(?P<a>[a-z][^;:]{6,}?)(?:[;:]\s.*)?", re.I)


def _instruction_start(text: str) -> bool:
    """Whether ``text`` opens with an instruction: a known instruction verb, or what :func:`imperative` reads as one."""
    first = text.split(" ", 1)[0].lower()
    return first in _TIMED_VERBS or first in _PURPOSE_VERBS or first in _ADVICE_OBJECT_VERBS or imperative(text)


def _purpose_or_time(note: Note, s: Sentence, text: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """An instruction with its purpose ('Rotate tasks so that …' -> 'why should a team rotate tasks?') or its
    moment ('Understand stakeholders' claims before defining the problem' -> 'what should a team understand
    before defining the problem?'): the instruction or the moment is in the question, the rest is the answer."""
    purpose = _PURPOSE_ADVICE_RE.match(text)
    if purpose:
        advice = purpose.group("a")
        why = clean_answer(purpose.group("y"))
        pointers = {t.lower() for t in words(advice)} & (_ADVICE_POINTERS | _CONDITION_POINTERS)
        if (
            _instruction_start(advice)
            and why
            and _self_contained(why)
            and 2 <= len(words(advice)) <= 10
            and not pointers
        ):
            front = f"{ctx}, why should a team {advice[0].lower() + advice[1:]}?"
            answer = f"So that {why[0].lower() + why[1:]}"
            yield "prescription", _card(note, "prescription", slug(f"why {advice}", 3), s, front, answer)
        return
    timed = _TIMED_ADVICE_RE.match(text)
    if not timed or not _instruction_start(text):
        return
    verb = timed.group("v").lower()
    obj = _topic(timed.group("o"), 6, note)
    when = plain(timed.group("x")).strip()
    moment = {t.lower() for t in words(when)}
    if not obj or {t.lower() for t in words(obj)} & _CONDITION_POINTERS or moment & _CONDITION_POINTERS:
        return  # 'close them before …', 'before that': the note's sentence before says what
    if len(content_words(when)) < 2 or verb in _LIGHT_VERBS or verb not in _TIMED_VERBS:
        return
    front = f"{ctx}, what should a team {verb} {timed.group('w')} {when}?"
    key = slug(f"{verb} {timed.group('w')} {when}", 3)
    yield "prescription", _card(note, "prescription", key, s, front, obj[0].upper() + obj[1:])


def _advice(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """The note's advice: 'Before X, do Y' -> 'what should a team do before X?'; 'Replace X with Y' ->
    'what should X be replaced with?'. The situation or the object is in the question, the advice is the answer."""
    lead = core.lstrip("*_ ").split(" ", 1)[0].lower()
    _, colon, after = core.partition(": ")
    told = _situation(plain(after).strip().rstrip(".")) if colon and after[:1].islower() else None
    if told is not None and after.split(" ", 1)[0] in _CONDITION_LEADS and imperative(told.advice):
        # 'Read it as a lesson in betting on cost curves: when the cost of a key input falls predictably, design for
        # where the curve will be at launch' (batch65): the advice after the colon stands on its own, when it is an
        # instruction ('… can work: when output is countable, traceable and independent' is none)
        yield from _advice(note, s, after, ctx)
        return
    if lead == "prefer":
        yield from _prefer(note, s, plain(core).strip().rstrip("."), ctx)
        return
    if lead not in _ADVICE_LEADS:
        found: list[tuple[str, Card | None]] = []
        if " so that " in core or " before " in core or " after " in core or " until " in core:
            found.extend(_purpose_or_time(note, s, plain(core).strip().rstrip("."), ctx))
        later = _later_instruction(plain(core).strip().rstrip(".")) if ", " in core else None
        if later:
            found.extend(_object_advice(note, s, later, ctx))
        if not any(card for _, card in found):
            found.extend(_placed_object(note, s, plain(core).strip().rstrip("."), ctx))
        yield from found
        return  # every form below opens with a condition word, 'because' or one of the object verbs
    text = plain(core).strip().rstrip(".")
    situation = _situation(text)
    if situation is not None:
        condition = situation.condition.strip()
        tokens = {t.lower() for t in words(condition)}
        # 'before blaming users for how they behave': 'they' are the users the question names
        inside = _referred_inside(condition)
        if (
            (tokens - inside) & _CONDITION_POINTERS
            or len(words(condition)) > 12
            or re.match(r"^(?:\w+\s+)?that\s", condition)
            # 'When the answer is yes, …' (batch150: T0 from every judge): the answer to the sentence before's question
            or re.match(r"^the answer is\b", condition, re.I)
        ):
            return  # 'once that check exists': 'that' points back; 'a feature that depends on …' does not
        actor = "you" if tokens & {"you", "your"} else "a team"
        named = True  # the situation has no pointer of its own (refused above): 'it' is the thing it names
        plural = any(
            t.lower() not in STOPWORDS and len(t) > 3 and _plural_subject([t.lower()]) for t in words(condition)
        )
        bare = situation.setting and not re.match(
            r"^(?:an?|any|every)\s", condition, re.I
        )  # 'in retros', 'for early bets'
        # (a bare plural setting is no 'it': 'For B2B and utility products, treat it with care' names something before)
        answer = _advice_answer(situation.advice, named and not (bare and plural), they=plural)
        if (
            bare
            and answer
            and (
                tokens & {"else", "other", "rest", "everything", "anything", "shown"}
                or re.search(r"\bthe\s+other\b", answer, re.I)
                or (len(words(answer)) <= 4 and re.search(r"\bthe\s+[\w-]+$", answer))
            )
        ):
            # 'For everything else, borrow the parts', 'In reviews, use the test' (the development notes' first run of
            # bare settings): the setting or the thing to use is the sentence before's
            answer = None
        # 'in an incident' names its situation in one word; 'when ready' does not
        least = 1 if situation.setting and not tokens & (_VAGUE_HEADS | _STAGE_WORDS) else 2
        if answer and len(content_words(answer)) >= 2 and len(content_words(condition)) >= least:
            when = situation.when.lower()
            front = f"{ctx}, what should {actor} do {when} {condition}?"
            key = slug(f"{when} {condition}", 3)
            yield "prescription", _card(note, "prescription", key, s, front, answer)
            return
    reason = _BECAUSE_ADVICE_RE.match(text)
    if reason and imperative(reason.group("a")):
        why = clean_answer(reason.group("r"))
        advice = re.split(
            r",\s+|\s+(?:before|after|when|because|so that|since|rather than|instead of)\s+", reason.group("a")
        )[0]
        if why and _self_contained(why):
            yield from _why_should(note, s, ctx, advice, why)
        return
    found = list(_object_advice(note, s, text, ctx))
    later = _later_instruction(text) if not any(card for _, card in found) and ", " in text else None
    yield from _object_advice(note, s, later, ctx) if later else found


# 'Measure perceived workload alongside task completion' -> 'what should a team measure alongside task completion?':
# an instruction whose object is placed by a preposition; the object is the advice. Verbs that take a complement
# after their object ('make targets large', 'keep options open') are left out: where the object ends is a guess.
_PLACED_OBJECT_RE = re.compile(
    r"^(?P<v>[A-Za-z]+)\s+(?P<o>(?:[\w'’-]+,?\s+){0,5}?[\w'’-]+)\s+(?P<p>alongside|against|into|onto|across|for|"
    r"with|on|at|from|toward|towards|within|next to|beside)\s+(?P<y>[^;:,]{3,60})$"
)
_LINKING_VERBS = frozenset("come become remain stay seem look sound feel grow prove appear go".split())
_COMPLEMENT_VERBS = frozenset("make keep leave get let render find call consider have see hold set turn".split())


def _placed_object(note: Note, s: Sentence, text: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    first_clause = re.split(r";\s+|:\s+|\s+[—–]\s+|,\s+(?:and|but|or|so|then)\s+", text)[0]
    if text[len(first_clause) :].startswith(":"):
        return  # 'Fix the group problem with structure: have people write ideas silently …' (batch82: 'The group
        # problem', T0/T1): the advice is what the colon says
    match = _PLACED_OBJECT_RE.match(first_clause)
    if not match or not imperative(first_clause):
        return
    verb = match.group("v").lower()
    if verb in _COMPLEMENT_VERBS or verb in STOPWORDS or verb in _CLAUSE_WORDS:
        return  # 'Whether a long menu hurts depends on …' opens a clause, not an instruction
    if verb in ("give", "send", "show", "tell", "offer", "hand", "teach", "grant"):
        return  # 'Give stakeholders forecasts as ranges from …' (batch113: 'what should a team give from observed
        # velocity?' — 'Stakeholders forecasts as ranges', T1 from every judge): who gets it and what, two objects
    obj, place = match.group("o"), match.group("y").strip()
    if re.search(r"\b\w+ing\b", obj):
        return  # 'end the practice of awarding business on price': the object goes on past the preposition
    obj_words = {t.lower() for t in words(obj)}
    place_words = {t.lower() for t in words(place)}
    if obj_words & (_CONDITION_POINTERS | _ADVICE_POINTERS | {"what", "how", "whether", "why", "that", "and"}):
        return  # 'ask whether …', 'put them on …': no thing to recall, or one the note names elsewhere
    if place_words & (_CONDITION_POINTERS | _ADVICE_POINTERS | {"you", "your"}) or len(words(place)) > 10:
        return
    answer = clean_answer(obj, 8)
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
        return
    last = words(answer)[-1].lower()
    if last in _PARTICLES or last in PAST_FORMS or (last.endswith("ed") and len(last) > 4):
        return  # 'Ship the method along with the tool' -> 'The method along'; 'Picture a fence or gate built across a
        # road' -> 'A fence or gate built' (batch72): the object goes on past the word read as its end
    front = f"{ctx}, what should a team {verb} {match.group('p')} {place}?"
    yield "prescription", _card(note, "prescription", slug(f"{verb} {match.group('p')} {place}", 3), s, front, answer)


_PARTICLES = frozenset("along up out off away back down over through around aside apart together".split())


def _later_instruction(text: str) -> str | None:
    """'Use metrics to learn, keep them out of reviews, and pair every metric with …' -> 'pair every metric with …':
    the first later instruction of a list of them that one of the object verbs opens, else None."""
    if not _instruction_start(text):
        return None
    for clause in re.split(r",\s+(?:and\s+)?|;\s+", text)[1:]:
        if clause.split(" ", 1)[0].lower() in _ADVICE_OBJECT_VERBS:
            return clause
    return None


_PREFER_RE = re.compile(
    r"^prefer\s+(?P<x>[^,;:()]{3,60}?)\s+(?:to|over)\s+(?P<y>[^,;:()]{3,60}?)(?:,\s+.*|\s+because\s.*)?$", re.I
)


def _prefer(note: Note, s: Sentence, text: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'Prefer building tools to throwing unskilled effort at a task, …' -> 'what should a team prefer to throwing
    unskilled effort at a task?' — 'Building tools' (batch79: a note of maxims with no generated card)."""
    match = _PREFER_RE.match(text)
    if not match:
        return
    over = match.group("y").strip()
    head = words(match.group("x"))[-1] if words(match.group("x")) else ""
    if re.search(r"\bones\b", over) and plural_word(head.lower()):
        over = re.sub(r"\bones\b", head, over)  # 'redundancy of cheap parts to perfection of expensive ones' (batch81)
    if re.search(r"\b(?:ones?|those|these|it|them|this|that|such)\b", over, re.I) or len(content_words(over)) < 1:
        return  # 'over home-made ones': which ones, the preferred thing does not say
    answer = clean_answer(match.group("x"))
    if not answer or not _self_contained(answer) or len(words(answer)) > 8:
        return
    front = f"{ctx}, what should a team prefer to {_lowered(over, note)}?"
    yield "prescription", _card(note, "prescription", slug(f"prefer {answer}", 3), s, front, answer)


def _object_advice(note: Note, s: Sentence, text: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'Replace X with Y' -> 'what should X be replaced with?'; 'Treat X as Y' -> 'how should X be treated?'."""
    first = words(text)[0].lower() if words(text) else ""
    if first not in _ADVICE_OBJECT_VERBS or not _instruction_start(text):
        return
    participle, prep = _ADVICE_OBJECT_VERBS[first]
    if re.search(r"(?<=[a-z])\.\s+(?=[A-Z])", text):
        return  # a list item of more than one sentence is asked sentence by sentence ('Treat the handover as the
        # product. Specify who has control …', batch204: 'As the product. Specify who has control in every mode, how
        # the user knows', T1 from every judge)
    first_clause = re.split(r";\s+|:\s+|\s+[—–]\s+", text)[0]
    object_match = re.match(rf"^\w+\s+(?P<o>[^,;:()]{{3,60}}?)\s+{prep}\s+(?P<y>.+)$", first_clause, re.I)
    if not object_match:
        return
    obj = _topic(object_match.group("o"), 7, note)
    if not obj or {t.lower() for t in words(obj)} & _CONDITION_POINTERS or " and " in obj:
        return
    if {t.lower() for t in words(obj)} & {"should", "must", "can", "will", "would", "could", "may", "might", "be"}:
        return  # 'Use cases should be written as plain text …' (batch115: 'how should cases should be written be used?',
        # T0 from every judge): 'Use' opens a noun, the sentence's verb comes later
    if re.fullmatch(r"(?:the|this|its)\s+(?:critique|book|essay|paper|article|argument|work)", obj.strip(), re.I):
        return  # 'Use the critique as a guardrail …', 'Treat the book as …' (batch114 and the development notes' first
        # runs: 'how should the critique be used?', 'how should the book be used?', 0 of 12 ratings T2/T3): the work or
        # the note itself, not an idea of it
    if re.search(r"\b(?:there|here|the same)\b", object_match.group("o"), re.I):
        return  # 'Treat changes there with the same care as a price change' (batch77: T0 from every judge): the
        # object points back at the sentence before, and 'as' closes a comparison, not the object's role
    # 'pair every metric with the qualities it misses': 'it' is the object the question names
    if re.search(r"\s+and\s+(?:\w+\s+){0,4}(?:is|are|was|were|stays?|falls?|rises?)\b", object_match.group("y")):
        return  # 'Replace ZIP with city or town and roughly half are still likely unique' (batch82: T0 from every
        # judge): a condition and what follows, not advice
    described = re.fullmatch(r"(?P<o>[^,]*?[a-z]+)\s+(?P<p>[a-z]{3,}ed)", obj) if prep == "as" else None
    if described and (
        re.search(r"\b(?:who|that|which|whom|whose)\b", obj, re.I)
        or words(described.group("o"))[-1].lower() in {"is", "are", "was", "were", "be", "been", "being"}
    ):
        described = None  # 'Treat people who are excluded as experts': the participle belongs to the clause
    if described:
        # 'Use headings phrased as users' questions' (batch119: 'how should headings phrased be used?', T0 from every
        # judge): the participle takes the 'as', so it is what the question asks
        obj, participle = described.group("o"), described.group("p")
    answer = _advice_answer(object_match.group("y"), named=not _plural_subject(words(obj)))
    if not answer:
        return
    second = (
        re.search(rf"\s+and\s+(?:[a-z]+\s+(?:it|them)\b|(?:{'|'.join(sorted(_INSTRUCTION_VERBS))})\s)", answer)
        if prep == "as"
        else None
    )  # ('Treat the hot spots as your discovery backlog and use the arrow vote to choose …', batch199: T1)
    if second and len(words(answer[: second.start()])) >= 2:
        # 'Treat accelerator lock-in as a strategic risk and revisit it at each major contract' (batch198: 'As a
        # strategic risk and revisit it …'): what follows the role is the next instruction
        answer = answer[: second.start()]
    asked = obj  # the object as the note writes it mid-sentence: 'Treat NPS as …' asks about 'NPS', not 'nPS'
    if prep == "as":
        front = f"{ctx}, how should {asked} be {participle}?"
        answer = f"As {_lowered(answer, note)}"
    else:
        front = f"{ctx}, what should {asked} be {participle} {prep}?"
    yield "prescription", _card(note, "prescription", slug(f"{first} {obj}", 3), s, front, answer)


# 'Operational transparency is the practice of showing users the work' -> 'what is operational transparency?':
# a plain definition, no mark on the term, recognised by the head noun a definition opens with.
_PLAIN_DEFINITION_RE = re.compile(
    r"^(?P<x>(?:(?:the|an?)\s+)?[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3})\s+(?P<v>is|are)\s+"
    r"(?P<y>(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:practice|idea|notion|effect|tendency|habit|process|principle|belief|gap|ability|capacity|"
    r"pattern|phenomenon|bias|discipline|art|act|failure|mistake|error|trap|stage|phase|period|"
    r"condition|situation|state|mechanism|technique|method)\s+(?:of|that|to|in|where|whereby|by|between|for)\s.+)$",
    re.I,
)
# 'A commitment is a promise to deliver a defined scope by a given date': a generic subject ('a'/'an' and at most
# two more words) defined by a noun phrase is a definition whatever its head noun
_GENERIC_DEFINITION_RE = re.compile(
    r"^(?P<x>an?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?P<v>is)\s+(?P<y>(?:an?|any|the)\s+[a-z][\w-]*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:of|that|to|in|for|whose|who|which|where|by|with|about)\s.+)$",
    re.I,
)
# 'Before the internet, companies won by controlling scarce distribution' -> 'how do companies win?'
_BY_MEANS_RE = re.compile(
    r"^(?P<s>[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3})\s+(?P<v>[a-z]+)\s+(?P<o>(?:[a-z][\w'-]*\s+){0,3}?)"
    r"by\s+(?P<g>[a-z]+ing\s.+)$"
)


_NOUN_S_END_RE = re.compile(r"(?:tions|sions|ments|ness|ics|ities|ures|ants|ents|ists|ers|ies|ss|us|is|'s)$")
_CONTENT_VERB_S_RE = re.compile(r"^[a-z]{3,}s$")
_NOUN_DETERMINERS = frozenset("the a an their its his her our your each every some many more fewer several".split())
# 'X makes the theory flexible', 'X has …': a result or a light verb, no object to recall
_NOT_GERUND_VERBS = frozenset("does goes has was is makes keeps leaves gets lets renders seems means".split())


# adverbs that end an object but tell how the verb acts ('raises the share of people who choose it substantially')
_VERB_ADVERB_TAIL_RE = re.compile(
    r"\s+(?:further|again|too|instead|anyway|as well|substantially|significantly|sharply|dramatically|considerably|"
    r"markedly|greatly|slightly|steeply|noticeably)\.?$"
)


def _gerund_statement(note: Note, s: Sentence, text: str, ctx: str) -> tuple[str, Card | None] | None:
    """'Interviewing people in their own setting reveals tools …' -> 'what does interviewing people in their own
    setting reveal?': a gerund subject, its present-tense verb (the first -s word not after a determiner), its object."""
    tokens = text.split()
    if len(tokens) < 5 or not re.match(r"^[A-Z][a-z]{2,}ing$", tokens[0]) or tokens[0].lower() in ("during", "nothing"):
        return None
    for i in range(2, min(9, len(tokens) - 1)):
        word, prev = tokens[i], tokens[i - 1].lower()
        if not _CONTENT_VERB_S_RE.match(word) or prev in STOPWORDS or prev in PRONOUNS:
            continue
        if tokens[i - 2].lower() in _NOUN_DETERMINERS or prev in _NUMBER_WORDS or prev.isdigit():
            continue  # 'the real steps': a noun after a determiner and its adjective
        if _NOUN_S_END_RE.search(word) or word in STOPWORDS or word in _NOT_GERUND_VERBS:
            return None  # 'Adding guardrail metrics …': the first -s word is a noun, the verb is out of reach
        follower = tokens[i + 1].lower()
        if (
            (
                follower in STOPWORDS
                or follower in ("well", "badly", "faster", "slower", "off", "up", "out", "down", "away", "back", "on")
                or (follower in ("better", "worse") and tokens[i + 2 : i + 3] == ["than"])
                or re.search(r"(?:ed|ly|s)$", follower)  # 'tickets labelled', 'forecasts openly', 'gaps prevents'
            )
            and not re.match(r"^[a-z]+s,$", follower)
            and follower not in _NOUN_DETERMINERS | {"more", "less", "no"}
        ):
            return None  # a list's first item ('reveals tools, …') is still an object
        subject = " ".join(tokens[:i])
        if re.search(r"[,;:()—–]", subject) or {w.lower() for w in words(subject)} & (
            _CONDITION_POINTERS | {"that", "who", "which"}
        ):
            return None
        base = base_form(word) or word[:-1]
        if base_verb_problem(base) or tokens[i + 1].lower() in ("to", "that", "if", "whether", "how", "what"):
            return None  # 'X helps to …', 'X means that …': the object is a clause, asked another way
        obj = re.split(r",\s+(?:and|but|so|then|yet|while|which)\s+", " ".join(tokens[i + 1 :]))[0]
        # 'Offering an explicit "don't know" option raises the share of people who choose it substantially' (batch204:
        # '… who choose it substantially', T1 from every judge): the adverb is the verb's, not the object's
        answer = clean_answer(_VERB_ADVERB_TAIL_RE.sub("", obj.rstrip(".")), 12)
        if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
            return None
        front = f"{ctx}, what does {subject[0].lower() + subject[1:]} {base}?"
        return "claim", _card(note, "claim", slug(f"{subject} {base}", 3), s, front, answer)
    return None


# 'Latency budgets should be set per type of interaction' -> 'how should latency budgets be set?';
# 'Estimates should therefore be honest ranges' -> 'what should estimates be?'
_SHOULD_BE_RE = re.compile(
    r"^(?P<s>[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4})\s+(?P<m>should|must)\s+(?:therefore\s+|always\s+)?be\s+"
    r"(?P<v>[a-z]+ed|set|kept|run|built|made|done|read|seen|given|taken|shown|written|chosen|paid|spent|sent|"
    r"forecast|put|cut|hit|split|spread|shut|held|told|sold|bought|taught|thought|brought|found|met|led)?\s*(?P<y>.+)$"
)
# 'Von Hippel defines the stickiness of information as the extra cost of moving it' -> 'what is the stickiness …?'
_DEFINES_AS_RE = re.compile(
    r"^(?:[A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey|[Tt]he authors?)\s+"
    r"(?:defines|define|defined)\s+(?P<x>[^,;:]{3,60}?)\s+as\s+(?P<y>[^;:]+)$"
)
# 'The toolkit remedy works best where the solution space can be codified' -> 'where does … work best?'
_WORKS_BEST_RE = re.compile(
    r"^(?P<s>(?:(?:the|a|an)\s+)?[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3})\s+(?P<v>works?|holds?|helps?|applies|apply|pays? off)\s+"
    r"(?P<a>best|only|most)\s+(?P<w>where|when|if|for|in|on)\s+(?P<y>[^;:]{6,})$"
)
_ADVERBIAL_START_RE = re.compile(r"^(?:per|as|by|in|on|at|for|with|before|after|once|only|against|around)\s", re.I)


def _should_be(note: Note, s: Sentence, match: re.Match[str], ctx: str) -> Iterator[tuple[str, Card | None]]:
    subject = _topic(match.group("s"), 6, note)
    if not subject or {t.lower() for t in words(subject)} & (_CONDITION_POINTERS | {"that", "who", "which"}):
        return
    answer = clean_answer(re.split(r",\s+(?:and|but|so|then|which|because)\s+", match.group("y"))[0], 12)
    if not answer or not _self_contained(answer) or not content_words(answer):
        return
    asked = subject[0].lower() + subject[1:] if _common_word(words(subject)[0], note) else subject
    verb = match.group("v")
    if verb and _ADVERBIAL_START_RE.match(answer):
        front = f"{ctx}, how {match.group('m')} {asked} be {verb}?"
        answer = answer[0].upper() + answer[1:]
    elif not verb and re.match(r"^(?:an?\s+|the\s+)?[a-z]+\s+[a-z]+", answer, re.I) and len(content_words(answer)) >= 2:
        if re.match(r"^(?:able|careful|clear|aware|wary|willing|ready|sure)\b|^\w+\s+(?:and|or)\s", answer, re.I):
            return  # 'should be careful', 'flat and mission-oriented': a manner or a quality, not a thing to recall
        if re.match(r"^(?:your|our|their|its|my)\s+own\b", answer, re.I) or not _plural_subject(words(subject)):
            return  # 'what must the data be?' — 'Your own': a singular subject's 'be' is rarely a thing to name
        front = f"{ctx}, what {match.group('m')} {asked} be?"
    else:
        return
    yield "prescription", _card(note, "prescription", slug(f"{subject} be {verb or ''}", 3), s, front, answer)


def _plain_shapes(
    note: Note, s: Sentence, core: str, ctx: str, definition_ctx: str
) -> Iterator[tuple[str, Card | None]]:
    """Two unmarked shapes: a definition by its head noun, and the means of a 'S V by V-ing' claim."""
    text = plain(core).strip().rstrip(".")
    match = _PLAIN_DEFINITION_RE.match(text) or _GENERIC_DEFINITION_RE.match(text)
    if match and definition_ctx:
        term = match.group("x").strip()
        tokens = [t.lower() for t in words(term)]
        label = tokens[-1] in _DISCOURSE_LABELS or tokens[0] in _CONDITION_POINTERS or tokens[0] in PRONOUNS
        # 'the most durable idea for PMs' ranks the term, it does not say what it is
        label = label or bool(
            re.match(r"^\w+\s+(?:\w+\s+)?(?:most|best|least|only|main|key|central|biggest|\w+est)\b", match.group("y"))
        )
        answer = clean_answer(match.group("y"), 14, trim_relative=False, whole_series=True)
        counted = next((t for t in tokens if t in _NUMBER_WORDS and t != "one"), "")
        if counted and answer and not re.search(r",|\band\b", answer):
            answer = None  # 'The eight attributes are a bias for action; staying close …' (batch72: T0 from every
            # judge): a counted subject answered by one item is the list cut at its first part
        if not label and answer and _self_contained(answer) and content_words(term):
            shown = term if not _common_word(words(term)[0], note) else term[0].lower() + term[1:]
            front = f"{definition_ctx}, what {match.group('v').lower()} {shown}?"
            yield "definition", _card(note, "definition", slug(term), s, front, answer)
            return
    defined = _DEFINES_AS_RE.match(text)
    if defined and definition_ctx:
        term = _topic(defined.group("x"), 8, note)
        answer = clean_answer(defined.group("y"), 14, trim_relative=False)
        if term and answer and _self_contained(answer) and not {t.lower() for t in words(term)} & _CONDITION_POINTERS:
            shown = term[0].lower() + term[1:] if _common_word(words(term)[0], note) else term
            plural = _plural(words(term)[-1]) and not term.isupper()  # 'define habits as …': 'what are habits?'
            front = f"{ctx}, what {'are' if plural else 'is'} {shown}?"
            yield "definition", _card(note, "definition", slug(term), s, front, answer)
            return
    works = _WORKS_BEST_RE.match(text)
    if works:
        subject = _topic(works.group("s"), 6, note)
        answer = clean_answer(re.split(r",\s+(?:as in|such as|like|for example|e\.g\.)\s", works.group("y"))[0], 12)
        if subject and answer and _self_contained(answer) and len(content_words(answer)) >= 2:
            asked = subject[0].lower() + subject[1:] if _common_word(words(subject)[0], note) else subject
            wh = {"where": "where", "when": "when", "if": "when"}.get(works.group("w").lower(), "for what")
            verb = works.group("v")
            particle = " off" if verb.endswith(" off") else ""
            verb = verb.removesuffix(" off")
            base = ((base_form(verb) or verb[:-1]) if verb.endswith("s") else verb) + particle
            do = "do" if not verb.endswith("s") else "does"
            only = works.group("a") == "only"
            answer = f"{'Only ' if only else ''}{works.group('w').lower()} {answer[0].lower() + answer[1:]}"
            answer = answer[0].upper() + answer[1:]
            if wh == "for what":
                wh = "where" if works.group("w").lower() in ("in", "on") else "for what"
            front = f"{ctx}, {wh} {do} {asked} {base}{'' if only else ' ' + works.group('a')}?"
            yield "claim", _card(note, "claim", slug(f"{subject} {base} {works.group('a')}", 3), s, front, answer)
            return
    passive = _SHOULD_BE_RE.match(text)
    if passive:
        yield from _should_be(note, s, passive, ctx)
        return
    gerund = _gerund_statement(note, s, text, ctx)
    if gerund:
        yield gerund
        return
    match = _BY_MEANS_RE.match(text)
    if not match:
        return
    head = text[: text.index(" by ")].split()
    for n in range(1, min(4, len(head) - 1) + 1):  # the subject is the first n words, the verb the next
        subject, verb, obj = " ".join(head[:n]), head[n], " ".join(head[n + 1 :])
        tokens = [t.lower() for t in words(subject)]
        plural = _plural_subject(tokens)
        if verb.endswith("s") != plural and verb.isalpha() and verb.islower() and (n > 1 or plural):
            break
    else:
        return
    if tokens[0] in PRONOUNS or tokens[0] in _CONDITION_POINTERS or set(tokens) & STOPWORDS - _ARTICLES:
        return
    if tokens[-1] in _ESSAY_WORDS or verb in (
        "starts",
        "start",
        "begins",
        "begin",
        "opens",
        "ends",
        "closes",
        "concludes",
    ):
        return  # 'The paper starts by describing the ideal': how the text is built, not an idea (T0, batch33)
    if (
        verb in STOPWORDS
        or verb.endswith(("ed", "ing"))
        or base_verb_problem(verb[:-1] if verb.endswith("s") else verb)
    ):
        return  # a past tense or a participle ('is driven by …') has no present to ask with
    if verb.endswith(("able", "ible", "ful", "ous", "ical")):
        return  # 'Make estimators accountable by tracking …' (batch192: 'how do make estimators accountable?'): advice
        # with no subject, its adjective read as the verb
    if len(words(obj)) > 4 or set(words(obj.lower())) & (_CONDITION_POINTERS | {"that", "and", "or", "but", "because"}):
        return
    base = (base_form(verb) or verb[:-1]) if verb.endswith("s") else verb
    answer = clean_answer(re.split(r",\s+(?:and|but|so|then|yet|while)\s+", f"by {match.group('g')}")[0], 12)
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
        return
    shown = subject if not _common_word(words(subject)[0], note) else subject[0].lower() + subject[1:]
    front = f"{ctx}, how {'do' if plural else 'does'} {shown} {base}{' ' + obj if obj else ''}?"
    yield "mechanism", _card(note, "mechanism", slug(f"{subject} {base}", 3), s, front, answer)


_ASIDE_RE = re.compile(
    r",\s+(?:including|such as|for example|e\.g\.|like)\s+[^.;:]*?,\s+(?=(?:as|to|into|in|on|with|from|by)\s)"
)


def _drop_aside(text: str) -> str:
    """'treat everything, including the site, as one product' -> 'treat everything as one product'."""
    aside = _ASIDE_RE.search(text) if ", " in text else None
    if not aside or re.search(r",\s+(?:or|and)\s", text[aside.end() :]):
        # 'remove the conflict, for example by separating … in time, in space, or between the whole and its parts'
        # (batch144: 'The conflict in space, or between …', T0 from every judge): the example's series goes on
        return text
    return _ASIDE_RE.sub(" ", text)


# heads of terms that read without an article ('process power', 'counter-positioning', 'branding')
_MASS_END_RE = re.compile(
    r"(?:ing|ity|ness|ism|ion|ment|ship|ance|ence|power|economies|data|work|debt|research|thinking|leisure|knowledge|"
    r"evidence|feedback|software|infrastructure|advice|capital|money|wealth|behaviou?r|health|safety|privacy|trust)$",
    re.I,
)  # ('what is a conspicuous leisure?', batch75)


def _article(term: str, plural: bool) -> str:
    """'a' or 'an' before a singular count-noun term ('what is a cornered resource?'); '' for names, plurals, mass nouns."""
    if plural or not term or term[0].isupper() or _MASS_END_RE.search(term) or len(words(term)) > 4:
        return ""
    if term.split()[0].lower() in _NOUN_DETERMINERS | _DEMONSTRATIVES:
        return ""  # 'the Churn Rule' has its article ('what is a the Churn Rule?', blind batch51)
    if re.match(r"^\w+['’]s\s", term):
        return ""  # a possessive is the term's determiner: 'what is Bohr's quadrant?', not 'a bohr's quadrant'

    return indefinite_article(term)  # 'a uniform interface', not 'an uniform interface' (batch75)


_DEMONSTRATIVES = frozenset("this that these those my".split())


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty "
    "ninety dozen dozens hundred hundreds thousand thousands".split()
)
_PLURAL_DETERMINERS = frozenset("most many all few some several both these those".split())


def _noun_position(subject_tokens: list[str]) -> bool:
    """Whether an -s word after ``subject_tokens`` is a plural noun, not a verb ('three users', 'most B2B products')."""
    lowered = [t.lower() for t in subject_tokens]
    if lowered[-1] in _NUMBER_WORDS or lowered[-1].isdigit() or lowered[0] in _PLURAL_DETERMINERS or "and" in lowered:
        return True
    return lowered[0].endswith("ing") and len(lowered) <= 2  # 'treating support tickets …': the gerund's object


# A necessary condition of _statement, checked with set and literal operations before any Python loop:
# the words its questions hang on (a copula, a modal, a word that opens an object, a preposition, an adverb).
# 'suit' takes a bare object ('organic systems suit changing conditions') with no other hint word
_STATEMENT_HINT_WORDS = frozenset({"is", "are", "be", "cannot", "suit", "suits"} | _VERB_FOLLOWERS | _MODAL_STARTS)
_LY_RE = re.compile(r"ly\b")


def _object_word(word: str) -> bool:
    """Whether ``word`` may open an object: a determiner or a content word, never an adverb or function word."""
    return word in _OBJECT_START or (word[:1].isalpha() and word not in STOPWORDS and not word.endswith("ly"))


# --- Coverage shapes: ideas the sentence kinds above cannot ask whole -----------------------------
# A thesis often joins two claims ('S fail from A than from B, yet most run C'): each clause is
# read on its own when the whole sentence gives no card. The split points are clause joints only.
_CLAUSE_JOINT_RE = re.compile(
    r",\s+(?:yet|but|while|whereas)\s+|,\s+and\s+(?=(?:he|she|they|it)\s+)|,\s+and\s+(?=the\s+\w+\s)|;\s+"
)
# 'startups fail far more often from a lack of customers than from failed product development'
_MORE_OFTEN_RE = re.compile(
    r"^(?P<s>[^,;:]{3,50}?)\s+(?P<v>[a-z]+)\s+(?P<adv>(?:far\s+|much\s+)?(?:more|less)\s+often)\s+"
    r"(?P<p>from|because of|by|through|with|in|for|over)\s+(?P<a>[^,;:]{2,60}?)\s+than\s+(?:(?P=p)\s+)?"
    r"(?P<b>[^,;:]{2,60}?)\.?$"
)
# 'the book was written for enterprise sales, so its checklists assume …' -> why …? — the first clause
_SO_RE = re.compile(r"^(?P<a>[^;:]{8,110}?),\s+so\s+(?P<b>[^;:]{8,140}?)\.?$")
# after ', so': a degree inside the subject ('the experiment, so powerful in physics, has had …'), not a result
_DEGREE_SO_RE = re.compile(
    r"^\s*(?:[\w'-]+(?:\s+[\w'-]+){0,5},\s+(?:has|have|had|is|are|was|were|can|could|will|would|does|do|did|may|"
    r"might|must|should|remains?|seems?)\b)"
)
# 'He distinguishes **maximizers**, who search for the best option, from …'; '**single-loop learning**, which …'
_GLOSSED_TERM_RE = re.compile(
    r"(?:\*\*(?P<t>[^*]{2,30})\*\*|(?:\b(?:distinguishes|separates|from)\s+)[*_]?(?P<u>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})[*_]?)"
    r",\s+(?P<w>who|which|where)\s+(?P<y>[^,;:()]{6,80}?)(?:,|;|\.$|$)"
)
# 'the barbell strategy, which pairs very safe positions with …' -> 'what is the barbell strategy?'
_NAMED_WHICH_RE = re.compile(
    r"\b[Tt]he\s+(?P<t>[\w-]+(?:\s+[\w-]+)?\s+(?:strategy|principle|effect|rule|test|model|framework|loop|method|law|trap))"
    r",\s+which\s+(?P<y>[^,;:()]{6,90}?)(?:,|;|\.$|$)"
)
# 'the idea of posteriorities — deciding which tasks not to tackle — maps onto …'
_DASH_GLOSS_RE = re.compile(
    r"\b(?:[Tt]he\s+(?:idea|concept|notion|practice)\s+of\s+|(?:are|is|include|includes)\s+)(?P<t>[\w-]+(?:\s+[\w-]+)?)"
    r"\s+[—–]\s+(?P<y>[^—–]{5,80}?)\s+[—–]\s"
)
# 'between espoused theory (what people say guides them) and theory-in-use (what actually drives …)'
_PAREN_GLOSS_RE = re.compile(
    r"\b(?:between|and|or|of|the|an?)\s+(?P<t>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s+\((?P<y>(?:what|how|who|the|an?)\s[^()]{5,70})\)"
)
# 'Managing managers means debugging teams you can't observe.'
_MEANS_RE = re.compile(r"^(?P<x>[^,;:]{4,40}?)\s+means\s+(?P<y>[^;:]{5,90}?)\.?$")
# 'Tech lead: a role, not a rank — …' reads as 'Tech lead is a role, not a rank'
_COLON_TERM_RE = re.compile(r"^(?P<t>[A-Z][\w -]{2,30}?):\s+(?P<g>.+)$")
# 'Strategy is a set of choices that …, not a vision statement, a plan or a list of initiatives'
_CONTRAST_LIST_RE = re.compile(
    r"^(?P<x>[^,;:]{2,40}?)\s+(?P<v>is|are)\s+(?P<b>[^,;:]{2,90}?),\s+not\s+(?P<a>[^;:]{2,70}?(?:,| or | and )[^;:]{2,40}?)\.?$"
)


# '"What can I contribute?" is the right question for a new PM' -> 'what is the right question for a new PM?'
# superlatives that rank one thing among its kind ('handovers are the riskiest hour of a shift')
_EST = (
    r"(?:easiest|riskiest|cheapest|fastest|slowest|simplest|largest|smallest|greatest|highest|lowest|longest|"
    r"shortest|safest|earliest|costliest|weakest|worst)"
)
_IS_THE_BEST_RE = re.compile(
    r"^(?P<x>[^;:]{3,60}?)\s+(?P<v>is|are)\s+(?P<y>the\s+(?:(?:single\s+)?most\s+\w+|best|right|real|main|key|central|"
    rf"biggest|first|hardest|only|usual|strongest|clearest|{_EST})\s+[^;:,]{{3,120}}?)(?:[:;,]\s.*)?\.?$"
)
_BEST_WORD_RE = re.compile(
    r"\s(?:is|are) the (?:single |most |best|right|real|main|key|central|biggest|first|hardest|only|usual|strongest|clearest|"
    rf"{_EST})"
)
# 'Good defaults, a recommended plan and progressive disclosure usually beat a giant menu' and
# 'Knowing which rung your partner is on explains a lot of friction': the subject is the idea
_CAUSE_VERBS = (
    "explains|explain|predicts|predict|drives|drive|determines|determine|decides|decide|beats|beat|causes|cause"
)
# an object that is only an amount ('explains little', 'drives nothing'): the verb says how much, not what
_AMOUNT_ONLY_RE = re.compile(
    r"^(?:very\s+|so\s+|too\s+)?(?:little|much|nothing|everything|something|less|more|most|a\s+lot|all|none|enough)\.?$|"
    # 'Envy and competitive display explain only a slice of consumption' (batch202: T1 from every judge)
    r"^(?:only\s+)?(?:a|one|some)\s+(?:small\s+)?(?:slice|fraction|sliver|part|share)\s+of\b",
    re.I,
)
_SUBJECT_RE = re.compile(
    rf"^(?P<s>[^;:]{{3,70}}?)\s+(?P<adv>(?:usually|often|mostly|largely|also|together)\s+)?(?P<v>{_CAUSE_VERBS})\s+"
    r"(?P<o>[^;:]{3,70}?)(?:[:;]\s.*)?\.?$"
)


# A claim inside another sentence: after '…, which suggests (that)', after '…, so' (the consequence), and a
# modal relative on the sentence's subject ('A status auction rewards the quick, which can sideline …').
_WHICH_SUGGESTS_RE = re.compile(r",\s+which\s+(?:suggests|shows|means|implies)\s+(?:that\s+)?(?P<c>[a-z].{15,})$")
_SO_CLAUSE_RE = re.compile(r"[,;]\s+so\s+(?!that\b|far\b|much\b|many\b)(?P<c>[a-z].{15,})$")
_MODAL_RELATIVE_RE = re.compile(
    r"^(?P<s>(?:(?:the|a|an)\s+)?[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)\s+[a-z]+s\s+[^,;:]{3,60},\s+which\s+"
    r"(?P<m>can|could|may|might|tends to)\s+(?P<r>[a-z][^,;:]{8,})"
)


def embedded_claims(core: str) -> list[str]:
    """The claims a sentence makes inside a larger one, each a clause to ask on its own."""
    if "which " not in core and " so " not in core:
        return []  # every form below needs one of the two words
    found = []
    for pattern in (_WHICH_SUGGESTS_RE, _SO_CLAUSE_RE):
        match = pattern.search(core)
        if match:
            found.append(match.group("c"))
    relative = _MODAL_RELATIVE_RE.match(core)
    if relative and set(w.lower() for w in words(relative.group("s"))) & (
        _ADVERBS | {"also", "often", "still", "even"}
    ):
        relative = None  # 'The model also treats crises as inevitable, which can excuse …' (batch80: 'what can the
        # model treats excuse?', T0 from every judge): the adverb was read as the subject's last word
    if relative and words(relative.group("s"))[0].lower() not in PRONOUNS:
        subject = relative.group("s")
        found.append(
            f"{subject[0].lower() + subject[1:] if subject[:4] in ('The ', 'A ', 'An ') else subject}"
            f" {relative.group('m')} {relative.group('r')}"
        )
    return found


def compound_clauses(core: str) -> list[str]:
    """The clauses of a compound claim, each a claim of its own (the whole sentence first)."""
    parts = [p.strip() for p in _CLAUSE_JOINT_RE.split(core) if p and p.strip()]
    return [core] + [p for p in parts if p != core and len(words(p)) >= 5] if len(parts) > 1 else [core]


# 'it is tempting to …', 'it is unclear whether …': an 'it' that stands for what follows, not for a noun before
_DUMMY_IT_START_RE = re.compile(
    r"^it\s+(?:is|was)\s+(?:not\s+)?\w+\s+(?:to|that|whether|how|if|what|why|when|which)\b", re.I
)


def _work_subject(note: Note, text: str) -> str:
    """'It is written …' / 'its checklists' in a critique: the work, named."""
    if not text[:3].lower().startswith("it") or _DUMMY_IT_START_RE.match(text):
        return text  # no 'it' to name ('it is hard to tell whether …', 'it is unclear how far …' are nobody's 'it')
    work = work_word(note)
    text = re.sub(r"^(?:It|it)\s+(?=is|was|has|does|treats|assumes|says)", f"{work[0].upper()}{work[1:]} ", text)
    return re.sub(r"^(?:Its|its)\s+", f"{work}'s ", text)


def _more_often(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'S fail more often from A than from B' -> 'what do S fail from more often than from B?' — A."""
    match = _MORE_OFTEN_RE.match(core)
    if not match:
        return
    subject = _topic(match.group("s"), 6, note)
    verb = match.group("v")
    base = base_form(verb) if verb.endswith("s") else verb
    answer = clean_answer(match.group("a"), 10)
    other = plain(match.group("b")).strip()
    if not subject or not base or not answer or not _self_contained(answer) or _DEMONSTRATIVE_RE.search(other):
        return
    aux = "does" if verb.endswith("s") else "do"
    prep, adverb = match.group("p"), match.group("adv")
    front = f"{ctx}, what {aux} {subject} {base} {prep} {adverb} than {prep} {other}?"
    yield "claim", _card(note, "claim", slug(f"{subject} {base}", 2), s, front, answer)


def _so(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'A, so B' -> 'what explains why B?' — A: the reason is the idea worth recalling."""
    match = _SO_RE.match(core)
    if not match:
        return
    # '…, so teams shy away from risky bets, while estimates are built from the inside': the effect is the first clause
    effect = re.split(r",\s+(?:while|whereas|and)\s+", plain(match.group("b")).strip())[0]
    if _DEGREE_SO_RE.match(plain(match.group("b"))):
        return  # 'why the controlled experiment, so powerful in physics and medicine, has had …' (batch111: 'what
        # explains why powerful in physics …?', T0): a degree 'so' inside the sentence, no result clause
    if re.match(r"^it\s", effect):
        return  # '…, so it is noticed when it arrives': the 'it' is the sentence's own subject, not the work (batch60)
    if re.match(r"^[\"“‘'][\w-]+[\"”’']\s+(?!and\b|or\b)", effect):
        return  # 'so "unfruitful" overstated the case' (batch199: T1 from every judge): the quoted word is the note's
    if len(words(effect)) < 2:
        return  # '… another org loses budget if it ships, so negotiate.' (batch137: 'what explains why negotiate?', T0
        # from every judge): one word after 'so' is an instruction or a fragment, no effect to explain
    critique = role_of(s.heading) == "critique"  # 'It is …' names the work only where the note judges the work
    reason = plain(match.group("a")).strip()
    if re.match(r"^its\s", effect, re.I) and not re.match(
        r"^(?:it|its|the\s+(?:book|essay|paper|work|article|piece|study|talk|post))\b", reason, re.I
    ):
        return  # 'The WELL was small …, so its warmth says little about …' (batch126: 'what explains why the work's warmth
        # says little …?', T1): the 'its' is the reason's own subject, not the work
    effect = _work_subject(note, effect) if critique else effect
    if re.search(r"\bthat\s+too\b|\b(?:on|to|at|with|for|about|exactly)\s+that\b", effect):
        return  # 'so performers work on that too' (batch78: T0 from every judge): 'that' is the sentence before's
    # a bullet asked whole ('The argument waves away economics. Programmer time is expensive …, so …'): the
    # reason is the sentence the 'so' belongs to, never the label before it (batch43)
    cause = split_sentences(plain(match.group("a")).strip())[-1]
    # 'It is the continuation of political intercourse …' in On War's argument is war, not the book (batch78: T0
    # from every judge, 'The work is the continuation …')
    cause = _work_subject(note, cause) if critique else cause
    # 'Offline tests screen candidates, but offline metrics often fail …, so live tests decide': the reason is
    # the clause after 'but', the one the 'so' follows from (batch43: T0 from every judge)
    cause = re.split(r",\s+(?:but|yet)\s+", cause)[-1]
    # 'Directories are themselves files, and a file's name is just an entry pointing to an i-node, so the same file can
    # have several names' (batch99: 'Directories are themselves files', T0 from every judge): the nearest clause; in a
    # critique both clauses are the limits that explain it ('Usage was self-reported, and the settings were …')
    cause = cause if critique else re.split(r",\s+and\s+(?=(?:the|a|an|its|their|his|her|each|every)\s)", cause)[-1]
    # 'Lamport starts from the observation that processes … share no single clock, so …' (batch75: 'Lamport starts
    # from the observation', T0 from every judge): the reason is what the observation says
    cause = re.sub(r"^[^,;:]*?\b(?:observation|fact|insight|premise|finding|recognition) that\s+", "", cause)
    if _RIVAL_VIEW_RE.match(cause):
        return  # 'The Science Comprehension Thesis holds that conflict comes from weak reasoning, so more numeracy should
        # bring people together' (batch200: T0 from every judge, 'the thesis the authors reject, given as theirs'): a
        # named view's reasoning, which the work may refute
    cause = _REPORTING_THAT_RE.sub("", cause)
    if re.match(_EVIDENCE_SHOWS, cause, re.I):
        return  # 'history shows no real technological leaps, so no society jumps far ahead of …' (batch142: T0 from every
        # judge): evidence for the claim, not what causes it
    they = re.match(r"^they\s", effect)
    owner = (_COPULA_SUBJECT_RE.match(cause) or _plain_subject(cause)) if they else None
    if (
        they
        and owner
        and _agrees("they", words(owner.group("n")))
        and not re.search(r",\s+(?:yet|but|and|while)\s", cause)
        and not _DEMONSTRATIVE_RE.search(effect)  # 'so they are living inside this paper'
    ):
        # 'Most studies are short lab tasks with low stakes, so they say little about high-effort choices' (a curator
        # asks 'why do the studies say little about …?'): 'they' are the reason's subject
        effect = f"{owner.group('n')} {effect[they.end() :]}"
    if (
        re.match(r"^(?:this|that|they|these|those|he|she|we|you|the two|both)\b", effect, re.I)
        or len(words(effect)) > 16
    ):
        return
    if re.search(r"\b(?:with|without|and)\s+it\b|\b(?:for|to|of|about|with)\s+them$", effect):
        return  # 'so the authors can compare places with and without it' (batch201: T1 from every judge): 'it' is the rule
        # the sentence before named
    if re.search(r"\bit$", effect) and not re.search(r"\b(?:that|which|who)\b", effect):
        return  # 'why every employee got a short booklet explaining it?': 'it' is the sentence before's (batch43);
        # 'a star that depends on it' names its 'it' in the clause (batch38: T2)
    if re.match(r"^\w+ly\s+(?:through|via|by|with|in|on|at|from)\s", cause, re.I) or (
        "," not in cause and re.match(r"^(?:through|via)\s", cause, re.I)
    ):
        return  # 'The third order did arrive, but mostly through ranking algorithms …, so …' (batch119: 'what explains
        # why …?' — 'Mostly through ranking algorithms owned by platforms', T1 from every judge): after the 'but' split
        # the clause has lost its subject and verb; a manner is no reason
    if _them_outside(effect):
        return  # 'Individuals have preferred modes, so groups learn better when they mix them' (batch133: 'what explains why
        # groups learn better when they mix them?', T0 from two judges of four): 'them' is the reason's noun
    answer = clean_answer(cause)
    if not answer or not _self_contained(answer) or _IMPERATIVE_RE.match(effect) or _vague_referent(effect, note):
        return
    if re.match(r"^\s+(?:that|which|who)\s", cause[len(answer) :]) and _BARE_NOUN_PHRASE_RE.match(answer):
        return  # 'Problems with requirements and architecture that are found late cost much more …, so …' (batch133: 'what
        # explains why prerequisites matter …?' — 'Problems with requirements and architecture', T0 from every judge):
        # cut at its relative clause, the reason kept only its subject
    if re.search(r"\s(?:means|shows|suggests|implies|says|argues|predicts)$", answer):
        return  # 'Regression to the mean means that whatever a team does … will seem to work, so …' (triage: 'what explains
        # why interventions need comparisons?' — 'Regression to the mean means', T0): the reason lost its content clause
    if _IMPERATIVE_RE.match(answer) or imperative(answer):
        return  # '…, and protect focus time as well, so collision does not become fragmentation': an instruction and
        # its purpose, no cause (batch82's fixes: 'Protect focus time as well')
    if re.search(r"\b(?:should|must|ought to|need to)\s+be\s+\w+(?:ed|en)\b", answer):
        return  # 'Ratings … should be gathered before people see others' answers, so judgements stay independent'
        # (batch87: T1 from every judge): advice in the passive and its purpose, no cause either
    lead = effect.split(" ", 1)[0].lower()
    joined = re.search(r"\band\s+(\w+)\s", effect)
    if joined and joined.group(1).lower() in _INSTRUCTION_VERBS | {"consider"} and not lead.endswith("s"):
        return  # 'so test price introductions carefully and consider trials instead' (batch80): two instructions
    if (
        lead in _READER_VERBS
        or (imperative(effect) and lead not in _ADVERBS | _QUANTIFIERS | {"almost", "nearly"})
        or _noun_verb_instruction(effect)
    ):
        return  # 'so expect shipped results to shrink', 'so name them instead of acting them out' (batch72) tell the
        # reader what to do: there is no effect to explain
    effect = _lowered(effect, note)
    front = f"{ctx}, what explains why {effect}?"
    yield "mechanism", _card(note, "mechanism", slug(effect, 2), s, front, answer)


# 'Problems with requirements and architecture': nouns joined by prepositions and 'and', no verb
_BARE_NOUN_PHRASE_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+)?"
    # ('The contractors, calculators and crews who made …', batch201: T1 from every judge: a list of nouns too)
    r"(?:(?:\s+(?:with|of|for|in|on|about|and|or|to)|,(?:\s+and)?)\s+(?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+)?)*$",
    re.I,
)
_THEM_CLAUSE_RE = re.compile(
    r"\b(?:when|if|than|that|which|who|because|while|whereas|unless|until|once|after|before)\s+"
)


def _them_outside(effect: str) -> bool:
    """Whether a 'them' in ``effect`` must stand for a noun outside it: the clause that holds it has no noun before
    it but its own subject ('teams translate them', 'treating them as targets', 'when they mix them'), and a pronoun
    never stands for its own clause's subject ('… than it predicts them' keeps 'patterns' before the 'than')."""
    at = re.search(r"\bthem\b", effect)
    if not at:
        return False
    clauses = _THEM_CLAUSE_RE.split(effect[: at.start()])
    return len(clauses) == 1 or bool(re.match(r"^they\s", clauses[-1]))


def _term(term: str, note: Note) -> str:
    """A term as a question names it: lower case unless it is a name, or a title-case label the note gives a
    pattern ('Speed Trap', 'Help Wanted': lowering the first word alone asked 'what is a speed Trap?', batch57)."""
    if term.isupper() or not _common_word(term.split()[0], note):
        return term
    if term[0].isupper() and re.match(r"^\w+['’]s\s", term):
        return term  # 'Bohr's quadrant' keeps its owner's name (batch66: 'what is a bohr's quadrant?')
    if " " in term and all(word[:1].isupper() for word in term.split()) and term.split()[0].lower() not in _ARTICLES:
        return term
    return term[0].lower() + term[1:]


def _plural(word: str) -> bool:
    """Whether a head word reads as plural ('maximizers', 'errors'; not 'process', 'analysis' or 'bias'): lint L18's
    reading (:func:`deckgen.core.text.plural_word`), so a question the generator forms is never one L18 refuses."""
    return plural_word(word)


def _what_is(ctx: str, term: str, note: Note, plural: bool) -> str:
    """'In X, what is single-loop learning?' / '…, what are posteriorities?'."""
    return f"{ctx}, what {'are' if plural else 'is'} {_term(term, note)}?"


# 'the uncertainty left after good analysis, which they call residual uncertainty, falls …' -> 'what is residual
# uncertainty?' — 'The uncertainty left after good analysis': a term the note names after describing it (batch47;
# 27 sentences of the 564 fresh notes name a term so, and no shape asked them)
_WHICH_CALLS_RE = re.compile(
    r"(?:^|\bthat\s+|[,;:]\s+|\b(?:[Aa]nd|but|is|are|was|were)\s+)"
    r"(?P<np>(?:[Tt]he|[Aa]n?|[Ww]hat|[Hh]ow)\s[^,;:()\"“”*]{8,90}?),\s+which\s+"
    r"(?:he|she|they|the authors?|[A-Z][\w-]+)\s+calls?\s+"
    r"(?P<t>\*\*[^*]{2,40}\*\*|\"[^\"]{2,40}\"|“[^”]{2,40}”|[\w' -]{2,40}?)(?=[,.;:]|$)"
)
# 'people attach probability to descriptions of events, which they call hypotheses' (batch195: no card): a bare
# plural the sentence's verb takes, named after it
_WHICH_CALLS_BARE_RE = re.compile(
    r"\b(?:to|on|for|with|from|into|about)\s+(?P<np>[a-z][a-z-]+s\s+(?:of|for|about|from|in|on)\s[^,;:()\"“”*]{3,60}?),"
    r"\s+which\s+(?:he|she|they|the authors?|[A-Z][\w-]+)\s+calls?\s+"
    r"(?P<t>\*\*[^*]{2,40}\*\*|\"[^\"]{2,40}\"|“[^”]{2,40}”|[\w' -]{2,40}?)(?=[,.;:]|$)"
)
_BACK_POINTING_MODIFIERS = frozenset("resulting same other latter former first second last above following".split())
# the pronouns that, in the description a note names, point back at the note ('How tightly they are linked'): the
# generator's one pronoun set, less the words that point at nothing there. 'there' opens an existential ('what to
# do when things go wrong and there is no right answer, which Horowitz calls "the Struggle"': batch20's card),
# 'that' a relative clause ('the work that no one sees'), and 'we', 'you', 'i' are the writer's and reader's own
# voice. 'those' was never refused here either: refusing it (or the others) changes no fixture card, but it would
# be a new rule.
_DESCRIPTION_POINTERS = PRONOUNS - {"there", "that", "we", "you", "i", "those"}


def _which_calls(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'NP, which X calls T' -> 'what is T?' — NP: the description the note names with its term."""
    match = _WHICH_CALLS_RE.search(s.text) or _WHICH_CALLS_BARE_RE.search(s.text)
    if not match:
        return
    term = plain(match.group("t")).strip().strip('"“”').strip()
    described = plain(match.group("np")).strip()
    verb = re.match(r"^(?:the|an?)\s[^,;:]*?\s(?:is|are|was|were)\s", described, re.I)
    if verb:
        # 'The trick is to understand what the other party actually values, which they call currencies' (batch97:
        # 'The trick is to …', T0 from every judge): what is named is the clause's object, 'what the other party …'
        inner = re.search(r"\b(?:what|how)\s[^,;:]+$", described[verb.end() :], re.I)
        if not inner:
            return
        described = inner.group(0)
    tokens, term_words = words(described), [w.lower() for w in words(term)]
    if not 1 <= len(term_words) <= 4 or " and " in f" {term} " or not content_words(term):
        return  # 'the root method and the branch method': two terms, one description
    if len(term_words) == 1 and re.search(r"(?:ful|ous|ive|able|ible|less)$", term_words[0]):
        return  # '…, which he calls harmful': a verdict, not a term
    shortest = 3 if match.re is _WHICH_CALLS_BARE_RE else 4  # 'descriptions of events' names its head noun
    if not shortest <= len(tokens) <= 14 or tokens[1].lower() in _BACK_POINTING_MODIFIERS:
        return  # 'The conventional view' says nothing alone; 'the resulting gap' leans on the sentence before
    if {w.lower() for w in tokens} & _DESCRIPTION_POINTERS:
        return  # 'How tightly they are linked': who 'they' are, the note says
    answer = clean_answer(described, 14, trim_relative=False)
    if not answer or answer.lower() != described.lower() or not _self_contained(answer):
        return  # the description would not be whole
    plural = _plural(term_words[-1]) and not term.isupper()
    yield "definition", _card(note, "definition", slug(term), s, _what_is(ctx, term, note, plural), answer)


# third-person verbs a bold label may open on ('**Makes work more attractive**'): an effect, never a term
_TERM_VERB_STARTS = frozenset(
    "makes lets helps keeps gives raises lowers cuts reduces increases creates turns shifts drives".split()
)


# a term the note marks as it coins it, glossed at once in brackets: '*coordination losses* (people pulling at
# slightly different moments or angles)', '**reference value** (the cost of the best alternative)'
_MARKED_PAREN_RE = re.compile(
    r"(?:^|[\s(])(?P<e>\*{1,2}|_)(?P<t>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,3})(?P=e)\s+\((?P<y>[^()]{8,110})\)"
)
# a bracket that gives examples, a count, an expansion or an aside rather than what the term is
_NOT_PAREN_GLOSS_RE = re.compile(
    r"^(?:(?i:e\.g\.|eg\b|for example|for instance|such as|say\b|like\b|see\b|including|usually|often|sometimes|"
    r"mostly|typically|also|or\b|and\b|not\b|which|who|that\b|this|these|its?\b|their|his|her|later|now|formerly|"
    r"called|aka|known)|[A-Z]{2,}|\d)"
)
# a marked word that is no noun: an adjective or participle ('*brand-owned*', '*symbolic*', '*algorithmically
# confounded*') or an instruction's adverb ('*respond productively*')
_NOT_NOUN_TERM_RE = re.compile(r"(?:ed|ic|ly)$|^(?:be|do|make|let|keep|get|set|use)\b")


def _marked_paren_gloss(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """A term marked where the note coins it and glossed in brackets right after -> 'what are coordination losses?' —
    'People pulling at slightly different moments or angles' (batch195's Ingham et al. note: its two kinds of group
    loss, each glossed so, gave no card). A bracket of examples ('per seat, per transaction'), a count, a quantity,
    an aside or a name is no gloss."""
    for match in _MARKED_PAREN_RE.finditer(s.text):
        term = match.group("t").strip()
        gloss = plain(match.group("y")).strip()
        if term.split()[0] in STOPWORDS or term.split()[0] in _TERM_VERB_STARTS or _NOT_NOUN_TERM_RE.search(term):
            continue
        if re.fullmatch(r"\w+\s+to\s+\w+", gloss) or re.search(r"\bnot\b|n't\b", gloss) or imperative(gloss):
            continue  # 'participation (passive to active)' is a scale's two ends; a negation is a claim, and an
            # instruction ('*reuse* (let earlier inputs be used again)') is advice: neither glosses the term
        if _NOT_PAREN_GLOSS_RE.match(gloss) or _QUANTITY_RE.match(gloss) or _PAREN_NAME_RE.match(gloss):
            continue
        if re.search(r'["“;:]|\b(?:e\.g|say|etc)\b', gloss) or len(words(gloss)) < 3:
            continue
        parts = [part.strip() for part in re.split(r",|\s(?:and|or)\s", gloss)]
        if len(parts) > 1 and all(len(words(part)) <= 3 for part in parts):
            continue  # 'plans, usage thresholds, features': its examples
        if re.search(r"\b(?:they|them|their|it|its)\b", gloss, re.I) and not _plural(words(term)[-1]):
            continue  # a pronoun that points at the sentence's subject, not at the term
        answer = clean_answer(gloss, 14, trim_relative=False)
        if not answer or not _self_contained(answer):
            continue
        plural = _plural(words(term)[-1])
        article = re.search(r"\b(?P<a>an?|the)\s*$", s.text[: match.start("e")], re.I)  # 'a *berth conflict* (…)'
        shown = f"{article.group('a').lower()} {term}" if article else _term(term, note)
        front = f"{ctx}, what {'are' if plural else 'is'} {shown}?"
        counted = _COUNTED_COLON_RE.search(plain(s.text[: match.start()]))
        if counted and not plural and not article and words(counted.group("what"))[0].lower() not in PREPOSITIONS:
            # 'they model problem solving as three processes: **search** (finding the elements needed next), …'
            # (batch204: 'what is search?', T1 from every judge: which search?): the list names what the term is
            front = f"{ctx}, what is '{term}', one of the {counted.group('n').lower()} {counted.group('what')}?"
        yield "definition", _card(note, "definition", slug(term, 2), s, front, answer)


# 'three processes: ' right before a term: the count and the plural noun of the list the term belongs to
_COUNTED_COLON_RE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight)\s+(?P<what>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*[^s\W]s):(?:\s+[^.;:]*)?$",
    re.I,
)


def _glossed_terms(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """A term glossed where it is used ('**X**, which …', 'the idea of X — Y —', 'X (what …)') -> 'what is X?'."""
    flat = s.plain
    for match in _GLOSSED_TERM_RE.finditer(s.text) if "**" in s.text or " from " in s.text else ():
        term = plain(match.group("t") or match.group("u")).strip()
        clause = clean_answer(match.group("y"), 10)
        if not clause or not _self_contained(clause) or term.split()[0].lower() in STOPWORDS:
            continue
        if term.split()[0].lower() in _TERM_VERB_STARTS:
            continue  # '**Makes work more attractive**, which lowers the pay …' (batch149: 'what is makes work more
            # attractive?', T0 from every judge): a label that opens on its verb names an effect, not a term
        if match.group("w") == "who" and " " in term and term.split()[0].lower().endswith("ing"):
            continue  # 'come from asking users, who judge …': an act and its object, nobody ('who are asking users?')
        if re.match(r"^(?:is|was)\s+(?:why|how)\b|^(?:means|explains|makes)\b", match.group("y")):
            continue  # 'The limit reflects the **focus of attention**, which is why distraction shrinks it' (batch133: 'what is
            # focus of attention?' — 'Focus that is why distraction shrinks it', T0 from every judge): what follows from
            # the term, not what it is
        # the kind of thing the term names: 'errors of ignorance' -> 'Errors', 'single-loop learning' -> 'Learning'
        head = term.split()[0] if " of " in term else term.split()[-1]
        plural = _plural(head)
        joint = {"who": "who", "which": "that", "where": "where"}[match.group("w")]
        if joint == "who":
            answer = f"{'People' if plural else 'Someone'} who {clause[0].lower()}{clause[1:]}"
            front = f"{ctx}, who {'are' if plural else 'is'} {term}?"
        else:
            answer = f"{head[0].upper()}{head[1:]} {joint} {clause[0].lower()}{clause[1:]}"
            front = _what_is(ctx, term, note, plural)
        yield "definition", _card(note, "definition", slug(term, 2), s, front, answer)
    for match in _NAMED_WHICH_RE.finditer(flat) if ", which " in flat else ():
        term = match.group("t").strip()
        clause = clean_answer(match.group("y"), 11)
        if clause and _self_contained(clause):
            answer = f"A {term.split()[-1]} that {clause[0].lower()}{clause[1:]}"
            yield "definition", _card(note, "definition", slug(term, 2), s, f"{ctx}, what is the {term}?", answer)
    glosses: list[re.Match[str]] = []
    if " — " in flat or " – " in flat:
        glosses.extend(_DASH_GLOSS_RE.finditer(flat))
    if "(" in flat:
        glosses.extend(_PAREN_GLOSS_RE.finditer(flat))
    for gloss in glosses:
        term = plain(gloss.group("t")).strip()
        meaning = clean_answer(gloss.group("y"), 12, trim_relative=False)
        if not meaning or not _self_contained(meaning) or term.split()[0].lower() in STOPWORDS:
            continue
        if (
            _PAREN_NAME_RE.match(meaning)
            or _QUANTITY_RE.match(meaning)
            or re.search(r'["“]', gloss.group("y"))
            or _paren_statement(gloss.group("y").strip())
        ):
            continue  # 'a multi-stage gamble (the pseudocertainty effect)' names what the clause describes; 'the
            # critical trials (a bit over a third of answers)' counts them: neither defines the word before it (batch65: T0);
            # 'provide the good alone (a "privileged" group)' coins a name for the situation (batch67: T0); 'keep the
            # build fast (the XP guideline is around ten minutes)' adds a claim (batch68: 'what is build fast?', T0)
        if re.match(r"^\(?(?:how to|why)\s", gloss.group("y").strip(), re.I):
            continue  # 'an effective tool (how to take part)' (batch83: 'what is an effective tool?' — 'How to take
            # part', T1 from every judge): a question the term answers, not what it is
        if re.match(r"^\(?the\s+[A-Z]", gloss.group("y").strip()) and len(words(gloss.group("y"))) <= 4:
            continue  # 'a clear interface (the IMP specification)' (batch80: 'what is a clear interface?', T0 from every
            # judge): a named instance of the term, not what it means
        if re.search(r",\s*say\s*\)?$|^\(?(?:e\.g\.|for example|for instance|say,)", gloss.group("y").strip(), re.I):
            continue  # 'outside the system (a user phoning a colleague, say)' (batch75: 'what is system?', T0 from every
            # judge): an example of the sentence's point, not a gloss of the word before it
        if re.search(r"\b(?:they|them|their)\b", meaning, re.I) and not _plural(words(term)[-1]):
            continue  # 'strength (how well they survive …)' (batch75): 'they' are the sentence's subject, not the
            # term, which the question alone cannot name
        if re.match(r"^the\s", meaning, re.I) and words(meaning)[-1].lower() in _NAMED_CONCEPT_HEADS:
            continue  # 'towards the average (the *destructive*, or boomerang, effect)' (batch163: 'what is average?', T0
            # from every judge): the parenthesis names the phenomenon the clause describes, not the word before it
        if re.search(r"\b(?:picture|image|myth|caricature|stereotype) of\s+$", flat[: gloss.start("t")]):
            continue  # 'our romantic picture of invention (a flash of insight in a single mind)' (batch150: 'what is
            # invention?', T0 from every judge): the parenthesis glosses the picture the work argues against
        if flat[gloss.start() :].startswith(("and ", "or ")) and term.split()[0].endswith("ing"):
            continue  # '… and watching complementors (the platforms …)': an activity, the gloss is its object's
        if " " not in term and re.match(r"^(?:what|how)\b(?!\s+(?:many|much|often|far|long|fast)\b)", meaning, re.I):
            continue  # 'task (what to do next, what improved)', 'scripts (how they habitually act around it)': one word of
            # a list of aspects, glossed by a question it covers (the development notes' first runs: 0 of 18 ratings
            # of such cards T2/T3, 5 T0); 'reach (how many people …)' is a quantity and stays
        paren = gloss.re is _PAREN_GLOSS_RE  # 'is guidance — giving, receiving …' (a dash) glosses a noun: kept
        if (
            paren
            and re.match(r"^an?\s", meaning, re.I)
            and _plural(words(term)[-1])
            and not re.search(r",|\bor\b", meaning)
        ):
            continue  # 'equally easy for good and bad actors (a slick landing page)' (batch155: 'what are bad actors?', T0
            # from every judge): one thing cannot gloss a plural; it pictures the sentence's signal
        if paren and " " not in term and re.match(r"^an?\s[^,;]+\sor\s", meaning, re.I):
            continue  # 'Agree on the approach (a short design doc or spike review)' (batch155: 'what is approach?', T0 from
            # every judge): alternatives that stand for a lone word are its examples, not its meaning
        if (
            paren
            and not flat[gloss.end() :].strip(" .")
            and re.search(r",\s+so\s+[^,;:()]+$", flat[: gloss.start("t")])
        ):
            continue  # '…, so the weakest member sets the pace (a climbing team roped together).' (batch135: 'what is pace?'
            # — 'A climbing team roped together', T0 from every judge): closing a consequence, the parenthesis pictures
            # the whole clause, not the word before it
        before = (
            flat[max(0, gloss.start("t") - 90) : gloss.start("t")].lower().split() if paren and " " not in term else []
        )
        joined = len(before) > 1 and before[-1] in ("and", "or") and bool(set(before[-9:-1]) & _COPULAS)
        if before and (before[-1] in _COPULAS or joined):
            continue  # 'where your data is thick (common queries) and thin (the long tail)': a word after 'is' is
            # what the subject is like, an adjective, no term (batch74: 'what is thin?')
        items = [p.strip() for p in _LIST_SPLIT_RE.split(meaning) if p.strip()]
        if (
            len(items) >= 2
            and all(len(words(p)) <= 4 for p in items)
            and sum(bool(re.match(r"^(?:an?|the)\s", p, re.I)) for p in items) >= min(2, len(items))
        ):
            continue  # 'a big bet (a pivot, a pricing change, …)', 'the costs later (a treat, a purchase on credit)': examples
        front = _what_is(ctx, term, note, _plural(term))
        if paren and re.match(r"(?:an?)\s", gloss.group(0), re.I) and not _plural(term) and " " in term:
            # 'answers a narrow question (how surprising …)' (batch75: 'what is narrow question?', T0/T1): the
            # article the note gives the term
            front = f"{ctx}, what is {indefinite_article(term)} {_term(term, note)}?"
        yield "definition", _card(note, "definition", slug(term, 2), s, front, meaning)


# a parenthesis naming a phenomenon ('the pseudocertainty effect'), or a share or count ('a bit over a third of …')
_PAREN_NAME_RE = re.compile(r"^the\s+(?:[\w-]+\s+){1,2}(?:" + "|".join(sorted(_NAMED_CONCEPT_HEADS)) + r")$", re.I)
_QUANTITY_RE = re.compile(
    r"^(?:a bit|a little|about|around|roughly|nearly|almost|over|under|more than|less than|fewer than|at least|"
    r"at most|up to|just over|just under|half|a (?:third|half|quarter|fifth|tenth|majority|minority)|one in|\d)",
    re.I,
)


def _paren_statement(text: str) -> bool:
    """Whether a parenthesis is a sentence of its own ('the XP guideline is around ten minutes'), not a noun phrase
    with a relative clause ('a clear concept that can actually be made')."""
    match = _PAREN_STATEMENT_RE.match(text)
    return match is not None and not re.search(r"\b(?:that|which|who|whom|where)\b", match.group(0))


# a subject, then an auxiliary or a copula ('a genuine need, …' is a noun phrase: 'need' is no verb here)
_PAREN_STATEMENT_RE = re.compile(
    r"^(?!(?:how|what|why|when|where|who|which|whether)\b)(?:(?:an?|the|each|every|most|many|some|no)\s+)?"
    r"(?:[\w'-]+\s+){0,4}?(?:is|are|was|were|can|cannot|can't|must|will|does|do|doesn't|don't)\b"
)


# 'what make it pay', 'what keeps them honest': the wh-word is the subject of the verb after it (not 'what the user
# believes is possible', which glosses)
_WH_CLEFT_RE = re.compile(
    r"^what\s+(?!(?:the|a|an|it|they|you|we|he|she|people|users?|this|that|each|every)\b)[a-z]+\s+"
    r"(?:it|them|us|you|people|the|a|an|their|its)\b",
    re.I,
)


def _means(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X means Y' -> 'what does X mean?' — Y."""
    # '"The team owns it" often means nobody does. Give launches … one named owner.' (batch195: answered 'Nobody
    # does. Give launches …'): a bullet's meaning ends with its sentence
    core = re.split(r"(?<=[a-z])\.\s+(?=[A-Z])", core, maxsplit=1)[0]
    # 'The production bias means users care about output, not learning: they skip …': what it means ends at the colon
    match = _MEANS_RE.match(core.split(": ", 1)[0] if ": " in core else core)
    subject = _topic(match.group("x"), 5, note) if match else None
    if not match or not subject or len(content_words(subject)) < 2:
        return
    if words(match.group("x"))[0].lower() in PREPOSITIONS:
        return  # 'In physical space architecture means walls …': a fronted place, not the subject (batch65: T0)
    if re.search(r"\b(?:that|whether|if)\b|n't\b|^(?:do|never|always)\b", match.group("x"), re.I):
        return  # "Don't assume that digital means zero cost" (batch80: 'what does don't assume that digital mean?', T0
        # from every judge): 'means' is the clause's verb, inside an instruction
    answer = clean_answer(match.group("y"))
    if answer and words(answer)[0].lower() == words(subject)[0].lower():
        return  # 'Weak measurement means weak market discipline': a slogan, its answer half given (batch44: T1)
    if answer and (
        re.search(r"\bshould\b", answer, re.I) or words(answer)[0].lower() in ("most", "many", "few", "some")
    ):
        return  # 'expertise reversal means experienced users should be able to skip them', 'the shortage means most
        # people still get nothing': a consequence or advice, not a meaning (the development notes' first runs: 0 of
        # 18 ratings of such cards T2/T3, 3 T0)
    if answer and _self_contained(answer):
        front = f"{ctx}, what does {subject} mean?"
        yield "definition", _card(note, "definition", slug(subject, 2), s, front, answer)


def _contrast_list(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'S is B, not A1, A2 or A3' -> 'what is S, if not A1, A2 or A3?' — B."""
    match = _CONTRAST_LIST_RE.match(core)
    if not match:
        return
    subject = _topic(match.group("x"), 5, note)
    alternative = plain(match.group("a")).strip()
    if re.search(r",\s+(?:and|but|so|which|while)\s+(?:it|they|this|that|the|its|their)\b", alternative):
        return  # 'a rule of thumb, not a law, and it varies widely by category' (batch80: T0 from every judge): a
        # clause after the alternative, not a list of them
    answer = clean_answer(match.group("b"))
    if not subject or not answer or not _self_contained(answer) or _mirrors(alternative, answer) or _bare_label(answer):
        return
    if len([w for w in words(alternative) if w.lower() not in {"a", "an", "the"}]) > 9:
        return
    front = f"{ctx}, what {match.group('v')} {subject}, if not {alternative}?"
    yield "contrast", _card(note, "contrast", slug(subject, 1), s, front, answer)


def _is_the_best(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X is the most useful idea for a product org' -> 'what is the most useful idea for a product org?' — X."""
    match = _IS_THE_BEST_RE.match(core)
    if not match or _DEMONSTRATIVE_RE.search(match.group("y")):
        return
    topic = plain(match.group("y")).strip()
    if len(words(topic)) > 12:  # 'the right question for a new PM who is tempted to …' -> '… for a new PM'
        topic = re.split(r"\s+(?:who|that|which|where|when)\s+", topic)[0]
    if len(words(topic)) > 12 or re.search(r"\b(?:because|since|although|though|unless|that \w+ing)\b", topic):
        return  # '… the right machines to put in that seat because they are universal' (batch72): the reason is
        # the claim's, and a question holding it asks two things
    if re.search(r"\b(?:in|on|at|to|for|into|from)\s+that\s+\w+", topic):
        return  # 'to put in that seat': which seat, the sentence before says
    if role_of(s.heading) == "critique" and re.fullmatch(
        r"the \w+est (?:part|point|link|section|chapter|idea|claim|argument|evidence)", topic, re.I
    ):
        topic = f"{topic} of {work_word(note)}"  # 'what is the weakest part?' (batch79: T1, 'lacks its object')
    if re.search(r"\b(?:if|when|whether|unless)\s", plain(match.group("x")), re.I):
        # '- Features have running costs. If compute, storage and energy are the real price of the machine, …'
        # (batch202: 'what is the real price of the machine?' — 'Features have running costs', T0 from every judge): the
        # subject runs back over a sentence break into a condition ('They are the clearest record …' after 'Log
        # reformulations …' reads back right, batch193: T2)
        return
    answer = clean_answer(match.group("x"))
    if not answer or not _self_contained(answer) or re.search(r",\s+(?:and|but)\s", answer):
        return  # 'Points are summed …, and the final score': the subject is the last clause's, not the whole
    if _EMBEDDED_RE.search(answer):
        return  # 'A companion economic principle says the best prototype' (batch53: T0): a clause, not a subject
    if len(content_words(answer)) == 1 and content_words(answer)[0].lower().rstrip("s") in topic.lower():
        return  # 'what is the lowest of the four section grades?' — 'Grade': the question holds the answer
    # the verb agrees with the ranked thing, not with the answer ('Night drills are the most useful habit')
    head = words(re.split(r"\s+(?:of|for|in|on|to|at|with|from|by|among|that|which|who|where|when)\s+", topic)[0])[-1]
    front = f"{ctx}, what {match.group('v') if plural_word(head) else 'is'} {topic}?"
    yield "claim", _card(note, "claim", slug(topic, 3), s, front, answer)


def _subject(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'S explains/beats/drives O' -> 'what explains O?' — S (a list subject: 'what three things beat O?')."""
    match = _SUBJECT_RE.match(core)
    if not match or _DEMONSTRATIVE_RE.search(match.group("o")) or len(words(match.group("o"))) > 12:
        return
    subject = plain(match.group("s")).strip()
    if _LEADING_PREPOSITION_RE.match(match.group("o")) or set(words(subject.lower())) & _MODALS:
        return  # 'the design cannot separate cause from effect': 'cause' is a noun here, not the verb
    if re.search(r"\b(?:is|are|was|were|be|been)\b", subject, re.I):
        return  # 'The framework was Hull–Spence drive theory' (batch199: 'what drives theory?' — 'The framework was
        # Hull–Spence', T0 from every judge): a noun taken for the verb, the subject holds the sentence's own verb
    if re.search(r"\b(?:cannot|can't|can|could|does not|do not|doesn't|don't|won't|will not|did not|didn't)$", subject):
        return  # 'The paper measures but cannot explain the gap': the subject is a clause (batch68: T0 from every judge)
    if _AMOUNT_ONLY_RE.match(plain(match.group("o")).strip()):
        return  # 'the rate calculation explains little': an amount, not a thing explained ('what explains little?')
    parts = [p for p in _LIST_SPLIT_RE.split(subject) if p.strip()]
    listed = len(parts) >= 2 and "," in subject and all(len(words(p)) <= 4 for p in parts) and len(parts) <= 4
    if listed and (
        re.search(r"[^s]s$", match.group("v"))
        or any(_plural_subject_and_verb([t.lower() for t in words(p)]) for p in parts[:-1])
    ):
        return  # 'The categories overlap, and the framework explains …' (batch94: 'what two things explains …?', T0 from
        # every judge): a singular verb has one subject, the clause before the comma is a sentence of its own; so is a
        # part with a verb of its own ('Prices carry information, and a few ideas explain …', batch165: 'what two things
        # explain …?' — 'Prices carry information, a few ideas', T0 from every judge)
    if not listed and re.search(r",\s+(?:and|but)\s", subject):
        return  # 'Past behaviour then shapes intentions, and intentions drive what happens next' (batch174: 'what drives
        # what happens next?' — 'Past behaviour then shapes intentions', T0 from every judge): the last clause's subject
    answer = _join([p.strip() for p in parts], "") if listed else clean_answer(subject)
    if answer and (
        (note.surname and answer.lower() in (note.surname.lower(), note.author.lower()))
        or (match.group("v").startswith("explain") and re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?", answer))
    ):
        return  # 'Schumpeter also explains why …': a person explains, the card would ask who (batch69: T0)
    if not answer or not _self_contained(answer) or re.match(r"^(?:most|many|some|all|each|every)\b", subject, re.I):
        return
    if _points_back(answer, note):
        return
    if ", not " in subject:
        return  # 'Signal-to-noise, not sample size alone, decides …': one thing and its denial, never 'two things'
    tokens = [t.lower() for t in words(answer)]
    past = not listed and any(
        (w.endswith("ed") or w in PAST_FORMS) and tokens[i] not in _BEFORE_PARTICIPLE for i, w in enumerate(tokens[1:4])
    )  # 'The authors looked …' is a clause; 'a recommended plan' is not
    if past or re.search(r"\band\s+\w+ed\b", match.group("o")):
        return  # 'The authors looked hard for areas where good beats bad and found …': the subject is a clause
    verb, adverb = match.group("v"), (match.group("adv") or "")
    third = verb if verb.endswith("s") else (verb + "es" if verb.endswith(("ch", "sh", "s", "x")) else verb + "s")
    number = {2: "two", 3: "three", 4: "four"}.get(len(parts), "")
    who = f"what {number} things {adverb}{verb}" if listed else f"what {adverb}{third}"
    front = f"{ctx}, {who} {plain(match.group('o')).strip()}?"
    yield "claim", _card(note, "claim", slug(match.group("o"), 2), s, front, answer)


def coverage_shapes(note: Note, s: Sentence, core: str, ctx: str) -> list[tuple[str, Card | None]]:
    """Cards of the coverage shapes (comparative, 'so', listed contrast) on each clause of ``core``."""
    found: list[tuple[str, Card | None]] = []
    if ": " in core and (" is " in core or " are " in core):
        found.extend(_judged_why(note, s, core, ctx))
    for clause in compound_clauses(core):
        if "more often" in clause or "less often" in clause:
            found.extend(_more_often(note, s, clause, ctx))
        if ", so " in clause:
            found.extend(_so(note, s, clause, ctx))
        if ", not " in clause:
            found.extend(_contrast_list(note, s, clause, ctx))
        if " means " in clause:
            found.extend(_means(note, s, clause, ctx))
        if (" is the " in clause or " are the " in clause) and _BEST_WORD_RE.search(clause):
            found.extend(_is_the_best(note, s, clause, ctx))
        if any(
            f" {verb}" in clause for verb in _CAUSE_VERBS.split("|")[1::2]
        ):  # a substring test first: most have none
            found.extend(_subject(note, s, clause, ctx))
        term = _COLON_TERM_RE.match(clause) if ": " in clause and " not " in clause else None
        if term and len(words(term.group("t"))) <= 4:
            gloss = re.split(r"\s+[—–]\s+|;\s+", term.group("g"))[0]
            plural = plural_word(words(term.group("t"))[-1])
            if plural and ";" in core:
                continue  # 'Principles: aim for accuracy, not …; take …': the label names the list, not its first item
            found.extend(_contrast(note, s, f"{term.group('t')} {'are' if plural else 'is'} {gloss}", ctx))
    return found


# 'Plain text as the universal interface is fragile: every consumer re-parses output, …' -> 'why is plain text as the
# universal interface fragile?' (batch79: a note with no generated card); the judgement's word is one of these
_JUDGED_WORDS = frozenset(
    """fragile brittle risky dangerous expensive costly slow hard difficult misleading weak limited thin narrow crude
    noisy biased optimistic naive vague circular dated simplistic shaky selective anecdotal partial outdated
    unfalsifiable useful valuable powerful cheap robust persuasive unconvincing incomplete wrong""".split()
)
_JUDGED_COLON_RE = re.compile(
    r"^(?P<x>[A-Z][^,;:()]{3,70}?)\s+(?P<v>is|are)\s+(?:(?:also|often|too|very|quite|especially)\s+)?(?P<j>[a-z]+):\s+"
    r"(?P<y>[a-z][^;:]{8,160})$"
)


def _judged_why(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'X is fragile: Y' -> 'why is X fragile?' — Y, the reason the note gives for its judgement."""
    match = _JUDGED_COLON_RE.match(plain(core).strip().rstrip("."))
    if not match or match.group("j") not in _JUDGED_WORDS:
        return
    subject = match.group("x").strip()
    tokens = [t.lower() for t in words(subject)]
    if tokens[0] in _ARTICLES and len(tokens) == 2 and tokens[1] in _VAGUE_HEADS | _FRAMED_VAGUE | {"evidence"}:
        return  # 'The evidence is thin: …', 'the claim is blunt': of what, the question cannot say
    if set(tokens) & (PRONOUNS | {"this", "that", "these", "those", "such"}) or noun_phrase_problem(words(subject)):
        return
    answer = clean_answer(match.group("y"))
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 3:
        return  # 'it is a principles paper …' points back at the subject
    front = f"{ctx}, why {match.group('v')} {_lowered(subject, note)} {match.group('j')}?"
    yield "mechanism", _card(note, "mechanism", slug(f"{subject} {match.group('j')}", 3), s, front, answer)


# 'His central claim is that …', 'Her headline thesis is that …': the work's claim, asked in the curator's form
# ('what is the central claim of …?'; 94% T2/T3 over 69 ratings of curator cards, 3 of 5 generated first-run cards).
# Not the work's explanation, point, argument, summary or message (e264549 asked them so, and the first two failed on
# their first fresh notes: 'His explanation was that the rights to each storefront had been split …', batch127, and
# 'Her point is that only the first few deserve blame', batch130, both T0 from every judge: a note's 'point' or
# 'explanation' is often one step of the argument, not its claim).
# The same sentence about a remedy, conclusion, lesson or prescription is not asked: 2 of 10 such cards T2/T3 in the
# fresh notes' first runs (batches 88-104), the answer one part of what the work proposes or several things at once.
_CENTRAL_CLAIM_RE = re.compile(
    r"^(?P<o>His|Her|Their|The authors'|[A-Z][\w-]+(?:'s|'))\s+(?:(?P<a>main|proposed|practical|own|central|"
    r"headline|core|broader|overall|wider|real|key|durable|lasting|enduring|deeper|biggest|most important|general)\s+)?"
    r"(?P<k>claim|thesis)(?:,\s+[^,]{3,40},)?\s+(?:is|was)\s+(?:(?:mostly|largely|simply|plain|therefore)\s*:?\s+)?"
    r"that\s+(?P<x>.+)$"
)
_THESIS_FLOOR = 8
_COUNTED_END_RE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+[\w-]+$", re.I)


def _central_claim(note: Note, s: Sentence) -> Iterator[tuple[str, Card | None]]:
    """'His central claim is that X' -> 'What is the central claim of Smith's 'T'?' — 'X' (the first of 'that A, and
    that B'); a named claim glossed after a colon keeps its name and the gloss."""
    match = _CENTRAL_CLAIM_RE.match(s.plain.strip().rstrip("."))  # the sentence whole: its core drops the frame
    if not match or s.text.rstrip().endswith(":"):
        return  # '… guided by seven principles:' introduces a list, which the list rule asks
    x = re.split(r",\s+and\s+that\s+", match.group("x").strip())[0]
    if re.match(r"^(?:not|less|more|neither|no|that)\b", x, re.I):
        return  # 'that not strict hierarchy but …': a contrast, the contrast rule's
    x = re.sub(r"\band to\s+", "and ", re.sub(r"^to\s+", "", x))  # 'to evaluate … and to build …'
    head, colon, tail = x.partition(": ")
    if colon and len(words(head)) <= 6 and tail and (len(words(head)) >= 2 or "-" in head):
        gloss = clean_answer(tail, 12, trim_relative=False)
        named = clean_answer(head, 6)
        answer = f"{named}: {gloss[0].lower()}{gloss[1:]}" if named and gloss else None
        if named and not gloss and len(words(head)) >= 4:
            answer = named
    else:
        # a clause the work holds ('that raters form a general sense that a person is good or poor and …') is cut at
        # no relative word: 'Raters form a general sense' (batch88: T0 from every judge) lost what the sense is
        answer = clean_answer(tail if colon and len(words(head)) < 2 else x, trim_relative=False)
    if not answer or not _whole_claim(note, answer) or _half_of_contrast(answer, x):
        return
    kind = match.group("k")
    shown = match.group("a") if kind == "claim" and match.group("a") else "central"  # 'His headline claim is that …'
    front = f"What is the {shown} claim of {essay(note)}?"
    yield "claim", _card(note, "claim", slug(f"{kind} {answer}", 3), s, front, answer)


def _half_of_contrast(answer: str, claim: str) -> bool:
    """Whether ``answer`` is the first half of a claim that goes on with its contrast ('most companies run feature
    teams, …, while the best companies run empowered teams …'): half of it is not the claim (a PM lead's trial:
    'What is the central claim of Cagan's 'Inspired'?' — the feature teams alone, the point left out)."""
    rest = claim[len(answer) :] if claim.lower().startswith(answer.lower()) else ""
    if re.match(r"^,?\s+(?:while|whereas|but)\b", rest, re.I):  # after "yet" a second claim follows
        return True
    # 'managers rarely fail for lack of decisiveness; they fail because they jump to a cause …' (batch195: the
    # central claim answered with what managers do not fail for): a denial whose correction follows the semicolon
    denial = re.search(r"\b(?:rarely|seldom|never|not|no longer|n't)\b", answer, re.I)
    return bool(denial and re.match(r"^[.]?\s*;\s+(?:they|it|he|she|we|these|this|the\s+\w+)\s", rest, re.I))


def _whole_claim(note: Note, answer: str) -> bool:
    """Whether ``answer`` can stand as the work's claim on its own (what 'what is the central claim of …?' asks)."""
    if len(content_words(answer)) < 3 or _COUNTED_END_RE.search(answer) or not _self_contained(answer):
        return False  # 'Judge every statistic by two properties': the properties follow in the note
    if len(words(answer)) < _THESIS_FLOOR:
        # 'What is the central claim of …?' — 'Marketing runs on myths', 'Every data set is incomplete': on the fresh
        # batches 100-205 as first judged, thesis answers under 8 words were 4 of 19 T2/T3 (21%), of 8-12 words 40%
        # and longer 47%: a slogan of the thesis is not what the work claims
        return False
    if short_title(note).lower().removeprefix("the ") in answer.lower():
        return False  # the answer names the title: given away
    if re.match(
        r"^the\s+(?:(?:first|second|third|former|latter|last|other)\b|\w+\s+(?:is|are|was|were|should|must)\b)",
        answer,
        re.I,
    ):
        return False  # 'The second kind, added on top of a goal, …', 'The failures were not bad luck': named before
    if re.search(r"\b(?:(?:is|are|was|were)\s+(?:not|no)\b|(?:is|are|was|were)n['’]t\b)", answer) and not re.search(
        r"\bbut\b|;", answer
    ):
        return False  # 'that group culture is not a mysterious property of certain people. It is made by …' (batch120:
        # T1 from every judge): what the claim denies, without what it holds, is not the claim
    return True


# 'Kleppmann argues that most applications today are data-intensive …' opening the central argument: the work's thesis,
# which curators ask as 'what is the central claim of …?' (94% T2/T3 over 69 ratings of curator cards). 386 of the 1,487
# development notes open their central argument so; 257 of those sentences gave no card before.
_OPENING_THESIS_RE = re.compile(
    r"^(?:[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?|He|She|They|The\s+authors?)\s+"
    r"(?:argues?|contends?|claims?|maintains?|insists?)\s+that\s+(?P<x>.+)$"
)


# where a thesis clause may end and the answer stay whole: another clause, a reason, an example or an aside follows
_CLAUSE_END_RE = re.compile(
    r"^(?:,\s+(?:and|but|so|because|since|while|whereas|yet|making|leaving|turning|giving|creating)\b|\s*[;:]|"
    r"\s+(?:because|since|so that|rather than|instead of)\b)"
)  # (not ', which', ', such as' or a dash: those may close an aside on the subject, and the verb comes after)
# the thesis denies without saying what holds ('did not come only from …'), or names a count whose items follow
_OPENING_THESIS_REFUSED_RE = re.compile(
    r"^(?!.*\bbut\b).*(?:\b(?:not|never|no longer|cannot)\b|n['’]t\b)"
    r"|\bone\s+(?:[\w-]+\s+)?(?:way|thing|respect|point|idea|sense|reason|rule|lesson)$"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a few|a small set of|[\w-]+-(?:stage|step|part|layer))\b"
    r"(?<!only a few)",  # 'most activity is noise and only a few things really matter' (McKeown, batch138) counts no list
    re.I,
)


def _opening_thesis(note: Note, s: Sentence) -> Iterator[tuple[str, Card | None]]:
    """The central argument's first sentence, 'Clear argues that outcomes are a lagging measure of habits.' -> 'What is
    the central claim of Clear's 'T'?' — 'Outcomes are a lagging measure of habits' (the first of 'that A, and that B')."""
    match = _OPENING_THESIS_RE.match(s.plain.strip().rstrip("."))
    if not match or s.text.rstrip().endswith(":"):
        return  # '… rests on three myths:' introduces a list, which the list rule asks
    x = re.split(r",?\s+and\s+that\s+", match.group("x").strip())[0]
    if re.match(r"^(?:not|less|more|neither|no|that|when|if|in|for|as|while|because|although)\b", x, re.I):
        return  # 'that not A but B' is the contrast rule's; a clause that opens on its condition cuts badly
    answer = clean_answer(x, trim_relative=False)
    if not answer or not _whole_claim(note, answer) or _OPENING_THESIS_REFUSED_RE.search(answer):
        return
    if _half_of_contrast(answer, x):
        return
    rest = x[len(answer) :] if x.lower().startswith(answer.lower()) else None
    if rest is not None and len(words(answer)) <= 4 and re.match(r"^,?\s+(?:because|since)\b", rest):
        return  # 'Bolman and Deal argue that managers get stuck because they see …' (batch137: 'Managers get stuck', T0
        # from every judge): a short clause whose reason is the claim
    if rest is None or (rest.strip(" .") and not _CLAUSE_END_RE.match(rest)):
        return  # 'Computing power, embodied in chips' (', has become …'), 'The usual way of splitting a system into
        # modules' (' (by …) is wrong'): cut inside the clause, so the answer is its subject alone
    listed = re.match(r"^:\s+(?P<l>[^;:.()]+?)\.?$", rest)
    if listed and "," in listed.group("l") and len(words(answer)) + len(words(listed.group("l"))) <= MAX_WORDS:
        # 'marketing has been judged against the wrong units: products, campaigns, single sales' (batch199: T1 from every
        # judge without the list, 'omits what the wrong units are'): the short list after the colon completes it
        answer = f"{answer}: {listed.group('l').strip()}"
    answer = answer[0].upper() + answer[1:]
    yield (
        "claim",
        _card(note, "claim", slug(f"thesis {answer}", 3), s, f"What is the central claim of {essay(note)}?", answer),
    )


# 'Obedience is driven less by cruel dispositions than by how a setting distributes authority', 'motivation depends
# less on pay or personality than on how the work is designed': what the claim puts first is the answer (dev notes:
# 14 such sentences, none asked before)
_LESS_THAN_RE = re.compile(
    r"^(?P<x>[^,;:]{3,70}?)\s+(?:(?P<be>is|are|was|were)\s+(?P<part>\w+ed|\w+en)|(?P<v>\w+))\s+(?:far\s+|much\s+)?"
    r"less\s+(?P<p>by|from|on|to|in|for|with)\s+(?P<a>[^,;:]{3,60}?)\s+than\s+(?P=p)\s+(?P<b>[^;:]{3,})$"
)
_PAST_BASE = {"owed": "owe", "depended": "depend", "came": "come", "failed": "fail", "relied": "rely", "grew": "grow"}


def _less_than(note: Note, s: Sentence, core: str, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'Obedience is driven less by A than by B' -> 'what is obedience driven by, more than A?' — 'B'; 'motivation
    depends less on A than on B' -> 'what does motivation depend on, more than A?' — 'B'."""
    match = _LESS_THAN_RE.match(plain(core).strip().rstrip("."))
    if not match:
        return
    subject = _topic(match.group("x"), 8, note)
    if not subject or re.match(r"^(?:whether|what|how|why|when|who|which)\b", subject, re.I):
        return  # 'whether people end up registered …' is a clause, no topic to ask about
    prep, other = match.group("p"), match.group("a")
    if match.group("be"):
        verb = f"{match.group('be')} {subject} {match.group('part')} {prep}"
    else:
        v = match.group("v").lower()
        past = _PAST_BASE.get(v)
        base = past or base_form(v)
        if past:
            verb = f"did {subject} {past} {prep}"
        elif base:
            verb = f"does {subject} {base} {prep}"
        elif _plain_verb(v) and _plural_subject(words(subject)):
            verb = f"do {subject} {v} {prep}"
        else:
            return
        if prep == "to" and (past or base or v) not in ("owe", "come"):
            return  # 'less to design strategy than to craft it': two infinitives, no object to ask for
    answer = clean_answer(match.group("b"))
    if not answer or not _self_contained(answer) or not _self_contained(other) or len(words(other)) > 8:
        return
    front = f"{ctx}, what {verb}, more than {plain(other)}?"
    yield "claim", _card(note, "claim", slug(f"{subject} less {prep}", 3), s, front, answer)


# 'He calls this active inertia: speeding up established activities …', 'begin with what they call the iron law of
# projects: over budget, over time …', 'Weick calls this a cosmology episode, the sudden feeling that …': a term the
# work names, glossed after it (dev notes: 55 'calls this' sentences, none asked before)
_CALLS_GLOSS_RE = re.compile(
    r"\b(?:what\s+(?:he|she|they|the\s+authors?|[A-Z][\w-]+)\s+(?:calls?|called|terms?|termed|dubs?|dubbed)|(?:calls?|called|terms?|termed|dubs?|dubbed)\s+"
    r"(?:this|it|these|that|them)(?:\s+(?:shift|distinction|pattern|approach|process|effect|kind\s+of\s+\w+))?)\s+(?P<t>(?:(?:the|a|an)\s+)?[^:,.;()]{3,50}?)(?P<sep>:|,)\s+(?P<g>[^;]{8,})$"
)


# 'She calls the excess beyond what the service needs "behavioural surplus".': the thing, then its quoted name
_CALLS_THING_RE = re.compile(
    r"^(?:He|She|They|The\s+authors?|[A-Z][\w-]+)\s+(?:names|calls|dubs|labels|terms)\s+(?P<x>(?:the|a|an)\s+"
    r"[^\"“”*;:]{5,90}?)\s+(?P<art>(?:the|a|an)\s+)?[\"“*](?P<t>[^\"”*]{2,40})[\"”*]\.?$"
)


def _calls_thing(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'He names the pattern that most societies are creative only for brief spells "Cardwell's Law".' -> 'what is
    Cardwell's Law?' — 'The pattern that most societies are creative only for brief spells'."""
    match = _CALLS_THING_RE.match(s.text.strip())
    if not match:
        return
    term = match.group("t").strip().rstrip(".,")
    thing = match.group("x").strip()
    tokens = [t.lower() for t in words(term)]
    if not tokens or len(tokens) > 5 or set(tokens) & PRONOUNS or re.search(r"\b(?:such|this|these|those)\b", thing):
        return  # 'calls this shift the "fundamental transformation"': which shift, the card cannot say
    if re.match(r"^[a-z]+$", term) and not term.endswith(("ism", "ity", "ness", "tion")):
        return  # 'calls the resulting choices "whimsical"': an epithet, no term
    answer = clean_answer(thing, 14, trim_relative=False)
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 3:
        return
    article = (match.group("art") or "").strip().lower()
    shown = f"{article} {term}" if article else term
    verb = "are" if _plural(words(term)[-1].lower()) and not term[:1].isupper() else "is"
    yield "definition", _card(note, "definition", slug(term), s, f"{ctx}, what {verb} {shown}?", answer)


def _calls_gloss(note: Note, s: Sentence, ctx: str) -> Iterator[tuple[str, Card | None]]:
    """'He calls this active inertia: speeding up …' -> 'what is active inertia?' — 'Speeding up …'."""
    match = _CALLS_GLOSS_RE.search(plain(s.text).strip().rstrip("."))
    if not match:
        yield from _calls_thing(note, s, ctx)
        return
    term = match.group("t").strip().strip("\"“”'*_").strip()
    gloss = match.group("g").strip()
    tokens = [t.lower() for t in words(term)]
    if not tokens or len(tokens) > 6 or set(tokens) & (PRONOUNS | _LABEL_VERBS) or tokens[-1] in PREPOSITIONS:
        return
    if set(tokens[1:]) & {"a", "an", "the"}:
        return  # 'calls this first phase a period of inertia': the thing named, then its name
    if match.group("sep") == "," and (
        not re.match(r"^(?:the|a|an)\s+\w+|^\w+ing\b", gloss, re.I)
        or re.match(r"^(?:meaning|including|suggesting|showing|making|leaving|giving)\b", gloss, re.I)
    ):
        return  # after a comma only an appositive glosses ('a cosmology episode, the sudden feeling that …'); 'called
        # this regression towards mediocrity, meaning towards the average' restates a word of the term
    if re.match(r"^(?:and|or|but|so|which|who|it|they|this|that|he|she|we|you)\b", gloss, re.I):
        return  # 'which calls for …', ', and concludes …': the sentence goes on, it glosses nothing
    if re.search(r",\s+whether\s", gloss):
        return  # '"digital Maoism": treating the aggregate of crowd output, whether a wiki …, as wiser …' (batch98: T0
        # from three judges of four): the gloss goes on past its aside
    answer = clean_answer(gloss, 14, trim_relative=False, whole_series=True)
    named = re.match(r"^(?P<h>(?:the|a|an)\s+[^:,;()]{2,30}):\s+(?P<y>.{8,})$", gloss, re.I)
    said = clean_answer(named.group("y"), 12, trim_relative=False) if named and match.group("sep") == "," else None
    if said and answer and _self_contained(said) and not _LEADING_PRONOUN_RE.match(said):
        # 'He called this Einstellung, a mental set: repeated success mechanises a procedure until …' (batch140: no
        # card): the appositive names the kind, the colon says what it is; both are the answer
        answer = f"{answer}: {said[0].lower()}{said[1:]}"
    if not answer or not _self_contained(answer) or len(content_words(answer)) < 2:
        return
    if re.search(r"\([a-z]+\)$", answer) and len(re.findall(r"\([a-z]+\)", gloss)) > 1:
        return  # '*asymmetrically prescriptive/descriptive*: advise one party … (prescriptive), given … (descriptive)' (batch135:
        # answered 'Advise one party on how to act well (prescriptive)', T0 from both judges in the band): a gloss in
        # labelled halves, cut after the first
    if re.search(r",\s+(?:from|in|of|with|by|for|at|on|after|before|built|as)\s[^,]+$", answer):
        return  # 'The divide between what we know, from years of field studies' (judged T0 by every judge): cut after
        # an aside, before what the clause was about
    article = "" if re.match(r"^(?:the|a|an)\s", term, re.I) else "the " if term[:1].isupper() else ""
    verb = "are" if _plural(term.split(" of ")[0].split()[-1].lower()) else "is"  # 'the Law of Berths' is one law
    front = f"{ctx}, what {verb} {article}{term}?"
    yield "definition", _card(note, "definition", slug(term), s, front, answer)
