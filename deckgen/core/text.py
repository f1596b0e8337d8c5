"""Whole-word substring tests that give the same answer as a regex built around ``re.escape(needle)``.

Card checks ask "does this exact phrase appear as a word elsewhere on the card?" once per
card with a different phrase each time; compiling a pattern per phrase cost more than the
rest of the check, so these scan with ``str.find`` and test the neighbours by hand.
"""

from __future__ import annotations


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
