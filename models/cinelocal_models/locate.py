"""Finding the input data: an explicit path, the shared dev copy, or a download from GroupLens."""
from __future__ import annotations

import shutil
import sys
import urllib.request
import zipfile
from pathlib import Path

from .errors import DataError

ML_SMALL_URL = "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip"
REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def movielens_dir(explicit: str | None) -> Path:
    if explicit:
        path = Path(explicit)
        if not path.is_dir():
            raise DataError(f"MovieLens directory {path} does not exist")
        return path
    shared = SHARED_DATA / "ml-latest-small"
    if shared.is_dir():
        return shared
    return download_ml_latest_small(REPO_ROOT / "build" / "downloads")


def tmdb_dir(explicit: str | None) -> Path | None:
    """An explicit folder, "none" for no metadata, else the shared dev copy when present (joined to
    any data set film by film: metadata_join.py)."""
    if explicit == "none":
        return None
    if explicit:
        path = Path(explicit)
        if not path.is_dir():
            raise DataError(f"TMDB metadata directory {path} does not exist")
        return path
    shared = SHARED_DATA / "tmdb-metadata"
    return shared if shared.is_dir() else None  # metadata is optional


def download_ml_latest_small(downloads: Path) -> Path:
    """Download and unpack ml-latest-small once; later builds reuse the unpacked folder."""
    target = downloads / "ml-latest-small"
    if (target / "ratings.csv").is_file() and (target / "movies.csv").is_file():
        return target
    downloads.mkdir(parents=True, exist_ok=True)
    zip_path = downloads / "ml-latest-small.zip"
    partial = zip_path.with_suffix(".zip.part")  # never leave a truncated zip under the final name
    print(f"downloading {ML_SMALL_URL} (about 1 MB; MovieLens licence: research/non-commercial use, "
          f"see README.txt inside)", file=sys.stderr)
    try:
        with urllib.request.urlopen(ML_SMALL_URL, timeout=60) as resp, open(partial, "wb") as out:
            shutil.copyfileobj(resp, out)
        partial.replace(zip_path)
    except OSError as e:  # URLError and socket timeouts are OSErrors
        partial.unlink(missing_ok=True)
        raise DataError(f"could not download {ML_SMALL_URL}: {e}. Download and unzip it yourself "
                        "and pass --movielens DIR") from None
    try:
        with zipfile.ZipFile(zip_path) as z:
            # Refuse entries that would escape the downloads folder.
            for name in z.namelist():
                if name.startswith("/") or ".." in Path(name).parts:
                    raise DataError(f"{zip_path}: unexpected entry {name!r}")
            staging = downloads / "ml-latest-small.unpacking"
            shutil.rmtree(staging, ignore_errors=True)
            z.extractall(staging)
    except zipfile.BadZipFile:
        zip_path.unlink(missing_ok=True)
        raise DataError(f"{zip_path} is not a valid zip; deleted it, run again to retry") from None
    unpacked = staging / "ml-latest-small"
    if not (unpacked / "ratings.csv").is_file():
        raise DataError(f"{zip_path} does not contain ml-latest-small/ratings.csv")
    shutil.rmtree(target, ignore_errors=True)
    unpacked.replace(target)
    shutil.rmtree(staging, ignore_errors=True)
    return target
