#!/usr/bin/env bash
# Build the same sites with two okrsite commands and compare every output file.
#
#   bash benchmarks/compare_builds.sh BASE_OKRSITE [NEW_OKRSITE] [SITE ...]
#
# BASE_OKRSITE is the okrsite command of the version to compare against (e.g.
# a virtual environment made from another checkout); NEW_OKRSITE defaults to
# this checkout's .venv/bin/okrsite; the sites default to the example site
# (this folder) and benchmarks/corpus-1000 (generated if missing). Each site is
# copied without a themes/ folder first, so each version renders with its own
# built-in theme (the example site is this checkout, whose themes/ would
# otherwise serve both). Both builds use --as-of 2026-11-20 --no-cache; exits 1
# on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
base="$1"
new="${2:-$here/.venv/bin/okrsite}"
shift $(( $# >= 2 ? 2 : 1 ))
sites=("$@")
if [ ${#sites[@]} -eq 0 ]; then
  [ -d "$here/benchmarks/corpus-1000" ] ||
    "$here/.venv/bin/python" "$here/benchmarks/generate.py" "$here/benchmarks/corpus-1000" --objectives 1000 >/dev/null
  sites=("$here" "$here/benchmarks/corpus-1000")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for site in "${sites[@]}"; do
  rm -rf "$work/site" && mkdir "$work/site"
  for part in okrsite.toml content templates static translations data; do
    [ -e "$site/$part" ] && cp -r "$site/$part" "$work/site/"
  done
  for which in base new; do
    cmd="$base"; [ "$which" = new ] && cmd="$new"
    (cd "$work/site" && "$cmd" build --as-of 2026-11-20 --no-cache --out "$work/$which" >/dev/null 2>&1) ||
      { echo "build failed: $which in $site"; status=1; }
  done
  if diff -r -q "$work/base" "$work/new"; then
    echo "identical: $site ($(find "$work/new" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $site"; status=1
  fi
  rm -rf "$work/base" "$work/new"
done
exit $status
