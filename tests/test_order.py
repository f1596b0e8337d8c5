"""New-card positions: increasing in manifest order, stable for cards already shipped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from deckgen.lock.order import GAP, assign_positions


def test_first_release_is_evenly_spaced() -> None:
    assert assign_positions(["a", "b", "c"], {}) == {"a": GAP, "b": 2 * GAP, "c": 3 * GAP}


def test_cards_keep_their_position_and_new_ones_fit_between() -> None:
    stored = {"a": GAP, "b": 2 * GAP}
    result = assign_positions(["n1", "a", "n2", "b", "n3"], stored)
    assert result["a"] == GAP and result["b"] == 2 * GAP
    assert 0 < result["n1"] < result["a"] < result["n2"] < result["b"] < result["n3"]


def test_reordered_cards_get_new_positions_only_where_needed() -> None:
    stored = {"a": 1 * GAP, "b": 2 * GAP, "c": 3 * GAP}
    result = assign_positions(["c", "a", "b"], stored)
    assert result["a"] == GAP and result["b"] == 2 * GAP  # the longest run in order stays
    assert 0 < result["c"] < result["a"]  # the moved card fits before them for newcomers


def test_out_of_room_renumbers_in_order() -> None:
    result = assign_positions(["a", "x", "y", "b"], {"a": 1, "b": 2})
    assert [result[u] for u in ("a", "x", "y", "b")] == [GAP, 2 * GAP, 3 * GAP, 4 * GAP]


@given(
    st.lists(st.integers(0, 30), unique=True, max_size=25), st.dictionaries(st.integers(0, 30), st.integers(1, 50_000))
)
def test_positions_always_increase_in_manifest_order(order: list[int], stored_raw: dict[int, int]) -> None:
    uids = [f"c{i}" for i in order]
    stored = {f"c{i}": v for i, v in stored_raw.items()}
    result = assign_positions(uids, stored)
    values = [result[u] for u in uids]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert all(v > 0 for v in values)
