"""The one grid search every tuned setting uses (EASE's lambda, the blend's gate and weight, the
rating head's ridge, the fold-in's parameters): each point is scored on validation users, the best
value wins and, on a tie, the earlier point."""
from __future__ import annotations

from typing import Callable, Hashable, Iterable

import numpy as np


def grid_search(points: Iterable, score: Callable, key: Callable[[object], Hashable] = lambda p: p):
    """score(point) -> (value to maximise: a number or a tuple, record to keep). Returns (best point,
    {key(point): record}); a NaN value never wins."""
    table, best, best_value = {}, None, None
    for point in points:
        value, record = score(point)
        table[key(point)] = record
        if np.isnan(value).any():  # a point that could not be scored never wins
            continue
        if best_value is None or value > best_value:
            best, best_value = point, value
    return best, table
