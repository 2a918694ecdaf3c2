"""Render a :class:`~okrsite.diff.DiffResult` for a PR comment, a terminal or a script.

Three audiences, three formats:

* ``markdown`` is a pull-request comment. Reviewers read the top and skim the
  rest, so a one-paragraph summary, the errors and a table of changed
  objectives come first and every detail sits in a collapsed ``<details>``
  section. GitHub rejects comments over 65,536 characters, so the report is
  cut below that with a note. A hidden marker lets a workflow find and update
  its own comment instead of adding one per push. All user text is escaped:
  a pipe in a title must not break the table, and ``<script>`` in a title
  must stay text.
* ``text`` is for a terminal, coloured only when asked to (the command line
  asks when stdout is a TTY and ``NO_COLOR`` is unset).
* ``json`` is a stable structure for scripts, documented in ``docs/diff.md``.

The renderers are pure functions of the result. :func:`run_diff` at the end is
the one edge with I/O: it is what ``okrsite diff`` calls, kept here so the
command in ``cli.py`` stays a few lines.

The formats live in :mod:`okrsite.diff_markdown`, :mod:`okrsite.diff_text`
and :mod:`okrsite.diff_json`, with what they share in
:mod:`okrsite.diff_wording`; this module picks one (:func:`render`) and runs
the command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from okrsite.config import CONFIG_FILE
from okrsite.diff import DiffResult
from okrsite.diff_json import JSON_SCHEMA_VERSION as JSON_SCHEMA_VERSION
from okrsite.diff_json import render_json as render_json
from okrsite.diff_json import to_json as to_json
from okrsite.diff_markdown import MARKER as MARKER
from okrsite.diff_markdown import MAX_MARKDOWN as MAX_MARKDOWN
from okrsite.diff_markdown import code as code
from okrsite.diff_markdown import md as md
from okrsite.diff_markdown import printable
from okrsite.diff_markdown import report_markdown as report_markdown
from okrsite.diff_paths import in_repository
from okrsite.diff_text import Styler as Styler
from okrsite.diff_text import render_text as render_text
from okrsite.diff_text import site_moved_sentence
from okrsite.diff_wording import ReportContext as ReportContext
from okrsite.diff_wording import format_percent as format_percent
from okrsite.diff_wording import plain_words
from okrsite.diff_wording import summary_sentence as summary_sentence
from okrsite.diff_words import ENGLISH as ENGLISH
from okrsite.diff_words import Words as Words
from okrsite.pipeline_result import LoadResult

if TYPE_CHECKING:
    from okrsite.revision_tree import Revisions


def render(
    result: DiffResult,
    fmt: str,
    ctx: ReportContext,
    color: bool = False,
    words: Words = ENGLISH,
    site_moved: tuple[str, str] | None = None,
    prefix: str = "",
) -> str:
    """Dispatch on ``--format``. ``words``: the language of the text and
    Markdown reports (the JSON is language-neutral: always English);
    ``site_moved``: the site's folders at base and head when the change
    moved it, which every format says in one line; ``prefix``: the site's
    folder in its repository, which the Markdown comment and the text report
    name files from, as the merge request's own list of files does (the
    JSON names them from the site's folder)."""
    if fmt == "json":
        return render_json(result, ctx, site_moved=site_moved)
    if fmt == "text":
        # files from the repository's top, as the comment and the --fail-on lines
        named = in_repository(result, prefix, None if site_moved is None else site_moved[0])
        return render_text(named, ctx, color, words, site_moved=site_moved)
    if site_moved is None:
        return report_markdown(result, ctx, words=words, prefix=prefix)
    line = "_" + site_moved_sentence(site_moved, words, code) + "_"
    limit = MAX_MARKDOWN - len(line) - 2
    # a file that moved within the moved site was in the base's folder
    text = report_markdown(
        result, ctx, limit=limit, words=words, prefix=prefix, base_prefix=site_moved[0]
    )
    return _after_heading(text, line)


def _after_heading(text: str, line: str) -> str:
    """``line`` as a paragraph of its own under the comment's heading (the
    first ``### `` line), where a reviewer reads before the summary.

    Inserted here rather than by :func:`report_markdown`, which takes no
    such note yet; the report is cut below its limit less this line."""
    lines = text.split("\n")
    at = next((i for i, ln in enumerate(lines) if ln.startswith("### ")), 0)
    return "\n".join([*lines[: at + 1], "", line, *lines[at + 1 :]])


def report_words(site_dir: Path, language: str, theme: str = "default") -> Words:
    """The words of the site's ``language`` (``okrsite.toml``), from the same
    catalogues its pages use: the theme chain's ``translations/`` (base
    first), then the site's own. English without a catalogue of the site's
    own (``translations/en.po``, which rewords the pages and so the report),
    or a theme that cannot be loaded, is :data:`ENGLISH` (the report then
    says what it says in English)."""
    from okrsite.translations import catalogue_files, language_tag

    if language_tag(language) == "en" and not catalogue_files("en", [site_dir]):
        return ENGLISH
    from okrsite.theme import ThemeError, load_theme
    from okrsite.translations import load_language

    try:
        chain = load_theme(theme, site_dir).chain
    except (ThemeError, OSError):
        return ENGLISH
    folders = [path for _, path in reversed(chain)]
    try:
        return Words(load_language(language, [*folders, site_dir]))
    except (OSError, ValueError):
        return ENGLISH


def shown_context(
    ctx: ReportContext, words: Words, base: str | None, head: str | None
) -> ReportContext:
    """``ctx`` with the labels okrsite made up (``working tree``, ``merge base
    with main``) in ``words``' language; revisions as given stay as given."""
    if words is ENGLISH:
        return ctx
    head_label = words._("working tree") if head is None else ctx.head_label
    base_label = ctx.base_label
    prefix = "merge base with "
    if base is None and base_label.startswith(prefix):
        base_label = words._("merge base with %(branch)s", branch=base_label[len(prefix) :])
    return replace(ctx, base_label=base_label, head_label=head_label)


# ------------------------------------------------------------------ the command
def run_diff(
    site_dir: Path,
    base: str | None,
    head: str | None,
    as_of: date | None,
    fmt: str,
    fail_on: tuple[str, ...],
    output: Path | None,
) -> int:
    """Load both sides, compare, write the report; return the exit code.

    0: nothing a ``--fail-on`` rule names; 1: some rule fired (errors at head
    by default); git problems raise :class:`click.ClickException` (exit 2)
    with the message of :class:`~okrsite.gitsource.GitError`.
    """
    from okrsite.content_submodules import submodules_said
    from okrsite.diff import diff_portfolios
    from okrsite.diff_range import diverged_note, resolve_sides
    from okrsite.gitsource import GitError
    from okrsite.revision_tree import load_revisions

    try:
        # ``main...HEAD`` (the merge base against HEAD) and ``main..HEAD``
        sides = resolve_sides(site_dir, base, head)
        revs = load_revisions(site_dir, sides.base, sides.head, as_of)
    except GitError as exc:
        raise _GitFailure(str(exc)) from exc
    if sides.merge_base_of is not None:
        revs = replace(revs, base_label=f"merge base with {sides.merge_base_of}")
        base = None  # a label okrsite made up: shown_context translates it
    elif sides.base is not None and sides.head is not None:
        note = diverged_note(site_dir, sides.base, sides.head)
        if note:
            click.echo(f"okrsite diff: {note}", err=True)
    for said in submodules_said(revs.base.diagnostics, revs.head.diagnostics):
        # a finding both sides share is no change, so the report leaves it out
        click.echo(f"okrsite diff: warning: {said}", err=True)
    head = sides.head
    result = diff_portfolios(
        revs.base.scored,
        revs.head.scored,
        revs.base.diagnostics,
        revs.head.diagnostics,
        head_has_file=_files_at(site_dir, revs.head_commit),
        base_has_file=_files_at(site_dir, revs.base_commit, revs.base_prefix),
        moved_files=_moved_files(site_dir, revs),
        # settings only where both sides' okrsite.toml could be read: one with
        # errors falls back to defaults, which are no change anybody made
        configs=(revs.base.config, revs.head.config)
        if not any(_config_errors(side) for side in (revs.base, revs.head))
        else None,
        config_texts=(_text(revs.base_config), _text(revs.head_config)),
        # ``A...B``: B's changes enter A's branch when merged, i.e. now
        changed_on=None
        if sides.merge_base_of is not None
        else _changed_on(site_dir, revs.head_commit),
    )
    ctx = ReportContext(
        revs.base_label, revs.head_label, revs.base_commit, revs.head_commit, fail_on
    )
    words = ENGLISH
    if fmt != "json":
        # the head side's okrsite.toml: the working tree's, or the revision's
        config = revs.head.config
        words = report_words(site_dir, config.language, config.theme)
        ctx = shown_context(ctx, words, base, head)
    color = (
        output is None and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    # the change moved the site's folder: the base was read from where it was
    moved = None if revs.moved_from is None else (revs.moved_from, revs.prefix)
    # files named from the repository's top in a comment on the request
    # (repo_folder where git cannot say it: a checkout of another user)
    folder = revs.head.config.repo_folder
    prefix = revs.prefix if folder is None else f"{folder.strip('/')}/".lstrip("/")
    text = render(result, fmt, ctx, color=color, words=words, site_moved=moved, prefix=prefix)
    if output is not None:
        _write_output(output, text if text.endswith("\n") else text + "\n", site_dir)
        said = summary_sentence(result, plain_words(words))  # a translation on one line
        click.echo(f"okrsite: wrote {output} ({said})", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"), color=color)
    # named from the repository's top, as the comment and check's annotations
    # beside them in a CI log (the JSON keeps the site's paths)
    base_prefix = None if moved is None else moved[0]
    failures = in_repository(result, prefix, base_prefix).failures(fail_on)
    for f in failures:
        # a file name in the message may carry a terminal escape: shown escaped
        click.echo(f"okrsite diff: {f.rule}: {printable(f.message)}", err=True)
    return 1 if failures else 0


def _changed_on(site_dir: Path, commit: str | None) -> date | None:
    """The day the compared change was made, which mid-cycle and "after its
    cycle ended" are judged at: for a commit compared tip to tip (``A B``,
    ``A..B``) the day the site's history dates it
    (:func:`~okrsite.gitsource.entered_day`: its committer date, or that of
    the merge that brought it into HEAD's branch), whatever ``--as-of``
    says; ``None`` (as_of) for the working tree, whose change is being made
    now, and when git cannot say. ``A...B`` (a pull or merge request against
    the branch it lands on) never asks: its changes enter A's branch when
    merged, now, so :func:`run_diff` judges it at as_of, as GitHub's recipe
    does diffing the merge commit made today."""
    if commit is None:
        return None
    from okrsite.gitsource import GitError, entered_day, find_site

    try:
        return entered_day(find_site(site_dir).toplevel, commit)
    except GitError:
        return None


def _files_at(
    site_dir: Path, commit: str | None, prefix: str | None = None
) -> Callable[[str], bool]:
    """Whether a file (relative to the site folder) exists at ``commit``
    (``None``: the working tree). The tree is listed once, and only when a
    question is asked (an objective that cannot be read on one side).
    ``prefix``: the site's folder at ``commit`` when the change moved it
    (``None``: where it is now)."""
    if commit is None:
        return lambda file: (site_dir / file).is_file()
    from okrsite.gitsource import find_site, list_tree

    tree: list[Mapping[str, str]] = []

    def has(file: str) -> bool:
        if not tree:
            site = find_site(site_dir)
            folder = site.prefix if prefix is None else prefix
            tree.append(list_tree(site.toplevel, commit, folder))
        return file in tree[0]

    return has


def _moved_files(site_dir: Path, revs: Revisions) -> dict[str, str]:
    """``{file at head: file at base}`` for the site's files git sees move
    between the two (``git diff -M``; the working tree when ``head_commit``
    is ``None``), as paths relative to the site; empty when git cannot tell
    (the diff then pairs records by title alone). When the change moved the
    whole site, only the files that moved within it: one that moved with
    the site is where it was."""
    from okrsite.gitsource import GitError, find_site, moved_paths
    from okrsite.history_site_moves import moved_within

    try:
        top = find_site(site_dir).toplevel
        if revs.moved_from is not None:
            return moved_within(
                top, revs.base_commit, revs.head_commit, revs.moved_from, revs.prefix
            )
        return moved_paths(top, revs.base_commit, revs.head_commit, revs.prefix)
    except GitError:
        return {}


def _text(raw: bytes | None) -> str | None:
    return raw.decode("utf-8", "replace") if raw is not None else None


def _config_errors(side: LoadResult) -> bool:
    """Whether a side's ``okrsite.toml`` has errors (its settings then are
    defaults); a ``[[sources]]`` declaration pull refuses (CFG019) leaves the
    settings read."""
    return any(
        d.is_error and d.file == CONFIG_FILE and d.code != "CFG019" for d in side.diagnostics
    )


def _write_output(output: Path, text: str, site_dir: Path) -> None:
    """Write ``--output``, creating missing parent folders (``reports/diff.md``
    in a fresh CI checkout); a path that cannot be written is a usage
    problem (exit 2), never a traceback.

    The report is written where CI runs the command: in the checkout of the
    pull request, whose files its author chose. A ``diff.md`` committed as a
    link to ``site-packages/zz.pth`` must not have the report written into
    Python's start-up, so the file is written new beside the name and moved
    onto it (:func:`os.replace` replaces a link, never its target), and a
    folder on the way that lies in the repository but links out of it is
    refused (:func:`_link_out`), before and after the folders are made."""
    root = _repository(site_dir)
    try:
        _refuse_link_out(output, root)
        output.parent.mkdir(parents=True, exist_ok=True)
        _refuse_link_out(output, root)
        _replace_file(output, text.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            # a file where a folder of the path should be: say which
            blocking = next((p for p in reversed(output.parents) if p.is_file()), None)
            if blocking is not None:
                reason = f"{str(blocking)!r} is a file, not a folder"
        raise _OutputFailure(f"cannot write --output {str(output)!r}: {reason}") from exc


def _repository(site_dir: Path) -> str:
    """The real path of the repository holding the site (the site's folder
    when git cannot say): what a committed link may not lead ``--output`` out of."""
    from okrsite.gitsource import GitError, find_site

    try:
        return os.path.realpath(find_site(site_dir).toplevel)
    except GitError:
        return os.path.realpath(site_dir)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _link_out(output: Path, root: str) -> Path | None:
    """The first folder of ``output``'s path that is a link inside ``root``
    (the repository) to a place outside it, else ``None``. The path is walked
    as written (``..`` included, as the system walks it); a link outside the
    repository (``/tmp`` on macOS) is the machine's, not the pull request's."""
    path = Path(os.getcwd()) / output
    folder = Path(path.anchor)
    for part in path.parts[1:-1]:
        folder = folder / part
        if folder.is_symlink():
            within = _inside(os.path.realpath(folder.parent), root)
            if within and not _inside(os.path.realpath(folder), root):
                return folder
    return None


def _refuse_link_out(output: Path, root: str) -> None:
    link = _link_out(output, root)
    if link is not None:
        raise _OutputFailure(
            f"cannot write --output {str(output)!r}: {str(link)!r} is a link out of the "
            f"repository (to {os.path.realpath(link)!r}); write the report to a folder "
            "of the checkout that is no link, such as --output diff.md"
        )


def _replace_file(path: Path, data: bytes) -> None:
    """``data`` as ``path``'s bytes: written to a temporary file created new
    in its folder, then moved onto the name. A link of that name is replaced
    by the file, its target left alone; the report is never half written."""
    from okrsite.file_replace import replace_file

    replace_file(path, data, ".okrsite-diff")


class _OutputFailure(click.ClickException):
    """``--output`` cannot be written (a file where a folder should be, no permission): exit 2."""

    exit_code = 2


class _GitFailure(click.ClickException):
    """A git problem the user must fix (missing revision, not a repository): exit 2."""

    exit_code = 2
