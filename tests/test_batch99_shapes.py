"""Batch99's first run (fbd3dcd): its T0 shape, fixed since. The fresh note is batch99's fixture; the test fails on
f49f542.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_the_reason_before_so_is_the_nearest_clause() -> None:
    # 'Directories are themselves files, and a file's name is just an entry pointing to an i-node, so the same file can
    # have several names (links).' answered 'Directories are themselves files' (T0 from every judge)
    cards = imported_pairs("batch99", "ritchie-thompson-the-unix-time-sharing-system.txt", "ritchie-thompson-unix")
    asked = {front.split("', ")[-1]: back for front, back in cards}
    assert asked.get("what explains why the same file can have several names (links)?") == (
        "A file's name is just an entry pointing to an i-node"
    ), asked
