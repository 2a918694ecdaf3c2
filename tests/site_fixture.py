"""A small but complete inline site used by the render tests.

It has every page kind (objective tree with key-result alignment, every key
result kind, KPIs with a drives edge, a SMART goal, check-ins, a team, a
person, a free page, tags) and ids with slashes so relative links are
exercised at several depths.
"""

from __future__ import annotations

from datetime import date

AS_OF = date(2026, 2, 15)

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Acme goals"
        repo_url = "https://git.example.com/acme/goals"
    """,
    "content/objectives/company/growth.md": """
        ---
        title: Grow the company
        cycle: 2026-Q1
        owner: alice
        team: leadership
        tags: [growth]
        key_results:
          - id: revenue
            title: Reach $1M revenue
            kpi: revenue
            start: 200000
            target: 1000000
            unit: USD
          - id: markets
            title: Enter new markets
        ---
        Why **growth** matters.
    """,
    "content/objectives/sales/emea.md": """
        ---
        title: Expand into EMEA
        cycle: 2026-Q1
        owner: bob
        team: sales
        parent: company/growth#markets
        tags: [growth, emea]
        supports: [company/growth]
        key_results:
          - id: countries
            title: Launch in 2 new countries
            start: 0
            target: 2
            unit: countries
          - id: churn
            title: Reduce churn to 2%
            start: 5
            target: 2
            unit: "%"
          - id: distributors
            title: Sign distributors
            milestones:
              - {title: Shortlist, done: true}
              - {title: Contracts, done: false}
          - id: uptime
            title: Keep uptime above 99.9%
            stay_above: 99.9
            current: 99.95
          - id: launch
            title: Public launch
            done: false
        initiatives:
          - {title: Hire country managers, status: active, link: "https://example.com/hiring"}
        ---
        # EMEA plan

        Body of the EMEA objective.
    """,
    "content/objectives/sales/emea/partners.md": """
        ---
        title: Partner channel
        cycle: 2026-Q1
        owner: bob
        team: sales
        parent: sales/emea
        key_results:
          - {id: deals, title: Close 4 partner deals, start: 0, target: 4, current: 5}
        ---
    """,
    "content/kpis/revenue.md": """
        ---
        title: Revenue
        unit: USD
        direction: up
        indicator: lagging
        owner: alice
        team: leadership
        target: 1000000
        thresholds: {green: 600000, red: 300000}
        values: {2026-01-01: 300000, 2026-02-01: 450000}
        ---
        Monthly recognised revenue.
    """,
    "content/kpis/nps.md": """
        ---
        title: Net Promoter Score
        unit: points
        direction: up
        indicator: leading
        drives: [revenue]
        thresholds: {green: 40, red: 20}
        values: {2026-01-01: 35, 2026-02-01: 38}
        ---
    """,
    "content/goals/complaints.md": """
        ---
        title: Resolve 95% of complaints within 48 hours
        owner: carol
        due: 2026-03-31
        supports: sales/emea#churn
        measure: {start: 70, target: 95, current: 82, unit: "%"}
        ---
        Specific description of what will be done.
    """,
    "content/checkins/2026-01-20-emea.md": """
        ---
        objective: sales/emea
        date: 2026-01-20
        author: bob
        confidence: 6
        values: {countries: 0, churn: 4.5}
        ---
        Started hiring.
    """,
    "content/checkins/2026-02-10-emea.md": """
        ---
        objective: sales/emea
        date: 2026-02-10
        author: bob
        confidence: 7
        values: {countries: 1, churn: 4.1}
        ---
        First country **live**.
    """,
    "content/teams/sales.md": """
        ---
        title: Sales team
        lead: bob
        ---
    """,
    "content/people/bob.md": """
        ---
        title: Bob Builder
        team: sales
        role: Head of Sales
        ---
    """,
    "content/pages/about.md": """
        ---
        title: About our OKRs
        order: 1
        ---
        How we run OKRs.
    """,
}
