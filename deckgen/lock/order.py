"""New-card positions (``due``) that keep the manifest's order across releases.

Anki keeps the position a new card got when it was first imported and never updates
cards, while a newcomer gets the positions of the release they import. So a card keeps
the position it first shipped with (recorded in the lockfile), and a card added later
gets a position *between* its neighbours': positions start ``GAP`` apart, leaving room.
Both the long-time learner and the newcomer then meet new cards in manifest order.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

GAP = 1024


def _increasing_run(values: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``(index, value)`` pairs."""
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_at: list[int] = []  # position in ``values`` of that tail
    parent: list[int] = [-1] * len(values)
    for pos, (_, value) in enumerate(values):
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[length] = value
            tail_at[length] = pos
        parent[pos] = tail_at[length - 1] if length else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(values[pos][0])
        pos = parent[pos]
    return keep


def assign_positions(uids: Sequence[str], stored: Mapping[str, int]) -> dict[str, int]:
    """A position per card, strictly increasing in ``uids`` order, reusing ``stored`` ones where possible."""
    known = [(index, int(stored[uid])) for index, uid in enumerate(uids) if uid in stored and int(stored[uid]) > 0]
    keep = _increasing_run(known)
    anchors = {index: value for index, value in known if index in keep}
    result: dict[str, int] = {}
    run: list[str] = []
    low = 0
    for index, uid in enumerate(uids):
        if index not in anchors:
            run.append(uid)
            continue
        if not _fill(run, low, anchors[index], result):
            return {uid: (i + 1) * GAP for i, uid in enumerate(uids)}  # out of room: renumber
        run, low = [], anchors[index]
        result[uid] = low
    _fill(run, low, None, result)
    return result


def _fill(run: list[str], low: int, high: int | None, result: dict[str, int]) -> bool:
    """Spread ``run`` between ``low`` and ``high`` (open-ended when None); False when there is no room."""
    if not run:
        return True
    if high is None:
        for offset, uid in enumerate(run, 1):
            result[uid] = low + offset * GAP
        return True
    step = (high - low) // (len(run) + 1)
    if step < 1:
        return False
    for offset, uid in enumerate(run, 1):
        result[uid] = low + offset * step
    return True
