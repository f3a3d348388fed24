#!/usr/bin/env python3
"""Synthetic MovieLens data in the ml-latest CSV layout, to prove the build scales to ml-32m's shape.

    /usr/bin/python3 models/synthetic_movielens.py --out DIR [--scale F] [--users N] [--movies M]
        [--ratings R] [--clusters C] [--zipf S] [--seed 0] [--tags T]

Defaults are ml-32m's shape (200,948 users, 87,585 films, 32,000,204 ratings); --scale F multiplies
it, explicit sizes override. Nothing is real: titles are invented and links.csv leaves tmdbId empty,
so no synthetic film is ever matched to a real one.

The structure gives recommenders something to learn: films belong to taste clusters (which lean
to two genres each) and have Zipf-Mandelbrot popularity (rank + M/500) ** -S, steep enough that a
few films take most ratings and ~5% get none (ml-32m: 4%). Users have heavy-tailed activity (min 20)
and a mix of 1-3 clusters; they draw films by popularity within their clusters or, for part of their
ratings, by overall popularity, and rate films of their clusters higher. Users are generated in
chunks with vectorised numpy, so memory stays small and the output is identical for a seed.

Full shape, seed 0, with --tags 2000072 (2 busy cores, nice 10): 103 s wall, 74 s CPU, 0.6 GB peak RSS;
ratings.csv 892 MB; 83,086 films rated, median film 6 ratings, top film 42% of users, 50.6% >= 4 stars.
Scaled-down sets keep ratings per user (~159) while the catalogue shrinks, so users cover more of
it: --scale 0.125 has every film rated (median 35) and is slower per rating than the full shape.
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ML32M = (200_948, 87_585, 32_000_204)  # users, films, ratings
GENRES = ["Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
          "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
          "Thriller", "War", "Western"]
# Rough film counts per genre in ml-32m, so Drama and Comedy dominate as they do there.
GENRE_FREQ = np.array([9.6, 5.4, 4.6, 4.5, 23, 6.9, 9.3, 34, 3.8, .35, 8.6, .2, 1.1, 4, 10.3, 4.9,
                       11.8, 2.3, 1.6])
GENRE_FREQ = GENRE_FREQ / GENRE_FREQ.sum()
WORDS = ("Night Day Love Dark Last Lost Blood City Man Woman Girl Boy Secret House Road River Star "
         "War Heart Dream Shadow Fire Water King Queen Ghost Summer Winter Time Death Life Game "
         "Storm Silent Golden Broken Wild Little Big Red Blue Black White Iron Glass Paper Moon Sun "
         "Island Harbor Station Letter Journey Return Revenge Escape Promise Angel Devil's Mother's "
         "Brother Sister Father Hunter Stranger Doctor Detective Soldier Thief Witness Kingdom "
         "Empire Garden Ocean Desert Mountain Forest Street Bridge Tower Machine Planet Memory "
         "Whisper Echo Mirror Midnight Morning Paradise Inferno Café Été Niño Amour Zoë Jäger").split()
ARTICLES = [(0.11, ", The"), (0.03, ", A"), (0.01, ", An"), (0.02, ", La"), (0.01, ", Les"),
            (0.01, ", Der")]  # MovieLens moves articles to the end: "Matrix, The (1999)"
TAG_WORDS = {  # a few tags per genre; index -1 = films with no genre, also used for everyone
    -1: ["atmospheric", "slow", "based on a book", "twist ending", "great soundtrack", "overrated"],
    0: ["explosions", "car chase", "martial arts"], 1: ["quest", "treasure", "epic"],
    2: ["pixar-like", "hand-drawn", "talking animals"], 3: ["family", "kids", "coming of age"],
    4: ["funny", "witty", "quirky"], 5: ["heist", "mafia", "noir-ish"], 6: ["true story", "interviews"],
    7: ["emotional", "character study", "tearjerker"], 8: ["magic", "dragons", "fairy tale"],
    9: ["femme fatale", "black and white"], 10: ["gore", "jump scares", "creepy"], 11: ["imax", "3d"],
    12: ["songs", "dancing"], 13: ["whodunit", "plot twist"], 14: ["romantic", "love triangle"],
    15: ["space", "time travel", "dystopia"], 16: ["suspense", "tense"], 17: ["wwii", "anti-war"],
    18: ["cowboys", "gunfight"]}
T_MIN, T_MAX = 789_652_009, 1_697_155_200  # first MovieLens rating (1995) .. October 2023
DAY = 86_400
HALF_STARS = np.array([b"%.1f" % (h / 2) for h in range(1, 11)])  # index h-1 -> b"0.5" .. b"5.0"


def world(users: int, movies: int, ratings: int, clusters: int = 20, zipf: float = 2.1,
          seed: int = 0) -> SimpleNamespace:
    """The hidden structure (films and users), cheap even at full scale; tests read it back."""
    U, M, C = users, movies, clusters
    if not (1 <= C <= M and U >= 1 and U <= ratings <= U * max(1, M // 4)):
        raise ValueError(f"need 1 <= clusters <= movies and users <= ratings <= users * movies/4 "
                         f"(got {U} users, {M} films, {ratings} ratings, {C} clusters)")
    w = SimpleNamespace(M=M)
    rng = np.random.default_rng([seed, 0])
    w.movie_ids = np.cumsum(np.where(rng.random(M) < 0.7, 1, rng.integers(2, 12, M)))  # gaps, like MovieLens
    w.rank = rng.permutation(M)  # popularity rank of each film
    w.pop = (w.rank + max(1.0, M / 500)) ** -zipf
    w.cluster = rng.choice(C, M, p=rng.dirichlet(np.full(C, 3.0)))
    w.cluster[rng.choice(M, C, replace=False)] = np.arange(C)  # no empty cluster
    w.year = 2023 - np.minimum(123, rng.exponential(22, M).astype(np.int64))  # skewed recent
    home = np.array([rng.choice(19, 2, replace=False, p=np.sqrt(GENRE_FREQ) / np.sqrt(GENRE_FREQ).sum())
                     for _ in range(C)])  # each cluster leans to two genres
    count = 1 + rng.binomial(3, 0.3, M)
    w.genre_mask = np.zeros(M, np.int64)
    for j in range(4):
        g = np.where(rng.random(M) < (0.8 if j == 0 else 0.5), home[w.cluster, rng.integers(0, 2, M)],
                     rng.choice(19, M, p=GENRE_FREQ))
        if j == 0:
            w.primary = g
        w.genre_mask |= np.where(j < count, 1 << g, 0)
    w.genre_mask[rng.random(M) < 0.16 * w.rank / M] = 0  # "(no genres listed)": ~8%, obscure films
    w.primary = np.where(w.genre_mask == 0, -1, w.primary)
    w.quality = 0.35 * rng.standard_normal(M) + 0.3 * (1 - w.rank / M)  # popular films score higher
    w.titles = _titles(rng, w.year)
    w.imdb = rng.choice(9_999_999, M, replace=False) + 1
    # Sampling tables: global cumulative popularity, and the same per cluster (films grouped by cluster).
    w.cum = np.cumsum(w.pop)
    w.by_cluster = np.argsort(w.cluster, kind="stable")
    w.ccum = np.cumsum(w.pop[w.by_cluster])
    ends = np.cumsum(np.bincount(w.cluster, minlength=C))
    w.cend_idx, w.cend = ends, w.ccum[ends - 1]
    w.cstart = np.concatenate([[0.0], w.cend[:-1]])

    rng = np.random.default_rng([seed, 1])
    lo = min(20, ratings // U)  # MovieLens keeps users with >= 20 ratings
    cap = max(lo, M // 4)
    act = rng.lognormal(0, 1.3, U)  # heavy-tailed activity
    n = lo + rng.multinomial(ratings - lo * U, act / act.sum())
    while (n > cap).any():  # give what is over the cap to users with room, keeping the exact total
        excess = int((n - cap).clip(0).sum())
        n = np.minimum(n, cap)
        n += rng.multinomial(excess, (cap - n) / (cap - n).sum())
    w.n = n
    k = rng.choice([1, 2, 3], U, p=[0.4, 0.4, 0.2])  # clusters per user
    w.ucl = rng.integers(0, C, (U, 3))
    w.weight = rng.dirichlet([2.0, 2.0, 2.0], U) * (np.arange(3) < k[:, None])
    w.weight /= w.weight.sum(1, keepdims=True)
    w.cw = np.cumsum(w.weight, 1)
    w.cw[np.arange(3) >= (k - 1)[:, None]] = 1.0  # so rounding never picks an unused slot
    w.bg = rng.uniform(0.3, 0.6, U)  # share of a user's draws from overall popularity, not taste
    w.bias = 0.45 * rng.standard_normal(U)
    w.whole = rng.random(U) < 0.25  # users who give whole stars only (MovieLens before 2003)
    w.t0 = rng.integers(T_MIN, T_MAX - 30 * DAY, U)
    w.span = rng.exponential(60 * DAY, U) * np.sqrt(n / 20)  # heavy raters stay longer
    return w


def _titles(rng, year) -> list[str]:
    M = len(year)
    length = rng.choice([1, 2, 3, 4], M, p=[0.25, 0.4, 0.22, 0.13])
    words = rng.integers(0, len(WORDS), (M, 4))
    kind = rng.random(M)
    cuts = np.cumsum([p for p, _ in ARTICLES])
    titles = []
    for i in range(M):  # once per film, not per rating
        ws = [WORDS[j] for j in words[i, :length[i]]]
        t = " ".join(ws)
        a = int(np.searchsorted(cuts, kind[i], side="right"))
        if a < len(ARTICLES):
            t += ARTICLES[a][1]
        elif kind[i] < cuts[-1] + 0.03 and len(ws) > 1:  # a comma inside: needs CSV quoting
            t = ws[0] + ", " + " ".join(ws[1:])
        elif kind[i] < cuts[-1] + 0.04:
            t = f'"{ws[0]}" {" ".join(ws[1:]) or "Live"}'  # like '"Great Performances" Cats (1998)'
        titles.append(f"{t} ({year[i]})")
    return titles


def _draw(w, users, counts, rng, uniform=False):
    """counts[i] films drawn with replacement for users[i]: (position in users, film index)."""
    who = np.repeat(np.arange(len(users)), counts)
    if uniform:  # last resort for heavy users whose clusters are exhausted
        return who, rng.integers(0, w.M, len(who))
    u = users[who]
    slot = (rng.random(len(who))[:, None] > w.cw[u, :2]).sum(1)
    c = w.ucl[u, slot]
    x = w.cstart[c] + rng.random(len(who)) * (w.cend[c] - w.cstart[c])
    film = w.by_cluster[np.minimum(np.searchsorted(w.ccum, x, side="right"), w.cend_idx[c] - 1)]
    bg = rng.random(len(who)) < w.bg[u]
    x = rng.random(int(bg.sum())) * w.cum[-1]
    film[bg] = np.minimum(np.searchsorted(w.cum, x, side="right"), w.M - 1)
    return who, film


def _sample(w, users, rng):
    """Distinct films per user, exactly w.n[u] each, as sorted keys (position * M + film).

    Draw with replacement, keep distinct (user, film) in order of first draw, and draw again for the
    users still short, scaling each user's next batch by the yield of the last one (heavy users dig
    deep into the tail). Keeping the earliest draws is successive weighted sampling without replacement.
    """
    need, M = w.n[users], w.M
    draws = need + need // 4 + 2
    who, film = _draw(w, users, draws, rng)
    keys, pos, have = who * M + film, np.arange(len(who)), np.zeros(len(users), np.int64)
    for rounds in range(1, 100):
        keys, first = np.unique(keys, return_index=True)
        pos = pos[first]
        got = np.bincount(keys // M, minlength=len(users))
        short = np.maximum(0, need - got)
        if not short.any():
            break
        gain = np.maximum(got - have, 1) / np.maximum(draws, 1)  # new distinct films per draw
        draws = np.where(short > 0, np.minimum(1.3 * short / gain, 20 * M).astype(np.int64) + 4, 0)
        have = got
        who, film = _draw(w, users, draws, rng, uniform=rounds > 30)
        keys = np.concatenate([keys, who * M + film])
        pos = np.concatenate([pos, pos.max() + 1 + np.arange(len(who))])
    u = keys // M
    order = np.lexsort((pos, u))
    rank = np.arange(len(keys)) - np.concatenate([[0], np.cumsum(np.bincount(u))[:-1]])[u[order]]
    return np.sort(keys[order[rank < need[u[order]]]])


def _stars(w, user, film, rng):
    """Half-star index 1..10: higher for films in the user's clusters, plus user bias and noise."""
    in_taste = (w.weight[user] * (w.ucl[user] == w.cluster[film][:, None])).sum(1) > 0
    raw = 3.1 + w.bias[user] + w.quality[film] + 0.9 * in_taste + 0.9 * rng.standard_normal(len(user))
    half = np.where(w.whole[user], 2 * np.round(raw), np.round(2 * raw))
    return np.clip(half, np.where(w.whole[user], 2, 1), 10).astype(np.int64)


def _digits(x, width=None):
    """Right-aligned ASCII digits of non-negative ints; 0 bytes pad the left and are dropped later."""
    x = np.asarray(x, np.int64)
    width = width or len(str(int(x.max(initial=0))))
    p = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    out = (x[:, None] // p % 10 + 48).astype(np.uint8)
    out[(x[:, None] < p) & (p > 1)] = 0
    return out


def _lookup(table, index):
    """Fields from a small table of byte strings, 0-padded on the right."""
    width = max(len(s) for s in table)
    t = np.array([list(s.ljust(width, b"\0")) for s in table], np.uint8)
    return t[index]


def _csv_bytes(fields) -> bytes:
    """Rows from column blocks of ASCII (uint8 [n, width], 0 = nothing) without a per-row loop."""
    n = len(fields[0])
    comma, newline = np.full((n, 1), ord(","), np.uint8), np.full((n, 1), ord("\n"), np.uint8)
    parts = [p for f in fields for p in (f, comma)][:-1] + [newline]
    mat = np.hstack(parts)
    return mat[mat != 0].tobytes()


def _write_tags(w, path, count, seed):
    rng = np.random.default_rng([seed, 3])
    U = len(w.n)
    taggers = rng.choice(U, max(1, U // 40), replace=False)  # few users tag, some a lot
    tcum = np.cumsum((np.arange(len(taggers)) + 1.0) ** -1.2)
    words = [t.encode() for g in sorted(TAG_WORDS) for t in TAG_WORDS[g]]
    start = np.cumsum([0] + [len(TAG_WORDS[g]) for g in sorted(TAG_WORDS)])  # by genre -1..18
    keys = np.zeros(0, np.int64)
    while len(keys) < count:
        m = 2 * (count - len(keys)) + 10
        user = taggers[np.minimum(np.searchsorted(tcum, rng.random(m) * tcum[-1], side="right"),
                                  len(taggers) - 1)]
        film = np.minimum(np.searchsorted(w.cum, rng.random(m) * w.cum[-1], side="right"), w.M - 1)
        g = np.where(rng.random(m) < 0.3, -1, w.primary[film]) + 1
        word = start[g] + (rng.random(m) * (start[g + 1] - start[g])).astype(np.int64)
        new = (user * w.M + film) * len(words) + word
        keys = np.unique(np.concatenate([keys, new[rng.permutation(m)][: count - len(keys)]]))
    user, word = keys // len(words) // w.M, keys % len(words)
    film = keys // len(words) % w.M
    t = w.t0[user] + (rng.random(len(keys)) * w.span[user]).astype(np.int64)
    with open(path, "wb") as f:
        f.write(b"userId,movieId,tag,timestamp\n")
        f.write(_csv_bytes([_digits(user + 1), _digits(w.movie_ids[film]), _lookup(words, word),
                            _digits(np.minimum(t, T_MAX))]))


def generate(out_dir, users: int = ML32M[0], movies: int = ML32M[1], ratings: int = ML32M[2],
             clusters: int = 20, zipf: float = 2.1, seed: int = 0, tags: int = 0,
             chunk_users: int = 5000) -> dict:
    """Write movies.csv, ratings.csv, links.csv, README.txt (and tags.csv if tags > 0) into out_dir."""
    started = time.time()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w = world(users, movies, ratings, clusters, zipf, seed)
    with open(out / "movies.csv", "w", encoding="utf-8", newline="") as f:
        rows = csv.writer(f, lineterminator="\n")
        rows.writerow(["movieId", "title", "genres"])
        for mid, title, mask in zip(w.movie_ids.tolist(), w.titles, w.genre_mask.tolist()):
            rows.writerow([mid, title, "|".join(g for b, g in enumerate(GENRES) if mask >> b & 1)
                           or "(no genres listed)"])
    with open(out / "links.csv", "w", encoding="utf-8", newline="") as f:
        f.write("movieId,imdbId,tmdbId\n")  # tmdbId left empty: these films do not exist
        # imdbIds from 900,000,001 up: no real film has one (real ones have 7-8 digits).
        f.writelines(f"{m},{i + 900_000_000},\n" for m, i in zip(w.movie_ids.tolist(), w.imdb.tolist()))

    per_film, positives = np.zeros(movies, np.int64), 0
    release = (w.year - 1970) * 365 * DAY  # roughly January 1st: nobody rates a film before it exists
    with open(out / "ratings.csv", "wb") as f:
        f.write(b"userId,movieId,rating,timestamp\n")
        for chunk, lo in enumerate(range(0, users, chunk_users)):
            rng = np.random.default_rng([seed, 2, chunk])
            ids = np.arange(lo, min(users, lo + chunk_users))
            keys = _sample(w, ids, rng)
            user, film = ids[keys // movies], keys % movies
            half = _stars(w, user, film, rng)
            t = w.t0[user] + (rng.random(len(user)) * w.span[user]).astype(np.int64)
            t = np.minimum(T_MAX, np.maximum(t, release[film] + rng.integers(0, 180 * DAY, len(t))))
            f.write(_csv_bytes([_digits(user + 1), _digits(w.movie_ids[film]),
                                _lookup(HALF_STARS, half - 1), _digits(t, 10)]))
            per_film += np.bincount(film, minlength=movies)
            positives += int((half >= 8).sum())
    if tags:
        _write_tags(w, out / "tags.csv", tags, seed)
    (out / "README.txt").write_text(
        "SYNTHETIC data in the MovieLens ml-latest CSV layout, made by CineLocal's\n"
        f"models/synthetic_movielens.py (users={users} movies={movies} ratings={ratings} "
        f"clusters={clusters} zipf={zipf} seed={seed} tags={tags}).\n"
        "Films, titles, ratings, tags and imdbIds are invented (imdbIds above 900,000,000, which no real film has); tmdbId is empty on purpose.\n"
        "Use it only to test scale and plumbing, never as evidence about real films or people.\n")
    top = np.sort(per_film)[::-1][: max(1, movies // 100)].sum()
    return {"out": str(out), "users": users, "movies": movies, "rated_movies": int((per_film > 0).sum()),
            "median_film_ratings": float(np.median(per_film)), "ratings": int(per_film.sum()),
            "positive_share": positives / max(1, ratings), "top1pct_share": float(top / max(1, ratings)),
            "tags": tags, "seconds": time.time() - started}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--scale", type=float, default=1.0, help="F x ml-32m's shape")
    p.add_argument("--users", type=int)
    p.add_argument("--movies", type=int)
    p.add_argument("--ratings", type=int)
    p.add_argument("--clusters", type=int, default=20)
    p.add_argument("--zipf", type=float, default=2.1,
                   help="popularity exponent S: weight (rank + M/500) ** -S; 2.1 ~ ml-32m's tail")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--tags", type=int, default=0)
    a = p.parse_args(argv)
    u, m, r = (given or max(1, round(full * a.scale))
               for given, full in zip((a.users, a.movies, a.ratings), ML32M))
    try:
        s = generate(a.out, u, m, r, a.clusters, a.zipf, a.seed, a.tags)
    except ValueError as e:
        p.error(str(e))
    print(f"synthetic MovieLens: {s['users']} users, {s['movies']} films ({s['rated_movies']} rated, "
          f"median {s['median_film_ratings']:g}), {s['ratings']} ratings, {100 * s['positive_share']:.1f}% "
          f">= 4 stars, top 1% of films {100 * s['top1pct_share']:.0f}%, {s['seconds']:.1f} s -> {s['out']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
