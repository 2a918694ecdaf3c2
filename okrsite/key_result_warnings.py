"""What a key result's title says against its figures: warnings only, and only for a reader of them.

OKR409 (a title's "from … to …" other than the figures counted), OKR129 (a
bare ``current:`` beside a title's magnitude) and OKR128 (a share beside
percentages) never make a key result unreadable: they help whoever reads
the warnings of ``okrsite check`` or ``build``. The history reads none of
a version's warnings (a version with an error is skipped, one with warnings
is read as it is), and it validates a key result again for every version
that changes it, about 100,000 times on a large repository, where reading
the title's figures for these checks alone was a tenth of validating them.
So they run only where :attr:`okrsite.parse_fields._FigureFields.warnings_read`
says someone reads them; the key result built is the same either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsite.parse_fields import Path_, _Fields
from okrsite.title_figures import current_beside_title, title_figures_unlike


def title_warnings(
    f: _Fields,
    item: Mapping[str, Any],
    path: Path_,
    kr_id: str,
    figures: tuple[float | None, float | None, float | None],
    unit: str,
    measured: bool,
    kpi: str | None,
) -> None:
    """OKR409 and OKR129 (with OKR128) of numeric key result ``kr_id`` read from
    ``item`` (its ``figures``: start, target, current; ``measured``: whether
    they were read from ``measure:`` or the title itself, which then cannot
    disagree with them), when anyone reads ``f``'s warnings."""
    if not f.warnings_read:
        return
    start, target, _current = figures
    if not measured and not (kpi is not None and not unit):
        # a KPI's key result with no unit of its own counts in the KPI's
        # unit, known only once references are resolved: checked there
        title_figures_unlike(f, item, path, kr_id, (start, target), unit)
    current_beside_title(f, item, path, kr_id, figures, unit)
