"""The site index lists its cycles in one order in every process.

``SiteIndex.cycles`` was filled by iterating a set of cycle names, whose
order follows Python's string hashing, which differs from one process to
the next (``PYTHONHASHSEED``). The page cache prints what a page reads, so
``index.cycle_titles`` printed differently on each build of the same site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import write_site

REPO = Path(__file__).resolve().parent.parent

PRINT_CYCLES = """
import sys
from datetime import date
from pathlib import Path
from okrsite.pipeline import load_site
from okrsite.view.site_index import SiteIndex
load = load_site(Path(sys.argv[1]), date(2026, 11, 20))
print(list(SiteIndex(load.scored, load.config).cycles))
"""


def test_cycles_are_in_the_same_order_whatever_the_hash_seed(tmp_path: Path) -> None:
    names = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
    files = {
        f"content/objectives/o{i}.md": f"""\
            ---
            title: Objective {i}
            cycle: {name}
            key_results:
              - title: Result {i}
                start: 0
                target: 10
                current: {i}
            ---
            """
        for i, name in enumerate(names)
    }
    site = write_site(tmp_path / "site", files)
    seen = set()
    for seed in range(1, 7):
        out = subprocess.run(
            [sys.executable, "-c", PRINT_CYCLES, str(site)],
            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        seen.add(out.stdout.strip())
    assert seen == {str(names)}
