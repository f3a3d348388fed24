"""Content model: a movie description (words) -> a vector in the item table's taste space, so that
typed text ("heist comedy with a twist") scored against the item table retrieves fitting movies.

Text per movie: title, genres, MovieLens tags, TMDB overview, tagline and keywords (when present; the
metadata row that is the same film, metadata_join.py, never the row with the same movieId). Words go
through the shared tokenizer (text_vocab.py). Model: a weighted mean of word embeddings (one learned
importance per word) -> Linear-tanh-Linear -> L2-normalised taste direction. Trained after the
two-tower model to find each movie's own item-table row among all rows (full softmax, the same
retrieval the browser runs), on random word subsets so that a few typed words work as well as a
whole overview.

content_model.onnx (opset 17, int8 weights):
  input  token_ids      int32   [1, L]  ids from content_vocab.json, 0 = padding, L >= 1
  output text_embedding float32 [1, D]  D = manifest.embedding_dim: the first taste_dims columns are a
                                        unit vector, the next (the popularity-bias column) the constant
                                        popularity_weight (0.5; the user tower puts 8 there), the EASE
                                        columns 0, so it is scored against item_table.bin exactly like a
                                        user vector.
"""
from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .metadata_join import films_from_titles, join_dataset, join_films, read_metadata_rows
from .text_vocab import Vocabulary, build_vocabulary, default_normaliser

OPSET = 17
INPUT_NAME = "token_ids"
OUTPUT_NAME = "text_embedding"
MODEL_FILE = "content_model.onnx"
VOCAB_FILE = "content_vocab.json"
MIN_INT8_ELEMENTS = 256  # smaller tensors stay float32 in the int8 rewrite
REFERENCE_TEXTS = ("animated toys come alive", "astronauts stranded in space", "heist comedy with a twist",
                   "Amélie in Paris", "serial killer detective", "zzzz qqqq")


@dataclass
class ContentConfig:
    max_words: int = 6000  # the content model's input words (the index keeps every word)
    min_df: int = 3  # a word must describe at least this many movies (lowered for tiny catalogues)
    hidden: int = 48  # word embedding size (vs 96: validation median rank 94 vs 102, half the bytes)
    mlp_hidden: int = 256
    epochs: int = 10  # 20 overfit the descriptions (validation movies' median rank 187 vs 145)
    batch_size: int = 256
    lr: float = 3e-3
    weight_decay: float = 0.0
    negatives: int = 2048  # uniformly sampled items per step besides the batch's own (full softmax: too slow)
    temperature: float = 0.05
    short_prob: float = 0.5  # a training input is a short random subset (a typed query) this often
    short_max: int = 8
    max_tokens: int = 256  # the longest input the browser sends (documents are truncated in training too)
    # Weight of the item table's popularity-bias column in text scores. 0 ranks by taste alone and
    # fills the top with obscure movies whose vectors are their genres; 0.5 was picked by looking at
    # a handful of typed queries (models/README.md): a judgement, not a tuned number.
    popularity_weight: float = 0.5
    # Word importance starting equal beat starting at log(idf + 0.1) on validation movies (median
    # rank 117 vs 145): frequent genre words matter as much as rare overview words here.
    idf_init: bool = False
    seed: int = 0
    log: bool = True


# ---------------------------------------------------------------- movie texts

def _csv_rows(path: Path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        yield from csv.DictReader(f)


def decade_words(year: int) -> str:
    """1994 -> "1990s 90s": how people name an era ("an 80s action movie")."""
    if year <= 0:
        return ""
    decade = year // 10 * 10
    return f"{decade}s {decade % 100:02d}s"


def movie_texts(movie_ids: np.ndarray, titles: list[str], years: np.ndarray, genres: list[str],
                genre_masks: np.ndarray, ml_dir: Path | None, tmdb_dir: Path | None,
                metadata_keys: dict[int, int] | None = None) -> list[str]:
    """One text per catalogue position: title, decade, genres, tags, overview, tagline, keywords
    (missing parts skipped). TMDB text comes from the row metadata_keys (movieId -> metadata row
    key) names, by default metadata_join's join of ml_dir's films (or, without ml_dir, of these
    titles and years) with tmdb_dir."""
    pos = {int(m): i for i, m in enumerate(movie_ids)}
    extra = [[] for _ in movie_ids]
    tags = Path(ml_dir) / "tags.csv" if ml_dir else None
    if tags is not None and tags.is_file():
        for row in _csv_rows(tags):
            i = pos.get(_int(row.get("movieId")))
            if i is not None and row.get("tag"):
                extra[i].append(row["tag"])
    enriched = Path(tmdb_dir) / "movies_enriched.csv" if tmdb_dir else None
    if enriched is not None and enriched.is_file():
        if metadata_keys is None:
            metadata_keys = _metadata_keys(movie_ids, titles, years, ml_dir, tmdb_dir)
        rows_of_key: dict[int, list[int]] = {}
        for mid, key in metadata_keys.items():
            if mid in pos:
                rows_of_key.setdefault(key, []).append(pos[mid])
        for row in _csv_rows(enriched):
            text = [row.get("overview") or "", row.get("tagline") or ""]
            if row.get("keywords"):  # fetch_tmdb.py's extra column, pipe-separated
                text.append(" ".join(k.strip() for k in row["keywords"].split("|")))
            for i in rows_of_key.pop(_int(row.get("movieId")), ()):  # pop: a key's first row only
                extra[i] += text
    texts = []
    for i in range(len(movie_ids)):
        names = [g for b, g in enumerate(genres) if int(genre_masks[i]) >> b & 1 and not g.startswith("(")]
        texts.append(" . ".join([titles[i], decade_words(int(years[i])), " ".join(names)] + extra[i]))
    return texts


def _metadata_keys(movie_ids, titles, years, ml_dir: Path | None, tmdb_dir: Path) -> dict[int, int]:
    if ml_dir is not None:
        return join_dataset(ml_dir, tmdb_dir).keys
    return join_films(films_from_titles(movie_ids, titles, years), read_metadata_rows(tmdb_dir)).keys


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- model

class ContentModel(nn.Module):
    def __init__(self, id_count: int, hidden: int, mlp_hidden: int, taste_dims: int, out_dims: int,
                 word_weight_init: np.ndarray | None = None, popularity_weight: float = 0.0):
        super().__init__()
        self.embed = nn.Embedding(id_count, hidden)
        self.word_weight = nn.Embedding(id_count, 1)  # log importance of each word
        with torch.no_grad():
            self.embed.weight.mul_(0.1)
            self.embed.weight[0].zero_()
            if word_weight_init is not None:
                self.word_weight.weight.copy_(torch.from_numpy(word_weight_init.astype(np.float32))[:, None])
        self.mlp = nn.Sequential(nn.Linear(hidden, mlp_hidden), nn.Tanh(), nn.Linear(mlp_hidden, taste_dims))
        self.pad, self.popularity_weight = out_dims - taste_dims, float(popularity_weight)

    def forward(self, token_ids: torch.Tensor) -> torch.Tensor:
        mask = (token_ids > 0).to(torch.float32)
        e = F.embedding(token_ids, self.embed.weight)
        w = torch.exp(F.embedding(token_ids, self.word_weight.weight)).squeeze(-1) * mask
        h = (e * w.unsqueeze(-1)).sum(1) / w.sum(1, keepdim=True).clamp(min=1e-6)
        v = F.normalize(self.mlp(h), dim=1)
        if self.pad:  # the popularity column, then zeros for the EASE columns (no EASE part for a text)
            one = torch.ones_like(v[:, :1])
            parts = [v, one * self.popularity_weight] + ([torch.zeros_like(one).expand(-1, self.pad - 1)]
                                                         if self.pad > 1 else [])
            v = torch.cat(parts, dim=1)
        return v


def _batch(docs: list[np.ndarray], rows: np.ndarray, rng: np.random.Generator, cfg: ContentConfig) -> torch.Tensor:
    picked = []
    for r in rows:
        doc = docs[r]
        if len(doc) and rng.random() < cfg.short_prob:
            k = int(rng.integers(1, min(cfg.short_max, len(doc)) + 1))
            doc = doc[rng.choice(len(doc), size=k, replace=False)]
        else:  # a random part of the whole description, so no single word is always there to memorise
            k = int(rng.integers(1, len(doc) + 1)) if len(doc) else 0
            doc = doc[rng.permutation(len(doc))[: min(k, cfg.max_tokens)]]
        picked.append(doc)
    out = np.zeros((len(rows), max(1, max(len(d) for d in picked))), dtype=np.int64)
    for j, d in enumerate(picked):
        out[j, : len(d)] = d
    return torch.from_numpy(out)


def train_content(docs: list[np.ndarray], taste: np.ndarray, train_rows: np.ndarray, id_count: int,
                  out_dims: int, cfg: ContentConfig) -> ContentModel:
    """docs: token ids per catalogue item; taste: [N, taste_dims] unit rows (all items are candidates);
    trained on train_rows only (documents with at least one known word)."""
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    df = np.zeros(id_count)
    for r in train_rows:
        df[np.unique(docs[r])] += 1
    idf = np.log((1 + len(train_rows)) / (1 + df))
    init = np.log(idf + 0.1) if cfg.idf_init else np.zeros(id_count)
    model = ContentModel(id_count, cfg.hidden, cfg.mlp_hidden, taste.shape[1], out_dims, init,
                         cfg.popularity_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    targets = torch.from_numpy(taste.astype(np.float32))
    rows = np.array([r for r in train_rows if len(docs[r])], dtype=np.int64)
    start = time.perf_counter()
    model.train()
    for epoch in range(cfg.epochs):
        order = rows[rng.permutation(len(rows))]
        total = 0.0
        for b in range(0, len(order), cfg.batch_size):
            batch = order[b: b + cfg.batch_size]
            # Candidates: the batch's own items first (so target j is column j), then sampled others.
            others = np.setdiff1d(rng.choice(len(taste), size=min(cfg.negatives, len(taste)), replace=False), batch)
            cand = torch.from_numpy(np.concatenate([batch, others]))
            v = model(_batch(docs, batch, rng, cfg))[:, : taste.shape[1]]
            loss = F.cross_entropy(v @ targets[cand].T / cfg.temperature, torch.arange(len(batch)))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss) * len(batch)
        if cfg.log and (epoch + 1) % 5 == 0:
            print(f"content epoch {epoch + 1:3d}/{cfg.epochs}  loss {total / max(len(rows), 1):.4f}  "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
    model.eval()
    model.train_seconds = time.perf_counter() - start
    return model


def embed_texts(model: ContentModel, token_lists: list[list[int]]) -> np.ndarray:
    """[len, D] embeddings, one text at a time as the browser runs them (an empty list -> all padding)."""
    with torch.no_grad():
        return np.stack([model(torch.tensor([ids or [0]], dtype=torch.int32))[0].numpy() for ids in token_lists])


@dataclass
class ContentData:
    vocab: Vocabulary
    docs: list[np.ndarray]  # the content model's token ids per film with vectors
    terms: list[list[int]]  # every known word id per film, search-only films after the others: the index
    taste: np.ndarray  # [N, taste_dims] unit rows
    dim: int
    positives: np.ndarray


def _film_fields(cat, search_only):
    """(movie_ids, titles, years, genre_masks) of cat's films followed by search_only's."""
    if search_only is None or not len(search_only):
        return cat.movie_ids, list(cat.titles), cat.years, cat.genre_masks
    return (np.concatenate([cat.movie_ids, search_only.movie_ids]), list(cat.titles) + list(search_only.titles),
            np.concatenate([cat.years, search_only.years]), np.concatenate([cat.genre_masks, search_only.genre_masks]))


def prepare(cat, table: np.ndarray, taste_dims: int, ml_dir: Path | None, tmdb_dir: Path | None,
            cfg: ContentConfig, vocab_rows: np.ndarray | None = None, search_only=None) -> ContentData:
    """Texts and targets for every catalogue film: cat (catalogue.Catalogue or anything with its
    fields) the films with vectors, table the item table as the browser has it ([N, D], int8 x
    scale), search_only the films without (they get index terms only). The vocabulary comes from
    vocab_rows' texts (default: all films, search-only ones included)."""
    movie_ids, titles, years, masks = _film_fields(cat, search_only)
    texts = movie_texts(movie_ids, titles, years, cat.genres, masks, ml_dir, tmdb_dir)
    norm = default_normaliser()
    words = [norm.content_words(t) for t in texts]
    rows = np.arange(len(texts)) if vocab_rows is None else vocab_rows
    min_df = cfg.min_df if len(rows) >= 1000 else 1  # tiny catalogues (tests) keep every word
    vocab = Vocabulary(norm, *build_vocabulary([words[r] for r in rows], cfg.max_words, min_df))
    terms = [[vocab.words[w] for w in ws if w in vocab.words] for ws in words]
    docs = [np.array([i for i in t if i < vocab.model_id_count], dtype=np.int64) for t in terms[: len(cat)]]
    taste = table[:, :taste_dims]
    taste = taste / np.maximum(np.linalg.norm(taste, axis=1, keepdims=True), 1e-8)
    return ContentData(vocab, docs, terms, taste, table.shape[1], np.asarray(cat.positives))
