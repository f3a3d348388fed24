"""CineLocal build-time pipeline: MovieLens -> trained two-tower -> int8 site bundle."""
