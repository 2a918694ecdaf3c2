from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '404.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_html_lang = resolve('html_lang')
    l_0_config = resolve('config')
    l_0__ = resolve('_')
    l_0_markup = resolve('markup')
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<!doctype html>\n<html lang="'
    yield escape((undefined(name='html_lang') if l_0_html_lang is missing else l_0_html_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Page not found · '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</title>\n<link rel="icon" href="data:,">\n<style>\nbody{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f23;background:#fff}\na{color:#0b57d0}\n@media (prefers-color-scheme: dark){body{color:#e6e6e6;background:#15181c}a{color:#8ab4f8}}\n</style>\n</head>\n<body>\n<main id="main">\n<h1>Page not found</h1>\n<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'There is no page at this address in %(site)s. Goals move when files are renamed: try the %(home)s or the search there.', site=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<strong>%s</strong>'), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), home=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a id="home" href="/">%s</a>'), Markup('home page'))))
    yield '</p>\n</main>\n<script>\n(function () {\n  /* the names at the top of a built site (tests/test_preview_audit.py holds this complete) */\n  var TOP = "404.html alignment api badges checkins checkins.xml cycles goals index.html kpis objectives pages people search search-index.js search-index.json static tags teams";\n  var home = document.getElementById("home");\n  if (location.protocol === "file:" || !window.fetch) return;\n  var top = " " + TOP + " ";\n  var parts = location.pathname.split("/");\n  /* a page\'s address ends in its folder, index.html or a folder\'s name\n     without its slash; a site keeps other files only at its top, straight\n     in a folder of TOP (a stale objectives/old.html) or in static/, api/,\n     badges/: /goals/okr/nothere.html is no file of a site at "/" */\n  var last = parts[parts.length - 1];\n  var page = last === "" || last === "index.html" || last.indexOf(".") < 0;\n  var files = " static api badges ";\n  var named = [], others = [];\n  for (var i = parts.length - 2; i >= 0; i--) {\n    var base = parts.slice(0, i + 1).join("/") + "/";\n    var name = " " + parts[i + 1] + " ";\n    var folder = i < parts.length - 2 && top.indexOf(name) >= 0 &&\n      (page || i === parts.length - 3 || files.indexOf(name) >= 0);\n    if (folder) named.push(base); else others.push(base);\n  }\n  var bases = named.concat(others);\n  function probe(k) {\n    if (k >= bases.length) return;\n    fetch(bases[k] + "static/style.css", {method: "HEAD"}).then(function (r) {\n      if (r.ok) { home.href = bases[k] + "index.html"; } else { probe(k + 1); }\n    }, function () { probe(k + 1); });\n  }\n  probe(0);\n})();\n</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '18=28&22=30&33=32'