#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test CineLocal.
# Idempotent: every step checks first and skips what is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

apt_packages=(
  cmake ninja-build g++ make git ca-certificates curl unzip
  emscripten libeigen3-dev nlohmann-json3-dev catch2
  python3-torch python3-onnx python3-numpy python3-scipy python3-pandas libopenblas0-pthread
  chromium fonts-dejavu-core fonts-font-awesome brotli dpkg-dev
  python3-fonttools librsvg2-bin python3-snowballstemmer
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
)

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui's sources (imgui*.cpp) ship only in Debian's source package.
imgui_dir="$root/third_party/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  src_list=/etc/apt/sources.list.d/cinelocal-deb-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | sudo_if_needed tee "$src_list" >/dev/null
    sudo_if_needed apt-get update -qq
  fi
  tmp=$(mktemp -d)
  chmod a+rwx "$tmp"  # apt-get source downloads as the _apt user
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --no-check imgui_*.dsc imgui >/dev/null)
  mkdir -p "$root/third_party"
  rm -rf "$imgui_dir" && mv "$tmp/imgui" "$imgui_dir" && rm -rf "$tmp"
  echo "setup: Dear ImGui sources in third_party/imgui"
fi

# npm packages, exactly as the lock file pins them.
if [ ! -d node_modules/onnxruntime-web ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"
