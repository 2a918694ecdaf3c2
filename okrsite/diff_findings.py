"""The findings ``okrsite diff``'s ``--fail-on`` rules read, worded in any language.

One list, read by every format: :attr:`okrsite.diff.DiffResult.findings`
(English, the JSON's and the stderr lines'), and the "Worth a look" of the
text and Markdown reports (the site's language,
:func:`okrsite.diff_wording.findings`). Which change fires which rule is
decided here only, so the gate and the report never disagree. Split from
:mod:`okrsite.diff_wording`.
"""

from __future__ import annotations

from collections.abc import Sequence

from okrsite.diagnostics import Diagnostic
from okrsite.diff import LESS, REVERSED, Finding, RecordChange
from okrsite.diff_places import PlaceMove
from okrsite.diff_words import ENGLISH, Words


def findings_of(
    objectives: Sequence[RecordChange],
    kpis: Sequence[RecordChange],
    goals: Sequence[RecordChange],
    head_errors: Sequence[Diagnostic],
    w: Words = ENGLISH,
    moves: Sequence[PlaceMove] = (),
) -> list[Finding]:
    """The findings ``--fail-on`` rules read, worded in ``w``'s language:
    errors of the head side, records changed after their cycle ended, eased
    targets, new parents, removed key results, key results without id: moved
    while check-ins name them by place (``moves``). :func:`okrsite.diff.diff`
    words them in English for :attr:`DiffResult.findings` and the JSON."""
    out = [
        Finding("errors", d.location, f"{d.location}: {d.code} {d.message}") for d in head_errors
    ]
    for rec in objectives:
        if rec.cycle_ended:
            out.append(
                Finding(
                    "ended-cycle",
                    rec.id,
                    w._(
                        "%(record)s: %(change)s after %(cycle)s ended; its final figures change",
                        record=f"{w.kind('objective')} {rec.id}",
                        change=w.change(rec.change),
                        cycle=rec.cycle_ended,
                    ),
                )
            )
    for rec in kpis:
        # a reading backdated into an ended cycle restates its final
        # scorecard as surely as an eased target of one of its objectives
        if rec.cycle_ended:
            out.append(
                Finding(
                    "ended-cycle",
                    rec.id,
                    w._(
                        "%(record)s: readings up to the end of %(cycle)s changed after it ended; "
                        "the cycle's final figures change",
                        record=f"{w.kind('kpi')} {rec.id}",
                        cycle=rec.cycle_ended,
                    ),
                )
            )
    for rec in (*objectives, *kpis, *goals):
        # a KPI's direction reversed (higher_is_better → lower_is_better, its
        # thresholds kept) or a SMART goal's start and target crossing over
        # turns a miss into "on track" as a key result's reversal does: the
        # same rule fires, once for the record (its target, green and red are
        # each "direction reversed" too)
        reversal = next((f for f in rec.fields if f.note == REVERSED), None)
        for f in rec.fields:
            if f.note == LESS or f is reversal:
                out.append(
                    Finding(
                        "less-ambitious",
                        rec.id,
                        f"{w.kind(rec.kind)} {rec.id}: {w.field(f.field)} "
                        f"{' → '.join(w.field_values(f, rec.units))} ({w.note(f.note or LESS)})",
                    )
                )
            # a parent that followed a rename, or was removed, is no reparenting
            if rec.kind == "objective" and f.field == "parent" and f.note is None:
                out.append(
                    Finding(
                        "reparented",
                        rec.id,
                        f"{w.kind('objective')} {rec.id}: {w.field('parent')} "
                        f"{w.show(f.before)} → {w.show(f.after)}",
                    )
                )
        for kr in rec.key_results:
            subject = f"{rec.id}#{kr.id}"
            if kr.change == "removed":
                when = " " + w._("mid-cycle") if kr.mid_cycle else ""
                out.append(
                    Finding(
                        "removed-key-result",
                        subject,
                        f"{w.field('key result')} {subject} ({kr.title}) "
                        f"{w.change('removed')}{when}",
                    )
                )
            for f in kr.fields:
                # a reversed direction (start or target crossing over, or
                # stay_below → stay_above) can turn a miss into "done": the
                # rule that guards eased targets guards it too
                if f.note in (LESS, REVERSED):
                    out.append(
                        Finding(
                            "less-ambitious",
                            subject,
                            f"{w.field('key result')} {subject}: {w.field(f.field)} "
                            f"{' → '.join(w.field_values(f, kr.units))} ({w.note(f.note)})",
                        )
                    )
    for move in moves:
        places = ", ".join(f"{title!r} {was} → {now}" for title, was, now in move.moves)
        out.append(
            Finding(
                "moved-key-results",
                move.objective,
                w.n(
                    "%(record)s: key results without an id moved (%(places)s), so the "
                    "check-in %(checkins)s, which names them by their place, now counts for "
                    "other key results: give each key result an id: and name it so in its "
                    "check-ins",
                    "%(record)s: key results without an id moved (%(places)s), so the "
                    "%(num)d check-ins %(checkins)s, which name them by their place, now "
                    "count for other key results: give each key result an id: and name it so "
                    "in its check-ins",
                    len(move.checkins),
                    record=f"{w.kind('objective')} {move.objective}",
                    places=places,
                    checkins=", ".join(move.checkins),
                ),
            )
        )
    return out
