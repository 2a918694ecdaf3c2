#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs the whole
# suite: lint, types, unit/CLI/server tests and the browser tests in Debian's
# Chromium. README.md and .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "scripts/test.sh: installing Debian's chromium for the browser tests"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy okrsite
# one test worker per core (pytest-xdist), each taking the next test when
# it is free: the suite's long browser tests keep every core busy. Pass
# -n 0 to run in one process.
.venv/bin/pytest -q -p no:cacheprovider -n auto --dist worksteal "$@"
