"""TMDB metadata is joined by what identifies a film (tmdbId, imdbId, else title + year), never by a
data set's own movieId: known answers on an ML-100K-style fixture against a TMDB-layout fixture keyed
like ml-latest-small (its movieId 2 is Jumanji, ML-100K's 2 is GoldenEye). Hand-made fixtures, no
MovieLens or TMDB data.

Run: /usr/bin/python3 -m unittest tests/models/test_metadata_join.py
"""
import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.catalogue import build_catalogue, write_catalogue  # noqa: E402
from cinelocal_models.content_model import movie_texts  # noqa: E402
from cinelocal_models.metadata_join import (  # noqa: E402
    Film, join_dataset, join_films, read_metadata_rows, title_names)
from cinelocal_models.metadata_shards import build_metadata_shards, read_metadata  # noqa: E402
from cinelocal_models.movielens import id_number, read_movielens  # noqa: E402

ENRICHED = (
    "movieId,title,genres,imdbId,tmdbId,overview,tagline,runtime,tmdb_rating\r\n"
    "1,Toy Story (1995),Animation,114709,862.0,Toys come alive when nobody looks.,To infinity,81.0,7.9\r\n"
    "2,Jumanji (1995),Adventure,113497,8844.0,A magical board game unleashes a jungle.,Roll the dice,104.0,7.2\r\n"
    "10,GoldenEye (1995),Action,113189,710.0,James Bond hunts a stolen satellite weapon.,No limits,130.0,6.8\r\n"
    "20,Emma (1996),Comedy,116191,3573.0,A matchmaker in Highbury meddles.,,120.0,6.7\r\n"
    "21,Emma (1996),Drama,118308,12254.0,A television Emma meddles too.,,107.0,6.9\r\n"
    '30,"Postman, The (Postino, Il) (1994)",Drama,110877,11010.0,A postman befriends Pablo Neruda.,,108.0,7.6\r\n'
    "40,Seven (a.k.a. Se7en) (1995),Thriller,114369,807.0,Two detectives hunt a killer of seven sins.,,127.0,8.3\r\n"
    '50,"Cité des enfants perdus, La (City of Lost Children, The) (1995)",Fantasy,112682,902.0,'
    "A scientist steals the dreams of children.,,112.0,7.4\r\n"
)
DETAILS = (
    "moveId,original_title,collectionId,release_date,backdrop_path,poster_path\n"
    "1,Toy Story,10194,10/30/1995,/b1.jpg,/toy.jpg\n"
    "2,Jumanji,,12/15/1995,/b2.jpg,/jumanji.jpg\n"
    "10,GoldenEye,645,11/16/1995,/b10.jpg,/goldeneye.jpg\n"
    "20,Emma,,8/2/1996,,/emma1.jpg\n"
    "21,Emma,,11/24/1996,,/emma2.jpg\n"
    "60,Kolja,,5/15/1996,,/kolja.jpg\n"  # only in movie_details.csv: known by original title + year
)


def u_item_line(movie_id: int, title: str, genre: int) -> str:
    flags = ["0"] * 19
    flags[genre] = "1"
    return "|".join([str(movie_id), title, "01-Jan-1995", "", "http://us.imdb.com/M/title-exact?x"] + flags)


# ML-100K u.item (Latin-1, pipe-separated): ids that mean other films in the metadata's data set.
U_ITEM = "\n".join([
    u_item_line(1, "Toy Story (1995)", 3),
    u_item_line(2, "GoldenEye (1995)", 1),
    u_item_line(3, "Four Rooms (1995)", 16),  # not in the metadata
    u_item_line(4, "Emma (1996)", 5),  # two different films in the metadata: ambiguous
    u_item_line(5, "Postino, Il (1994)", 8),  # the metadata's alternative title
    u_item_line(6, "Seven (Se7en) (1995)", 16),
    u_item_line(7, "City of Lost Children, The (1995)", 15),
    u_item_line(8, "Kolya (Kolja) (1996)", 5),  # poster only (a movie_details.csv row)
]) + "\n"
U_DATA = "".join(f"{u}\t{m}\t{4 if (u + m) % 2 else 3}\t88125094{m}\n" for u in (1, 2, 3) for m in range(1, 9))


def write_tmdb(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "movies_enriched.csv").write_text(ENRICHED, encoding="utf-8", newline="")
    (directory / "movie_details.csv").write_text(DETAILS, encoding="utf-8", newline="")
    return directory


def write_ml100k(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "u.item").write_bytes(U_ITEM.encode("latin-1"))
    (directory / "u.data").write_bytes(U_DATA.encode("latin-1"))
    return directory


def lookup(meta_dir: Path, movie_id: int):
    """Every shard's entry for movie_id (the browser binary-searches the index; any shard will do here)."""
    for shard in sorted(meta_dir.glob("[0-9]*.json")):
        entry = json.loads(shard.read_text(encoding="utf-8")).get(str(movie_id))
        if entry is not None:
            return entry
    return None


class MetadataJoinTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.tmdb = write_tmdb(self.tmp / "tmdb")
        self.ml100k = write_ml100k(self.tmp / "ml-100k")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_goldeneye_gets_its_own_plot_never_jumanjis(self):
        join = join_dataset(self.ml100k, self.tmdb)
        self.assertEqual(join.keys[2], 10)  # ML-100K's 2 is the metadata's 10, not its 2 (Jumanji)
        self.assertNotIn(2, join.keys.values())  # nobody here is Jumanji
        ml = read_movielens(self.ml100k, self.tmdb)
        cat = build_catalogue(ml)
        texts = movie_texts(cat.movie_ids, cat.titles, cat.years, cat.genres, cat.genre_masks,
                            self.ml100k, self.tmdb)
        golden = texts[list(cat.movie_ids).index(2)]
        self.assertIn("stolen satellite", golden)
        self.assertNotIn("board game", " ".join(texts))

    def test_the_known_answer_for_every_fixture_film(self):
        join = join_dataset(self.ml100k, self.tmdb)
        self.assertEqual(join.keys, {1: 1, 2: 10, 5: 30, 6: 40, 7: 50, 8: 60})
        self.assertEqual((join.by_tmdb, join.by_imdb, join.by_title, join.unmatched), (0, 0, 6, 2))
        self.assertEqual(join.summary(), "TMDB metadata: 6 matched (0 by tmdbId, 0 by imdbId, 6 by title + year), "
                                         "2 without, 1 ambiguous titles: Emma (1996)")

    def test_a_film_that_matches_nothing_has_no_metadata(self):
        join = join_dataset(self.ml100k, self.tmdb)
        self.assertNotIn(3, join.keys)  # Four Rooms
        ml = read_movielens(self.ml100k, self.tmdb)
        self.assertNotIn(3, ml.tmdb_ids)
        cat = build_catalogue(ml)
        texts = movie_texts(cat.movie_ids, cat.titles, cat.years, cat.genres, cat.genre_masks,
                            self.ml100k, self.tmdb)
        self.assertEqual(texts[list(cat.movie_ids).index(3)], "Four Rooms . 1990s 90s . Thriller")

    def test_an_ambiguous_title_gets_none_and_is_reported(self):
        join = join_dataset(self.ml100k, self.tmdb)
        self.assertNotIn(4, join.keys)
        self.assertEqual(join.ambiguous, ["Emma (1996)"])
        self.assertIn("1 ambiguous titles: Emma (1996)", join.summary())

    def test_one_film_under_two_keys_is_not_ambiguous(self):
        rows = {5: Film(5, "Confessions of a Dangerous Mind", 2002, 4912, 290538),
                9: Film(9, "Confessions of a Dangerous Mind", 2002, 4912, 270288)}
        join = join_films([Film(77, "Confessions of a Dangerous Mind", 2002)], rows)
        self.assertEqual(join.keys, {77: 5})
        self.assertEqual(join.ambiguous, [])
        # With an imdbId the film takes the row that agrees on it too.
        join = join_films([Film(78, "Confessions of a Dangerous Mind", 2002, 4912, 270288)], rows)
        self.assertEqual((join.keys, join.by_tmdb), ({78: 9}, 1))

    def test_tmdb_id_beats_title(self):
        rows = read_metadata_rows(self.tmdb)
        join = join_films([Film(100, "Jumanji", 1995, tmdb_id=710),  # the title says Jumanji, the id GoldenEye
                           Film(101, "Jumanji", 1995, tmdb_id=999999),  # ids disagree with the Jumanji row
                           Film(102, "Jumanji", 1995, imdb_id=999999),
                           Film(103, "Jumanji", 1995)], rows)
        self.assertEqual(join.keys, {100: 10, 103: 2})
        self.assertEqual((join.by_tmdb, join.by_title, join.unmatched), (1, 1, 2))

    def test_imdb_id_zero_padding_and_links_csv(self):
        self.assertEqual([id_number(x) for x in ("0113189", "tt0113189", "113189", "113189.0", " 113189 ")],
                         [113189] * 5)
        self.assertEqual([id_number(x) for x in ("", "nan", "x12", "-3", "0", None)], [0] * 6)
        ml_dir = self.tmp / "csv"
        ml_dir.mkdir()
        (ml_dir / "movies.csv").write_text(
            "movieId,title,genres\r\n"
            "1,Toy Story (1995),Animation\r\n"  # links give another imdbId: not the Toy Story row
            "2,007: GoldenEye (1995),Action\r\n"  # title differs; the zero-padded imdbId finds it
            "10,Jumanji (1995),Adventure\r\n", encoding="utf-8")
        (ml_dir / "links.csv").write_text("movieId,imdbId,tmdbId\r\n1,0999999,\r\n2,0113189,\r\n10,0113497,8844\r\n",
                                          encoding="utf-8")
        (ml_dir / "ratings.csv").write_text(
            "userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n1,2,3.0,2\r\n1,10,5.0,3\r\n", encoding="utf-8")
        join = join_dataset(ml_dir, self.tmdb)
        self.assertEqual(join.keys, {2: 10, 10: 2})
        self.assertEqual((join.by_tmdb, join.by_imdb, join.by_title, join.unmatched), (1, 1, 0, 1))
        ml = read_movielens(ml_dir, self.tmdb)
        self.assertEqual(ml.imdb_ids, {1: 999999, 2: 113189, 10: 113497})
        # tmdbIds links.csv lacks come only through a real match, never from the row with the same movieId.
        self.assertEqual(ml.tmdb_ids, {2: 710, 10: 8844})

    def test_titles_are_normalised_as_the_catalogue_parses_them(self):
        self.assertEqual(title_names("The Postman (Il Postino)"),
                         ("the postman il postino", {"the postman il postino", "the postman", "il postino"}))
        self.assertEqual(title_names("Seven (a.k.a. Se7en)")[1], {"seven a k a se7en", "seven", "se7en"})
        rows = read_metadata_rows(self.tmdb)
        self.assertEqual(rows[50].title, "La Cité des enfants perdus (The City of Lost Children)")
        self.assertEqual((rows[60].title, rows[60].year), ("Kolja", 1996))  # release_date's year
        join = join_films([Film(1, "LA CITE DES ENFANTS PERDUS!", 1995),  # case, accents, punctuation
                           Film(2, "The City of Lost Children", 1996)], rows)  # another year: no
        self.assertEqual(join.keys, {1: 50})

    def test_end_to_end_through_the_readers(self):
        """read_movielens on an ML-100K folder, the catalogue, then the browser's metadata shards."""
        ml = read_movielens(self.ml100k, self.tmdb)
        self.assertEqual(ml.metadata_join.keys[2], 10)
        self.assertEqual(ml.tmdb_ids, {1: 862, 2: 710, 5: 11010, 6: 807, 7: 902})  # row 60 has no tmdbId
        cat = build_catalogue(ml)
        write_catalogue(cat, self.tmp / "catalogue.json")
        for keys in (ml.metadata_join.keys, None):  # as build_bundle passes them, and the catalogue's own join
            meta_dir = self.tmp / "meta"
            with self.subTest(keys="given" if keys else "from the catalogue"):
                self.assertEqual(build_metadata_shards(meta_dir, self.tmdb, self.tmp / "catalogue.json", keys), 1)
                self.assertEqual(lookup(meta_dir, 2), ["James Bond hunts a stolen satellite weapon.", 130,
                                                       "/goldeneye.jpg"])
                self.assertEqual(lookup(meta_dir, 1), ["Toys come alive when nobody looks.", 81, "/toy.jpg"])
                self.assertEqual(lookup(meta_dir, 8), ["", 0, "/kolja.jpg"])
                self.assertEqual(lookup(meta_dir, 5)[0], "A postman befriends Pablo Neruda.")
                self.assertIsNone(lookup(meta_dir, 3))  # Four Rooms: nothing
                self.assertIsNone(lookup(meta_dir, 4))  # Emma: ambiguous, nothing
                shard = json.loads((meta_dir / "0.json").read_text(encoding="utf-8"))
                self.assertEqual(sorted(shard, key=int), ["1", "2", "5", "6", "7", "8"])
                self.assertNotIn("A magical board game unleashes a jungle.", json.dumps(shard))
        self.assertEqual(sorted(read_metadata(self.tmdb)), [1, 2, 10, 20, 21, 30, 40, 50, 60])  # rows, by row key


if __name__ == "__main__":
    unittest.main()
