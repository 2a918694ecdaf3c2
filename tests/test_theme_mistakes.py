"""A theme author's and a translator's mistakes, as ``okrsite build`` reports them.

A template that fails while a page renders, and a translation that cannot be
used, are the site's mistakes, not okrsite's: each is an error located in the
file that has it, exit code 1, no traceback, and the previous output left as
it was. Built on copies of the example site.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli


def example(root: Path, language: str = "en") -> Path:
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    toml = re.sub(r"(?m)^language = .*$", f'language = "{language}"', toml)
    if "language =" not in toml:
        toml += f'language = "{language}"\n'
    (root / "okrsite.toml").write_text(toml, encoding="utf-8")
    return root


def build(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--no-cache"])
    return result.exit_code, result.output


def page_override(tmp_path: Path, main: str) -> Path:
    """The example site with a free page whose template override's main block
    is ``main`` (on the template's first line)."""
    root = example(tmp_path / "site")
    (root / "templates").mkdir()
    (root / "templates/page.html").write_text(
        '{% extends "default:page.html" %}{% block main %}' + main + "{% endblock %}\n",
        encoding="utf-8",
    )
    (root / "content/pages").mkdir(exist_ok=True)
    (root / "content/pages/about.md").write_text("---\ntitle: About\n---\nHello.\n")
    return root


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("{{ 1 // 0 }}", "division or modulo by zero (ZeroDivisionError)"),
        ('{{ percent("abc") }}', "(TypeError)"),
        ("{{ status + 1 }}", "(TypeError)"),
        ('{{ day("not a date") }}', "Error)"),
    ],
)
def test_a_template_that_fails_while_rendering_is_located(
    tmp_path: Path, line: str, says: str
) -> None:
    root = example(tmp_path / "site")
    assert build(root)[0] == 0
    before = {p: p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file()}
    partial = root / "templates/partials/status_badge.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(f"<span>\n{line}\n</span>\n", encoding="utf-8")
    code, output = build(root)
    assert code == 1
    assert "Traceback" not in output
    assert "templates/partials/status_badge.html:2: error THM002: template error: " in output
    assert says in output
    assert "the previous output was left untouched" in output
    after = {p: p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file()}
    assert after == before


def test_every_progress_bar_is_given_its_status(tmp_path: Path) -> None:
    # the documented variables, read strictly: a bar without a status gets none
    root = example(tmp_path / "site")
    # judged on a day the example's quarter runs, so some objective is on track
    # whenever the suite runs (after 2026-Q4 none would be)
    with (root / "okrsite.toml").open("a", encoding="utf-8") as toml:
        toml.write('as_of = "2026-12-05"\n')
    partial = root / "templates/partials/progress_bar.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(
        '<i class="bar-{{ status or "plain" }}">{{ percent(progress) }}</i>', encoding="utf-8"
    )
    code, output = build(root)
    assert code == 0, output
    dashboard = (root / "_site/index.html").read_text(encoding="utf-8")
    people = (root / "_site/people/index.html").read_text(encoding="utf-8")
    assert 'class="bar-on-track"' in dashboard and 'class="bar-plain"' in people


@pytest.mark.parametrize(
    ("po", "line", "says"),
    [
        (
            'msgid "Progress of %(name)s"\nmsgstr "Fortschritt von %(nme)s"\n',
            1,
            "the translation uses %(nme)s, which the message does not give",
        ),
        (
            '\nmsgid "%(percent)s of target"\nmsgstr "%(percent) vom Ziel"\n',
            2,
            "the translation's % signs cannot be filled in",
        ),
        ('msgid "Teams"\nmsgstr "Mannschaften\n', 2, 'a string is not closed with a quote (")'),
        # a width of a billion: the build took 24 GB until the kernel killed it
        (
            'msgid "Progress of %(name)s"\nmsgstr "X %(name)999999999s"\n',
            1,
            "the translation pads a placeholder (%(name)999999999s); write it plain, as %(name)s",
        ),
        (
            'msgid "%(num)d day"\nmsgid_plural "%(num)d days"\nmsgstr[0] "%(num)d Tag"\n'
            'msgstr[1] "%(num)0999999999d Tage"\n',
            1,
            "the translation pads a placeholder (%(num)0999999999d); write it plain, as %(num)d",
        ),
    ],
)
def test_a_translation_that_cannot_be_used_is_located(
    tmp_path: Path, po: str, line: int, says: str
) -> None:
    root = example(tmp_path / "site", "de")
    (root / "translations").mkdir()
    (root / "translations/de.po").write_text(po, encoding="utf-8")
    code, output = build(root)
    assert code == 1, output
    assert "Traceback" not in output
    assert f"translations/de.po:{line}: error THM003: translation catalogue: {says}" in output
    assert not (root / "_site").exists()


def test_the_shipped_catalogues_have_no_such_mistake(tmp_path: Path) -> None:
    root = example(tmp_path / "site", "de")
    code, output = build(root)
    assert code == 0 and "THM003" not in output, output


def test_a_language_written_with_an_underscore_is_an_html_language_tag(tmp_path: Path) -> None:
    root = example(tmp_path / "site", "de_DE")
    code, output = build(root)
    assert code == 0, output
    page = (root / "_site/index.html").read_text(encoding="utf-8")
    assert '<html lang="de-DE">' in page and "Ziel" in page


def test_every_linked_theme_file_and_content_error_is_reported_in_one_run(tmp_path: Path) -> None:
    """A static file and a catalogue linked outside the site, and a content
    error: ``build`` reported the static file only (the catalogue after it was
    removed, unlocated, as ``okrsite:``; nothing of either beside a content
    error), and ``check`` none of them, with exit code 0."""
    root = example(tmp_path / "site")
    (root / "static").mkdir()
    (root / "static/passwd.txt").symlink_to("/etc/passwd")
    (root / "translations").mkdir()
    (root / "translations/en.po").symlink_to("/etc/hostname")
    code, output = build(root)
    assert code == 1
    located = sorted(ln.split(": error ")[0] for ln in output.splitlines() if " OKR012: " in ln)
    assert located == ["static/passwd.txt", "translations/en.po"]
    check = CliRunner().invoke(cli, ["check", "--site", str(root), "--no-cache"])
    assert check.exit_code == 1 and check.output.count(" OKR012: ") == 2, check.output
    bad = root / "content/objectives/broken.md"
    bad.write_text("---\ntitle: X\ncycle: 2026-Q4\nkey_results:\n  - {id: a, target: fifty}\n---\n")
    code, output = build(root)
    assert code == 1 and output.count(" OKR012: ") == 2 and " OKR102: " in output, output


@pytest.mark.parametrize(
    "line",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
        "{{ (cycler|attr('__init__')) }}",
        "{{ lipsum['__globals__'] }}",
        "{{ '{0.__init__.__globals__}'.format(cycler) }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    ],
)
def test_a_template_cannot_reach_python_internals(tmp_path: Path, line: str) -> None:
    """One line slipped into a site's template override ran commands as
    whoever built the site (the build printed ``uid=0(root)``); now it is a
    located error and nothing runs."""
    code, output = build(page_override(tmp_path, line))
    assert code == 1, output
    assert "templates/page.html:1: error THM002: template error: a template may not read" in output
    assert not list(tmp_path.rglob("MARKER"))


def test_a_dicts_keys_read_as_jinja_reads_them() -> None:
    """The guard's shortcut for plain dicts (a key, without trying an attribute
    first) answers as Jinja's own lookup: dict's methods before its keys, a
    missing key undefined, dunders refused."""
    from jinja2 import Environment, StrictUndefined
    from jinja2.exceptions import SecurityError, UndefinedError

    from okrsite.template_guard import GuardedEnvironment

    source = (
        "{{ d.kind }}|{{ d.items is callable }}|{{ d['items'] }}|{{ d.missing is defined }}"
        "|{{ s.kind }}|{{ s.items is callable }}"
    )

    class Sub(dict):  # type: ignore[type-arg]
        pass

    values = {"d": {"kind": "target", "items": 5}, "s": Sub(kind="owner", items=1)}
    expected = Environment().from_string(source).render(**values)
    assert GuardedEnvironment().from_string(source).render(**values) == expected
    assert expected == "target|True|5|False|owner|True"
    strict = GuardedEnvironment(undefined=StrictUndefined)
    with pytest.raises(UndefinedError):
        strict.from_string("{{ d.missing }}").render(d={})
    with pytest.raises(SecurityError):
        strict.from_string("{{ d.__class__ }}").render(d={})


def test_check_finds_every_template_that_does_not_compile(tmp_path: Path) -> None:
    """``okrsite check`` (what a pull request's review job runs) rendered
    nothing, so a broken template override passed review and the build on
    main failed. Both commands now name every site template that does not
    compile, the site's overrides and its own theme's, in one run; the
    notes kept beside them are not templates."""
    root = example(tmp_path / "site")
    (root / "templates/partials").mkdir(parents=True)
    (root / "templates/partials/status_badge.html").write_text("{% if %}\n", encoding="utf-8")
    (root / "templates/README.md").write_text("{% not a template\n", encoding="utf-8")
    # parsed but not compiled, these passed check and failed the build
    (root / "templates/partials/grade_badge.html").write_text(
        "<span>\n{{ grade|title_case }}</span>\n", encoding="utf-8"
    )
    (root / "templates/tag.html").write_text(
        "<p>\n\n{% if tag is nosuchtest %}x{% endif %}</p>\n", encoding="utf-8"
    )
    # a filter the template asks about first is the template's business
    (root / "templates/teams.html").write_text(
        '{% extends "default:teams.html" %}{% if "shout" is filter %}{{ "x"|shout }}{% endif %}\n',
        encoding="utf-8",
    )
    # saved in Latin-1: the build stopped on it with a traceback
    (root / "templates/people.html").write_bytes(b"<p>caf\xe9 {{ 1 }}</p>\n")
    theme = root / "themes/mine"
    (theme / "templates").mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    (theme / "templates/base.html").write_text("<p>\n{% for x in %}\n", encoding="utf-8")
    toml = root / "okrsite.toml"
    toml.write_text(
        re.sub(r"(?m)^theme = .*\n", "", toml.read_text(encoding="utf-8")) + 'theme = "mine"\n',
        encoding="utf-8",
    )
    check = CliRunner().invoke(cli, ["check", "--site", str(root), "--no-cache"])
    code, built = build(root)
    for exit_code, output in ((check.exit_code, check.output), (code, built)):
        assert exit_code == 1, output
        located = sorted(ln.split(": error ")[0] for ln in output.splitlines() if " THM002: " in ln)
        assert located == [
            "templates/partials/grade_badge.html:2",
            "templates/partials/status_badge.html:1",
            "templates/people.html:1:7",  # the first byte that is no UTF-8
            "templates/tag.html:3",
            "themes/mine/templates/base.html:2",
        ], output
        assert "not UTF-8 text" in output
        assert "Traceback" not in output
    assert "build failed" in built


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("{{ range(10**9)|list|length }}", "Range too big"),
        ("{% for i in range(10**10) %}{% endfor %}", "Range too big"),
        ("{{ lipsum(10**6) }}", "lipsum() makes at most 1000 paragraphs"),
        ("{{ self._TemplateReference__context }}", "may not read '_TemplateReference__context'"),
    ],
)
def test_a_template_cannot_make_a_huge_range_or_read_private_names(
    tmp_path: Path, line: str, said: str
) -> None:
    """``range(10**9)|list`` in an override took 24 GB before the kernel killed
    the build; ``range(10**10)`` looped for ever; a private name printed the
    render context's Python reprs into the page. Each is a located error now."""
    code, output = build(page_override(tmp_path, line))
    assert code == 1, output
    assert "templates/page.html:1: error THM002: template error: " in output
    assert said in output


def test_a_partial_called_without_its_variables_is_located_at_the_call(tmp_path: Path) -> None:
    """A site's template calling a shipped partial without a variable the
    partial needs was reported at the partial's line inside okrsite's install
    (an absolute path), not at the site's line that made the call."""
    root = example(tmp_path / "site")
    (root / "templates").mkdir()
    (root / "templates/objective.html").write_text(
        '{% extends "default:objective.html" %}\n{% block main %}\n\n'
        '{{ partial("status_badge.html") }}{% endblock %}\n',
        encoding="utf-8",
    )
    code, output = build(root)
    assert code == 1, output
    (line,) = [ln for ln in output.splitlines() if " THM002: " in ln]
    assert line.startswith(
        "templates/objective.html:4: error THM002: template error: 'status' is undefined "
        "(in default:partials/status_badge.html, line "
    ), line
    assert str(REPO) not in output and "site-packages" not in output


def test_a_template_that_loops_too_long_stops_the_build_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two nested loops of 100,000 (each within range()'s limit) would run for
    hours: the build stops them after RENDER_SECONDS (5 minutes; 4 s here:
    with 1 s, another page of the site rendering slowly on a loaded machine
    was stopped first, at its own line) with an error at the template's
    line, and writes no output."""
    import okrsite.render_deadline

    monkeypatch.setattr(okrsite.render_deadline, "RENDER_SECONDS", 4.0)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    code, output = build(page_override(tmp_path, "\n" + loops + "\n"))
    assert code == 1, output
    assert (
        "templates/page.html:2: error THM002: template error: rendering took longer than 4 s"
    ) in output
    assert "Traceback" not in output
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the clock is stopped after


def test_a_template_that_loops_too_long_stops_the_preview_and_it_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview renders in a thread of its own, where no timer signal
    arrives: a loop for ever there hung every later save until okrsite serve
    was restarted. It stops after RENDER_SECONDS with the same located error,
    and the next save (the loop fixed) is rendered. 4 s here, as for the
    build: with 1 s, on a loaded machine (load 25) the deadline once fell
    before the preview reached the looping template, so the error had no line."""
    import threading

    import okrsite.render_deadline
    from okrsite.preview import Preview

    monkeypatch.setattr(okrsite.render_deadline, "RENDER_SECONDS", 4.0)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    root = page_override(tmp_path, "\n" + loops + "\n")
    preview = Preview(root, port=0, echo=lambda _message: None)
    reports: list[Any] = []

    def rebuild() -> None:  # as the watcher does: not in the main thread
        reports.append(preview.rebuild())

    try:
        worker = threading.Thread(target=rebuild)
        worker.start()
        worker.join(60)
        assert not worker.is_alive(), "the preview's render did not stop"
        (report,) = reports
        assert not report.ok
        (found,) = [d for d in report.diagnostics if d.code == "THM002"]
        assert (found.file, found.line) == ("templates/page.html", 2)
        assert "rendering took longer than 4 s" in found.message
        (root / "templates/page.html").write_text(
            '{% extends "default:page.html" %}{% block main %}Fixed.{% endblock %}\n'
        )
        worker = threading.Thread(target=rebuild)
        worker.start()
        worker.join(60)
        assert reports[-1].ok, reports[-1].diagnostics
        assert "Fixed." in (preview.out / "pages/about/index.html").read_text("utf-8")
        time.sleep(1.5)  # past the deadline: a finished render is not interrupted
        assert not [t for t in threading.enumerate() if isinstance(t, threading.Timer)]
    finally:
        preview.stop()


def test_a_template_cannot_reach_the_jinja_environment(tmp_path: Path) -> None:
    """``partial`` was the renderer's Partials object, whose ``env`` is the
    Jinja environment: ``compile_templates`` wrote files anywhere (it
    overwrote a file outside the site with a zip archive) and the build
    passed. ``partial`` is now the call alone."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    root = page_override(
        tmp_path,
        f"{{{{ partial.env.compile_templates('{tmp_path / 'written'}', zip=None) }}}}"
        f"{{{{ partial.env.compile_templates('{victim}', zip='stored') }}}}",
    )
    code, output = build(root)
    assert code == 1, output
    assert "templates/page.html:1: error THM002" in output
    assert victim.read_text() == "precious"
    assert not (tmp_path / "written").exists()


def test_nothing_templates_reach_is_machinery(tmp_path: Path) -> None:
    """Every object a template reaches from the environment's globals, by
    attributes (through the guard, as a template reads them) and items: none
    is the Jinja environment, a loader, a template, a path, a file or a
    module, whose methods write, list or load files."""
    import io
    import pathlib
    import types
    from collections import deque

    import jinja2

    from okrsite.pipeline import load_site
    from okrsite.render import SiteRenderer

    root = example(tmp_path / "site")
    load = load_site(root)
    renderer = SiteRenderer(load.scored, load.config, root)
    env = renderer.env
    machinery = (
        jinja2.Environment,
        jinja2.BaseLoader,
        jinja2.Template,
        pathlib.PurePath,
        io.IOBase,
        types.ModuleType,
    )
    queue: deque[tuple[str, Any, int]] = deque((k, v, 0) for k, v in env.globals.items())
    seen: set[int] = set()
    reached: list[str] = []
    while queue:
        where, value, depth = queue.popleft()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, machinery):
            reached.append(f"{where}: {type(value).__name__}")
            continue
        if depth >= 6 or isinstance(value, (str, bytes, int, float)):
            continue
        if isinstance(value, dict):
            queue.extend((f"{where}[{k!r}]", v, depth + 1) for k, v in list(value.items())[:3])
        elif isinstance(value, (list, tuple, set, frozenset)):
            queue.extend((f"{where}[{i}]", v, depth + 1) for i, v in enumerate(list(value)[:3]))
        for name in dir(value):
            if name.startswith("_"):
                continue
            try:
                found = env.getattr(value, name)
            except Exception:  # refused by the guard, or a property that fails
                continue
            if not isinstance(found, jinja2.Undefined):
                queue.append((f"{where}.{name}", found, depth + 1))
    assert len(seen) > 300  # the walk reached the site's data
    assert reached == []
