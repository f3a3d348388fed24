"""Two-tower training across processes or machines with PyTorch DistributedDataParallel (gloo, CPU).

Every rank draws the same batches from the same seed (the data set is small next to the model's
compute: each rank reads it whole) and computes the loss of its own slice of each batch;
DistributedDataParallel averages the gradients, so all ranks take the same optimizer step and end
with the same model (tower_training.train with rank and world_size).

Two ways to start it:
- on one machine, from Python: train_distributed(cat, users, cfg, world_size) spawns the ranks with
  torch.multiprocessing.spawn (Debian's torchrun crashes under Python 3.11, see TOOLCHAIN.md) and
  returns rank 0's model;
- on several machines: `torchrun --nnodes N --nproc-per-node P --rdzv-backend c10d
  --rdzv-endpoint HOST:PORT models/train_distributed.py ...` on each (models/README.md, "Beyond one
  machine"); torchrun sets RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT, which init_from_env reads.
"""
from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import torch
import torch.distributed as dist

from .tower_training import train


def init_from_env() -> tuple[int, int]:
    """Join the process group torchrun (or spawn below) described in the environment."""
    dist.init_process_group("gloo")
    return dist.get_rank(), dist.get_world_size()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rank_main(rank: int, world_size: int, port: int, cat, users, cfg, result_path: str) -> None:
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank), WORLD_SIZE=str(world_size))
    torch.set_num_threads(1)  # one core per rank
    torch.use_deterministic_algorithms(True)
    init_from_env()
    try:
        model = train(cat, users, cfg, rank=rank, world_size=world_size)
        if rank == 0:
            torch.save({"state": model.state_dict(), "train_seconds": model.train_seconds,
                        "plan": model.training_plan}, result_path)
    finally:
        dist.destroy_process_group()


def train_distributed(cat, users, cfg, world_size: int = 2):
    """Train with world_size local ranks; returns rank 0's TwoTower (all ranks hold the same one)."""
    from .interactions import positive_counts
    from .two_tower import TwoTower
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "rank0.pt"
        torch.multiprocessing.spawn(_rank_main, args=(world_size, free_port(), cat, users, cfg, str(result)),
                                    nprocs=world_size, join=True)
        saved = torch.load(result)
    counts = positive_counts(users, len(cat))
    model = TwoTower(cat, counts > 0, cfg, counts)
    model.load_state_dict(saved["state"])
    model.eval()
    model.train_seconds, model.training_plan = saved["train_seconds"], saved["plan"]
    return model
