#!/usr/bin/python3
"""Fetch TMDB metadata for every tmdbId in a MovieLens links.csv, written in the layout of
../shared/data/tmdb-metadata, so that `build_bundle.py --tmdb OUT` uses it unchanged.

    TMDB_API_KEY=... /usr/bin/python3 models/fetch_tmdb.py --movielens DIR --out OUT [--rate 40] [--limit N]

The key comes from the environment only: TMDB_API_KEY (a v3 API key, sent as the api_key query
parameter) or TMDB_BEARER_TOKEN (a v4 read access token, sent as "Authorization: Bearer"). It is never
taken from the command line, printed, or written to a file; error text is redacted.

For each tmdbId: GET {base}/3/movie/{id}?append_to_response=keywords. Every answer is appended to
OUT/cache.jsonl (one JSON line, flushed), so an interrupted run continues where it stopped; a 404 is
kept as "no metadata" and never asked again. At most --rate requests per second (TMDB allows about
50); HTTP 429 waits Retry-After seconds and retries the same film; 5xx and network errors retry with
backoff, then stop ("network down", exit 3; rerun to continue); 401 stops at once (exit 2). At the
end OUT/movies_enriched.csv and OUT/movie_details.csv are written from the cache: the shared
folder's columns (and `moveId` spelling), plus a `keywords` column (pipe-separated) at the end of
movies_enriched.csv, keyed by the links.csv movieId with its imdbId and tmdbId.

urllib and the project's id parser only. Exit codes: 0 done (or --limit reached), 2 bad input / key refused / an
unexpected TMDB answer, 3 network down, 130 interrupted.
"""
from __future__ import annotations

import argparse
import csv
import email.utils
import http.client
import json
import os
import queue
import re
import sys
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cinelocal_models.movielens import id_number  # noqa: E402  (the one parser of optional ids)

DEFAULT_BASE_URL = "https://api.themoviedb.org"
CACHE = "cache.jsonl"
ENRICHED = "movies_enriched.csv"
DETAILS = "movie_details.csv"
ENRICHED_COLUMNS = ["movieId", "title", "genres", "imdbId", "tmdbId", "overview", "tagline", "runtime",
                    "tmdb_rating", "keywords"]
DETAILS_COLUMNS = ["moveId", "original_title", "collectionId", "release_date", "backdrop_path", "poster_path"]
KEY_VARIABLES = ("TMDB_API_KEY", "TMDB_BEARER_TOKEN")
MAX_RETRY_AFTER = 600.0


class Stop(Exception):
    """Ends the run: message for stderr and the exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------- the key

@dataclass(frozen=True)
class Key:
    variable: str
    value: str

    def redact(self, text: str) -> str:
        for form in {self.value, urllib.parse.quote(self.value, safe=""), urllib.parse.quote_plus(self.value)}:
            if form:
                text = text.replace(form, "***")
        return text


def key_from_environment() -> Key | None:
    for variable in KEY_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if value:
            return Key(variable, value)
    return None


def _redact(text: str) -> str:
    """Any key the environment holds, out of any text (also when no request was made yet)."""
    for variable in KEY_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if value:
            text = Key(variable, value).redact(text)
    return text


# ---------------------------------------------------------------- inputs

@dataclass(frozen=True)
class Link:
    movie_id: int
    imdb_id: str  # as links.csv has it ("0114709"), "" if none
    tmdb_id: int  # 0 if none


def _read_csv(path: Path, required: list[str]) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            header = [h.strip() for h in reader.fieldnames or []]
            missing = [c for c in required if c not in header]
            if missing:
                raise Stop(f"{path} line 1: header {','.join(header)} lacks column(s) {', '.join(missing)}", 2)
            reader.fieldnames = header
            return list(reader)
    except OSError as e:
        raise Stop(f"cannot read {path}: {e.strerror}", 2) from None
    except (csv.Error, UnicodeDecodeError) as e:
        raise Stop(f"{path}: cannot parse: {e}", 2) from None


def read_links(ml_dir: Path) -> list[Link]:
    path = ml_dir / "links.csv" if ml_dir.is_dir() else ml_dir
    if not path.is_file():
        raise Stop(f"{ml_dir} has no links.csv: only the MovieLens CSV layout (ml-latest(-small), ml-25m, "
                   "ml-32m) lists tmdbIds", 2)
    links = []
    for row in _read_csv(path, ["movieId", "tmdbId"]):
        movie_id = id_number(row.get("movieId"))
        if movie_id:
            imdb = (row.get("imdbId") or "").strip()
            links.append(Link(movie_id, imdb if id_number(imdb) else "", id_number(row.get("tmdbId"))))
    return links


def read_movie_titles(ml_dir: Path) -> dict[int, tuple[str, str]]:
    """movieId -> (MovieLens title, genres) from movies.csv beside links.csv, if there is one."""
    path = (ml_dir if ml_dir.is_dir() else ml_dir.parent) / "movies.csv"
    if not path.is_file():
        return {}
    return {id_number(r.get("movieId")): (r.get("title") or "", r.get("genres") or "")
            for r in _read_csv(path, ["movieId", "title", "genres"])}


# ---------------------------------------------------------------- the cache

def _slim(answer: dict) -> dict:
    """The fields the two CSV files need, from a /3/movie answer with keywords appended."""
    collection = answer.get("belongs_to_collection") or {}
    keywords = (answer.get("keywords") or {}).get("keywords") or []
    return {
        "title": answer.get("title") or "", "original_title": answer.get("original_title") or "",
        "release_date": answer.get("release_date") or "", "imdb_id": answer.get("imdb_id") or "",
        "overview": answer.get("overview") or "", "tagline": answer.get("tagline") or "",
        "runtime": answer.get("runtime") or 0, "vote_average": answer.get("vote_average"),
        "poster_path": answer.get("poster_path") or "", "backdrop_path": answer.get("backdrop_path") or "",
        "collection_id": collection.get("id") if isinstance(collection, dict) else None,
        "genres": [g.get("name", "") for g in answer.get("genres") or [] if isinstance(g, dict)],
        "keywords": [k.get("name", "") for k in keywords if isinstance(k, dict)],
    }


class Cache:
    """OUT/cache.jsonl: one line per answered tmdbId, {"tmdbId", "status": 200|404, "movie"}. A last
    line cut short by a crash is dropped (that film is fetched again)."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[int, dict] = {}
        data = path.read_bytes() if path.is_file() else b""
        complete = data[:data.rfind(b"\n") + 1]
        if len(complete) != len(data):  # a partial last line: cut it off so appends start on a new line
            with open(path, "r+b") as f:
                f.truncate(len(complete))
        for line in complete.splitlines():
            try:
                entry = json.loads(line)
                self.entries[int(entry["tmdbId"])] = entry
            except (ValueError, KeyError, TypeError):
                continue  # unreadable: fetched again
        self.file = None

    def add(self, tmdb_id: int, status: int, movie: dict | None) -> None:
        entry = {"tmdbId": tmdb_id, "status": status}
        if movie is not None:
            entry["movie"] = movie
        if self.file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.file = open(self.path, "a", encoding="utf-8")
        self.file.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.file.flush()
        self.entries[tmdb_id] = entry

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


# ---------------------------------------------------------------- fetching

class RateLimiter:
    """Request start times at least 1/rate apart across all workers; pause() holds everyone (429)."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self.next = 0.0
        self.lock = threading.Lock()

    def wait(self, stop: threading.Event) -> bool:
        with self.lock:
            start = max(time.monotonic(), self.next)
            self.next = start + self.interval
        delay = start - time.monotonic()
        return not (delay > 0 and stop.wait(delay))

    def pause(self, seconds: float) -> None:
        with self.lock:
            self.next = max(self.next, time.monotonic() + seconds)


def retry_after_seconds(value: str | None) -> float:
    """Retry-After: seconds or an HTTP date; 1 s when absent or unreadable."""
    if not value:
        return 1.0
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return 1.0
    return min(max(seconds, 0.0), MAX_RETRY_AFTER) if seconds == seconds else 1.0


TMDB_NOT_FOUND = 34  # TMDB's status_code in a 404's body: "The resource you requested could not be found."
MAX_THROTTLED = 30  # 429s in a row for one film before giving up


def _read_error_body(e: urllib.error.HTTPError) -> dict:
    """An error answer's JSON object, or {} (no body, not JSON)."""
    try:
        answer = json.loads(e.read().decode("utf-8"))
    except (OSError, ValueError, http.client.HTTPException):
        answer = None
    finally:
        e.close()
    return answer if isinstance(answer, dict) else {}


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same host: the key (query or Authorization header) must never
    be sent to another server."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).netloc != urllib.parse.urlsplit(req.full_url).netloc:
            return None  # urllib then raises the 3xx as an HTTPError: a clear stop, nothing sent
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameHostRedirects)


class Fetcher:
    def __init__(self, base_url: str, key: Key, rate: float, retries: int, retry_wait: float, timeout: float):
        self.base_url, self.key = base_url.rstrip("/"), key
        self.limiter = RateLimiter(rate)
        self.retries, self.retry_wait, self.timeout = retries, retry_wait, timeout
        self.stop = threading.Event()
        self.requests = 0
        self.lock = threading.Lock()

    def _request(self, tmdb_id: int) -> urllib.request.Request:
        url = f"{self.base_url}/3/movie/{tmdb_id}?append_to_response=keywords"
        headers = {"Accept": "application/json", "User-Agent": "CineLocal-fetch_tmdb/1"}
        if self.key.variable == "TMDB_API_KEY":
            url += "&api_key=" + urllib.parse.quote(self.key.value, safe="")
        else:
            headers["Authorization"] = f"Bearer {self.key.value}"
        return urllib.request.Request(url, headers=headers)

    def fetch(self, tmdb_id: int):
        """(200, slim answer) or (404, None); raises Stop for 401, other 4xx and a network that stays down;
        None when the run was stopped meanwhile."""
        failures = throttled = 0
        while True:
            if not self.limiter.wait(self.stop) or self.stop.is_set():
                return None
            with self.lock:
                self.requests += 1
            try:
                with _OPENER.open(self._request(tmdb_id), timeout=self.timeout) as response:
                    answer = json.loads(response.read().decode("utf-8"))
                if not isinstance(answer, dict):
                    raise ValueError("the answer is not a JSON object")
                return 200, _slim(answer)
            except urllib.error.HTTPError as e:
                code, retry_after = e.code, e.headers.get("Retry-After") if e.headers else None
                body = _read_error_body(e)
                if code == 404:
                    if body.get("status_code") == TMDB_NOT_FOUND:
                        return 404, None
                    # Not TMDB saying "no such film" (a wrong --base-url, a proxy): caching it would
                    # hide the film for good.
                    raise Stop(f"HTTP 404 without TMDB's 'not found' answer for tmdbId {tmdb_id}: "
                               "is --base-url right?", 2) from None
                if code == 401:
                    raise Stop(f"TMDB refused the key (401): check {self.key.variable}", 2) from None
                if code == 429:
                    throttled += 1
                    if throttled > MAX_THROTTLED:
                        raise Stop(f"tmdbId {tmdb_id}: still rate limited (429) after {MAX_THROTTLED} waits; "
                                   "rerun later (the cache keeps what was fetched)", 3) from None
                    self.limiter.pause(retry_after_seconds(retry_after))
                    continue
                if code < 500:
                    raise Stop(f"TMDB answered HTTP {code} for tmdbId {tmdb_id}", 2) from None
                problem = f"HTTP {code}"
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as e:
                problem = self.key.redact(f"{type(e).__name__}: {getattr(e, 'reason', None) or e}")
            failures += 1
            if failures > self.retries:
                raise Stop(f"tmdbId {tmdb_id}: {problem} ({self.retries} retries)", 3)
            if self.stop.wait(self.retry_wait * 2 ** (failures - 1)):
                return None


class Progress:
    """done/total, rate and ETA on stderr: rewritten in place at most once a second on a terminal,
    else a line every 10% of this run's work."""

    def __init__(self, total: int, done: int, stream=sys.stderr):
        self.total, self.done, self.stream = total, done, stream
        self.todo, self.fetched = total - done, 0
        self.last = self.first_answer = self.last_answer = time.monotonic()
        self.tty = stream.isatty()
        self.decile = 0

    def line(self) -> str:
        # The rate since the first answer (the first one comes before any spacing shows).
        rate = (self.fetched - 1) / (self.last_answer - self.first_answer) if self.fetched > 1 and \
            self.last_answer > self.first_answer else 0.0
        left = self.total - self.done
        eta = _duration(left / rate) if rate > 0 else ("0s" if not left else "?")
        percent = 100 * self.done // max(self.total, 1)
        return f"fetch_tmdb: {self.done:,}/{self.total:,} ({percent}%)  {rate:.1f} req/s  ETA {eta}"

    def step(self) -> None:
        self.done += 1
        self.fetched += 1
        now = self.last_answer = time.monotonic()
        if self.fetched == 1:
            self.first_answer = now
        if self.tty:
            if now - self.last >= 1.0:
                self.last = now
                self.stream.write("\r" + self.line() + "\033[K")
                self.stream.flush()
        elif self.todo and (decile := 10 * self.fetched // self.todo) > self.decile:
            self.decile = decile
            print(self.line(), file=self.stream, flush=True)

    def finish(self) -> None:
        if self.tty and self.fetched:
            self.stream.write("\r" + self.line() + "\033[K\n")
            self.stream.flush()


def fetch_all(fetcher: Fetcher, ids: list[int], cache: Cache, workers: int, progress: Progress) -> None:
    """Fetches ids with `workers` threads; the answers go to the cache as they come (this thread
    writes). Raises Stop for the first fatal problem, after the other workers have stopped."""
    todo: queue.Queue = queue.Queue()
    for tmdb_id in ids:
        todo.put(tmdb_id)
    results: queue.Queue = queue.Queue()

    def work():
        while not fetcher.stop.is_set():
            try:
                tmdb_id = todo.get_nowait()
            except queue.Empty:
                return
            try:
                outcome = fetcher.fetch(tmdb_id)
            except Stop as e:
                results.put(("stop", tmdb_id, e))
                return
            except Exception as e:  # a bug: stop the run, redacted, rather than hang
                results.put(("stop", tmdb_id, Stop(fetcher.key.redact(traceback.format_exc()) or str(e), 1)))
                return
            if outcome is not None:
                results.put(("answer", tmdb_id, outcome))

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, min(workers, len(ids))))]
    for t in threads:
        t.start()
    first_stop = None
    try:
        while any(t.is_alive() for t in threads) or not results.empty():
            try:
                kind, tmdb_id, value = results.get(timeout=0.1)
            except queue.Empty:
                continue
            if kind == "answer":
                cache.add(tmdb_id, value[0], value[1])
                progress.step()
            elif first_stop is None:
                first_stop = value
                fetcher.stop.set()
    except KeyboardInterrupt:
        fetcher.stop.set()
        raise
    finally:
        progress.finish()
    if first_stop is not None:
        raise first_stop


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


# ---------------------------------------------------------------- output

def _one_line(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _us_date(iso: str) -> str:
    """"1995-10-30" -> "10/30/1995" (the shared file's month/day/year without zero padding)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", (iso or "").strip())
    return f"{int(m.group(2))}/{int(m.group(3))}/{m.group(1)}" if m else ""


def _runtime(value) -> str:
    minutes = id_number(value)
    return str(minutes) if minutes else ""


def write_outputs(out: Path, links: list[Link], titles: dict[int, tuple[str, str]], cache: Cache) -> tuple[int, int]:
    """Both CSV files from the cache, one row per links.csv movie whose tmdbId has metadata (written
    whole, then renamed into place). Returns (rows, movies without metadata)."""
    enriched, details, without = [], [], 0
    for link in links:
        entry = cache.entries.get(link.tmdb_id) if link.tmdb_id else None
        movie = entry.get("movie") if entry and entry.get("status") == 200 else None
        if movie is None:
            without += 1
            continue
        year = (movie.get("release_date") or "")[:4]
        title, genres = titles.get(link.movie_id, ("", ""))
        if not title:
            title = f"{movie.get('title', '')} ({year})" if year.isdigit() else movie.get("title", "")
            genres = "|".join(movie.get("genres") or []) or "(no genres listed)"
        imdb = id_number(link.imdb_id) or id_number(movie.get("imdb_id"))
        rating = movie.get("vote_average")
        keywords = "|".join(_one_line(k).replace("|", "/") for k in movie.get("keywords") or [] if _one_line(k))
        enriched.append([link.movie_id, title, genres, imdb or "", link.tmdb_id, _one_line(movie.get("overview")),
                         _one_line(movie.get("tagline")), _runtime(movie.get("runtime")),
                         "" if rating is None else rating, keywords])
        collection = id_number(movie.get("collection_id"))
        details.append([link.movie_id, _one_line(movie.get("original_title")), collection or "",
                        _us_date(movie.get("release_date")), movie.get("backdrop_path") or "",
                        movie.get("poster_path") or ""])
    # The shared files' line endings: CRLF for movies_enriched.csv, LF for movie_details.csv.
    for name, columns, rows, end in ((ENRICHED, ENRICHED_COLUMNS, enriched, "\r\n"),
                                     (DETAILS, DETAILS_COLUMNS, details, "\n")):
        part = out / (name + ".part")
        with open(part, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator=end)
            writer.writerow(columns)
            writer.writerows(rows)
        part.replace(out / name)
    return len(enriched), without


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                epilog="The key is read from TMDB_API_KEY or TMDB_BEARER_TOKEN only.")
    p.add_argument("--movielens", required=True, help="MovieLens CSV folder with links.csv (or the links.csv file)")
    p.add_argument("--out", required=True, help="folder for cache.jsonl, movies_enriched.csv, movie_details.csv")
    p.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"TMDB API server (default {DEFAULT_BASE_URL})")
    p.add_argument("--rate", type=float, default=40.0, help="at most this many requests per second (default 40)")
    p.add_argument("--limit", type=int, help="fetch at most N films not yet in the cache (to try it)")
    p.add_argument("--workers", type=int, default=8, help="requests in flight at once (default 8)")
    p.add_argument("--retries", type=int, default=4, help="retries of a 5xx or network error (default 4)")
    p.add_argument("--retry-wait", type=float, default=1.0, help="first backoff in seconds, doubled per retry")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
    args = p.parse_args(argv)
    if not args.rate > 0:
        p.error("--rate must be > 0")
    if args.limit is not None and args.limit < 0:
        p.error("--limit must be >= 0")
    if args.workers < 1 or args.retries < 0 or args.retry_wait < 0 or not args.timeout > 0:
        p.error("--workers must be >= 1, --retries and --retry-wait >= 0, --timeout > 0")
    return args


def run(args) -> int:
    ml_dir, out = Path(args.movielens), Path(args.out)
    links = read_links(ml_dir)
    titles = read_movie_titles(ml_dir)
    out.mkdir(parents=True, exist_ok=True)
    cache = Cache(out / CACHE)
    ids = list(dict.fromkeys(link.tmdb_id for link in links if link.tmdb_id))
    missing = [i for i in ids if i not in cache.entries]
    todo = missing if args.limit is None else missing[:args.limit]
    no_id = sum(1 for link in links if not link.tmdb_id)
    print(f"fetch_tmdb: {len(links):,} films in links.csv ({no_id:,} without tmdbId), {len(ids):,} tmdbIds, "
          f"{len(ids) - len(missing):,} in the cache, {len(todo):,} to fetch at <= {args.rate:g}/s",
          file=sys.stderr, flush=True)
    try:
        if todo:
            key = key_from_environment()
            if key is None:
                raise Stop("no TMDB key: set TMDB_API_KEY (v3 API key) or TMDB_BEARER_TOKEN (v4 read access "
                           "token) in the environment (it is never taken from the command line)", 2)
            fetcher = Fetcher(args.base_url, key, args.rate, args.retries, args.retry_wait, args.timeout)
            cached = len(ids) - len(missing)
            progress = Progress(cached + len(todo), cached, sys.stderr)
            try:
                fetch_all(fetcher, todo, cache, args.workers, progress)
            except Stop as e:
                if e.code != 3:
                    raise
                print(f"fetch_tmdb: {key.redact(str(e))}", file=sys.stderr)
                raise Stop(f"network down: kept {len(cache.entries):,} answers in the cache, rerun to continue",
                           3) from None
    except KeyboardInterrupt:
        raise Stop(f"interrupted: kept {len(cache.entries):,} answers in the cache, rerun to continue", 130) from None
    finally:
        cache.close()
    rows, without = write_outputs(out, links, titles, cache)
    not_found = sum(1 for i in ids if cache.entries.get(i, {}).get("status") == 404)
    left = len(missing) - len(todo)
    print(f"fetch_tmdb: wrote {out / ENRICHED} and {out / DETAILS}: {rows:,} films with metadata, {without:,} "
          f"without ({not_found:,} tmdbIds TMDB does not know, {no_id:,} films without tmdbId"
          + (f", {left:,} not fetched yet: --limit reached, rerun to continue" if left else "") + ")")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        return run(args)
    except Stop as e:
        print(f"fetch_tmdb: {_redact(str(e))}", file=sys.stderr)
        return e.code
    except Exception:  # a bug: the traceback, without the key
        print(_redact(traceback.format_exc()), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
