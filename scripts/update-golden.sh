#!/usr/bin/env bash
# Rewrites tests/golden/site/ from a fresh build of the example site (content/
# at --as-of 2026-11-20). Run it after an intended change to the output, then
# review the result with: git diff tests/golden/site
set -euo pipefail
cd "$(dirname "$0")/.."

PYTEST=pytest
if [ -x .venv/bin/pytest ]; then
  PYTEST=.venv/bin/pytest
fi
OKRSITE_UPDATE_GOLDEN=1 "$PYTEST" tests/test_golden_site.py "$@"
