#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing. Sourced by run and test.
#   deps.sh build   -> compiler, CMake, libraries
#   deps.sh test    -> the above + the outside checkers used by the tests
#   deps.sh sanitize -> test + clang and its sanitizer/libFuzzer runtimes (scripts/test-sanitized)
set -euo pipefail
build_pkgs=(cmake g++ ninja-build pkg-config libpoco-dev libpq-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  libxml2-dev libsqlite3-dev sqlite3 libgtest-dev libgmock-dev libzip-dev libqpdf-dev)
# libsaxonhe-java + default-jre-headless: tests/conformance (validate-invoice.sh: EN 16931 schematron);
# qpdf: Factur-X test files made by attaching a CII to a PDF; postgresql: the server the store tests
# start for themselves (scripts/pg-throwaway.sh).
test_pkgs=(python3 python3-jsonschema libxml2-utils curl chromium python3-feedparser python3-yaml nodejs qpdf
  libsaxonhe-java default-jre-headless postgresql)
# The DFC connector's test runs `npm ci`: Debian's nodejs needs the npm package (NodeSource's bundles it).
command -v node >/dev/null || test_pkgs+=(npm)
sanitize_pkgs=(clang libclang-rt-dev)
want=("${build_pkgs[@]}")
case "${1:-build}" in
  test) want+=("${test_pkgs[@]}") ;;
  sanitize) want+=("${test_pkgs[@]}" "${sanitize_pkgs[@]}") ;;
esac
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
