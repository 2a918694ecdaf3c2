"""The view layer: what pages show, between the scored portfolio and the theme.

- :mod:`~okrsite.view.site_index`: objectives by team, person, cycle, tag.
- :mod:`~okrsite.view.view_model`: objectives, check-ins, key-result rows and
  group summaries as the templates read them.
- :mod:`~okrsite.view.explain`: the numbers of "explain this score".
- :mod:`~okrsite.view.exports`: portfolio.json and the CSVs of a built site.
- :mod:`~okrsite.view.search`: the search index.
- :mod:`~okrsite.view.chart_geometry`: coordinates of charts and badges.
- :mod:`~okrsite.view.partials`: rendering the theme's partials, and the memo.
- :mod:`~okrsite.view.formatting`: how numbers look.
"""
