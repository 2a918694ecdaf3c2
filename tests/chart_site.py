"""A small portfolio for the chart tests, written the way people write one.

Cycle 2026-Q4 (2026-10-01 … 2026-12-31, 92 days) judged on 2026-11-20: a
committed objective with two check-ins, an aspirational one, a KPI that is
better when lower, and a 2026-Q3 objective that ended at 75 % and so was
missed although its grade band is green.
"""

from __future__ import annotations

from datetime import date

AS_OF = date(2026, 11, 20)

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Chart test"
    """,
    "content/objectives/support/faster-answers.md": """
        ---
        title: Answer customers faster
        cycle: 2026-Q4
        owner: Maria Rossi
        team: support
        key_results:
          - id: macros
            title: Publish 10 answer macros
            start: 0
            target: 10
            unit: macros
            kpi: first-response
        ---
    """,
    "content/objectives/support/delight.md": """
        ---
        title: Delight customers
        cycle: 2026-Q4
        owner: Maria Rossi
        team: support
        commitment: aspirational
        key_results:
          - id: praise
            title: Collect 20 public reviews
            start: 0
            target: 20
        ---
    """,
    "content/objectives/support/backlog.md": """
        ---
        title: Clear the support backlog
        cycle: 2026-Q3
        owner: Maria Rossi
        team: support
        key_results:
          - id: tickets
            title: Close 400 old tickets
            start: 0
            target: 400
        ---
    """,
    "content/kpis/first-response.md": """
        ---
        title: First response time
        owner: Maria Rossi
        unit: hours
        direction: down
        target: 2
        thresholds: {green: 4, red: 8}
        values:
          2026-10-01: 9
          2026-11-01: 6
          2026-11-15: 3.5
        ---
    """,
    "content/checkins/2026-10-15-faster.md": """
        ---
        objective: support/faster-answers
        date: 2026-10-15
        author: Maria Rossi
        confidence: 6
        values: {macros: 2}
        ---
        Two macros live.
    """,
    "content/checkins/2026-11-12-faster.md": """
        ---
        objective: support/faster-answers
        date: 2026-11-12
        author: Maria Rossi
        values: {macros: 5}
        ---
    """,
    "content/checkins/2026-11-02-delight.md": """
        ---
        objective: support/delight
        date: 2026-11-02
        author: Maria Rossi
        values: {praise: 4}
        ---
    """,
    "content/checkins/2026-09-20-backlog.md": """
        ---
        objective: support/backlog
        date: 2026-09-20
        author: Maria Rossi
        values: {tickets: 300}
        ---
    """,
}
