"""Copies of tree paths outside org.

A table that keeps its unit's path beside its own rows (so a subtree's sum is one range scan
of its own index, without a join to org_unit: initiatives' counters) registers a rewrite
here in `AppConfig.ready`. org.services calls `paths_moved` wherever it rewrites a subtree's
paths (moving or merging units), in the same transaction, so every copy moves with the tree.
"""

from collections.abc import Callable

_REWRITES: list[Callable[[str, str], None]] = []


def register(rewrite: Callable[[str, str], None]) -> None:
    """`rewrite(old_prefix, new_prefix)` replaces the prefix of every copied path under it."""
    if rewrite not in _REWRITES:
        _REWRITES.append(rewrite)


def paths_moved(old_prefix: str, new_prefix: str) -> None:
    for rewrite in _REWRITES:
        rewrite(old_prefix, new_prefix)
