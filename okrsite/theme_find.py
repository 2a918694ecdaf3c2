"""Finding a theme's folders: the theme ``okrsite.toml`` names, and each
theme it ``extends``, most specific first (:func:`theme_chain`).

A theme is a folder with ``templates/`` or ``theme.toml``: a name that
leads to any other folder (``theme = "/usr"``, ``theme = "/proc"``) is
refused here, before anything walks or reads it. ``okrsite.toml``'s
``theme`` may name a theme anywhere (a shared theme beside the site,
``"../shared-theme"``, is the site maintainers' choice), but a theme's
``extends`` may name only a theme shipped with okrsite or one of the
site's own (``themes/NAME/``, or a path that stays inside the site): a
``theme.toml`` that a pull request changes must not make the build copy
files from anywhere on the machine into the published ``static/``.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.util
import os
import re
from collections.abc import Iterable
from pathlib import Path

from okrsite import toml_reader as tomllib
from okrsite.config import CONFIG_FILE, SiteConfig, setting_line
from okrsite.diagnostics import Diagnostic, error
from okrsite.sitefiles import UnsafeFileError, excerpt, owned_roots, read_owned, within

__all__ = [
    "ThemeError",
    "available_builtin",
    "builtin_themes_dir",
    "close_name",
    "missing_theme",
    "theme_chain",
    "theme_diagnostic",
    "walk_files",
]

DEFAULT_THEME = "default"
_REPO_THEMES = Path(__file__).resolve().parent.parent / "themes"


class ThemeError(ValueError):
    """The configured theme cannot be found or its ``extends`` chain is broken.

    ``meta`` is the ``theme.toml`` at fault (its ``extends`` names no theme,
    names one outside the site or closes a loop, or the file does not read),
    ``None`` when ``okrsite.toml``'s ``theme`` is: the diagnostic names the
    file to fix (:func:`theme_diagnostic`)."""

    def __init__(
        self,
        message: str,
        meta: Path | None = None,
        *,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.meta = meta
        #: the line of ``meta`` at fault when it is not the ``extends`` line
        #: (a TOML syntax error's own line), and what to do when it is not
        #: naming another theme
        self.line = line
        self.hint = hint


def theme_diagnostic(exc: ThemeError, site_root: Path) -> Diagnostic:
    """THM001 at the file to fix: the ``theme.toml`` whose ``extends`` is
    wrong, at that line, or ``okrsite.toml``'s ``theme``."""
    if exc.meta is None:
        return error(
            "THM001",
            str(exc),
            CONFIG_FILE,
            line=_theme_line(site_root),
            hint="check theme = … in okrsite.toml",
        )
    line = exc.line
    if line is None:
        try:
            text = exc.meta.read_text("utf-8")
            line = next(
                (
                    n
                    for n, row in enumerate(text.splitlines(), 1)
                    if row.lstrip().startswith("extends")
                ),
                None,
            )
        except (OSError, UnicodeDecodeError):
            pass
    try:
        shown = exc.meta.resolve().relative_to(site_root.resolve()).as_posix()
    except (OSError, ValueError):
        shown = str(exc.meta)
    message = str(exc).removeprefix(f"{exc.meta}: ")
    return error(
        "THM001",
        message,
        shown,
        line=line,
        hint=exc.hint
        or "name a theme shipped with okrsite "
        f"({', '.join(available_builtin()) or 'none'}) or one of the site's own, themes/NAME/",
    )


def _theme_line(site_root: Path) -> int | None:
    """The line of okrsite.toml that sets ``theme`` (none when it is not set)."""
    try:
        text = (site_root / CONFIG_FILE).read_text("utf-8", "replace")
    except OSError:
        return None
    return setting_line(text, "theme")


def _suggestion(name: str, site_root: Path | None) -> str:
    """`` (did you mean 'brand'?)`` for a theme name that is not found: a theme
    of the site or of okrsite whose name differs only in case or in spaces
    around it (``theme = "Brand"`` for ``themes/brand/``: a folder name is
    case-sensitive on Linux, where sites are built, and not on the Mac or
    Windows they are written on), else one spelled closely; else nothing."""
    names = set(available_builtin())
    if site_root is not None and (site_root / "themes").is_dir():
        with contextlib.suppress(OSError):
            names |= {p.name for p in (site_root / "themes").iterdir() if p.is_dir()}
    close = close_name(name, names)
    return f" (did you mean {close!r}?)" if close else ""


def close_name(name: str, names: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The one of ``names`` that ``name`` most likely means: one that differs
    only in case or in spaces around it (a folder name is case-sensitive on
    Linux, where sites are built, and not on the Mac or Windows they are
    written on), else one spelled closely (``cutoff``: how alike, 0 to 1);
    else ``None``. Theme names and template names
    (``partial("status_bagde.html")``) are suggested alike."""
    wanted = name.strip().casefold()
    alike = sorted(n for n in names if n.casefold() == wanted and n != name)
    close = alike or difflib.get_close_matches(name, sorted(names), 1, cutoff)
    return close[0] if close else None


def builtin_themes_dir() -> Path:
    """Where the shipped themes live: the ``themes/`` beside the ``okrsite``
    package that is running when that is a source checkout, else the
    ``okrsite.themes`` package.

    The checkout comes first because an editable install maps the
    ``okrsite.themes`` package to the checkout it was installed from: code
    run from another checkout of the same repository (a git worktree, with
    ``python -m okrsite``) would otherwise render that other checkout's
    templates with its own code, and a template edit would not show.
    """
    if (_REPO_THEMES / DEFAULT_THEME / "theme.toml").is_file():
        return _REPO_THEMES
    # the package's folder as the import system found it (importlib.resources
    # would say the same, after importing zipfile: a few ms of every build)
    try:
        spec = importlib.util.find_spec("okrsite.themes")
    except (ModuleNotFoundError, ValueError):  # not installed as a package
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(folder)
        if (candidate / DEFAULT_THEME).is_dir():
            return candidate
    return _REPO_THEMES


def _find(name: str, site_root: Path | None, parent_of: Path | None = None) -> tuple[str, Path]:
    """The label and folder of theme ``name``. ``parent_of``: the ``theme.toml``
    whose ``extends`` names it, which may name only a shipped theme or a
    theme of the site (see the module's docstring)."""
    found = _look_up(name, site_root)
    if found is None:
        raise ThemeError(
            f"theme {name!r} not found{_suggestion(name, site_root)}: looked in themes/{name}/ "
            f"of the site and in okrsite's built-in themes "
            f"({', '.join(available_builtin()) or 'none'})",
            parent_of,
        )
    label, path = found
    if path.parent == builtin_themes_dir():
        return label, path
    if parent_of is not None and not (
        site_root is not None and within(os.path.realpath(path), owned_roots(site_root))
    ):
        raise ThemeError(
            f"{parent_of}: extends = {excerpt(name)!r} names a folder outside the site; "
            "not read. A theme may extend a theme shipped with okrsite "
            f"({', '.join(available_builtin()) or 'none'}) or one of the site's own "
            "(themes/NAME/): copy the theme into the site's themes/ folder",
            parent_of,
        )
    if not (os.path.isdir(path / "templates") or os.path.isfile(path / "theme.toml")):
        raise ThemeError(
            f"theme {excerpt(name)!r} leads to {excerpt(str(path), 80)}, which is no theme: "
            "a theme is a folder with templates/ or theme.toml; name a theme folder, "
            "or a theme shipped with okrsite",
            parent_of,
        )
    return label, path


def _look_up(name: str, site_root: Path | None) -> tuple[str, Path] | None:
    """Where ``name`` leads, in the order of docs/themes.md; ``None``: nowhere."""
    if site_root is not None:
        local = site_root / "themes" / name
        if local.is_dir():
            return name, local
        if "/" in name or "\\" in name or name.startswith("."):
            path = (site_root / name).resolve()
            if path.is_dir():
                return path.name, path
    path = Path(name)
    if path.is_absolute() and path.is_dir():
        return path.name, path
    builtin = builtin_themes_dir() / name
    if name and "/" not in name and "\\" not in name and builtin.is_dir():
        return name, builtin
    return None


def available_builtin() -> list[str]:
    base = builtin_themes_dir()
    return sorted(p.name for p in base.iterdir() if p.is_dir() and (p / "templates").is_dir())


def _extends(path: Path, builtin: bool) -> str | None:
    meta = path / "theme.toml"
    if meta.is_file():
        try:
            raw = read_owned(meta, owned_roots(path))
            data = tomllib.loads(raw.decode("utf-8"))
        except UnsafeFileError as exc:
            raise ThemeError(f"{meta}: not valid TOML: {exc}", meta) from exc
        except UnicodeDecodeError as exc:
            raise ThemeError(
                f"{meta}: not UTF-8 text (byte {exc.start + 1})",
                meta,
                line=raw.count(b"\n", 0, exc.start) + 1,
                hint="save theme.toml as UTF-8",
            ) from exc
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(exc))
            said = str(exc).replace(found.group(0), "") if found else str(exc)
            raise ThemeError(
                f"{meta}: not valid TOML: {said}"
                + (f" (column {found.group(2)})" if found else ""),
                meta,
                line=int(found.group(1)) if found else None,
                hint="fix the TOML syntax at that line (a string closes with the quote "
                'it opens with: description = "Acme colours")',
            ) from exc
        parent = data.get("extends")
        if parent in (None, "", False):
            return None
        if not isinstance(parent, str):
            raise ThemeError(f"{meta}: extends must be a theme name", meta)
        return parent
    return None if builtin else DEFAULT_THEME


def theme_chain(name: str, site_root: Path | None) -> list[tuple[str, Path]]:
    """The theme and its ancestors, most specific first."""
    chain: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    current: str | None = name
    builtin_root = builtin_themes_dir().resolve()
    parent_of: Path | None = None  # the theme.toml that names ``current``
    while current is not None:
        label, path = _find(current, site_root, parent_of)
        resolved = path.resolve()
        if resolved in seen:
            names = " -> ".join(n for n, _ in chain)
            raise ThemeError(f"theme {name!r} extends itself: {names} -> {label}", parent_of)
        seen.add(resolved)
        chain.append((label, path))
        is_builtin = resolved.parent == builtin_root
        parent = _extends(path, is_builtin)
        if parent == label and not is_builtin:
            # a site-local theme named like a built-in one extends the built-in
            # (``theme = "./themes/default"`` too: its label is the folder's name)
            builtin = builtin_themes_dir() / parent
            if builtin.is_dir() and builtin.resolve() not in seen:
                chain.append((parent, builtin))
                seen.add(builtin.resolve())
                parent = _extends(builtin, True)
        current = parent
        parent_of = chain[-1][1] / "theme.toml"
    return chain


def missing_theme(config: SiteConfig, site_root: Path) -> Diagnostic | None:
    """THM001 when the theme ``okrsite.toml`` names cannot be found or is no
    theme: what ``okrsite build`` refuses, said by ``okrsite check`` too
    without loading the theme (a typo in ``theme =`` must fail the review
    job, not the publishing one)."""
    try:
        theme_chain(config.theme, site_root)
    except ThemeError as exc:
        return theme_diagnostic(exc, site_root)
    return None


def walk_files(
    folder: Path, limit: int | None = None, linked: list[str] | None = None
) -> tuple[str, ...]:
    """One walk of a theme's (or the site's) ``templates/``, ``static/`` or
    ``translations/`` folder, links not followed, hidden folders (``.git``
    among them) and ``.git`` files skipped: its files' names under it, folder by folder in name order, at
    most ``limit`` of them. The theme lists its folders with it
    (:meth:`okrsite.theme.Theme.files_under`), and ``okrsite check`` the
    ``static/`` files a build publishes (:mod:`okrsite.static_listing`)
    without loading the theme. The linked folders it does not follow (not
    hidden ones) are added to ``linked`` when given, by their names under
    ``folder`` (:mod:`okrsite.static_links` warns of them)."""
    if not folder.is_dir():
        return ()
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        if linked is not None:
            linked += [prefix + d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        # a ``.git`` file (a submodule's pointer to its repository) is git's, not the site's
        names.extend(prefix + name for name in sorted(filenames) if name.casefold() != ".git")
        if limit is not None and len(names) >= limit:
            return tuple(names[:limit])
    return tuple(names)
