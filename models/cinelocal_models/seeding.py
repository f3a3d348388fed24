"""One seed for every random number generator a build or an evaluation uses."""
from __future__ import annotations

import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    # With 2 threads, some CPU backward kernels (embedding/index accumulation) sum in a racy order;
    # the deterministic variants cost nothing measurable here and make rebuilds bit-identical.
    torch.use_deterministic_algorithms(True)
