"""The MovieLens readers: ML-1M (:: .dat), ML-100K (u.data + u.item, Latin-1), and a directory
that is none of the layouts. The CSV layout (ml-latest-small / ml-25m / ml-32m) is covered by
test_pipeline.py.

Run: /usr/bin/python3 -m unittest discover -s tests/models -p 'test_*.py'
"""
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.catalogue import build_catalogue  # noqa: E402
from cinelocal_models.errors import DataError  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402

ML1M_MOVIES = ("1::Toy Story (1995)::Animation|Children's|Comedy\n"
               "2::Jumanji (1995)::Adventure|Children's|Fantasy\n"
               "3::Cité des enfants perdus, La (1995)::Adventure|Sci-Fi\n")
ML1M_RATINGS = "1::1::5::978300760\n1::2::3::978302109\n2::3::4::978301968\n"
FLAGS = ["0"] * 19


def u_item_line(movie_id, title, genres):
    flags = list(FLAGS)
    for g in genres:
        flags[g] = "1"
    return "|".join([str(movie_id), title, "01-Jan-1995", "", "http://us.imdb.com/x"] + flags) + "\n"


U_ITEM = u_item_line(1, "Toy Story (1995)", [3, 4, 5]) + u_item_line(2, "GoldenEye (1995)", [1, 2, 16]) + \
    u_item_line(3, "Kolya (Kolja) (1996)", [5])
U_DATA = "196\t1\t3\t881250949\n186\t2\t5\t891717742\n22\t3\t1\t878887116\n"


class Formats(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        d = self.tmp / "data"
        d.mkdir(exist_ok=True)
        (d / name).write_bytes(text.encode("latin-1"))
        return d

    def test_ml1m(self):
        self.write("movies.dat", ML1M_MOVIES)
        d = self.write("ratings.dat", ML1M_RATINGS)
        ml = read_movielens(d)
        self.assertEqual(len(ml.ratings), 3)
        cat = build_catalogue(ml)
        self.assertEqual(cat.titles[2], "La Cité des enfants perdus")
        self.assertIn("Children's", cat.genres)

    def test_ml1m_malformed_row(self):
        self.write("movies.dat", ML1M_MOVIES)
        d = self.write("ratings.dat", ML1M_RATINGS + "3::1\n")
        with self.assertRaisesRegex(DataError, r"ratings\.dat line 4: expected 4 '::'-separated fields"):
            read_movielens(d)

    def test_ml1m_unknown_movie_and_missing_file(self):
        self.write("movies.dat", ML1M_MOVIES)
        d = self.write("ratings.dat", ML1M_RATINGS + "3::99::4::1\n")
        with self.assertRaisesRegex(DataError, r"ratings\.dat line 4: movie id 99 is not in the movie file"):
            read_movielens(d)
        (d / "movies.dat").unlink()
        with self.assertRaisesRegex(DataError, "has no movies.dat"):
            read_movielens(d)

    def test_ml100k(self):
        self.write("u.item", U_ITEM)
        d = self.write("u.data", U_DATA)
        ml = read_movielens(d)
        cat = build_catalogue(ml)
        self.assertEqual(len(cat), 3)
        self.assertEqual((cat.titles[0], int(cat.years[0])), ("Toy Story", 1995))
        toy = set(g for g in cat.genres if cat.genre_masks[0] >> cat.genres.index(g) & 1)
        self.assertEqual(toy, {"Animation", "Children's", "Comedy"})

    def test_ml100k_malformed_rows(self):
        self.write("u.item", U_ITEM)
        d = self.write("u.data", U_DATA + "1\t2\tfive\t1\n")
        with self.assertRaisesRegex(DataError, r"u\.data line 4: rating 'five' is not a number"):
            read_movielens(d)
        self.write("u.data", U_DATA)
        self.write("u.item", U_ITEM + "4|Broken (1996)|x\n")
        with self.assertRaisesRegex(DataError, r"u\.item line 4: expected 24 '\|'-separated fields"):
            read_movielens(d)

    def test_a_directory_of_nothing_known(self):
        d = self.write("notes.txt", "hello\n")
        with self.assertRaisesRegex(DataError, "none of the known layouts"):
            read_movielens(d)


if __name__ == "__main__":
    unittest.main()
