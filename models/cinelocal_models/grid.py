"""The one grid search every tuned setting uses (EASE's lambda, the blend's gate and weight, the
rating head's ridge, the fold-in's parameters): each point is scored on validation users, the best
value wins and, on a tie, the earlier point."""
from __future__ import annotations

from typing import Callable, Hashable, Iterable


def grid_search(points: Iterable, score: Callable, key: Callable[[object], Hashable] = lambda p: p):
    """score(point) -> (value to maximise, record to keep). Returns (best point, {key(point): record})."""
    table, best, best_value = {}, None, None
    for point in points:
        value, record = score(point)
        table[key(point)] = record
        if best_value is None or value > best_value:
            best, best_value = point, value
    return best, table
