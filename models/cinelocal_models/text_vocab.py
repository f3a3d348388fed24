"""The text tokenizer shared with the C++ core (core/src/text_tokenizer.cpp): one definition, written
into the bundle as content_vocab.json, that both sides apply the same way.

Normalisation, code point by code point:
- ASCII letters are lower-cased; ASCII letters and digits are word characters;
- a code point in `fold` (Latin letters with accents, ligatures) becomes its lower-case ASCII text;
- a code point in a `join` range (apostrophes, combining accents) is dropped without ending the word,
  so "Schindler's" -> "schindlers" and "e" + U+0301 -> "e";
- everything else (spaces, punctuation, other scripts) ends the word.
Words in `stop_words` are dropped; the rest are folded by the `stem` rule (STEM_RULES, below) and
looked up in `words` (stem -> id, 1..; 0 is padding); unknown words are dropped.

Format 2 (format 1 had no stemming and one id range): ids are ordered by how many films use the word,
and the first `model_id_count` ids (the most common words) are the content model's input; every id
is a term of the lexical index (content_export.index_bytes), so one vocabulary serves both. `words` may be a list
in id order (the word at position i has id i + 1) instead of a map.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import snowballstemmer

VOCAB_FORMAT_VERSION = 2
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


def s_stem(word: str) -> str:
    """The plural folding shared with core/src/text_tokenizer.cpp: Harman's S-stemmer (1991) with
    two changes. Words under 4 letters stay; otherwise the first rule whose condition holds applies:
      "ies" (5+ letters, not "eies"/"aies") -> "y"   stories -> story, spies -> spy
      "es" (not "aes"/"ees"/"oes") -> "e"            zombies -> zombie, dies -> die
      "s" (not "us"/"ss"/"is") -> ""                 toys -> toy, bees -> bee; boss, virus, paris stay
      "ie" (5+ letters) -> "y"                       zombie -> zomby, so singular and plural meet
    The changes: "ies" needs 5 letters ("dies", "ties" fold like "die", "tie"), and the last rule
    (a singular "-ie" meets its plural, which the "ies" rule turned into "-y")."""
    n = len(word)
    if n < 4:
        return word
    if n >= 5 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return _singular_ie(word[:-1])
    if word.endswith("s") and not word.endswith(("us", "ss", "is")):
        return _singular_ie(word[:-1])
    return _singular_ie(word)


def _singular_ie(word: str) -> str:
    return word[:-2] + "y" if len(word) >= 5 and word.endswith("ie") else word


_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 18)
def snowball_english_stem(word: str) -> str:
    """The Snowball English ("Porter2") stemmer, Debian's python3-snowballstemmer: "shooting" and
    "shoots" -> "shoot". core/src/english_stemmer.cpp is its C++ port (tests/fixtures/tokenizer/
    english_stems.json keeps them equal). It found more of the describe-it benchmark's films than
    s_stem, which folds only plurals (models/report/describe.md)."""
    return _ENGLISH.stemWord(word)


# The `stem` rules a vocabulary may name; new vocabularies use STEM_RULE, the others stay readable.
STEM_RULES = {"none": lambda word: word, "s_stemmer": s_stem, "snowball_english": snowball_english_stem}
STEM_RULE = "snowball_english"


class Normaliser:
    def __init__(self, fold: dict[str, str], join_ranges: list[list[int]], stop_words, stem: str = STEM_RULE):
        if stem not in STEM_RULES:
            raise ValueError(f"unknown stem rule {stem!r}")
        self.fold, self.join_ranges, self.stop_words, self.stem = fold, join_ranges, set(stop_words), stem

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
        """Words that are not stop words, folded by the stem rule."""
        stem = STEM_RULES[self.stem]
        return [stem(w) for w in self.words(text) if w not in self.stop_words]


def default_normaliser() -> Normaliser:
    return Normaliser(fold_table(), JOIN_RANGES, STOP_WORDS)


class Vocabulary:
    def __init__(self, normaliser: Normaliser, words: dict[str, int], model_id_count: int | None = None):
        self.normaliser, self.words = normaliser, words
        self.id_count = max(words.values(), default=0) + 1  # ids 1..; 0 = padding
        self.model_id_count = self.id_count if model_id_count is None else model_id_count

    def terms(self, text: str) -> list[int]:
        """Every known word's id in text order (repeats kept): the lexical index's terms."""
        return [self.words[w] for w in self.normaliser.content_words(text) if w in self.words]

    def encode(self, text: str, max_tokens: int) -> list[int]:
        """The content model's input: ids below model_id_count in text order, at most max_tokens."""
        return [i for i in self.terms(text) if i < self.model_id_count][:max_tokens]

    def to_json(self, max_tokens: int) -> dict:
        n = self.normaliser
        return {
            "format_version": VOCAB_FORMAT_VERSION,
            "max_tokens": max_tokens,
            "id_count": self.id_count,
            "model_id_count": self.model_id_count,
            "stem": n.stem,
            "join": n.join_ranges,
            "fold": dict(sorted(n.fold.items())),
            "stop_words": sorted(n.stop_words),
            "words": self._words_json(),
        }

    def _words_json(self):
        """A list in id order (word i has id i + 1: a third of the bytes of a map) when every id has
        one word, else the map."""
        ordered = sorted(self.words, key=self.words.get)
        if [self.words[w] for w in ordered] == list(range(1, len(ordered) + 1)):
            return ordered
        return dict(sorted(self.words.items()))

    def write(self, path: Path, max_tokens: int) -> None:
        Path(path).write_text(json.dumps(self.to_json(max_tokens), ensure_ascii=False, separators=(",", ":")) + "\n",
                              encoding="utf-8")

    @staticmethod
    def from_json(doc: dict) -> "Vocabulary":
        version = doc.get("format_version")
        if version not in (1, VOCAB_FORMAT_VERSION):
            raise ValueError(f"content vocabulary format {version} is not 1 or {VOCAB_FORMAT_VERSION}")
        stem = doc["stem"] if version >= 2 else "none"
        words = doc["words"]
        words = {w: i + 1 for i, w in enumerate(words)} if isinstance(words, list) else dict(words)
        return Vocabulary(Normaliser(doc["fold"], doc["join"], doc["stop_words"], stem), words, doc.get("model_id_count"))


def build_vocabulary(documents: list[list[str]], model_words: int, min_df: int) -> tuple[dict[str, int], int]:
    """(word -> id, model_id_count): every word of 2+ characters that is not all digits, by document
    frequency (ties alphabetical), ids from 1; the content model takes the first model_words of them
    that describe at least min_df films."""
    df = Counter(w for doc in documents for w in set(doc))
    keep = sorted((w for w in df if len(w) >= 2 and not w.isdigit()), key=lambda w: (-df[w], w))
    ids = {w: i + 1 for i, w in enumerate(keep)}
    model_count = sum(1 for w in keep[:model_words] if df[w] >= min_df)
    return ids, model_count + 1
