"""Batches 144 and 145's first runs (both measured 516bb38; then development data).

Their T0s (every judge unless said), each a shape the generator misread and now refuses:

- 'When users skip the warning, ignore the checklist or never leave feedback, teams blame the users' (batch144) was
  asked 'what should a team do when users skip the warning?': a series of situations cut after its first part.
- 'Strong solutions remove the conflict, for example by separating … in time, in space, or between the whole and its
  parts' (batch144) was answered 'The conflict in space, or between …': an example's series dropped as an aside.
- 'Precise ranking matters once a focus exists' (batch144) was asked 'what do precise ranking matters once?'.
- 'Everything comes from one very large, well-resourced company' (batch144, two judges of four) was asked 'where does
  everything come from?'.
- '… also assumes a single designer holding the whole tree in mind' (batch145) was asked 'What kind of tree …?': the
  head noun is before the participle.
- T1 from every judge (batch145): 'Ex ante limits explain why …' answered with the label, and '… an experiment giving operators more responsibility
  … was wound down because it conflicted …' answered 'An experiment giving conflicted …'.

On the 1,367 development notes with cards they remove one other card (T1 from every judge). The test reads the
batches' own notes; it fails on 516bb38.
"""

from __future__ import annotations

from noteutil import imported_pairs, never_asked, not_asked


def test_batch144_shapes_are_not_asked() -> None:
    # the note's other cards, short answers, now fall under the answer floor (ideas._ANSWER_FLOOR)
    never_asked("batch144", "darley-*.txt", question="do when users skip the warning?")
    # the note's other card, a short definition, now falls under the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes)
    never_asked("batch144", "altshuller-*.txt", answer="The conflict in space")
    not_asked("batch144", "kuhlthau-*.txt", question="matters once?")
    software = imported_pairs("batch144", "amershi-*.md", "amershi-batch144")  # its only card
    assert not any(f.endswith("where does everything come from?") for f, _ in software), software


def test_batch145_shapes_are_not_asked() -> None:
    not_asked("batch145", "wirth-*.txt", question="What kind of tree")
    advantage = imported_pairs("batch145", "peteraf-*.txt", "peteraf-batch145")  # its only card
    assert not any(b == "Ex ante limits" for _, b in advantage), advantage
    production = imported_pairs("batch145", "noble-*.md", "noble-batch145")  # its only card
    assert not any(b.startswith("An experiment giving conflicted") for _, b in production), production
