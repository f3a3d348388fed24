"""The ratings readers at scale: a generated 200k-row ratings.csv (CRLF, blank lines) comes back exactly
through the pandas fast path, and a bad value deep in a file gets the row reader's message with the
right line number. Every case runs twice: with the real block size (one block) and with small blocks,
so block boundaries and the line count carried across them are exercised too. ML-1M and ML-100K likewise.

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_reader_speed.py'
"""
import functools
import io
import shutil
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models import movielens  # noqa: E402
from cinelocal_models.errors import DataError  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402

ROWS = 200_000
BAD_LINE = 150_001  # 1-based file line; the header is line 1
BLANK_LINE = 1_001  # an empty line in the middle: every later line number must still be right
SMALL_BLOCK = 64 << 10  # ~90 blocks for the CSV file, so a bad line sits deep in a later block
UNKNOWN_MOVIE = 424_242


@functools.lru_cache(maxsize=None)  # the small-block test classes reuse the same data
def generate(rows: int, seed: int = 0):
    """(movie ids, users ascending, movie per rating, half-star ratings, timestamps)."""
    rng = np.random.default_rng(seed)
    movie_ids = np.sort(rng.choice(np.arange(1, 300_000), 5_000, replace=False))
    users = np.sort(rng.integers(1, 3_000, rows))
    items = rng.choice(movie_ids, rows)
    stars = (rng.integers(1, 11, rows) / 2).astype(np.float32)
    times = rng.integers(800_000_000, 1_700_000_000, rows)
    return movie_ids, users, items, stars, times


def data_lines(users, items, stars, times, sep: str, star_format: str) -> list[str]:
    """The rows as text, one string per line, written by numpy."""
    out = io.StringIO()
    np.savetxt(out, np.column_stack([users, items, stars, times]), fmt=["%d", "%d", star_format, "%d"],
               delimiter=sep)
    return out.getvalue().splitlines()


@functools.lru_cache(maxsize=None)
def csv_lines() -> tuple[str, ...]:
    """ratings.csv as lines: header, ROWS ratings and one blank line at BLANK_LINE."""
    _, users, items, stars, times = generate(ROWS)
    lines = ["userId,movieId,rating,timestamp"] + data_lines(users, items, stars, times, ",", "%.1f")
    lines.insert(BLANK_LINE - 1, "")
    return tuple(lines)


class Base(unittest.TestCase):
    block_bytes = None  # None: the real block size, so these files are one block each

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        if self.block_bytes:
            patch = mock.patch.object(movielens, "BLOCK_BYTES", self.block_bytes)
            patch.start()
            self.addCleanup(patch.stop)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def assert_error(self, directory: Path, expected: str):
        with self.assertRaises(DataError) as caught:
            read_movielens(directory)
        self.assertEqual(str(caught.exception), expected)


class CsvLayout(Base):
    @classmethod
    def setUpClass(cls):
        cls.movie_ids, cls.users, cls.items, cls.stars, _ = generate(ROWS)
        cls.lines = list(csv_lines())

    def write(self, lines: list[str]) -> Path:
        d = self.tmp / "ml"
        d.mkdir(exist_ok=True)
        movies = ["movieId,title,genres"] + [f"{m},Movie {m} (2000),Drama" for m in self.movie_ids]
        (d / "movies.csv").write_text("\n".join(movies) + "\n")
        # CRLF line endings and a blank trailing line, as Windows tools write them.
        (d / "ratings.csv").write_bytes(("\r\n".join(lines) + "\r\n\r\n").encode())
        return d

    def spoil(self, field: int, value: str) -> Path:
        lines = list(self.lines)
        fields = lines[BAD_LINE - 1].split(",")
        fields[field] = value
        lines[BAD_LINE - 1] = ",".join(fields)
        return self.write(lines)

    def test_read_back_exactly_by_the_fast_path(self):
        d = self.write(self.lines)
        with mock.patch.object(movielens, "_ratings_from_csv_rows", side_effect=AssertionError("row reader")):
            ml = read_movielens(d)
        self.assertEqual((ml.user_ids.dtype, ml.movie_ids.dtype, ml.ratings.dtype),
                         (np.int64, np.int64, np.float32))
        np.testing.assert_array_equal(ml.user_ids, self.users)
        np.testing.assert_array_equal(ml.movie_ids, self.items)
        np.testing.assert_array_equal(ml.ratings, self.stars)
        self.assertEqual(len(ml.movies), len(self.movie_ids))

    def test_more_rows_than_the_first_block_suggests(self):
        # Long first lines make the first block predict too few rows: the result arrays must grow.
        lines = list(self.lines)
        for i in range(1, 3_000):
            lines[i] = lines[i] and lines[i].replace(",", ",000000000000", 1)  # same ids, 12 more bytes
        d = self.write(lines)
        spy = mock.patch.object(movielens._Columns, "_grow", autospec=True,
                                side_effect=movielens._Columns._grow)
        with spy as grown:
            ml = read_movielens(d)
        self.assertGreater(grown.call_count, 1 if self.block_bytes else 0)
        np.testing.assert_array_equal(ml.user_ids, self.users)
        np.testing.assert_array_equal(ml.movie_ids, self.items)
        np.testing.assert_array_equal(ml.ratings, self.stars)

    def test_without_pandas_the_row_reader_reads_everything(self):
        rows = 20_000
        d = self.write(self.lines[:rows + 2])  # header and blank line included
        with mock.patch.dict(sys.modules, {"pandas": None}):  # makes "import pandas" fail
            ml = read_movielens(d)
        np.testing.assert_array_equal(ml.user_ids, self.users[:rows])
        np.testing.assert_array_equal(ml.ratings, self.stars[:rows])

    def test_rating_out_of_range(self):
        d = self.spoil(2, "7")
        self.assert_error(d, f"{d / 'ratings.csv'} line {BAD_LINE}: rating 7 is outside 0.5..5.0")

    def test_unknown_movie(self):
        d = self.spoil(1, str(UNKNOWN_MOVIE))
        self.assert_error(d, f"{d / 'ratings.csv'} line {BAD_LINE}: "
                             f"movieId {UNKNOWN_MOVIE} is not in movies.csv")

    def test_user_id_not_an_integer(self):
        d = self.spoil(0, "abc")
        self.assert_error(d, f"{d / 'ratings.csv'} line {BAD_LINE}: userId 'abc' is not an integer")

    def test_wrong_field_count(self):
        # pandas would quietly pad the missing timestamp or drop the extra field.
        good = self.lines[BAD_LINE - 1]
        for text in (good.rsplit(",", 1)[0], good + ",9"):
            lines = list(self.lines)
            lines[BAD_LINE - 1] = text
            d = self.write(lines)
            self.assert_error(d, f"{d / 'ratings.csv'} line {BAD_LINE}: expected 4 fields "
                                 f"(userId,movieId,rating,timestamp), got {text.count(',') + 1}: {text!r}")

    def test_movie_id_with_a_decimal_point(self):
        # pandas reads "123.0" as the integer 123; int() and so the row reader do not.
        movie = f"{self.lines[BAD_LINE - 1].split(',')[1]}.0"
        d = self.spoil(1, movie)
        self.assert_error(d, f"{d / 'ratings.csv'} line {BAD_LINE}: movieId {movie!r} is not an integer")

    def test_unusual_but_valid_text_reads_the_same(self):
        # Quotes, spaces and a '+' are outside the fast path; the row reader takes over and agrees.
        d = self.spoil(2, f'" {self.lines[BAD_LINE - 1].split(",")[2]}"')
        with open(d / "ratings.csv", "ab") as f:
            f.write(f"+{self.users[-1]},{self.items[-1]}, 5.0,1\r\n".encode())
        ml = read_movielens(d)
        np.testing.assert_array_equal(ml.user_ids, np.append(self.users, self.users[-1]))
        np.testing.assert_array_equal(ml.movie_ids, np.append(self.items, self.items[-1]))
        np.testing.assert_array_equal(ml.ratings, np.append(self.stars, np.float32(5)))


class OlderLayouts(Base):
    rows = 30_000
    bad_line = 25_000  # these files have no header

    @classmethod
    def setUpClass(cls):
        cls.movie_ids, cls.users, cls.items, cls.stars, cls.times = generate(cls.rows, seed=1)
        cls.stars = np.ceil(cls.stars)  # ML-1M and ML-100K have whole stars only

    def write(self, name: str, lines: list[str], movies_name: str, movie_line) -> Path:
        d = self.tmp / "ml"
        d.mkdir(exist_ok=True)
        (d / movies_name).write_bytes("".join(movie_line(m) for m in self.movie_ids).encode("latin-1"))
        (d / name).write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
        return d

    def check(self, name, sep, movies_name, movie_line, spoilt_message):
        lines = data_lines(self.users, self.items, self.stars, self.times, sep, "%d")
        lines.insert(BLANK_LINE - 1, "")
        d = self.write(name, lines, movies_name, movie_line)
        with mock.patch.object(movielens, "_triples_from_lines", side_effect=AssertionError("row reader")):
            ml = read_movielens(d)
        np.testing.assert_array_equal(ml.user_ids, self.users)
        np.testing.assert_array_equal(ml.movie_ids, self.items)
        np.testing.assert_array_equal(ml.ratings, self.stars)
        fields = lines[self.bad_line - 1].split(sep)
        fields[1] = str(UNKNOWN_MOVIE)
        lines[self.bad_line - 1] = sep.join(fields)
        d = self.write(name, lines, movies_name, movie_line)
        self.assert_error(d, f"{d / name} line {self.bad_line}: {spoilt_message}")

    def test_ml1m(self):
        self.check("ratings.dat", "::", "movies.dat", lambda m: f"{m}::Film {m} (1999)::Drama\n",
                   f"movie id {UNKNOWN_MOVIE} is not in the movie file")

    def test_ml100k(self):
        self.check("u.data", "\t", "u.item", u_item, f"movie id {UNKNOWN_MOVIE} is not in the movie file")

    def test_ml100k_trailing_tab(self):
        # The u.data reader strips each line, so "1<tab>2<tab>3<tab>" has 3 fields, not 4 with an empty one.
        lines = data_lines(self.users, self.items, self.stars, self.times, "\t", "%d")
        text = lines[self.bad_line - 1].rsplit("\t", 1)[0]
        lines[self.bad_line - 1] = text + "\t"
        d = self.write("u.data", lines, "u.item", u_item)
        self.assert_error(d, f"{d / 'u.data'} line {self.bad_line}: expected 4 '\\t'-separated fields "
                             f"(user, item, rating, timestamp), got 3: {text!r}")


def u_item(movie_id: int) -> str:
    fields = [str(movie_id), f"Film {movie_id} (1999)", "01-Jan-1999", "", "http://x"] + ["0"] * 19
    return "|".join(fields) + "\n"


class CsvLayoutSmallBlocks(CsvLayout):
    block_bytes = SMALL_BLOCK


class OlderLayoutsSmallBlocks(OlderLayouts):
    block_bytes = SMALL_BLOCK


if __name__ == "__main__":
    unittest.main()
