"""Pure unit tests of the scoring rules (PRODUCT.md "Scoring rules").

Everything here builds model records directly: no files, no parsing. The
reference cycle is 2026-Q1 (2026-01-01 .. 2026-03-31, 90 days), so as of
2026-02-15 (45 days in) elapsed is exactly 0.5.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from okrsite import cycles as cycles_mod
from okrsite.model import (
    KPI,
    CheckIn,
    Cycle,
    Goal,
    KeyResult,
    Measure,
    Milestone,
    Objective,
    Portfolio,
    ScoredPortfolio,
    Settings,
)
from okrsite.scoring import (
    expected_progress,
    grade_for,
    health_for,
    is_stale,
    linear_forecast,
    numeric_progress,
    score_portfolio,
    smart_letters,
    status_for,
    trend_for,
    weighted_mean,
)

Q1 = cycles_mod.calendar_cycle("2026-Q1")
assert Q1 is not None
MID_Q1 = date(2026, 2, 15)  # 45 of 90 days: elapsed 0.5


# ------------------------------------------------------------------ builders
def num(kr_id: str = "kr1", start: float = 0, target: float = 100, **kw: Any) -> KeyResult:
    return KeyResult(id=kr_id, title=kr_id, kind="numeric", start=start, target=target, **kw)


def obj(oid: str = "o", krs: tuple[KeyResult, ...] = (), **kw: Any) -> Objective:
    kw.setdefault("cycle", "2026-Q1")
    return Objective(id=oid, file=f"content/objectives/{oid}.md", title=oid, key_results=krs, **kw)


def checkin(objective: str, day: date, values: dict[str, float], **kw: Any) -> CheckIn:
    return CheckIn(
        id=f"{objective}-{day}",
        file=f"content/checkins/{day}-{objective}.md",
        date=day,
        objective=objective,
        values=values,
        **kw,
    )


def portfolio(
    objectives: tuple[Objective, ...] = (),
    checkins: tuple[CheckIn, ...] = (),
    kpis: tuple[KPI, ...] = (),
    goals: tuple[Goal, ...] = (),
    kpi_series: dict[str, tuple[tuple[date, float], ...]] | None = None,
    extra_cycles: tuple[Cycle, ...] = (),
) -> Portfolio:
    cycles: dict[str, Cycle] = {c.name: c for c in extra_cycles}
    for o in objectives:
        if o.cycle not in cycles:
            found = cycles_mod.calendar_cycle(o.cycle)
            assert found is not None, o.cycle
            cycles[o.cycle] = found
    return Portfolio(
        objectives={o.id: o for o in objectives},
        kpis={k.id: k for k in kpis},
        goals={g.id: g for g in goals},
        checkins=tuple(sorted(checkins, key=lambda c: (c.date, c.file))),
        teams={},
        people={},
        pages={},
        cycles=cycles,
        kpi_series=kpi_series or {k.id: k.values for k in kpis},
    )


def score(
    *objectives: Objective,
    as_of: date = MID_Q1,
    settings: Settings | None = None,
    **kw: Any,
) -> ScoredPortfolio:
    return score_portfolio(portfolio(objectives, **kw), as_of, settings)


def one(o: Objective, as_of: date = MID_Q1, **kw: Any):  # type: ignore[no-untyped-def]
    return score(o, as_of=as_of, **kw).objectives[o.id]


# ------------------------------------------------------------------ numeric progress
class TestNumericProgress:
    def test_plain_ratio(self) -> None:
        assert numeric_progress(0, 2, 1) == (0.5, 0.5)
        assert numeric_progress(200_000, 1_000_000, 600_000) == (0.5, 0.5)

    def test_no_current_is_zero_and_no_ratio(self) -> None:
        assert numeric_progress(0, 10, None) == (0.0, None)
        assert numeric_progress(5, 5, None) == (0.0, None)

    def test_overshoot_clamped_ratio_kept(self) -> None:
        progress, ratio = numeric_progress(0, 100, 125)
        assert progress == 1.0
        assert ratio == pytest.approx(1.25)

    def test_undershoot_clamped_ratio_kept(self) -> None:
        progress, ratio = numeric_progress(10, 20, 5)
        assert progress == 0.0
        assert ratio == pytest.approx(-0.5)

    def test_lower_is_better(self) -> None:
        # churn 5% -> 2%: at 4.1 we have come (5 - 4.1) / (5 - 2) = 0.9 / 3 = 0.3 of the way
        progress, ratio = numeric_progress(5, 2, 4.1)
        assert progress == pytest.approx(0.3)
        assert ratio == pytest.approx(0.3)

    def test_lower_is_better_overshoot_and_wrong_way(self) -> None:
        # 1% is below the 2% target: (1 - 5) / (2 - 5) = 4/3
        assert numeric_progress(5, 2, 1) == (1.0, pytest.approx(4 / 3))
        # 6% is worse than the start: (6 - 5) / (2 - 5) = -1/3
        assert numeric_progress(5, 2, 6) == (0.0, pytest.approx(-1 / 3))

    def test_lower_is_better_flag(self) -> None:
        assert num(start=5, target=2).lower_is_better
        assert not num(start=0, target=2).lower_is_better
        assert KeyResult("s", "s", "stay_below", threshold=3).lower_is_better
        assert not KeyResult("s", "s", "stay_above", threshold=3).lower_is_better

    @pytest.mark.parametrize(
        ("current", "expected"),
        [(5, 1.0), (5.0000000001, 1.0), (7, 1.0), (4.99, 0.0), (-1, 0.0)],
    )
    def test_start_equals_target(self, current: float, expected: float) -> None:
        # design choice (docstring): with no direction, "higher is better"
        assert numeric_progress(5, 5, current) == (expected, expected)

    def test_huge_numbers_do_not_overflow(self) -> None:
        # target - start is 2e308 = inf in floating point; the ratio must still be right
        assert numeric_progress(-1e308, 1e308, 1e308) == (1.0, 1.0)
        assert numeric_progress(-1e308, 1e308, 0) == (0.5, 0.5)
        assert numeric_progress(1e308, -1e308, -1e308) == (1.0, 1.0)
        # current - start overflows although target - start does not
        assert numeric_progress(-1e308, 0, 1e308) == (1.0, 2.0)

    def test_tiny_numbers(self) -> None:
        # halving 5e-324 (the smallest float) gives 0: the plain ratio must be used
        assert numeric_progress(0, 5e-324, 0) == (0.0, 0.0)
        assert numeric_progress(0, 5e-324, 5e-324) == (1.0, 1.0)

    def test_exactly_at_target_and_start(self) -> None:
        assert numeric_progress(0, 10, 10) == (1.0, 1.0)
        assert numeric_progress(3, 10, 3) == (0.0, 0.0)


# ------------------------------------------------------------------ key result kinds
class TestKeyResultKinds:
    def test_numeric_through_portfolio(self) -> None:
        s = one(obj(krs=(num(current=25),)))
        kr = s.key_results["kr1"]
        assert kr.progress == 0.25 and kr.current == 25 and kr.current_source == "current"

    def test_numeric_no_current_zero(self) -> None:
        kr = one(obj(krs=(num(),))).key_results["kr1"]
        assert kr.progress == 0.0 and kr.ratio is None and kr.current is None

    def test_overshoot_keeps_ratio(self) -> None:
        kr = one(obj(krs=(num(current=125),))).key_results["kr1"]
        assert kr.progress == 1.0
        assert kr.ratio == pytest.approx(1.25)

    def test_milestones(self) -> None:
        ms = (Milestone("a", True), Milestone("b", False), Milestone("c", False))
        kr = KeyResult("m", "m", "milestones", milestones=ms)
        s = one(obj(krs=(kr,))).key_results["m"]
        assert s.progress == pytest.approx(1 / 3)
        assert s.current == 1.0

    def test_milestones_all_done(self) -> None:
        kr = KeyResult("m", "m", "milestones", milestones=(Milestone("a", True),))
        assert one(obj(krs=(kr,))).key_results["m"].progress == 1.0

    @pytest.mark.parametrize(("done", "expected"), [(True, 1.0), (False, 0.0)])
    def test_boolean(self, done: bool, expected: float) -> None:
        kr = KeyResult("b", "b", "boolean", done=done)
        assert one(obj(krs=(kr,))).key_results["b"].progress == expected

    def test_boolean_checkin_overrides_done_flag(self) -> None:
        kr = KeyResult("b", "b", "boolean", done=False)
        o = obj(krs=(kr,))
        s = one(o, checkins=(checkin("o", date(2026, 2, 1), {"b": 1.0}),))
        assert s.key_results["b"].progress == 1.0
        assert s.key_results["b"].current_source == "checkin"

    @pytest.mark.parametrize(
        ("kind", "current", "expected"),
        [
            ("stay_above", 99.95, 1.0),
            ("stay_above", 99.9, 1.0),  # holding exactly at the line still holds
            ("stay_above", 99.8, 0.0),
            ("stay_above", None, 0.0),
            ("stay_below", 250, 1.0),
            ("stay_below", 300, 1.0),
            ("stay_below", 301, 0.0),
            ("stay_below", None, 0.0),
        ],
    )
    def test_stay_above_below(self, kind: str, current: float | None, expected: float) -> None:
        threshold = 99.9 if kind == "stay_above" else 300
        kr = KeyResult("s", "s", kind, threshold=threshold, current=current)  # type: ignore[arg-type]
        assert one(obj(krs=(kr,))).key_results["s"].progress == expected

    def test_score_overrides_everything(self) -> None:
        krs = (
            num("a", current=100, score=0.6),
            KeyResult("b", "b", "boolean", done=True, score=0.2),
            KeyResult("c", "c", "milestones", milestones=(Milestone("x", True),), score=0.0),
        )
        s = one(obj(krs=krs))
        assert s.key_results["a"].progress == 0.6
        assert s.key_results["b"].progress == 0.2
        assert s.key_results["c"].progress == 0.0
        # objective: (0.6 + 0.2 + 0.0) / 3
        assert s.progress == pytest.approx(0.8 / 3)

    def test_score_overrides_checkin(self) -> None:
        o = obj(krs=(num(score=0.3),))
        s = one(o, checkins=(checkin("o", date(2026, 2, 1), {"kr1": 100}),))
        assert s.key_results["kr1"].progress == 0.3


# ------------------------------------------------------------------ current value precedence
class TestCurrentValue:
    KPI_NPS = KPI(
        id="nps",
        file="content/kpis/nps.md",
        title="NPS",
        values=((date(2026, 1, 10), 30.0), (date(2026, 3, 1), 90.0)),
    )

    def _score(self, kr: KeyResult, checkins: tuple[CheckIn, ...] = (), as_of: date = MID_Q1):  # type: ignore[no-untyped-def]
        o = obj(krs=(kr,))
        return score(o, as_of=as_of, checkins=checkins, kpis=(self.KPI_NPS,)).objectives["o"]

    def test_checkin_beats_current_and_kpi(self) -> None:
        kr = num(current=20, kpi="nps")
        s = self._score(kr, (checkin("o", date(2026, 2, 1), {"kr1": 40}),))
        v = s.key_results["kr1"]
        assert (v.current, v.current_source, v.current_date) == (40, "checkin", date(2026, 2, 1))

    def test_current_beats_kpi(self) -> None:
        v = self._score(num(current=20, kpi="nps")).key_results["kr1"]
        assert (v.current, v.current_source) == (20, "current")

    def test_kpi_latest_on_or_before_as_of(self) -> None:
        v = self._score(num(kpi="nps")).key_results["kr1"]
        # the 2026-03-01 reading is after as_of and does not count
        assert (v.current, v.current_source, v.current_date) == (30, "kpi", date(2026, 1, 10))
        assert v.progress == pytest.approx(0.3)

    def test_kpi_reading_on_as_of_counts(self) -> None:
        v = self._score(num(kpi="nps"), as_of=date(2026, 3, 1)).key_results["kr1"]
        assert v.current == 90

    def test_kpi_before_first_reading_is_none(self) -> None:
        v = self._score(num(kpi="nps"), as_of=date(2026, 1, 9)).key_results["kr1"]
        assert v.current is None and v.progress == 0.0

    def test_checkins_after_as_of_ignored(self) -> None:
        cs = (
            checkin("o", date(2026, 2, 1), {"kr1": 40}),
            checkin("o", date(2026, 2, 16), {"kr1": 90}),  # the day after as_of
        )
        s = self._score(num(current=20), cs)
        assert s.key_results["kr1"].current == 40
        assert s.last_checkin == date(2026, 2, 1)

    def test_only_future_checkin_falls_back_to_current(self) -> None:
        s = self._score(num(current=20), (checkin("o", date(2026, 3, 1), {"kr1": 90}),))
        assert s.key_results["kr1"].current_source == "current"
        assert s.key_results["kr1"].current == 20
        assert s.last_checkin is None

    def test_latest_checkin_by_date_not_by_file(self) -> None:
        # the later check-in's file sorts first by name; the date decides
        late = CheckIn(
            "x", "content/checkins/a.md", date(2026, 2, 10), objective="o", values={"kr1": 70}
        )
        early = CheckIn(
            "y", "content/checkins/z.md", date(2026, 2, 1), objective="o", values={"kr1": 10}
        )
        s = self._score(num(), (late, early))
        assert s.key_results["kr1"].current == 70

    def test_checkin_on_as_of_counts(self) -> None:
        s = self._score(num(), (checkin("o", MID_Q1, {"kr1": 55}),))
        assert s.key_results["kr1"].current == 55

    def test_checkin_not_naming_kr_leaves_it(self) -> None:
        o = obj(krs=(num("a", current=10), num("b")))
        s = one(o, checkins=(checkin("o", date(2026, 2, 1), {"b": 50}),))
        assert s.key_results["a"].current == 10
        assert s.key_results["b"].current == 50


# ------------------------------------------------------------------ objective roll-up
class TestObjectiveProgress:
    def test_weighted_mean_of_key_results(self) -> None:
        o = obj(krs=(num("a", current=100, weight=3), num("b", current=0, weight=1)))
        # (1.0 * 3 + 0.0 * 1) / 4
        assert one(o).progress == pytest.approx(0.75)

    def test_zero_weight_counts_nothing(self) -> None:
        o = obj(krs=(num("a", current=100, weight=0), num("b", current=20)))
        assert one(o).progress == pytest.approx(0.2)

    def test_huge_weights_do_not_overflow(self) -> None:
        # 1e308 + 1e308 is inf; the mean must not become inf / inf or x / inf
        o = obj(krs=(num("a", current=50, weight=1e308), num("b", current=70, weight=1e308)))
        assert one(o).progress == pytest.approx(0.6)
        assert weighted_mean([(0.2, 1e308), (0.4, 1e308), (1.0, 1.0)]) == pytest.approx(0.3)
        # and tiny ones must not underflow to 0
        assert weighted_mean([(0.5, 5e-324)]) == 0.5

    def test_all_zero_weights(self) -> None:
        assert weighted_mean([(1.0, 0.0), (0.5, 0.0)]) == 0.0
        assert weighted_mean([]) == 0.0

    @pytest.mark.parametrize("life", ["dropped", "draft"])
    def test_dropped_and_draft_key_results_excluded(self, life: str) -> None:
        o = obj(krs=(num("a", current=40), num("b", current=100, status=life)))
        s = one(o)
        assert s.progress == pytest.approx(0.4)
        assert s.key_results["b"].status == life
        assert not s.key_results["b"].counted
        assert s.key_results["a"].counted

    def test_no_key_results_no_children(self) -> None:
        assert one(obj()).progress == 0.0

    def test_objective_without_krs_takes_children(self) -> None:
        parent = obj("p")
        a = obj("a", (num(current=20),), parent="p", weight=1)
        b = obj("b", (num(current=80),), parent="p", weight=3)
        s = score(parent, a, b)
        # (0.2 * 1 + 0.8 * 3) / 4 = 2.6 / 4
        assert s.objectives["p"].progress == pytest.approx(0.65)
        assert s.children == {"p": ("a", "b")}
        assert s.roots == ("p",)

    @pytest.mark.parametrize("life", ["dropped", "draft"])
    def test_dropped_draft_children_excluded(self, life: str) -> None:
        parent = obj("p")
        a = obj("a", (num(current=20),), parent="p")
        b = obj("b", (num(current=100),), parent="p", status=life)
        s = score(parent, a, b)
        assert s.objectives["p"].progress == pytest.approx(0.2)
        assert s.objectives["b"].status == life

    def test_three_levels_through_key_results(self) -> None:
        company = obj("c", (KeyResult("rev", "rev", "rollup"), num("nps", current=50)))
        dept = obj("d", (KeyResult("d1", "d1", "rollup"), num("d2", current=100)), parent="c#rev")
        t1 = obj("t1", (num(current=20),), parent="d#d1", weight=1)
        t2 = obj("t2", (num(current=80),), parent="d#d1", weight=3)
        t3 = obj("t3", (num(current=100),), parent="d#d1", status="draft")
        t4 = obj("t4", (num(current=100),), parent="d#d1", weight=5, status="dropped")
        s = score(company, dept, t1, t2, t3, t4)
        # d1 = (0.2*1 + 0.8*3) / (1+3) = 0.65   (draft t3 and dropped t4 count nowhere)
        assert s.objectives["d"].key_results["d1"].progress == pytest.approx(0.65)
        assert s.objectives["d"].key_results["d1"].current_source == "rollup"
        # d = (0.65 + 1.0) / 2 = 0.825
        assert s.objectives["d"].progress == pytest.approx(0.825)
        # rev = mean over {d} = 0.825; c = (0.825 + 0.5) / 2 = 0.6625
        assert s.objectives["c"].key_results["rev"].progress == pytest.approx(0.825)
        assert s.objectives["c"].progress == pytest.approx(0.6625)
        assert s.kr_children == {"c#rev": ("d",), "d#d1": ("t1", "t2", "t3", "t4")}
        assert s.children["c"] == ("d",)

    def test_rollup_kr_without_children_is_zero(self) -> None:
        s = one(obj(krs=(KeyResult("r", "r", "rollup"), num("n", current=60))))
        assert s.key_results["r"].progress == 0.0
        assert s.key_results["r"].ratio is None
        assert s.progress == pytest.approx(0.3)

    def test_child_weight_is_objective_weight(self) -> None:
        top = obj("top", (KeyResult("r", "r", "rollup"),))
        a = obj("a", (num(current=0),), parent="top#r", weight=0.5)
        b = obj("b", (num(current=100),), parent="top#r", weight=1.5)
        # (0*0.5 + 1*1.5) / 2
        assert score(top, a, b).objectives["top"].progress == pytest.approx(0.75)

    def test_aligned_to_objective_does_not_feed_kr(self) -> None:
        top = obj("top", (KeyResult("r", "r", "rollup"), num("n", current=50)))
        child = obj("child", (num(current=100),), parent="top")
        s = score(top, child)
        # a child aligned to the objective (not to #r) does not change r
        assert s.objectives["top"].key_results["r"].progress == 0.0
        assert s.objectives["top"].progress == pytest.approx(0.25)
        assert s.children["top"] == ("child",)


# ------------------------------------------------------------------ expected and status
class TestExpected:
    def test_committed(self) -> None:
        assert expected_progress(Q1, MID_Q1, 1.0) == (0.5, 0.5)

    def test_aspirational(self) -> None:
        expected, elapsed = expected_progress(Q1, MID_Q1, 0.7)
        assert elapsed == 0.5 and expected == pytest.approx(0.35)

    def test_aspirational_objective(self) -> None:
        s = one(obj(krs=(num(current=10),), commitment="aspirational"))
        assert s.success == 0.7
        assert s.expected == pytest.approx(0.35)
        # behind = 0.35 - 0.1 = 0.25: at-risk (it would be off-track if committed)
        assert s.status == "at-risk"
        assert one(obj(krs=(num(current=10),))).status == "off-track"

    def test_aspirational_success_setting(self) -> None:
        s = one(
            obj(krs=(num(current=10),), commitment="aspirational"),
            settings=Settings(aspirational_success=0.5),
        )
        assert s.expected == pytest.approx(0.25)

    @pytest.mark.parametrize(
        ("as_of", "elapsed"),
        [
            (date(2025, 12, 31), 0.0),
            (date(2026, 1, 1), 0.0),
            (date(2026, 1, 2), 1 / 90),
            (date(2026, 3, 31), 89 / 90),  # the last day is still running
            (date(2026, 4, 1), 1.0),  # the day after the end
            (date(2027, 1, 1), 1.0),
        ],
    )
    def test_elapsed(self, as_of: date, elapsed: float) -> None:
        assert cycles_mod.elapsed(Q1, as_of) == pytest.approx(elapsed)

    def test_elapsed_leap_year(self) -> None:
        y2024 = cycles_mod.calendar_cycle("2024")
        assert y2024 is not None
        # 2024 has 366 days; 2024-07-01 is day offset 182
        assert cycles_mod.elapsed(y2024, date(2024, 7, 1)) == pytest.approx(182 / 366)

    def test_elapsed_one_day_cycle(self) -> None:
        c = Cycle("d", date(2026, 5, 5), date(2026, 5, 5))
        assert cycles_mod.elapsed(c, date(2026, 5, 5)) == 0.0
        assert cycles_mod.elapsed(c, date(2026, 5, 6)) == 1.0

    def test_custom_cycle(self) -> None:
        fy = Cycle("FY26", date(2025, 4, 1), date(2026, 3, 31), "Fiscal 2026")
        o = obj(krs=(num(current=30),), cycle="FY26")
        # 2025-04-01 .. 2026-03-31 is 365 days; 2025-10-01 is 183 days in
        s = score(o, as_of=date(2025, 10, 1), extra_cycles=(fy,)).objectives["o"]
        assert s.elapsed == pytest.approx(183 / 365)
        assert s.expected == pytest.approx(183 / 365)
        assert s.status == "at-risk"  # behind = 0.501 - 0.3 = 0.201


class TestStatus:
    S = Settings()

    def st(
        self,
        progress: float,
        as_of: date = MID_Q1,
        success: float = 1.0,
        life: str = "active",
        settings: Settings | None = None,
    ) -> str:
        expected, _ = expected_progress(Q1, as_of, success)
        return status_for(progress, expected, success, Q1, as_of, life, settings or self.S)

    @pytest.mark.parametrize(
        ("progress", "status"),
        [
            (0.50, "on-track"),  # behind 0.0
            (0.36, "on-track"),
            (0.35, "on-track"),  # behind exactly 0.15 (0.5 - 0.35 is 0.15000000000000002)
            (0.349, "at-risk"),  # just above 0.15
            (0.20, "at-risk"),  # behind exactly 0.30
            (0.199, "off-track"),  # just above 0.30
            (0.0, "off-track"),
            (0.9, "on-track"),  # ahead
        ],
    )
    def test_boundaries(self, progress: float, status: str) -> None:
        assert self.st(progress) == status

    def test_boundaries_through_whole_portfolio(self) -> None:
        # the same boundaries with progress computed from a numeric key result
        for current, status in [
            (35, "on-track"),
            (34, "at-risk"),
            (20, "at-risk"),
            (19, "off-track"),
        ]:
            s = one(obj(krs=(num(current=current),)))
            assert s.behind == pytest.approx((50 - current) / 100)
            assert s.status == status, current
            assert s.key_results["kr1"].status == status

    def test_boundaries_from_elapsed_side(self) -> None:
        # progress 0.1; as_of so that expected is 0.25 (behind 0.15) - Q1 day 22.5 does
        # not exist, so use a 100-day custom cycle: day 25 -> 0.25, day 40 -> 0.4
        c = Cycle("c100", date(2026, 1, 1), date(2026, 4, 10))
        assert (c.end + timedelta(days=1) - c.start).days == 100
        o = obj(krs=(num(current=10),), cycle="c100")
        for day, status in [(25, "on-track"), (26, "at-risk"), (40, "at-risk"), (41, "off-track")]:
            as_of = c.start + timedelta(days=day)
            s = score(o, as_of=as_of, extra_cycles=(c,)).objectives["o"]
            assert s.status == status, day

    def test_threshold_settings(self) -> None:
        tight = Settings(on_track=0.05, at_risk=0.1)
        assert self.st(0.45, settings=tight) == "on-track"
        assert self.st(0.44, settings=tight) == "at-risk"
        assert self.st(0.40, settings=tight) == "at-risk"
        assert self.st(0.39, settings=tight) == "off-track"

    @pytest.mark.parametrize("life", ["dropped", "draft"])
    def test_dropped_draft_first(self, life: str) -> None:
        assert self.st(1.0, life=life) == life
        assert self.st(0.0, as_of=date(2025, 1, 1), life=life) == life
        assert self.st(0.0, as_of=date(2027, 1, 1), life=life) == life

    def test_upcoming(self) -> None:
        assert self.st(1.0, as_of=date(2025, 12, 31)) == "upcoming"
        assert self.st(0.0, as_of=date(2026, 1, 1)) == "on-track"  # first day: running

    def test_done_during_cycle(self) -> None:
        assert self.st(1.0) == "done"
        assert self.st(1.0, as_of=date(2026, 1, 1)) == "done"
        assert self.st(0.999, as_of=date(2026, 1, 1)) == "on-track"

    def test_last_day_still_running(self) -> None:
        # expected 89/90; 0.9 progress is 0.089 behind
        assert self.st(0.9, as_of=date(2026, 3, 31)) == "on-track"
        assert self.st(0.5, as_of=date(2026, 3, 31)) == "off-track"

    @pytest.mark.parametrize(
        ("progress", "success", "status"),
        [
            (1.0, 1.0, "achieved"),
            (0.99, 1.0, "missed"),
            (0.7, 0.7, "achieved"),
            (0.69, 0.7, "missed"),
            (0.0, 0.7, "missed"),
        ],
    )
    def test_after_cycle(self, progress: float, success: float, status: str) -> None:
        assert self.st(progress, as_of=date(2026, 4, 1), success=success) == status

    def test_kr_takes_objective_cycle_and_commitment(self) -> None:
        o = obj(
            krs=(num("a", current=70), num("b", current=60)),
            commitment="aspirational",
        )
        s = one(o, as_of=date(2026, 4, 1))
        assert s.key_results["a"].status == "achieved"
        assert s.key_results["b"].status == "missed"
        assert s.key_results["a"].expected == pytest.approx(0.7)
        assert s.status == "missed"  # (0.7 + 0.6) / 2 = 0.65 < 0.7

    def test_kr_status_in_dropped_objective(self) -> None:
        s = one(obj(krs=(num(current=70),), status="dropped"))
        assert s.status == "dropped"
        assert s.key_results["kr1"].status == "dropped"
        assert not s.key_results["kr1"].counted

    def test_upcoming_objective(self) -> None:
        s = one(obj(krs=(num(current=70),), cycle="2026-Q2"))
        assert s.status == "upcoming" and s.expected == 0.0 and s.elapsed == 0.0
        assert s.key_results["kr1"].status == "upcoming"

    def test_kr_done_while_objective_on_track(self) -> None:
        s = one(obj(krs=(num("a", current=100), num("b", current=10))))
        assert s.key_results["a"].status == "done"
        assert s.key_results["b"].status == "off-track"
        assert s.progress == pytest.approx(0.55) and s.status == "on-track"


# ------------------------------------------------------------------ grade
@pytest.mark.parametrize(
    ("progress", "grade"),
    [
        (0.0, "red"),
        (0.39, "red"),
        (0.3999999, "red"),
        (0.4, "yellow"),
        (0.69, "yellow"),
        (0.6999999, "yellow"),
        (0.7, "green"),
        (1.0, "green"),
        (0.7 - 1e-12, "green"),  # float noise is rounded away (9 decimals)
        (0.1 * 4, "yellow"),
    ],
)
def test_grade_bands(progress: float, grade: str) -> None:
    assert grade_for(progress) == grade


def test_grade_of_objective() -> None:
    s = one(obj(krs=(num("a", current=60), num("b", current=80))))
    # (0.6 + 0.8) / 2 = 0.7000000000000001 -> green
    assert s.grade == "green"


# ------------------------------------------------------------------ stale
class TestStale:
    def o(self, **kw: Any) -> Objective:
        return obj(krs=(num(current=50),), **kw)

    def test_exactly_limit_not_stale_one_more_day_stale(self) -> None:
        last = date(2026, 2, 1)
        assert not is_stale(self.o(), Q1, last + timedelta(days=14), last, 14)
        assert is_stale(self.o(), Q1, last + timedelta(days=15), last, 14)

    def test_through_portfolio(self) -> None:
        c = (checkin("o", date(2026, 2, 1), {"kr1": 50}),)
        assert not one(self.o(), as_of=date(2026, 2, 15), checkins=c).stale
        assert one(self.o(), as_of=date(2026, 2, 16), checkins=c).stale

    def test_setting(self) -> None:
        c = (checkin("o", date(2026, 2, 1), {"kr1": 50}),)
        s7 = Settings(stale_after_days=7)
        assert not one(self.o(), as_of=date(2026, 2, 8), checkins=c, settings=s7).stale
        assert one(self.o(), as_of=date(2026, 2, 9), checkins=c, settings=s7).stale

    def test_no_checkin_grace_first_14_days(self) -> None:
        # first 14 days are Jan 1 .. Jan 14; from Jan 15 on, no check-in is stale
        assert not one(self.o(), as_of=date(2026, 1, 1)).stale
        assert not one(self.o(), as_of=date(2026, 1, 14)).stale
        assert one(self.o(), as_of=date(2026, 1, 15)).stale

    def test_future_checkin_does_not_count(self) -> None:
        c = (checkin("o", date(2026, 3, 1), {"kr1": 50}),)
        assert one(self.o(), as_of=date(2026, 2, 15), checkins=c).stale

    def test_checkin_without_values_counts(self) -> None:
        c = (checkin("o", date(2026, 2, 10), {}),)
        assert not one(self.o(), as_of=date(2026, 2, 15), checkins=c).stale

    @pytest.mark.parametrize("life", ["dropped", "draft"])
    def test_only_active(self, life: str) -> None:
        assert not one(self.o(status=life), as_of=date(2026, 3, 15)).stale

    def test_only_running_cycle(self) -> None:
        assert not one(self.o(), as_of=date(2026, 4, 1)).stale  # ended
        assert not one(self.o(cycle="2026-Q2"), as_of=date(2026, 3, 1)).stale  # upcoming
        assert one(self.o(), as_of=date(2026, 3, 31)).stale  # last day still running


# ------------------------------------------------------------------ confidence
class TestConfidence:
    def test_latest_checkins(self) -> None:
        cs = (
            checkin("o", date(2026, 1, 20), {}, confidence=3.0),
            checkin("o", date(2026, 2, 10), {}, confidence=8.0),
            checkin("o", date(2026, 3, 1), {}, confidence=1.0),  # after as_of
        )
        assert one(obj(krs=(num(),)), checkins=cs).confidence == 8.0

    def test_none_without_checkins(self) -> None:
        assert one(obj(krs=(num(),))).confidence is None

    def test_latest_without_confidence_keeps_earlier(self) -> None:
        # code's choice: the latest check-in that states a confidence
        cs = (
            checkin("o", date(2026, 1, 20), {}, confidence=6.0),
            checkin("o", date(2026, 2, 10), {}),
        )
        assert one(obj(krs=(num(),)), checkins=cs).confidence == 6.0


# ------------------------------------------------------------------ forecast
class TestForecast:
    def o(self) -> Objective:
        return obj(krs=(num(),))

    def test_zero_and_one_checkin_no_forecast(self) -> None:
        assert one(self.o()).forecast is None
        cs = (checkin("o", date(2026, 1, 11), {"kr1": 10}),)
        assert one(self.o(), checkins=cs).forecast is None

    def test_two_checkins(self) -> None:
        # x = days since Jan 1: (10, 0.1), (30, 0.3): slope 0.01/day;
        # read at the last day, x = 89 (Mar 31): 0.1 + 0.01 * 79 = 0.89
        cs = (
            checkin("o", date(2026, 1, 11), {"kr1": 10}),
            checkin("o", date(2026, 1, 31), {"kr1": 30}),
        )
        s = one(self.o(), checkins=cs)
        assert s.forecast == pytest.approx(0.89)
        assert s.history == ((date(2026, 1, 11), 0.1), (date(2026, 1, 31), 0.3))

    def test_three_checkins_least_squares(self) -> None:
        # points (10, 0.1), (30, 0.1), (50, 0.4): mean x 30, mean y 0.2
        # Sxx = 400 + 0 + 400 = 800; Sxy = (-20)(-0.1) + 0 + (20)(0.2) = 6
        # slope = 6 / 800 = 0.0075; at x = 89: 0.2 + 0.0075 * 59 = 0.6425
        cs = (
            checkin("o", date(2026, 1, 11), {"kr1": 10}),
            checkin("o", date(2026, 1, 31), {"kr1": 10}),
            checkin("o", date(2026, 2, 20), {"kr1": 40}),
        )
        s = one(self.o(), as_of=date(2026, 2, 25), checkins=cs)
        assert s.forecast == pytest.approx(0.6425)

    def test_four_checkins_with_constant_kr(self) -> None:
        # progress is recomputed as of each date over both key results;
        # b is constant 1.0, so objective progress = (a + 1) / 2
        o = obj(krs=(num("a"), num("b", current=100)))
        cs = tuple(
            checkin("o", date(2026, 1, 1) + timedelta(days=x), {"a": a})
            for x, a in [(0, 0), (10, 10), (20, 10), (30, 40)]
        )
        # y = 0.5, 0.55, 0.55, 0.7; mean x 15, mean y 0.575
        # Sxx = 225 + 25 + 25 + 225 = 500
        # Sxy = (-15)(-0.075) + (-5)(-0.025) + 5(-0.025) + 15(0.125) = 1.125 + 0.125 - 0.125 + 1.875 = 3
        # slope 0.006; at 89: 0.575 + 0.006 * 74 = 1.019 -> clamped to 1.0
        s = one(o, as_of=date(2026, 2, 1), checkins=cs)
        assert s.forecast == 1.0
        assert [p for _, p in s.history] == pytest.approx([0.5, 0.55, 0.55, 0.7])

    def test_forecast_clamped_below(self) -> None:
        cs = (
            checkin("o", date(2026, 1, 11), {"kr1": 50}),
            checkin("o", date(2026, 1, 31), {"kr1": 10}),
        )
        assert one(self.o(), checkins=cs).forecast == 0.0

    def test_checkins_after_as_of_ignored(self) -> None:
        cs = (
            checkin("o", date(2026, 1, 11), {"kr1": 10}),
            checkin("o", date(2026, 1, 31), {"kr1": 30}),
            checkin("o", date(2026, 2, 20), {"kr1": 0}),
        )
        assert one(self.o(), as_of=date(2026, 2, 1), checkins=cs).forecast == pytest.approx(0.89)
        assert one(self.o(), as_of=date(2026, 1, 31), checkins=cs).forecast == pytest.approx(0.89)
        assert one(self.o(), as_of=date(2026, 1, 30), checkins=cs).forecast is None

    def test_same_day_checkins_have_no_line(self) -> None:
        cs = (
            checkin("o", date(2026, 1, 11), {"kr1": 10}),
            CheckIn(
                "b", "content/checkins/b.md", date(2026, 1, 11), objective="o", values={"kr1": 20}
            ),
        )
        assert one(self.o(), checkins=cs).forecast is None

    def test_linear_forecast_function(self) -> None:
        assert linear_forecast([], 10) is None
        assert linear_forecast([(1, 0.5)], 10) is None
        assert linear_forecast([(0, 0.0), (10, 0.5)], 10) == pytest.approx(0.5)
        assert linear_forecast([(0, 0.2), (10, 0.2)], 90) == pytest.approx(0.2)


# ------------------------------------------------------------------ KPI health and trend
def kpi(direction: str = "up", green: float | None = 40, red: float | None = 20, **kw: Any) -> KPI:
    return KPI(
        id="k", file="content/kpis/k.md", title="K", direction=direction, green=green, red=red, **kw
    )  # type: ignore[arg-type]


class TestKPI:
    @pytest.mark.parametrize(
        ("value", "health"),
        [(55, "healthy"), (40, "healthy"), (39.9, "warning"), (20, "warning"), (19.9, "critical")],
    )
    def test_health_up(self, value: float, health: str) -> None:
        assert health_for(kpi("up", 40, 20), value) == health

    @pytest.mark.parametrize(
        ("value", "health"),
        [(1, "healthy"), (2, "healthy"), (3, "warning"), (5, "warning"), (5.1, "critical")],
    )
    def test_health_down(self, value: float, health: str) -> None:
        assert health_for(kpi("down", 2, 5), value) == health

    def test_unknown_without_data_or_rule(self) -> None:
        assert health_for(kpi(), None) == "unknown"
        assert health_for(kpi(green=None, red=None), 10) == "unknown"

    def test_target_stands_in_for_green(self) -> None:
        k = kpi(green=None, red=20, target=50)
        assert health_for(k, 50) == "healthy"
        assert health_for(k, 49) == "warning"
        assert health_for(k, 10) == "critical"

    def test_only_red(self) -> None:
        k = kpi(green=None, red=20)
        assert health_for(k, 25) == "healthy"
        assert health_for(k, 19) == "critical"

    @pytest.mark.parametrize(
        ("previous", "latest", "trend"),
        [(1, 2, "up"), (2, 1, "down"), (2, 2, "flat"), (0.1 + 0.2, 0.3, "flat"), (None, 1, None)],
    )
    def test_trend(self, previous: float | None, latest: float, trend: str | None) -> None:
        assert trend_for(previous, latest) == trend

    def test_trend_is_about_values_not_direction(self) -> None:
        # a "down is better" KPI whose value rose has trend "up"
        k = kpi("down", 2, 5, values=((date(2026, 1, 1), 3.0), (date(2026, 2, 1), 4.0)))
        ks = score_portfolio(portfolio(kpis=(k,)), MID_Q1).kpis["k"]
        assert ks.trend == "up" and ks.health == "warning"

    def test_series_up_to_as_of(self) -> None:
        k = kpi(
            values=(
                (date(2026, 1, 1), 35.0),
                (date(2026, 2, 1), 38.0),
                (date(2026, 2, 15), 41.0),
                (date(2026, 3, 1), 10.0),
            )
        )
        ks = score_portfolio(portfolio(kpis=(k,)), MID_Q1).kpis["k"]
        assert (ks.value, ks.date, ks.previous) == (41.0, date(2026, 2, 15), 38.0)
        assert ks.health == "healthy" and ks.trend == "up"
        assert len(ks.series) == 3
        assert ks.role == "monitored"

    def test_before_any_value(self) -> None:
        k = kpi(values=((date(2026, 3, 1), 10.0),))
        ks = score_portfolio(portfolio(kpis=(k,)), MID_Q1).kpis["k"]
        assert ks.value is None and ks.health == "unknown" and ks.trend is None

    def test_one_value_no_trend(self) -> None:
        k = kpi(values=((date(2026, 1, 1), 10.0),))
        ks = score_portfolio(portfolio(kpis=(k,)), MID_Q1).kpis["k"]
        assert ks.trend is None and ks.health == "critical"

    def test_targeted_and_driven(self) -> None:
        k = kpi(values=((date(2026, 1, 1), 10.0),))
        lead = KPI(id="lead", file="content/kpis/lead.md", title="L", drives=("k",))
        o = obj(krs=(num(kpi="k"),))
        s = score_portfolio(portfolio((o,), kpis=(k, lead)), MID_Q1)
        assert s.kpis["k"].targeted_by == ("o#kr1",)
        assert s.kpis["k"].role == "target"
        assert s.kpis["k"].driven_by == ("lead",)
        assert s.kpis["lead"].role == "monitored"


# ------------------------------------------------------------------ SMART goals
class TestGoals:
    TARGET_OBJ = obj("support/loyalty", (num("csat"),))
    NPS = KPI(id="nps", file="content/kpis/nps.md", title="NPS")

    def goal(self, **kw: Any) -> Goal:
        base: dict[str, Any] = {
            "id": "g",
            "file": "content/goals/g.md",
            "title": "Resolve complaints",
            "owner": "carol",
            "due": date(2026, 3, 31),
            "supports": "support/loyalty#csat",
            "measure": Measure(start=70, target=95, current=82, unit="%"),
            "body": "Specific text.",
        }
        base.update(kw)
        return Goal(**base)

    def letters(self, g: Goal) -> dict[str, bool]:
        return smart_letters(g, portfolio((self.TARGET_OBJ,), kpis=(self.NPS,)))

    def test_all_true(self) -> None:
        assert self.letters(self.goal()) == dict.fromkeys("SMART", True)

    @pytest.mark.parametrize(
        ("change", "letter"),
        [
            ({"body": "   \n"}, "S"),
            ({"title": " "}, "S"),
            ({"measure": None}, "M"),
            ({"measure": Measure(start=1, current=2)}, "M"),
            ({"owner": None}, "A"),
            ({"supports": None}, "R"),
            ({"supports": "support/loyalty#nope"}, "R"),
            ({"supports": "nowhere"}, "R"),
            ({"due": None}, "T"),
            ({"due": None, "cycle": "2030-Q9"}, "T"),
        ],
    )
    def test_each_letter_false(self, change: dict[str, Any], letter: str) -> None:
        got = self.letters(self.goal(**change))
        assert got[letter] is False
        assert all(v for k, v in got.items() if k != letter)

    @pytest.mark.parametrize("supports", ["support/loyalty", "support/loyalty#csat", "nps"])
    def test_relevant_targets(self, supports: str) -> None:
        assert self.letters(self.goal(supports=supports))["R"] is True

    def test_time_bound_by_known_cycle(self) -> None:
        # the objective's 2026-Q1 is in the portfolio's cycles
        assert self.letters(self.goal(due=None, cycle="2026-Q1"))["T"] is True

    def test_goal_progress(self) -> None:
        p = portfolio((self.TARGET_OBJ,), goals=(self.goal(),))
        gs = score_portfolio(p, MID_Q1).goals["g"]
        # (82 - 70) / (95 - 70) = 12 / 25
        assert gs.progress == pytest.approx(0.48)
        assert gs.ratio == pytest.approx(0.48)

    def test_goal_progress_without_measure(self) -> None:
        p = portfolio(goals=(self.goal(measure=None),))
        assert score_portfolio(p, MID_Q1).goals["g"].progress == 0.0

    def test_goal_lower_is_better_overshoot(self) -> None:
        p = portfolio(goals=(self.goal(measure=Measure(start=10, target=5, current=2)),))
        gs = score_portfolio(p, MID_Q1).goals["g"]
        assert gs.progress == 1.0 and gs.ratio == pytest.approx(8 / 5)


# ------------------------------------------------------------------ purity
def test_same_input_same_output() -> None:
    o = obj(krs=(num("a", current=30), num("b", start=5, target=2, current=4)))
    cs = (checkin("o", date(2026, 1, 20), {"a": 10}), checkin("o", date(2026, 2, 5), {"a": 25}))
    first = score(o, checkins=cs)
    second = score(o, checkins=cs)
    assert first.objectives == second.objectives
