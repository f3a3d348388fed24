"""The lexical index of "describe it" (text_index.bin): which films use which words, for BM25
ranking in the browser (core/src/text_index.cpp reads it and defines the scoring).

Terms are the ids of content_vocab.json (text_vocab.py: stemmed words, ids by document frequency),
documents are catalogue positions (films with vectors first, then search-only films), each
document the text content_model.movie_texts gives the film (title, decade, genres, tags, TMDB
overview, tagline, keywords).

Layout, little-endian:
  magic "CLTX", u32 format version (1), u32 document count, u32 term count (= the vocabulary's id_count)
  u16 document length [document count]   known words in the document (repeats counted, capped 65535)
  u32 postings end [term count]          byte offset after each term's postings (term 0 is padding: empty)
  postings                               per term, per document using it, ascending: varint(document
                                         gap: index - previous index - 1, the first from -1), varint(term
                                         frequency in the document, >= 1)
Varints are LEB128 (7 bits per byte, low first, high bit = more follows).
"""
from __future__ import annotations

import struct
from collections import Counter
from pathlib import Path

INDEX_FILE = "text_index.bin"
MAGIC = b"CLTX"
FORMAT_VERSION = 1
MAX_LENGTH = 65535


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def index_bytes(terms: list[list[int]], term_count: int) -> bytes:
    """terms: the known word ids of each document in catalogue order; ids are 1..term_count-1."""
    postings: list[list[tuple[int, int]]] = [[] for _ in range(term_count)]
    for doc, ids in enumerate(terms):
        for term, count in sorted(Counter(ids).items()):
            if not 0 < term < term_count:
                raise ValueError(f"term id {term} outside 1..{term_count - 1}")
            postings[term].append((doc, count))
    body, ends = bytearray(), []
    for entries in postings:
        previous = -1
        for doc, count in entries:
            _varint(doc - previous - 1, body)
            _varint(count, body)
            previous = doc
        ends.append(len(body))
    head = MAGIC + struct.pack("<III", FORMAT_VERSION, len(terms), term_count)
    lengths = struct.pack(f"<{len(terms)}H", *(min(len(ids), MAX_LENGTH) for ids in terms))
    return head + lengths + struct.pack(f"<{term_count}I", *ends) + bytes(body)


def write_text_index(path: Path, terms: list[list[int]], term_count: int) -> None:
    Path(path).write_bytes(index_bytes(terms, term_count))
