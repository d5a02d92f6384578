#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info), using both cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# build.sh [TARGET...]: everything by default.
launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
targets=(); for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$root/build" -j "$(nproc)" "${targets[@]}"
