"""What templates call: the environment's globals, and the formatting helpers.

Templates and partials read records, views and memoised pieces, and write
numbers, percentages, amounts with their unit and statuses in the site's
language, through the globals :class:`TemplateGlobals` sets up (globals, so
imported macros, which get no render context, can use them too).
:class:`TemplateGlobals` is a base class of
:class:`okrsite.render.SiteRenderer`: ``site.percent(...)`` and the other
helpers are the renderer's own methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

from okrsite import __version__
from okrsite.confidence_words import CONFIDENCE_OUT_OF
from okrsite.limit_places import DEFAULT_PLACES
from okrsite.numbers import format_fixed, format_number, formula_minus
from okrsite.plural_count import count_as_shown, whole_samples
from okrsite.render_assets import badge_path
from okrsite.scoring_pace import FORECAST_MIN_CHECKINS, FORECAST_MIN_SPAN
from okrsite.scoring_progress import DONE_AT, GREEN_FROM, YELLOW_FROM
from okrsite.ui_words import STATUS_WORDS
from okrsite.urls import href
from okrsite.view.formatting import (
    atom_time,
    bar_width,
    grade_places,
    money_with_cents,
    needs_number,
    percent,
    remembered_percent,
)

if TYPE_CHECKING:
    from datetime import date

    from okrsite.config import SiteConfig
    from okrsite.dependencies import Recorder
    from okrsite.model import CheckIn, ScoredPortfolio
    from okrsite.translations import Language
    from okrsite.view.partials import Partials
    from okrsite.view.view_model import ViewModel

__all__ = ["STATUS_WORDS", "TemplateGlobals"]


class TemplateGlobals:
    """The template helpers of :class:`okrsite.render.SiteRenderer` (a base
    class of it: its attributes are the renderer's, set up there)."""

    config: SiteConfig
    config_written: SiteConfig
    scored: ScoredPortfolio
    as_of: date
    view: ViewModel
    partial: Partials
    language: Language
    recorder: Recorder
    gettext: Callable[[str], str]
    _number: Callable[[float | None], str]
    _decimal: Callable[[float | None, int], str]
    _percent: Callable[[float | None], str]
    _percent_at: Callable[[float | None, int], str]

    if TYPE_CHECKING:  # the memoised pieces (okrsite.render_pieces)

        def objective_item(self, root: str, oid: str) -> Markup: ...

        def checkin_block(
            self, root: str, c: CheckIn, show_target: bool = True, level: int = 3
        ) -> Markup: ...

        def checkin_notes(self, c: CheckIn) -> str: ...

        def nav_items(self, root: str, path: str) -> Markup: ...

    def status_word(self, status: str) -> str:
        """A status in words, translated (``on-track`` → "on track")."""
        return self.gettext(STATUS_WORDS.get(status, status))

    def number(self, value: float | None) -> str:
        return self._number(value)

    def decimal(self, value: float | None, places: int) -> str:
        return self._decimal(value, places)

    def fixed(self, value: float, places: int) -> str:
        """A rule's figure with exactly ``places`` decimals in the site's
        language (``1.0``, ``0,4``): the grade bands and "done at" in the
        explanation's sentences, whose figures translators must never type
        (a de-CH page would mix ``1,0`` with ``0.15``)."""
        return self.language.number(format_fixed(value, places, pad=True))

    def plural_count(self, value: float | None, places: int) -> int:
        """What ``ngettext`` is given for ``value`` as :meth:`decimal` writes
        it: the site language's CLDR rule decides "0,7 point" in French and
        "0.7 points" in English (:mod:`okrsite.plural_count`)."""
        return count_as_shown(self.language.code, value, places)

    def percent(self, ratio: float | None) -> str:
        """A 0..1 ratio as a percentage in the site's language (``34%``, ``34 %``)."""
        return self._percent(ratio)

    def percent_at(self, ratio: float | None, places: int) -> str:
        """A 0..1 ratio as a percentage with up to ``places`` decimals
        (``34.97%``): progress and expected where they stand side by side,
        with the places their objective's view computed
        (``ObjectiveView.pace_places``), so the gap a reader works out lands
        on the status's side. With 0 places it is :meth:`percent`."""
        return self._percent_at(ratio, places)

    def with_unit(self, value: float | None, unit: str | None, places: int = DEFAULT_PLACES) -> str:
        """A number with its unit as the site's language writes it (``13,5 %``,
        ``12 EUR``); no unit, the number alone; no number, ``–`` alone. An
        amount of money with cents shows two decimals (``95.000,50 €``, not
        ``95.000,5 €``; :func:`~okrsite.view.formatting.money_with_cents`).
        ``places``: a figure shown beside the limits it is judged by, with the
        decimals the core gave it (:mod:`okrsite.limit_places`: ``2.99996%``
        beside "healthy ≥ 3%", never ``3%``)."""
        if value is None:
            return self._number(None)
        needs_number("with_unit", value)
        return self.language.with_unit(self._figure(value, unit, places), unit or "")

    def _figure(self, value: float | None, unit: str | None, places: int = DEFAULT_PLACES) -> str:
        """The figure alone as :meth:`with_unit` writes it: cents for money
        (:func:`~okrsite.view.formatting.money_with_cents`, as ``okrsite diff``),
        more decimals where ``places`` asks for them."""
        if places > DEFAULT_PLACES and value is not None:
            return self.language.number(format_number(value, places))
        money = money_with_cents(value, unit)
        if money is not None:
            return self.language.number(money)
        return self._number(value)

    def lead(self, value: float | None, unit: str | None, places: int = DEFAULT_PLACES) -> str:
        """A figure before the last of a run (``start → current → target``,
        whose unit the last one carries): with its unit where the unit stands
        first (``$0 → $600,000 → $1,200,000``), else the number alone
        (``0 → 12 → 20 days``), written as that last one is (``410,000.50 →
        420,000 EUR``: money with cents has two decimals in a run too);
        ``places`` as :meth:`with_unit` takes them."""
        if self.language.leads(unit):
            return self.with_unit(value, unit, places)
        if value is not None:
            needs_number("lead", value)
        return self._figure(value, unit, places)

    def _globals(self) -> dict[str, Any]:
        view = self.view
        return {
            "config": self.config,
            "html_lang": self.language.tag,
            "as_of": self.as_of,
            "version": __version__,
            "objective_records": view.objectives,
            "objective_scores": view.scores,
            "kpi_records": self.scored.portfolio.kpis,
            "kpi_scores": self.scored.kpis,
            "goal_records": self.scored.portfolio.goals,
            "goal_scores": self.scored.goals,
            "team_owned_goals": self.scored.portfolio.team_owned_goals,
            "team_owned_kpis": self.scored.portfolio.team_owned_kpis,
            "url": view.url,
            "person": view.person,
            "team": view.team,
            "person_name": view.person_name,
            "team_name": view.team_name,
            "objective_view": view.objective,
            "kpi_sparkline": view.kpi_sparkline,
            "pct": percent,
            # the figure before the sign, "more than" in the site's words
            "pct_figure": remembered_percent(self.language.number, str, self.language.gettext),
            "percent": self._percent,
            "percent_at": self._percent_at,
            "percent_format": self.language.percent("{n}"),
            "with_unit": self.with_unit,
            "lead": self.lead,
            "bar_width": bar_width,
            "num": self._number,
            "decimal": self._decimal,
            # the count ngettext is given for a figure written with decimals
            "plural_count": self.plural_count,
            "grade_places": grade_places,
            # (CLDR plural category, a whole number of it) of the site's
            # language: the forms a script's count is written with
            "plural_samples": whole_samples(self.language.code),
            # the figures of the core's rules a sentence names (fixed() writes them)
            "grade_edges": {"yellow": YELLOW_FROM, "green": GREEN_FROM},
            "done_at": DONE_AT,
            # a forecast is tentative on fewer days with a check-in than
            # min_days, or spanning less than min_span of its cycle
            "tentative_forecast": {
                "min_days": FORECAST_MIN_CHECKINS,
                "min_span": FORECAST_MIN_SPAN,
            },
            # the top of the confidence scale ("7/10")
            "confidence_out_of": CONFIDENCE_OUT_OF,
            "fixed": self.fixed,
            # a figure as a formula's term: a negative one with the operators' minus
            "formula_minus": formula_minus,
            "day": self.language.day,
            # a check-in's time with its zone: 09:15 (UTC+02:00)
            "clock": self.language.clock,
            "atom_time": atom_time,
            "status_word": self.status_word,
            # a cycle as pages name it: its title, else its name (one field)
            "cycle_title": self.view.index.cycle_title,
            # the cycles named otherwise than by name: the list filters' note
            "titled_cycles": self.view.index.titled_cycles,
            "markup": Markup,
            # the call alone: the Partials object holds the Jinja environment
            # (whose compile_templates writes files anywhere), the recorder and
            # the cache's stores; a bound method's __self__ is out of reach
            "partial": self.partial.__call__,
            "objective_item": self.objective_item,
            "checkin_block": self.checkin_block,
            "checkin_notes": self.checkin_notes,
            "nav_items": self.nav_items,
            "anchor": view.anchors.anchor,
            "badge_url": lambda oid: href(badge_path(oid)),
            "feed_id": quote(feed_id(self.config_written), safe=""),
        }


def feed_id(config: SiteConfig) -> str:
    """What makes the feed's and its entries' ids unique to this site and
    permanent (RFC 4287: an id never changes): the repository's address and
    the site's folder in it, when ``repo_url`` is set, which a new site title
    leaves alone (every entry would be new to subscribers), and which two
    sites of one repository do not share; else the title."""
    if not config.repo_url:
        return config.title
    folder = (config.repo_folder or "").strip("/")
    return f"{config.repo_url.rstrip('/')}/{folder}" if folder else config.repo_url
