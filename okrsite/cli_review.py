"""``okrsite diff``, ``okrsite carry`` and ``okrsite codeowners``: the review commands.

What a change does to the goals, carrying a cycle's unfinished objectives
into the next, and who owns which goal file. Kept out of :mod:`okrsite.cli`
so the main command module stays small; it registers these three commands.
The diff, carry and CODEOWNERS modules are imported inside each command,
only when it runs.
"""

from __future__ import annotations

import os
import shlex
import sys
from datetime import date
from pathlib import Path

import click

from okrsite.cli_options import as_of_option, load_or_exit, resolve_site, site_option
from okrsite.plural import plural


@click.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@site_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text", "json"]),
    default="markdown",
    show_default=True,
    help="markdown for a PR comment, text for a terminal, json for scripts.",
)
@click.option(
    "--fail-on",
    "fail_on",
    default="errors",
    show_default=True,
    metavar="RULES",
    # the rules of okrsite.diff.RULES, named here so --help does not import the diff
    help="Comma list of errors, less-ambitious, removed-key-result, reparented, "
    "ended-cycle (or none): exit 1 when one of them is found.",
)
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of stdout.",
)
def diff(
    base: str | None,
    head: str | None,
    site: Path | None,
    as_of: date | None,
    fmt: str,
    fail_on: str,
    output: Path | None,
) -> None:
    """Report what a change does to the goals, between two git revisions.

    BASE defaults to the merge base with the default branch, HEAD to the
    working tree. BASE...HEAD as one argument compares HEAD with its merge
    base with BASE (this branch's own changes); BASE..HEAD compares the two
    tips. Both are scored at the same date; mid-cycle is judged on the day
    HEAD's commit was made (as_of for the working tree). See
    docs/diff.md.
    """
    from okrsite.diff import parse_rules
    from okrsite.diff_report import run_diff

    try:
        rules = parse_rules(fail_on)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    sys.exit(run_diff(resolve_site(site), base, head, as_of, fmt, rules, output))


@click.command()
@click.argument("from_cycle", metavar="FROM")
@click.argument("to_cycle", metavar="TO")
@click.option(
    "--all", "every", is_flag=True, help="Carry every objective (not dropped), finished or not."
)
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@site_option
@as_of_option
def carry(
    from_cycle: str,
    to_cycle: str,
    every: bool,
    dry_run: bool,
    site: Path | None,
    as_of: date | None,
) -> None:
    """Write the unfinished objectives of cycle FROM into cycle TO as drafts.

    Unfinished: missed, or (while FROM still runs) not done. Each unfinished
    key result starts at its last value. Never overwrites a file, never
    aligns a draft to an objective left behind in FROM. See docs/review.md.
    """
    from okrsite.carry import (
        CarryError,
        carry_cycles,
        names_as_written,
        plan_carry,
        write_carry,
    )

    result = load_or_exit(site, as_of, strict=False)
    root = resolve_site(site)
    content_dir = result.config.content_dir
    try:
        start, to = carry_cycles(
            result.scored.portfolio, from_cycle, to_cycle, result.config.cycles
        )
        written = names_as_written(
            root, result.scored.portfolio, start.name, content_dir, result.config.language
        )
        plan = plan_carry(
            result.scored, start.name, to.name, content_dir, every, result.config.cycles, written
        )
    except CarryError as exc:
        raise click.UsageError(str(exc)) from None
    if not plan:
        click.echo(f"okrsite: nothing to carry from {start.name}")
        return
    existing = {oid: o.carried_from for oid, o in result.scored.portfolio.objectives.items()}
    outcome = write_carry(root, content_dir, plan, existing, dry_run=dry_run)
    for item in outcome.written:
        krs = ", ".join(item.key_results) or "no key results"
        verb = "would write" if dry_run else "wrote"
        click.echo(f"{verb} {item.rel} (from {item.source}; {krs})")
        if dry_run:
            click.echo(item.text, nl=False)
    for item in outcome.written:
        note = item.note(to.name)
        if note:
            click.echo(f"note: {note}", err=True)
    for item, why in (*outcome.already, *outcome.conflicts):
        click.echo(f"skipped {item.rel}: {why}", err=True)
    if dry_run:
        click.echo(
            f"okrsite: would carry {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts (dry run: nothing written)"
        )
    else:
        click.echo(
            f"okrsite: carried {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts; review them and set status: active"
        )
    if outcome.conflicts:
        sys.exit(1)


@click.command()
@site_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Exit 1 when the committed CODEOWNERS differs from what the goals call for (for CI).",
)
@click.option(
    "--platform",
    type=click.Choice(["github", "gitlab"]),
    default=None,
    help="Whose handles to use (default: gitlab when repo_url names GitLab or the people "
    "and team files give only gitlab: handles, else github).",
)
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The CODEOWNERS file to check (default: where the platform looks for it).",
)
def codeowners(
    site: Path | None, check_only: bool, platform: str | None, file: Path | None
) -> None:
    """Print a CODEOWNERS file giving each goal file to its owner and team.

    Handles come from github:/gitlab: in person and team files. Write it with
    okrsite codeowners > .github/CODEOWNERS; see docs/ci/README.md.
    """
    from okrsite import codeowners as co
    from okrsite.gitsource import GitError, find_site

    result = load_or_exit(site, None, False)
    root = resolve_site(site)
    try:
        found = find_site(root)
        toplevel, prefix = found.toplevel, found.prefix
    except GitError:
        toplevel, prefix = root, ""
    chosen: co.Platform = (
        "gitlab"
        if platform == "gitlab"
        else "github"
        if platform
        else co.handles_platform(result.config.repo_url, result.scored.portfolio)
    )
    # the command that writes the file again, as this one chose its handles
    # and its site: ``--site`` as given, so it runs from where this one did
    # (without it, run from a monorepo's top it finds no site, exits 2, and
    # the shell has already emptied the CODEOWNERS it was to write)
    again = (
        "okrsite codeowners"
        + (f" --site {shlex.quote(str(site))}" if site is not None else "")
        + (" --platform gitlab" if chosen == "gitlab" else "")
    )
    text = co.codeowners_text(result.scored.portfolio, chosen, prefix)
    if not check_only:
        click.echo(text, nl=False)
        return
    target = file if file is not None else co.find_committed(toplevel, chosen)
    if target is None or not target.is_file():

        def shown(path: Path) -> str:
            # the platform reads CODEOWNERS at the repository's top, which for
            # a site in a subfolder is not the folder the command runs in
            return os.path.relpath(path) if path.is_absolute() else str(path)

        places = [toplevel / rel for rel in co.LOCATIONS[chosen]]
        where = shown(target) if target is not None else " or ".join(map(shown, places))
        click.echo(
            f"okrsite: no CODEOWNERS file ({where}); write one with: "
            f"{again} > {shlex.quote(shown(target or places[0]))}",
            err=True,
        )
        sys.exit(1)
    committed = target.read_text("utf-8", errors="replace")
    if committed != text:
        click.echo(co.difference(committed, text, str(target)), nl=False)
        click.echo(
            f"okrsite: {target} is out of date; regenerate it with: "
            f"{again} > {shlex.quote(str(target))}",
            err=True,
        )
        sys.exit(1)
    click.echo(f"okrsite: {target} is up to date", err=True)
