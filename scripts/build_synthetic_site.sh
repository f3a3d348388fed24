#!/usr/bin/env bash
# A site with a synthetic data set of ml-32m's catalogue shape (87,585 films), for the browser
# tests and the site budgets (bench/site_budget.mjs). Needs build/site built first (./run build).
#   scripts/build_synthetic_site.sh SITE_DIR DATA_DIR [--epochs N] [--max-vector-films N] [generator options]
# Generates DATA_DIR with models/synthetic_movielens.py and the options (once: an existing
# DATA_DIR is reused), builds the bundle into SITE_DIR/bundle (cached like ./run build's; --epochs
# and --max-vector-films as build_bundle.py's), and copies the app's files from build/site. Examples:
#   scripts/build_synthetic_site.sh build/site87k build/synthetic/ml87k --epochs 10 --max-vector-films 3000 \
#     --movies 87585 --users 3000 --ratings 400000     # ./run test's: 84,585 search-only films, ~4 min
#   scripts/build_synthetic_site.sh build/site87k-full build/scale/ml32m-x1     # ml-32m's full shape, ~15 min
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
site=$1; data=$2; shift 2
build_options=()  # build_bundle.py's, before the generator's
while [ "${1:-}" = --epochs ] || [ "${1:-}" = --max-vector-films ]; do build_options+=("$1" "$2"); shift 2; done
[ -f build/site/index.html ] || { echo "build_synthetic_site: build/site is missing: run ./run build first" >&2; exit 2; }
if [ ! -f "$data/ratings.csv" ]; then
  /usr/bin/python3 models/synthetic_movielens.py --out "$data" "$@"
fi
mkdir -p "$site" "$site-reference"
/usr/bin/python3 models/build_bundle.py --movielens "$data" --tmdb none --out "$site/bundle" \
  --reference "$site-reference/model_reference.json" "${build_options[@]}"
build/native/cli/cinelocal-cli verify "$site/bundle"
# The app itself is the one of build/site (copies: the service worker manifest hashes real files;
# -p keeps the times, so a copied .br twin is not older than its original).
for entry in build/site/*; do
  [ "$(basename "$entry")" = bundle ] || cp -rp "$entry" "$site/"
done
/usr/bin/python3 scripts/subset_fonts.py "$site"  # this catalogue's titles
node scripts/write_preloads.mjs "$site"  # this bundle's start files
node scripts/write_sw_manifest.mjs "$site"
node scripts/precompress.mjs "$site"
echo "synthetic site ready: node scripts/serve_static.mjs $site 8080"
