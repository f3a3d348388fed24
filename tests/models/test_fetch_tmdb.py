"""models/fetch_tmdb.py against a fake TMDB server (http.server on 127.0.0.1, canned JSON): a full
run writes both CSV files in the shared layout and the build's readers take them; interruption and
resume; 429 with Retry-After; 401; 404 kept as "no metadata"; the rate limit; and the key never
appears in any output or file. Never talks to the real TMDB.

Run: /usr/bin/python3 -m unittest tests/models/test_fetch_tmdb.py
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FETCH = ROOT / "models" / "fetch_tmdb.py"
sys.path.insert(0, str(ROOT / "models"))

from cinelocal_models.content_model import movie_texts  # noqa: E402
from cinelocal_models.catalogue import build_catalogue  # noqa: E402
from cinelocal_models.metadata_join import join_dataset  # noqa: E402
from cinelocal_models.metadata_shards import read_metadata  # noqa: E402
from cinelocal_models.movielens import read_movielens  # noqa: E402

KEY = "k3y-SECRET/9f+2e=Z"  # needs URL quoting, so the quoted form must be kept out of outputs too
KEY_FORMS = (KEY, urllib.parse.quote(KEY, safe=""), urllib.parse.quote_plus(KEY), "SECRET")
NOT_FOUND = 404404


def answer(tmdb_id, title, date, overview, keywords=(), collection=None, imdb="", runtime=100):
    return {"id": tmdb_id, "title": title, "original_title": title, "release_date": date, "imdb_id": imdb,
            "overview": overview, "tagline": f"{title} tagline", "runtime": runtime, "vote_average": 7.25,
            "poster_path": f"/p{tmdb_id}.jpg", "backdrop_path": f"/b{tmdb_id}.jpg",
            "belongs_to_collection": {"id": collection, "name": "x"} if collection else None,
            "genres": [{"id": 1, "name": "Drama"}], "popularity": 3.0,
            "keywords": {"keywords": [{"id": i, "name": k} for i, k in enumerate(keywords)]}}


MOVIES = {
    862: answer(862, "Toy Story", "1995-10-30", "Toys, alive; \"quoted\".\nSecond line.", ["toy", "rivalry"], 10194,
                "tt0114709", 81),
    8844: answer(8844, "Jumanji", "1995-12-15", "A board game.", ["board game"]),
    15602: answer(15602, "Grumpier Old Men", "1995-12-22", "Old men feud.", runtime=0),
    11862: answer(11862, "Father of the Bride Part II", "1995-02-10", "A bride again."),
    949: answer(949, "Heat", "1995-12-15", "A heist in LA."),
}
LINKS = ("movieId,imdbId,tmdbId\r\n1,0114709,862\r\n2,0113497,8844\r\n3,0113228,15602\r\n5,0113041,11862\r\n"
         f"6,0113277,949\r\n7,0000007,{NOT_FOUND}\r\n8,0113000,\r\n9,0114709,862\r\n")
MOVIES_CSV = ("movieId,title,genres\r\n1,Toy Story (1995),Animation|Comedy\r\n2,Jumanji (1995),Adventure\r\n"
              "3,Grumpier Old Men (1995),Comedy\r\n6,Heat (1995),Crime\r\n7,Unknown (1990),Drama\r\n"
              "8,No Link (1991),Drama\r\n9,Toy Story again (1995),Animation\r\n")  # no movie 5: TMDB's title


class FakeTMDB:
    """GET /3/movie/{id}: 401 without the key, 500 from request number fail_from on, 429 (Retry-After:
    1) the first time for ids in throttle_once, 404 for unknown ids, else the canned answer."""

    def __init__(self, movies):
        self.movies, self.log, self.lock = movies, [], threading.Lock()
        self.fail_from, self.throttle_once, self.auth = None, set(), []
        self.not_tmdb = False  # 404s without TMDB's body, as a wrong --base-url gives
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def handle(self, h):
        url = urllib.parse.urlsplit(h.path)
        query = urllib.parse.parse_qs(url.query)
        m = re.fullmatch(r"/3/movie/(\d+)", url.path)
        tmdb_id = int(m.group(1)) if m else 0
        keyed = query.get("api_key") == [KEY] or h.headers.get("Authorization") == f"Bearer {KEY}"
        with self.lock:
            number = len(self.log) + 1
            if not keyed or not m or query.get("append_to_response") != ["keywords"]:
                status = 401
            elif self.fail_from is not None and number >= self.fail_from:
                status = 500
            elif tmdb_id in self.throttle_once:
                self.throttle_once.discard(tmdb_id)
                status = 429
            else:
                status = 200 if tmdb_id in self.movies else 404
            self.log.append((time.monotonic(), tmdb_id, status))
            self.auth.append("header" if "Authorization" in h.headers else "query")
        body = json.dumps(self.movies[tmdb_id] if status == 200 else  # TMDB's own error bodies
                          {"status_code": 34 if status == 404 else 7, "status_message": "nope"}).encode()
        if status == 404 and self.not_tmdb:
            body = b"<html>Not Found</html>"
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        if status == 429:
            h.send_header("Retry-After", "1")
        h.end_headers()
        h.wfile.write(body)

    def requested(self, status=None) -> list[int]:
        return [i for _, i, s in self.log if status is None or s == status]


class FetchTMDBTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.ml = self.tmp / "ml"
        self.ml.mkdir()
        (self.ml / "links.csv").write_text(LINKS, encoding="utf-8", newline="")
        (self.ml / "movies.csv").write_text(MOVIES_CSV, encoding="utf-8", newline="")
        (self.ml / "ratings.csv").write_text("userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n1,2,3.0,2\r\n",
                                             encoding="utf-8", newline="")
        self.out = self.tmp / "out"
        self.server = FakeTMDB(MOVIES)
        self.outputs = []

    def tearDown(self):
        self.server.close()
        try:
            self.assert_no_key()
        finally:
            shutil.rmtree(self.tmp)

    def fetch(self, *args, key=KEY, variable="TMDB_API_KEY"):
        env = {k: v for k, v in os.environ.items() if k not in ("TMDB_API_KEY", "TMDB_BEARER_TOKEN")}
        if key is not None:
            env[variable] = key
        start = time.monotonic()
        proc = subprocess.run([sys.executable, str(FETCH), "--movielens", str(self.ml), "--out", str(self.out),
                               "--base-url", self.server.url, "--retry-wait", "0.05", *map(str, args)],
                              env=env, capture_output=True, text=True, timeout=60)
        self.outputs += [proc.stdout, proc.stderr]
        return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start

    def assert_no_key(self):
        texts = list(self.outputs)
        if self.out.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in self.out.iterdir()]
        for text in texts:
            for form in KEY_FORMS:
                self.assertNotIn(form, text)

    def rows(self, name):
        with open(self.out / name, newline="", encoding="utf-8") as f:
            return list(csv.reader(f))

    def test_a_full_run_writes_both_files_in_the_shared_layout(self):
        code, out, err, _ = self.fetch()
        self.assertEqual(code, 0, err)
        self.assertIn("6/6 (100%)", err)  # the progress line (not a terminal: one every 10%)
        self.assertIn("6 films with metadata, 2 without (1 tmdbIds TMDB does not know, 1 films without tmdbId)", out)
        enriched = self.rows("movies_enriched.csv")
        self.assertEqual(enriched[0], ["movieId", "title", "genres", "imdbId", "tmdbId", "overview", "tagline",
                                       "runtime", "tmdb_rating", "keywords"])
        by_id = {r[0]: r for r in enriched[1:]}
        self.assertEqual(sorted(by_id, key=int), ["1", "2", "3", "5", "6", "9"])  # 7: 404, 8: no tmdbId
        self.assertEqual(by_id["1"], ["1", "Toy Story (1995)", "Animation|Comedy", "114709", "862",
                                      'Toys, alive; "quoted". Second line.', "Toy Story tagline", "81", "7.25",
                                      "toy|rivalry"])
        self.assertEqual(by_id["9"][4:6], ["862", by_id["1"][5]])  # one tmdbId, two movieIds, one request
        self.assertEqual(by_id["3"][7], "")  # runtime 0: unknown
        self.assertEqual(by_id["5"][1:3], ["Father of the Bride Part II (1995)", "Drama"])  # not in movies.csv
        details = self.rows("movie_details.csv")
        self.assertEqual(details[0], ["moveId", "original_title", "collectionId", "release_date", "backdrop_path",
                                      "poster_path"])
        self.assertEqual(details[1], ["1", "Toy Story", "10194", "10/30/1995", "/b862.jpg", "/p862.jpg"])
        self.assertEqual(details[4][3], "2/10/1995")
        self.assertTrue((self.out / "movies_enriched.csv").read_bytes().startswith(b"movieId,title,genres,imdbId,"
                                                                                   b"tmdbId,overview,tagline,"
                                                                                   b"runtime,tmdb_rating,keywords\r\n"))
        self.assertNotIn(b"\r", (self.out / "movie_details.csv").read_bytes())
        self.assertEqual(sorted(self.server.requested()), sorted([862, 8844, 15602, 11862, 949, NOT_FOUND]))
        cache = [json.loads(line) for line in (self.out / "cache.jsonl").read_text().splitlines()]
        self.assertIn({"tmdbId": NOT_FOUND, "status": 404}, cache)

        # A rerun asks for nothing (the 404 included) and needs no key.
        code, out, err, _ = self.fetch(key=None)
        self.assertEqual(code, 0, err)
        self.assertEqual(len(self.server.log), 6)

        # What the build reads: the metadata shards' reader, the join and the content texts (keywords).
        meta = read_metadata(self.out)
        self.assertEqual(meta[1], ['Toys, alive; "quoted". Second line.', 81, "/p862.jpg"])
        join = join_dataset(self.ml, self.out)
        self.assertEqual((join.keys, join.by_tmdb), ({1: 1, 2: 2, 3: 3, 6: 6, 9: 9}, 5))
        ml = read_movielens(self.ml, self.out)
        cat = build_catalogue(ml)
        texts = movie_texts(cat.movie_ids, cat.titles, cat.years, cat.genres, cat.genre_masks, self.ml, self.out)
        self.assertIn("board game", texts[list(cat.movie_ids).index(2)])
        self.assertTrue(texts[0].endswith("Toy Story tagline . toy rivalry"), texts[0])

    def test_interruption_and_resume(self):
        self.server.fail_from = 3  # two answers, then the server fails until further notice
        code, out, err, _ = self.fetch("--workers", 1, "--retries", 2)
        self.assertEqual(code, 3, err)
        self.assertIn("fetch_tmdb: tmdbId 15602: HTTP 500 (2 retries)", err)
        self.assertIn("network down: kept 2 answers in the cache, rerun to continue", err)
        self.assertEqual(self.server.requested(), [862, 8844, 15602, 15602, 15602])
        self.assertFalse((self.out / "movies_enriched.csv").exists())
        with open(self.out / "cache.jsonl", "ab") as f:
            f.write(b'{"tmdbId":15602,"status":200,"mov')  # a crash in the middle of a line
        first = len(self.server.log)

        self.server.fail_from = None
        code, out, err, _ = self.fetch("--limit", 2)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.server.requested()[first:], [15602, 11862])  # the cached two are not asked again
        self.assertIn("2 not fetched yet: --limit reached, rerun to continue", out)
        self.assertEqual(len(self.rows("movies_enriched.csv")), 1 + 5)  # 1 and 9 (862), 2, 3, 5

        second = len(self.server.log)
        code, out, err, _ = self.fetch()
        self.assertEqual(code, 0, err)
        self.assertEqual(sorted(self.server.requested()[second:]), sorted([949, NOT_FOUND]))
        lines = (self.out / "cache.jsonl").read_text().splitlines()
        self.assertEqual(sorted(json.loads(line)["tmdbId"] for line in lines),
                         sorted([862, 8844, 15602, 11862, 949, NOT_FOUND]))  # the cut line is gone
        self.assertEqual(len(self.rows("movies_enriched.csv")), 1 + 6)

    def test_429_waits_retry_after_and_retries_the_same_film(self):
        self.server.throttle_once = {8844}
        code, _, err, elapsed = self.fetch("--workers", 1)
        self.assertEqual(code, 0, err)
        tries = [(t, s) for t, i, s in self.server.log if i == 8844]
        self.assertEqual([s for _, s in tries], [429, 200])
        self.assertGreaterEqual(tries[1][0] - tries[0][0], 1.0)
        self.assertGreaterEqual(elapsed, 1.0)
        self.assertEqual(len(self.rows("movies_enriched.csv")), 1 + 6)

    def test_401_stops_at_once_without_showing_the_key(self):
        code, out, err, _ = self.fetch("--workers", 2, key="wrong-" + KEY)
        self.assertEqual(code, 2)
        self.assertIn("TMDB refused the key (401): check TMDB_API_KEY", err)
        self.assertLessEqual(len(self.server.log), 2)  # the requests in flight, nothing after
        self.assertFalse((self.out / "movies_enriched.csv").exists())
        for text in (out, err):
            self.assertNotIn("wrong-", text)
        code, _, err, _ = self.fetch(key="wrong", variable="TMDB_BEARER_TOKEN")
        self.assertEqual(code, 2)
        self.assertIn("TMDB refused the key (401): check TMDB_BEARER_TOKEN", err)

    def test_a_404_that_is_not_tmdbs_stops_and_caches_nothing(self):
        self.server.not_tmdb = True
        code, _, err, _ = self.fetch("--workers", 1)
        self.assertEqual(code, 2)
        self.assertIn("is --base-url right?", err)
        cache = self.out / "cache.jsonl"
        self.assertNotIn('"status": 404', cache.read_text() if cache.exists() else "")

    def test_a_bearer_token_is_sent_as_a_header(self):
        code, _, err, _ = self.fetch(variable="TMDB_BEARER_TOKEN")
        self.assertEqual(code, 0, err)
        self.assertEqual(set(self.server.auth), {"header"})

    def test_no_key_is_a_clear_error(self):
        code, _, err, _ = self.fetch(key=None)
        self.assertEqual(code, 2)
        self.assertIn("no TMDB key: set TMDB_API_KEY", err)
        self.assertEqual(self.server.log, [])

    def test_requests_keep_to_the_rate(self):
        code, _, err, elapsed = self.fetch("--rate", 5, "--workers", 4)
        self.assertEqual(code, 0, err)
        times = sorted(t for t, _, _ in self.server.log)
        self.assertEqual(len(times), 6)
        for i in range(len(times)):
            for j in range(i + 1, len(times)):
                self.assertGreaterEqual(times[j] - times[i], (j - i) / 5 - 0.03)
        self.assertGreaterEqual(elapsed, 1.0)


if __name__ == "__main__":
    unittest.main()
