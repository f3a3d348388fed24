"""The text tokenizer shared with the C++ core (core/src/text_tokenizer.cpp): one definition, written
into the bundle as content_vocab.json, that both sides apply the same way.

Normalisation, code point by code point:
- ASCII letters are lower-cased; ASCII letters and digits are word characters;
- a code point in `fold` (Latin letters with accents, ligatures) becomes its lower-case ASCII text;
- a code point in a `join` range (apostrophes, combining accents) is dropped without ending the word,
  so "Schindler's" -> "schindlers" and "e" + U+0301 -> "e";
- everything else (spaces, punctuation, other scripts) ends the word.
Words in `stop_words` are dropped; the rest are looked up in `words` (word -> id, 1..; 0 is
padding); unknown words are dropped. Several words may share an id (e.g. "toy" and "toys").
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

VOCAB_FORMAT_VERSION = 1
PAD_ID = 0

APOSTROPHES = (0x27, 0x2019)  # ' and the typographic right quote
COMBINING_MARKS = (0x300, 0x36F)
JOIN_RANGES = [[c, c] for c in APOSTROPHES] + [list(COMBINING_MARKS)]

# Letters NFKD does not decompose into ASCII.
_SPECIAL_FOLDS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d",
                  "ı": "i", "ħ": "h", "ŋ": "n", "ĸ": "k", "ſ": "s", "ŀ": "l", "ƒ": "f"}

STOP_WORDS = sorted(set("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves s t d ll m re ve film films movie movies one two get gets make makes take takes becomes
""".split()))


def fold_table() -> dict[str, str]:
    """Latin-1 Supplement + Latin Extended-A/B letters -> lower-case ASCII (e.g. 'É' -> 'e')."""
    table = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        if not unicodedata.category(ch).startswith("L"):
            continue  # × and ÷ separate words
        low = ch.lower() if len(ch.lower()) == 1 else ch
        base = _SPECIAL_FOLDS.get(low)
        if base is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)).lower()
        if base and base.isascii() and base.isalnum():
            table[ch] = base
    return table


class Normaliser:
    def __init__(self, fold: dict[str, str], join_ranges: list[list[int]], stop_words):
        self.fold, self.join_ranges, self.stop_words = fold, join_ranges, set(stop_words)

    def _joins(self, cp: int) -> bool:
        return any(lo <= cp <= hi for lo, hi in self.join_ranges)

    def words(self, text: str) -> list[str]:
        """All normalised words, stop words included (the vocabulary decides what is kept)."""
        words, current = [], []
        for ch in text:
            cp = ord(ch)
            if cp < 0x80 and (ch.isascii() and ch.isalnum()):
                current.append(ch.lower())
            elif ch in self.fold:
                current.append(self.fold[ch])
            elif self._joins(cp):
                continue
            elif current:
                words.append("".join(current))
                current = []
        if current:
            words.append("".join(current))
        return words

    def content_words(self, text: str) -> list[str]:
        return [w for w in self.words(text) if w not in self.stop_words]


def default_normaliser() -> Normaliser:
    return Normaliser(fold_table(), JOIN_RANGES, STOP_WORDS)


class Vocabulary:
    def __init__(self, normaliser: Normaliser, words: dict[str, int]):
        self.normaliser, self.words = normaliser, words
        self.id_count = max(words.values(), default=0) + 1  # ids 1..; 0 = padding

    def encode(self, text: str, max_tokens: int) -> list[int]:
        """Known words' ids in text order (repeats kept), at most max_tokens; [] if none is known."""
        ids = [self.words[w] for w in self.normaliser.content_words(text) if w in self.words]
        return ids[:max_tokens]

    def to_json(self, max_tokens: int) -> dict:
        n = self.normaliser
        return {
            "format_version": VOCAB_FORMAT_VERSION,
            "max_tokens": max_tokens,
            "id_count": self.id_count,
            "join": n.join_ranges,
            "fold": dict(sorted(n.fold.items())),
            "stop_words": sorted(n.stop_words),
            "words": dict(sorted(self.words.items())),
        }

    def write(self, path: Path, max_tokens: int) -> None:
        Path(path).write_text(json.dumps(self.to_json(max_tokens), ensure_ascii=False, separators=(",", ":")) + "\n",
                              encoding="utf-8")

    @staticmethod
    def from_json(doc: dict) -> "Vocabulary":
        if doc.get("format_version") != VOCAB_FORMAT_VERSION:
            raise ValueError(f"content vocabulary format {doc.get('format_version')} is not {VOCAB_FORMAT_VERSION}")
        return Vocabulary(Normaliser(doc["fold"], doc["join"], doc["stop_words"]), dict(doc["words"]))


def build_vocabulary(documents: list[list[str]], max_words: int, min_df: int) -> dict[str, int]:
    """The max_words most frequent words by document frequency (>= min_df, 2+ characters, not all
    digits), ties broken alphabetically; a plural "xs" shares the id of "x" when both are kept."""
    df = Counter(w for doc in documents for w in set(doc))
    keep = [w for w, c in df.items() if c >= min_df and len(w) >= 2 and not w.isdigit()]
    keep = sorted(keep, key=lambda w: (-df[w], w))[:max_words]
    kept = set(keep)
    ids: dict[str, int] = {}
    for w in sorted(kept, key=lambda w: (-df[w], w)):
        if w.endswith("s") and not w.endswith("ss") and len(w) >= 4 and w[:-1] in kept:
            continue  # gets the singular's id below
        ids[w] = len(ids) + 1
    for w in kept - ids.keys():
        ids[w] = ids[w[:-1]]
    return ids
