"""``okrsite check --format github``: which findings become annotations.

GitHub Actions keeps at most 10 error and 10 warning annotations of a step
(actions/toolkit, docs/problem-matchers.md, "Limitations"), and drops the
workflow commands after those without a word. Printed in path order, a site
more than ``stale_after_days`` into its cycle filled the 10 warning slots
with stale warnings of files the pull request never touched, and its own
new warning, on the line it changed, was never shown; errors after the 10th
were lost the same way. So errors come first, and with ``--changed-from``
the findings in the files the pull request changed come first within each
kind. What does not fit is printed as plain lines of the step's log (where
a workflow command would only vanish), and one notice says how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from okrsite.diagnostics import Diagnostic, Severity, _gh_data
from okrsite.git_command import git_argv

#: annotations GitHub keeps per step, of each kind (error, warning)
PER_KIND = 10


def annotation_lines(
    diags: Sequence[Diagnostic], folder: str, changed: frozenset[str] | None = None
) -> list[str]:
    """The workflow commands for ``diags`` (files named from ``folder``, the
    site's folder in its repository): errors first, then warnings; within
    each, first those of the files in ``changed`` (paths from the site's
    folder), when given; the first :data:`PER_KIND` of each kind as
    annotations, the rest as log lines after one notice saying so."""

    def rank(d: Diagnostic) -> tuple[bool, bool]:
        return (not d.is_error, changed is not None and d.file not in changed)

    shown = {Severity.ERROR: 0, Severity.WARNING: 0}
    lines: list[str] = []
    rest: list[Diagnostic] = []
    for d in sorted(diags, key=rank):  # stable: path order within a rank
        if shown[d.severity] < PER_KIND:
            shown[d.severity] += 1
            lines.append(d.format_github(folder))
        else:
            rest.append(d)
    if rest:
        errors = sum(1 for d in rest if d.is_error)
        counts = [
            f"{n} more {word}{'' if n == 1 else 's'}"
            for n, word in ((errors, "error"), (len(rest) - errors, "warning"))
            if n
        ]
        first = " (those of the files this change touched first)" if changed is not None else ""
        lines.append(
            "::notice title=okrsite::"
            + _gh_data(
                f"{' and '.join(counts)} not annotated: GitHub shows {PER_KIND} annotations "
                f"of each kind per step, and the annotated ones are errors first{first}; "
                "the rest are listed in this step's log below, and okrsite check lists all"
            )
        )
        lines += [
            replace(d, file=folder + d.file).format_text() if d.file else d.format_text()
            for d in rest
        ]
    return lines


def changed_in_site(site_dir: Path, base: str) -> frozenset[str]:
    """The files under ``site_dir`` (paths from it) that HEAD changed since it
    forked from ``base`` (``git diff base...HEAD``, the pull request's own
    changes), or :class:`~okrsite.gitsource.GitError` saying what to fetch."""
    import subprocess

    from okrsite.diff_range import merge_base
    from okrsite.gitsource import GitError, find_site

    since = merge_base(find_site(site_dir).toplevel, base, "HEAD")
    proc = subprocess.run(
        git_argv(["diff", "--name-only", "-z", "--relative", since, "HEAD", "--", "."]),
        cwd=site_dir,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        detail = " ".join(proc.stderr.decode("utf-8", "replace").split())
        raise GitError(f"git diff {base}...HEAD failed: {detail}")
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    return frozenset(name for name in names if name)
