"""deckgen: turn reading notes into stable, regenerable Anki decks.

The public API (see :mod:`deckgen.api`) loads lazily, so ``import deckgen`` costs nothing
until a function is used: ``deckgen.load_config``, ``deckgen.builder``, ``deckgen.linter``,
``deckgen.plan``, and the result types ``deckgen.Config``, ``deckgen.BuildResult``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["BuildResult", "Config", "__version__", "build", "lint", "load_config", "plan"]

if TYPE_CHECKING:
    from deckgen.api import BuildResult, Config, build, lint, load_config, plan


def __getattr__(name: str) -> Any:
    """Load the API on first use (PEP 562)."""
    if name in __all__:
        from deckgen import api

        return getattr(api, name)
    raise AttributeError(f"module 'deckgen' has no attribute {name!r}")
