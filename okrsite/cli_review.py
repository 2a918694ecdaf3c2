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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from okrsite import codeowners_file as cf
from okrsite.cli_options import as_of_option, load_or_exit, resolve_site, site_option
from okrsite.plural import plural

if TYPE_CHECKING:
    from okrsite.model import Portfolio


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
    "ended-cycle, moved-key-results (or none): exit 1 when one of them is found.",
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
    from okrsite.written_numbers import numbers_written_in

    result = load_or_exit(site, as_of, strict=False)
    root = resolve_site(site)
    content_dir = result.config.content_dir
    try:
        start, to = carry_cycles(
            result.scored.portfolio, from_cycle, to_cycle, result.config.cycles, result.as_of
        )
        written = names_as_written(
            root, result.scored.portfolio, start.name, content_dir, result.config.language
        )
        # titles are read, and their rewritten figures written, as the site's language writes numbers
        with numbers_written_in(result.config.language):
            plan = plan_carry(
                result.scored,
                start.name,
                to.name,
                content_dir,
                every,
                result.config.cycles,
                written,
            )
    except CarryError as exc:
        raise click.UsageError(str(exc)) from None
    if not plan:
        click.echo(f"okrsite: nothing to carry from {start.name}")
        return
    existing = {oid: o.carried_from for oid, o in result.scored.portfolio.objectives.items()}
    outcome = write_carry(
        root, content_dir, plan, existing, dry_run=dry_run, cycles=(start.name, to.name)
    )
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
        for kr_note in item.key_result_notes:
            click.echo(f"note: {kr_note}", err=True)
    for item, why in (*outcome.already, *outcome.conflicts):
        click.echo(f"skipped {item.rel}: {why}", err=True)
    if dry_run:
        click.echo(
            f"okrsite: would carry {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts (dry run: nothing written)"
        )
    elif outcome.written:
        click.echo(
            f"okrsite: carried {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts; review them and set status: active"
        )
    else:  # nothing written: no drafts to review
        click.echo(
            f"okrsite: carried 0 of {plural(len(plan), 'objective')} into {to.name}: "
            "nothing written"
            + (
                "; see the skipped lines above"
                if outcome.conflicts
                else " (each was carried before)"
            )
        )
    if outcome.conflicts:
        sys.exit(1)


@click.command()
@site_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Exit 1 when okrsite's block of the committed CODEOWNERS differs from what the "
    "goals call for (for CI); the other lines of the file are left to you.",
)
@click.option(
    "--write",
    "write",
    is_flag=True,
    help="Rewrite okrsite's block in the committed CODEOWNERS in place, keeping every "
    "other line (a file without the block gets it at its end; no file: one is created "
    "where the platform looks).",
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
    help="The CODEOWNERS file to check or write (default: where the platform looks for it).",
)
def codeowners(
    site: Path | None, check_only: bool, write: bool, platform: str | None, file: Path | None
) -> None:
    """Print okrsite's CODEOWNERS rules giving each goal file to its owner and team.

    Handles come from github:/gitlab: in person and team files. The rules sit
    between "# okrsite: begin" and "# okrsite: end" lines; the rest of the
    file is yours (put a catch-all * rule above the block: the last matching
    rule wins). okrsite codeowners --write puts the block into the committed
    file, --check compares it; see docs/ci/README.md.
    """
    from okrsite import codeowners as co

    if check_only and write:
        raise click.UsageError("give --check or --write, not both")
    result = load_or_exit(site, None, False)
    root = resolve_site(site)
    toplevel, prefix = _repository_place(root, result.config.repo_folder)
    chosen: co.Platform = (
        "gitlab"
        if platform == "gitlab"
        else "github"
        if platform
        else co.handles_platform(result.config.repo_url, result.scored.portfolio)
    )
    # the command that writes the file again, as this one chose its handles,
    # its site and its file: ``--site`` as given, so it runs from where this
    # one did; ``--platform`` whenever it was given (``github`` too: without
    # it, gitlab: handles may choose GitLab's) or GitLab's was chosen
    again = (
        "okrsite codeowners"
        + (f" --site {shlex.quote(str(site))}" if site is not None else "")
        + (f" --platform {chosen}" if platform is not None or chosen == "gitlab" else "")
        + (f" --file {shlex.quote(str(file))}" if file is not None else "")
        + " --write"
    )
    portfolio = result.scored.portfolio
    text = co.codeowners_text(portfolio, chosen, prefix, result.config.content_dir)
    if not text[len(co.BEGIN) : -len(co.END)]:
        _say_nothing_routed(portfolio, chosen, result.config.content_dir)
    if not check_only and not write:
        click.echo(text, nl=False)
        return

    def shown(path: Path) -> str:
        # the platform reads CODEOWNERS at the repository's top, which for
        # a site in a subfolder is not the folder the command runs in
        return os.path.relpath(path) if path.is_absolute() else str(path)

    target = file if file is not None else co.find_committed(toplevel, chosen)
    places = [toplevel / rel for rel in co.LOCATIONS[chosen]]
    if write:
        _write_codeowners(target or places[0], text, shown, toplevel, chosen)
        return
    if target is None or not cf.exists(target):
        where = shown(target) if target is not None else " or ".join(map(shown, places))
        click.echo(
            f"okrsite: no CODEOWNERS file ({where}); write one with: {again}",
            err=True,
        )
        sys.exit(1)
    name = shown(target)
    found = _read_codeowners(target, toplevel, name)
    committed = found.shown() if found is not None else ""
    plain = committed.replace("\r\n", "\n")
    try:
        parts = co.split_block(plain, name)
    except co.BlockError as exc:
        click.echo(f"okrsite: {exc}", err=True)
        sys.exit(1)
    if parts is None:
        # written whole by an older okrsite (or by hand): one okrsite wrote whole
        # and whose rules still hold passes, as it did then; any other is shown
        # as --write would change it (the block in place of an old okrsite file,
        # else appended after the file's own rules, which stay)
        legacy = co.legacy_text(portfolio, chosen, prefix, result.config.content_dir)
        adopt = (
            "to keep rules of your own in it (a catch-all * first), let okrsite keep its "
            "rules between marker lines"
        )
        if plain == legacy:
            click.echo(f"okrsite: {name} is up to date; {adopt} with: {again}", err=True)
            return
        click.echo(co.difference(plain, co.with_block(plain, text, name, chosen), name), nl=False)
        click.echo(
            f"okrsite: {name} is out of date and has no '# okrsite: begin' block; {adopt} "
            f"(in a file okrsite wrote whole, your own lines are kept above the block; any "
            f"other file gets it after its own rules: then delete the older goal-file lines "
            f"above it) with: {again}",
            err=True,
        )
        sys.exit(1)
    before, block, after = parts
    if block != text:
        click.echo(co.difference(block, text, name), nl=False)
        click.echo(
            f"okrsite: {name} is out of date (the lines between # okrsite: begin and "
            f"# okrsite: end); update them with: {again}",
            err=True,
        )
        sys.exit(1)
    if _say_misplaced(name, before, block, after, chosen):
        click.echo(
            f"okrsite: {name}: okrsite's block is up to date but does not take effect; "
            f"move those lines above '# okrsite: begin', or move the block with: {again}",
            err=True,
        )
        sys.exit(1)
    click.echo(f"okrsite: {name} is up to date", err=True)


def _read_codeowners(target: Path, toplevel: Path, name: str) -> cf.Committed | None:
    """The committed file (:func:`okrsite.codeowners_file.read`); a link, or
    a file that cannot be read, stops with exit 1."""
    try:
        cf.refuse_link(target, toplevel, name)
        return cf.read(target)
    except cf.CodeownersFileError as exc:
        click.echo(f"okrsite: {exc}", err=True)
    except OSError as exc:
        click.echo(f"okrsite: cannot read {name}: {exc.strerror or exc}", err=True)
    sys.exit(1)


def _say_misplaced(name: str, before: str, block: str, after: str, platform: str) -> bool:
    """Warn about each line that keeps the block from taking effect
    (:func:`okrsite.codeowners_place.placement_problems`); whether there was one."""
    from okrsite.codeowners_place import placement_problems

    problems = placement_problems(
        before, block, after, "gitlab" if platform == "gitlab" else "github"
    )
    for p in problems:
        click.echo(f"okrsite: {name}:{p.line}: '{p.text}' {p.why}", err=True)
    return bool(problems)


def _say_nothing_routed(portfolio: Portfolio, platform: str, content_dir: str) -> None:
    """A block with no rule routes no goal file: say why and what to add,
    or a CI step that checks it passes while routing nothing."""
    goals = len(portfolio.objectives) + len(portfolio.kpis) + len(portfolio.goals)
    if not goals:
        return
    click.echo(
        f"okrsite: warning: no owner or team of the {plural(goals, 'goal file')} has a "
        f"{platform}: handle, so CODEOWNERS routes no goal file to anyone; add "
        f"{platform}: <handle> to the person files ({content_dir}/people/*.md) or team "
        f"files ({content_dir}/teams/*.md) of the goals' owners",
        err=True,
    )


def _repository_place(root: Path, repo_folder: str | None) -> tuple[Path, str]:
    """The repository's top, where the platform reads CODEOWNERS, and the
    site's folder in it (``okrs/``), which every path of the file starts with.

    ``repo_folder`` (okrsite.toml) says the folder when set; git says it
    otherwise. A site in no repository is its own top (the folder a new
    repository starts from). When git cannot read the repository (a CI
    container's checkout owned by another user, git not installed), the
    folder is not guessed: site-relative paths (``/content/…``) in a
    repository's file route nothing, and a ``--check`` would look for the
    file in the site's folder, which the platform never reads. Exits 1
    saying git's message and what to do."""
    from okrsite.gitsource import GitError, NotInRepository, find_site

    parts = [p for p in (repo_folder or "").replace("\\", "/").split("/") if p not in ("", ".")]
    said = ""
    try:
        found = find_site(root)
    except NotInRepository:
        pass  # no repository: the site's folder is its top, unless repo_folder says more
    except GitError as exc:
        no_git = isinstance(exc.__cause__, FileNotFoundError)
        if no_git and not any((folder / ".git").exists() for folder in (root, *root.parents)):
            pass  # no git and no repository: as outside git
        else:
            said = "git is not installed or not on PATH (install it)" if no_git else str(exc)
    else:
        if repo_folder is None:
            return found.toplevel, found.prefix
        return found.toplevel, "".join(f"{p}/" for p in parts)
    if repo_folder is not None:  # said in okrsite.toml: the top is that far up
        top = root.resolve()
        for _ in parts:
            top = top.parent
        return top, "".join(f"{p}/" for p in parts)
    if not said:
        return root, ""
    config = os.path.relpath(root / "okrsite.toml")
    click.echo(
        f"okrsite: {config}: cannot tell the site's folder in its repository, which "
        f"CODEOWNERS paths start from: {said}; or set repo_folder in {config} "
        f"({_repo_folder_example(root)})",
        err=True,
    )
    sys.exit(1)


def _repo_folder_example(root: Path) -> str:
    """The ``repo_folder`` line to suggest when git refuses the checkout: the
    folder from the nearest ``.git`` above the site (which the file system
    shows even when git will not read it), ``""`` for a site at the
    repository's top. The checkout's own name is no example: on GitLab
    (``/builds/acme/goals``) it read ``repo_folder = "goals"``, which for a
    site at the top starts every rule one folder too deep."""
    site = root.resolve()
    for top in (site, *site.parents):
        if (top / ".git").exists():
            folder = site.relative_to(top).as_posix()
            if not folder or folder == ".":
                return 'repo_folder = "" for a site at the repository\'s top, as this one is'
            return f'repo_folder = "{folder}" for a site in {folder}/ of the repository'
    return (
        'repo_folder = "" when okrsite.toml is at the repository\'s top, '
        '"okrs" for a site in okrs/ of it'
    )


def _write_codeowners(
    target: Path, block: str, shown: Callable[[Path], str], toplevel: Path, platform: str
) -> None:
    """Put okrsite's block into ``target`` (:func:`okrsite.codeowners.with_block`)
    where it takes effect, every other line kept byte for byte; create it,
    and its folder, when there is none. The file is replaced, never written
    through a link, and a link out of the repository is refused."""
    from okrsite import codeowners as co

    name = shown(target)
    found = _read_codeowners(target, toplevel, name)
    committed = found.text if found is not None else None
    chosen: co.Platform = "gitlab" if platform == "gitlab" else "github"
    try:
        new = co.with_block(committed, block, name, chosen)
        parts = co.split_block(committed, name) if committed else None
    except co.BlockError as exc:
        click.echo(f"okrsite: {exc}", err=True)
        sys.exit(1)
    if new == committed:
        click.echo(f"okrsite: {name} is up to date", err=True)
        return
    moved = parts is not None and _say_misplaced(name, *parts, platform)
    try:
        cf.write(target, new, found is not None and found.bom)
    except OSError as exc:
        click.echo(f"okrsite: cannot write {name}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    if committed is None or not committed.strip():
        how = "created it with okrsite's block"
    elif committed.replace("\r\n", "\n").startswith(co.HEADER):
        kept = len(co.user_lines(committed, block))
        how = "replaced the rules an older okrsite wrote with its block" + (
            f", keeping your {plural(kept, 'line')} above it (delete older goal-file rules "
            "among them)"
            if kept
            else ""
        )
    elif parts is None:
        where = (
            "appended okrsite's block at its end"
            if new.replace("\r\n", "\n").endswith(block)
            else "put okrsite's block at the end of the unnamed section, before the first "
            "GitLab section, where its rules are always required"
        )
        how = (
            f"{where} (keep a catch-all * rule above it; "
            "delete older lines for the goal files above it)"
        )
    elif moved:
        how = "moved okrsite's block where it takes effect, other lines kept"
    else:
        how = "updated okrsite's block, other lines kept"
    click.echo(f"okrsite: {name}: {how}", err=True)
