"""What a note's ``##`` sections are for, read from their headings (one vocabulary for generation and lint).

A section has a *role*: the central argument holds the author's claims, the critique the note-writer's
criticism of them, *why it matters for product* their applications; any other heading is prose of no
role. The generator asks different questions of each role, so a misspelled role heading (``## Critque``)
would silently change the cards a note gets: :func:`misspelled_heading` finds one for lint to report.
"""

from __future__ import annotations

from deckgen.core.text import similarity

# Section roles by heading (lower case, compared by prefix).
CENTRAL = ("central argument", "argument", "thesis", "key ideas", "main ideas", "summary", "the argument", "core idea")
CRITIQUE = (
    "critique",
    "criticism",
    "limitations",
    "weaknesses",
    "where it falls short",
    "counterpoints",
    "objections",
)
APPLICATION = ("why it matters", "implications", "application", "for product", "how to use", "in practice")
# Headings of the note-writer's own that a role is read from only when they open the heading (a vault's '## My take'
# is the critique, so nothing under it is put in the author's mouth), never anywhere in it: 'Key ideas: the five
# blind spots' lists the work's own ideas.
OPENING = (
    (
        "critique",
        (
            "my take",
            "my view",
            "concerns",
            "reservations",
            "doubts",
            "pushback",
            "push back",
            "caveats",
            "shortcomings",
        ),
    ),
    ("application", ("takeaways", "lessons for", "for pms", "how to apply")),
)
CARDS_HEADING = "cards"
# The blurb `deckgen new` writes for the PM lead to replace (lint warns while it is still there).
PLACEHOLDER_BLURB = "What the essay is and why a new PM should read it."
# How alike a heading of no role must be to a role heading to be read as its misspelling (Indel similarity of
# the heading's start, 0..1). Measured on every '##' heading of content/, tests/fixtures/ and the docs
# (84 of no role): none reaches 0.84; 'Critque', 'Summery', 'Weakness', 'Limitation', 'Critisism' reach 0.86-0.95.
TYPO_SIMILARITY = 0.85


def role_of(heading: str) -> str:
    """The role of a section from its heading: "critique", "application", "central" or "other"."""
    lowered = heading.strip().lower()
    for role, prefixes in (("critique", CRITIQUE), ("application", APPLICATION), ("central", CENTRAL)):
        if any(lowered.startswith(p) or p in lowered for p in prefixes):
            return role
    return next((role for role, starts in OPENING if lowered.startswith(starts)), "other")


def misspelled_heading(heading: str) -> str | None:
    """The role heading that ``heading`` (of no role) looks like a misspelling of, capitalised as a heading
    ('Critque' → 'Critique', 'Central Arguement' → 'Central argument'); None when it has a role or is unlike all.

    The heading's start is compared with each role heading (one character either way, so 'Crtique of the essay'
    and 'Weakness' count), since a role heading may go on ('Critique of the essay').
    """
    lowered = heading.strip().lower()
    if lowered == CARDS_HEADING or role_of(heading) != "other":
        return None
    best, score = "", 0.0
    for phrase in CENTRAL + CRITIQUE + APPLICATION:
        alike = max(similarity(lowered[: len(phrase) + d], phrase) for d in (-1, 0, 1))
        if alike > score:
            best, score = phrase, alike
    return best[:1].upper() + best[1:] if score >= TYPO_SIMILARITY else None
