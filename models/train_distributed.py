#!/usr/bin/python3
"""Train the two-tower model under DistributedDataParallel, one process per rank, started by torchrun
on every machine (models/README.md, "Beyond one machine"):

    torchrun --nnodes 2 --nproc-per-node 2 --rdzv-backend c10d --rdzv-endpoint HOST:29500 \\
        models/train_distributed.py --movielens DIR --out tower_state.pt [--epochs 40] [--seed 0]

Rank 0 writes the trained state dict to --out. (On one machine without torchrun,
cinelocal_models.distributed_training.train_distributed spawns the ranks itself.)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv=None) -> int:
    import torch
    import torch.distributed as dist
    from cinelocal_models import locate
    from cinelocal_models.catalogue import build_catalogue
    from cinelocal_models.distributed_training import init_from_env
    from cinelocal_models.interactions import group_by_user
    from cinelocal_models.movielens import read_movielens
    from cinelocal_models.tower_training import train
    from cinelocal_models.two_tower import TrainConfig

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--movielens")
    p.add_argument("--out", required=True)
    p.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    torch.use_deterministic_algorithms(True)
    rank, world_size = init_from_env()
    ml = read_movielens(locate.movielens_dir(args.movielens))
    cat = build_catalogue(ml)
    model = train(cat, group_by_user(ml, cat), TrainConfig(epochs=args.epochs, seed=args.seed),
                  rank=rank, world_size=world_size)
    if rank == 0:
        torch.save(model.state_dict(), args.out)
        print(f"rank 0 of {world_size}: trained in {model.train_seconds:.1f} s, wrote {args.out}")
    dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
