from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_html_lang = resolve('html_lang')
    l_0_config = resolve('config')
    l_0_version = resolve('version')
    l_0_root = resolve('root')
    l_0__ = resolve('_')
    l_0_nav_items = resolve('nav_items')
    l_0_path = resolve('path')
    l_0_as_of = resolve('as_of')
    l_0_day = resolve('day')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<!doctype html>\n<html lang="'
    yield escape((undefined(name='html_lang') if l_0_html_lang is missing else l_0_html_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'description', missing)) is not missing else environment.getattr(_attr_owner, 'description')):
        pass
        yield '<meta name="description" content="'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'description', missing)) is not missing else environment.getattr(_attr_owner, 'description')))
        yield '">\n'
    yield '<meta name="generator" content="okrsite '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">\n<link rel="stylesheet" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'static/style.css">\n<link rel="icon" href="data:,">\n<link rel="alternate" type="application/atom+xml" title="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))))
    yield ' Check-ins" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'checkins.xml">\n'
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body>\n<a class="skip-link" href="#main">Zum Inhalt springen</a>\n<header class="site-header">\n  <a class="brand" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'index.html">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</a>\n  <nav aria-label="Hauptnavigation">\n    <ul>\n'
    yield escape(context.call((undefined(name='nav_items') if l_0_nav_items is missing else l_0_nav_items), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='path') if l_0_path is missing else l_0_path)))
    yield '\n    </ul>\n  </nav>\n  <form class="search-form" role="search" action="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'search/index.html" method="get">\n    <label for="site-search">Suche</label>\n    <input id="site-search" name="q" type="search" autocomplete="off">\n    <button type="submit">Los</button>\n  </form>\n</header>\n<main id="main" tabindex="-1">\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n<footer class="site-footer">\n  <p>Bewertet zum <time datetime="'
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield '">'
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))
    yield '</time> · '
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'built with okrsite %(version)s', version=(undefined(name='version') if l_0_version is missing else l_0_version)))
    yield ' · <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'api/portfolio.json">portfolio.json</a> · <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'api/objectives.csv">objectives.csv</a> · <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'checkins.xml">Atom-Feed</a></p>\n</footer>\n<script src="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'static/filters.js" defer></script>\n'
    yield from context.blocks['scripts'][0](context)
    yield '</body>\n</html>\n'

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_title = resolve('title')
    l_0_config = resolve('config')
    pass
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    if ((undefined(name='title') if l_0_title is missing else l_0_title) != (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))):
        pass
        yield ' · '
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_scripts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'title': block_title, 'head': block_head, 'main': block_main, 'scripts': block_scripts}
debug_info = '2=27&6=29&7=31&9=37&10=39&12=41&13=45&18=47&21=51&24=53&31=55&34=57&36=69&37=71&6=74&13=90&31=99&37=108'