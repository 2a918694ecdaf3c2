"""Finding a theme and building the Jinja environment from it.

A site names its theme in ``okrsite.toml`` (``theme = "default"``). The name is
looked up, in order, as a site-local theme (``themes/NAME/`` next to
``okrsite.toml``), as a path (relative to the site root), and as a theme
shipped with okrsite (package ``okrsite.themes``). A theme may extend another
through ``theme.toml``'s ``extends = "default"``; a site-local theme without a
``theme.toml`` extends ``default`` implicitly, so overriding one template never
means copying all of them. Finally a site's own ``templates/`` folder
overrides single templates of whatever theme is in use.

Templates are looked up most specific first; any template can still reach the
one it overrides as ``"THEME:name.html"`` (e.g. ``{% extends
"default:base.html" %}``). Static files are merged base first, so the most
specific theme (and finally the site's own ``static/``) wins.

The environment is built once per build: template compilation is the
expensive part, rendering a compiled template is cheap.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import safe_range

from okrsite.compiled_templates import COMPILED
from okrsite.config import SiteConfig
from okrsite.constant_translations import ConstantTranslations, use_language
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.jinja_context import FastCallContext, FastTemplate, markup_format
from okrsite.plural_rules import plural_warnings
from okrsite.sitefiles import (
    UnsafeFileError,
    check_owned,
    outside_site,
    owned_roots,
    read_owned,
    within,
)
from okrsite.static_links import link_refusal
from okrsite.template_filters import unknown_filter_or_test
from okrsite.template_guard import GuardedEnvironment, lipsum
from okrsite.template_references import missing_references, self_reference
from okrsite.text_sniff import cp1252_letter
from okrsite.theme_find import (
    ThemeError,
    available_builtin,
    builtin_themes_dir,
    theme_chain,
    walk_files,
)
from okrsite.translations import (
    Language,
    catalogue_problems,
    load_language,
    untranslated,
)

__all__ = [
    "Theme",
    "ThemeError",
    "available_builtin",
    "builtin_themes_dir",
    "load_theme",
    "theme_chain",
]


@dataclass(frozen=True)
class Theme:
    """A resolved theme: its folders from most specific to base, and the environment."""

    name: str
    chain: tuple[tuple[str, Path], ...]
    site_templates: Path | None
    site_static: Path | None
    env: Environment
    roots: tuple[str, ...] = field(default=())
    #: (folder as named, the real folder) of the site and of each theme: a file
    #: is read only if it stays inside the folder it was found in, so a link in
    #: the site's templates/ cannot reach into a theme folder outside the site
    #: (``theme = "/etc"`` plus a link would otherwise publish /etc's files)
    homes: tuple[tuple[str, str], ...] = field(default=())
    #: the site's folder (``None``: a theme loaded alone), whose sources no
    #: link in ``static/`` publishes
    site_root: Path | None = None
    #: every file under each folder walked so far (:meth:`files_under`): the
    #: checks of a build (:meth:`source_problems`, :meth:`template_syntax_errors`)
    #: and the static files share one walk of each folder. A theme is loaded
    #: afresh for every build and rebuild, so the listing is never stale.
    _listings: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _linked: dict[str, list[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def install_language(self, code: str, site_root: Path | None) -> Language:
        """Give the environment's templates ``code``'s words: the catalogues of
        the theme chain (base first) and of the site, as the ``_``, ``gettext``
        and ``ngettext`` globals and compiled into constant words
        (:mod:`okrsite.constant_translations`). The renderer and the shipped
        templates' generator (:mod:`okrsite.shipped_templates`) both set a
        language up this way, so the code of one is the code of the other."""
        folders = [path for _, path in reversed(self.chain)]
        language = load_language(code, [*folders, *([site_root] if site_root else [])])
        callables = language.template_callables()
        self.env.globals.update(callables)
        text = language.template_callables(as_text=True)
        use_language(self.env, language, callables["_"], text["_"])
        return language

    def language_problem(
        self, code: str, site_root: Path, line: int | None = None
    ) -> Diagnostic | None:
        """A warning when ``language = code`` would not give pages in that
        language: the theme chain and the site have no catalogue of it (the
        words stay English), or it is no language code at all. ``line``: where
        okrsite.toml sets it."""
        folders = [path for _, path in reversed(self.chain)]
        why = untranslated(code, [*folders, site_root])
        if why is None:
            return None
        if why == "unknown":
            return warning(
                "CFG014",
                f"language {code!r} is not a language code okrsite knows: the pages are in English",
                "okrsite.toml",
                line=line,
                hint='use a code such as "de" or "fr", or leave language out for English',
            )
        if why == "own words":  # a theme that stands alone, with no catalogue of it
            return warning(
                "CFG014",
                f"language {code!r} has no translation in the theme or the site: the theme's "
                "own words stay English; okrsite's own (the navigation, the pages' titles, "
                "statuses, badges, field labels) come translated from okrsite",
                "okrsite.toml",
                line=line,
                hint=f"add translations/{code}.po to the theme (or next to okrsite.toml) for "
                "the words its templates write (see docs/themes.md, Translations), or leave "
                "language out",
            )
        return warning(
            "CFG014",
            f"language {code!r} has no translation in the theme or the site: "
            f"the pages' words stay English (numbers and dates are written the {code!r} way)",
            "okrsite.toml",
            line=line,
            hint=f"add translations/{code}.po next to okrsite.toml, made from the theme's "
            "messages.pot (see docs/themes.md, Translations), or leave language out",
        )

    def catalogue_problems(self, code: str, site_root: Path) -> list[Diagnostic]:
        """An error for each string of ``code``'s catalogues (the theme chain's
        and the site's) that cannot be read or used, located in its ``.po``
        file: a placeholder the message does not give, a stray ``%``, an
        unterminated string. A warning (THM004) for a catalogue whose plural
        entries have fewer slots than its language's plural rule (or whose
        Plural-Forms header cannot be used): its pages show the last slot
        for the missing ones, which may not be the right form."""
        folders = [path for _, path in reversed(self.chain)]
        out = []
        for file, line, why, hint in catalogue_problems(code, [*folders, site_root]):
            shown = _shown(file, site_root)
            out.append(
                error(
                    "THM003",
                    f"translation catalogue: {why}",
                    shown,
                    line=line or None,
                    hint=hint
                    or "fix the string (msgstr) in the .po file, or remove it to keep the "
                    "theme's words",
                )
            )
        for file, line, why in plural_warnings(code, [*folders, site_root]):
            out.append(
                warning(
                    "THM004",
                    f"translation catalogue: {why}",
                    _shown(file, site_root),
                    line=line or None,
                    hint="give each plural entry a msgstr[N] for every form of the rule, or "
                    "write the rule your slots follow in the header (French with two: "
                    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n")',
                )
            )
        return out

    def home_of(self, file: Path) -> tuple[str, ...]:
        """The one folder ``file`` may resolve into: the most specific of the
        site's and the themes' folders it was found in."""
        where = os.path.abspath(file)
        best: tuple[str, str] | None = None
        for named, real in self.homes:
            inside = where == named or where.startswith(named.rstrip(os.sep) + os.sep)
            if inside and (best is None or len(named) > len(best[0])):
                best = (named, real)
        return (best[1],) if best is not None else self.roots

    def files_under(self, folder: Path) -> tuple[str, ...]:
        """Every file under ``folder``, by its name under it (``partials/kr_row.html``),
        folder by folder in name order; hidden folders are skipped, hidden
        files are not (the callers decide). Walked once per theme, however
        many checks ask (:attr:`_listings`); ``()`` when it is no folder."""
        key = os.fspath(folder)
        listing = self._listings.get(key)
        if listing is None:
            # a folder linked out of its owner is never walked (os.walk follows
            # the folder it starts from: static -> / walked the whole disk);
            # source_problems reports it once (OKR012)
            owned = self.linked_out(folder) is None
            linked = self._linked.setdefault(key, [])
            listing = self._listings[key] = walk_files(folder, None, linked) if owned else ()
        return listing

    def linked_folders(self, folder: Path) -> list[str]:
        """The linked folders under ``folder`` that its walk did not follow."""
        self.files_under(folder)
        return self._linked.get(os.fspath(folder), [])

    def linked_out(self, folder: Path) -> str | None:
        """Where ``folder`` leads when that is outside its owner (the site for
        the site's folders, the theme's folder for a theme's), else ``None``."""
        real = os.path.realpath(folder)
        return None if within(real, self.home_of(folder)) else real

    def _template_names(self, folder: Path) -> list[str]:
        """The templates of ``folder`` by their names under it (``partials/kr_row.html``)."""
        return [rel for rel in self.files_under(folder) if _is_template(posixpath.basename(rel))]

    def _static_entries(self) -> Iterator[tuple[str, Path]]:
        """(``static/<rel>``, file) for every static file of the chain, base first.

        Folders are walked without following links; a linked file is listed
        and checked (:mod:`okrsite.sitefiles`) before it is read.
        """
        folders = [path / "static" for _, path in reversed(self.chain)]
        if self.site_static is not None:
            folders.append(self.site_static)
        for folder in folders:
            for rel in self.files_under(folder):
                if not posixpath.basename(rel).startswith("."):
                    yield "static/" + rel, folder / rel

    def used_files(self, site_root: Path) -> list[tuple[str, Path]]:
        """(name, file) of every file of the theme and the site's own theme
        files a build may read: each theme's ``theme.toml``, ``templates/``,
        ``static/`` and ``translations/`` files, then the site's
        ``templates/``, ``static/`` and ``translations/`` files, from the one
        listing of each folder (:meth:`files_under`). The names are stable
        across checkouts (``0:default:templates/base.html``,
        ``site:static/x.css``): the page cache's fingerprint of the theme
        (:func:`okrsite.page_cache.site_fingerprint`) covers exactly these,
        and :meth:`source_problems` checks exactly these."""
        out: list[tuple[str, Path]] = []
        for i, (label, path) in enumerate(self.chain):
            meta = path / "theme.toml"
            if os.path.lexists(meta):
                out.append((f"{i}:{label}:theme.toml", meta))
            for sub in ("templates", "static", "translations"):
                folder = path / sub
                out += [
                    (f"{i}:{label}:{sub}/{rel}", folder / rel)
                    for rel in self.files_under(folder)
                    if sub != "static" or not posixpath.basename(rel).startswith(".")
                ]
        for sub in ("templates", "static", "translations"):
            folder = site_root / sub
            out += [
                (f"site:{sub}/{rel}", folder / rel)
                for rel in self.files_under(folder)
                if sub != "static" or not posixpath.basename(rel).startswith(".")
            ]
        return out

    def source_problems(self, site_root: Path) -> list[Diagnostic]:
        """Theme files (:meth:`used_files`) that will not be read, as diagnostics
        (nothing opened)."""
        problems = []
        folders_used = [path / sub for _, path in self.chain for sub in _THEME_SUBS]
        for folder in [*folders_used, *(site_root / sub for sub in _THEME_SUBS)]:
            target = self.linked_out(folder) if folder.is_dir() else None
            if target is not None:  # one error for the folder, none of its files read
                shown = _shown_path(folder, site_root)
                problems.append(outside_site(shown, target).diagnostic(shown))
        files = self.used_files(site_root)
        # each folder resolved once per set of roots, not once per file in it
        folders: dict[tuple[str, ...], dict[str, tuple[str, bool]]] = {}
        for _, file in files:
            roots = self.home_of(file)
            try:
                check_owned(file, roots, folders.setdefault(roots, {}))
            except UnsafeFileError as exc:
                exc.rel = _shown_path(file, site_root)
                problems.append(exc.diagnostic())
        return problems

    def template_syntax_errors(self, site_root: Path) -> list[TemplateError]:
        """Jinja's syntax error of each template of the site's own (its
        ``templates/`` and the templates of a theme in its ``themes/``) that
        does not compile or names itself (``{% extends "base.html" %}`` in
        the ``base.html`` that overrides it: :mod:`okrsite.template_references`),
        every one of them: what a build would stop at when
        a page first uses the template, told before anything renders, and by
        ``okrsite check`` (a pull request's review job), which renders nothing.
        The built-in themes' templates are okrsite's and compile. A file that
        may not be read is :meth:`source_problems`' to report."""
        site = os.path.realpath(site_root)
        loader = self.env.loader
        assert loader is not None
        # (name, loader, name in the loader, file): each theme's templates read
        # from its own folder, so a site-local themes/default/ is compiled,
        # not the built-in ``default:`` of the same names
        named: list[tuple[str, BaseLoader, str, Path, int]] = []
        if self.site_templates is not None:
            folder = self.site_templates
            named += [(rel, loader, rel, folder / rel, 0) for rel in self._template_names(folder)]
        for i, (label, path) in enumerate(self.chain):
            real = os.path.realpath(path)
            if real == site or real.startswith(site.rstrip(os.sep) + os.sep):
                folder = path / "templates"
                own = _theme_loader(path)
                named += [
                    (f"{label}:{rel}", own, rel, folder / rel, i + 1)
                    for rel in self._template_names(folder)
                ]
        # (label, templates) of each theme, for the name that reaches the one beneath
        provided = (
            [(label, self._template_names(path / "templates")) for label, path in self.chain]
            if named
            else []
        )
        # what a name that finds nothing most likely means, and whether the
        # theme must provide it (a chain that ends in no theme of okrsite's)
        site_names = [rel for rel, *_ in named if ":" not in rel]
        known = [("", site_names), *provided]
        builtin = builtin_themes_dir().resolve()
        stands_alone = not any(path.resolve().parent == builtin for _, path in self.chain)
        found: list[TemplateError] = []
        for name, source_loader, rel, file, below in named:
            try:
                source, filename, _ = source_loader.get_source(self.env, rel)
                tree = self.env.parse(source, name, filename)
                unknown_filter_or_test(self.env, tree, name, filename)
                itself = self_reference(self.env, tree, name, filename, provided[below:])
                if itself is not None:
                    found.append(itself)
                found += missing_references(self.env, tree, filename, known, stands_alone)
            except TemplateSyntaxError as exc:
                found.append(exc)
            except UnicodeDecodeError as exc:  # a build stopped on it with a traceback
                found.append(_not_utf8(exc, name, file))
            except (UnsafeFileError, TemplateNotFound, OSError):
                continue  # reported by source_problems, or not a template a page reads
        return found

    def static_files(self, config: SiteConfig | None = None) -> dict[str, bytes]:
        """Every ``static/`` file of the chain as ``static/<rel>`` → bytes, overrides applied.

        Files that may not be read are left out (:meth:`source_problems` reports them),
        and so are links to a hidden file or to the site's sources (those of
        ``config``: :func:`okrsite.static_links.link_refusal`, reported by the build)."""
        out: dict[str, bytes] = {}
        folders: dict[tuple[str, ...], dict[str, tuple[str, bool]]] = {}
        for rel, file in self._static_entries():
            roots = self.home_of(file)
            if link_refusal(file, roots, self.site_root, config) is not None:
                continue
            try:
                out[rel] = read_owned(file, roots, folders.setdefault(roots, {}))
            except UnsafeFileError:
                continue
        return out


#: the files of a templates/ folder that are templates (a theme may keep notes beside them)
TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".svg", ".txt", ".json", ".js", ".css", ".j2")


#: the folders of a theme (and the site's own) that a build reads
_THEME_SUBS = ("templates", "static", "translations")


def _is_template(name: str) -> bool:
    """Whether a file named ``name`` is a template a theme's page may read."""
    return name.endswith(TEMPLATE_SUFFIXES) and not name.startswith(".")


def _not_utf8(exc: UnicodeDecodeError, name: str, file: Path) -> TemplateSyntaxError:
    """The error of a template that is not UTF-8, at the line and column of
    its first wrong byte (a template saved as Windows' "ANSI" has it where
    the first ü is, not at line 1), as a catalogue's (THM003) and a content
    file's are."""
    raw = bytes(exc.object)
    # lines as Jinja counts them: CRLF and a lone CR end one too
    lines = raw[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    line = len(lines)
    before = lines[-1].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    letter = cp1252_letter(raw, exc.start)
    seen = f": in Windows-1252 it is {letter!r}" if letter is not None else ""
    found = TemplateSyntaxError(
        f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} here{seen}); save it as UTF-8",
        line,
        name,
        str(file),
    )
    found.column = len(before) + 1  # type: ignore[attr-defined]
    return found


def _shown_path(file: Path, site_root: Path) -> str:
    try:
        return file.relative_to(site_root).as_posix()
    except ValueError:
        return file.as_posix()


class OwnedFileLoader(FileSystemLoader):
    """A template loader that opens templates only through :mod:`okrsite.sitefiles`:
    a template override that is a FIFO, or a link out of the site and theme, is
    refused (:class:`~okrsite.sitefiles.UnsafeFileError`) instead of read."""

    def __init__(self, searchpath: str, roots: tuple[str, ...]) -> None:
        super().__init__(searchpath)
        self.roots = roots
        # folders resolved so far (:func:`okrsite.sitefiles.stat_owned`): a
        # loader lives for one build or one preview rebuild (``load_theme``
        # makes a fresh environment each time), as the content's cache does
        self._folders: dict[str, tuple[str, bool]] = {}

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if os.path.isfile(filename) or os.path.islink(filename):
                contents = read_owned(filename, self.roots, self._folders).decode(self.encoding)
                # a byte-order mark (Notepad's UTF-8) is no part of the
                # template, as it is none of a content file's
                return contents.removeprefix("\ufeff"), os.path.normpath(filename), lambda: False
        raise TemplateNotFound(template)


def _theme_loader(path: Path) -> OwnedFileLoader:
    """The loader of a theme's ``templates/``, reading only inside the theme's folder."""
    return OwnedFileLoader(str(path / "templates"), (os.path.realpath(path),))


def load_theme(name: str, site_root: Path | None = None) -> Theme:
    """Resolve ``name`` and build its Jinja environment (autoescaping, strict undefined)."""
    chain = theme_chain(name, site_root)
    site_templates = site_root / "templates" if site_root is not None else None
    if site_templates is not None and not site_templates.is_dir():
        site_templates = None
    site_static = site_root / "static" if site_root is not None else None
    if site_static is not None and not site_static.is_dir():
        site_static = None
    roots = tuple(
        owned_roots(*([site_root] if site_root is not None else []), *(p for _, p in chain))
    )
    homes = tuple(
        (os.path.abspath(folder), os.path.realpath(folder))
        for folder in ([site_root] if site_root is not None else []) + [p for _, p in chain]
    )
    loaders: list[FileSystemLoader | PrefixLoader] = []
    if site_templates is not None:
        assert site_root is not None
        loaders.append(OwnedFileLoader(str(site_templates), (os.path.realpath(site_root),)))
    # each theme's files are read from inside its own folder: a site-local
    # ``themes/default/`` and the built-in ``default`` share a label, not a home
    loaders.extend(_theme_loader(path) for _, path in chain)
    # ``"default:base.html"`` names the last theme of that label: the base a
    # site-local ``themes/default/`` extends, so its base.html may extend it
    loaders.append(
        PrefixLoader({label: _theme_loader(path) for label, path in chain}, delimiter=":")
    )
    env = GuardedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        cache_size=-1,
        keep_trailing_newline=True,
        # every word of a theme goes through gettext (okrsite.translations)
        # constant words are translated when a template compiles (once the
        # renderer knows the language: okrsite.constant_translations)
        extensions=["jinja2.ext.i18n", ConstantTranslations],
        # compiled code is shared by every environment of the process
        bytecode_cache=COMPILED,
    )
    # Jinja's own ``range`` and ``lipsum`` with limits, as its sandbox has
    # them: ``range(10**9)|list`` took 24 GB before the machine killed it
    # ``{% trans n=3 %}…{{ n }}…{% endtrans %}`` passes its variables as
    # keyword arguments, as okrsite's gettext and ngettext take them
    # (okrsite.translations): old-style Jinja called ``gettext(text)`` bare
    # and formatted the result itself, which okrsite's gettext had already
    # formatted with no values (KeyError)
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals["range"] = safe_range
    env.globals["lipsum"] = lipsum
    env.context_class = FastCallContext.for_environment()
    env.template_class = FastTemplate
    env.filters["format"] = markup_format
    return Theme(name, tuple(chain), site_templates, site_static, env, roots, homes, site_root)


def _shown(file: Path, site_root: Path) -> str:
    """``file`` as a diagnostic names it: from the site's folder when inside it."""
    try:
        return file.resolve().relative_to(site_root.resolve()).as_posix()
    except (ValueError, OSError):
        return str(file)
