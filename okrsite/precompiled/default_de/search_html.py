from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'search.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'search.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_plural_samples = resolve('plural_samples')
    l_0__ = resolve('_')
    l_0_percent_format = resolve('percent_format')
    l_0_root = resolve('root')
    l_0_partial = resolve('partial')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Suche</h1>\n<form class="search-page" role="search" action="index.html" method="get">\n  <label for="search-q">Ziele, Schlüsselergebnisse, Kennzahlen, SMART-Ziele, Personen und Teams nach Titel, Kennung, Verantwortlichen, Team, Schlagwort oder Status finden</label>\n  <input id="search-q" name="q" type="search" autocomplete="off">\n  <button type="submit">Suche</button>\n</form>\n<p id="search-status" role="status" aria-live="polite"></p>\n<div id="search-results" data-kinds="objective kr kpi goal person team" data-kind-objective="Ziele" data-kind-kr="Schlüsselergebnisse" data-kind-kpi="Kennzahlen" data-kind-goal="SMART-Ziele" data-kind-person="Personen" data-kind-team="Teams" data-none="Keine Treffer."'
    for (l_1_category, l_1_n) in (undefined(name='plural_samples') if l_0_plural_samples is missing else l_0_plural_samples):
        l_1_ngettext = resolve('ngettext')
        _loop_vars = {}
        pass
        yield ' data-plural-'
        yield escape(l_1_category)
        yield '="'
        yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)s match.', '%(num)s matches.', l_1_n, num='{n}', _loop_vars=_loop_vars))
        yield '"'
    l_1_category = l_1_n = l_1_ngettext = missing
    yield ' data-limit="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Showing the first %(num)s.', num='{limit}', _block_vars=_block_vars))
    yield '" data-percent="'
    yield escape((undefined(name='percent_format') if l_0_percent_format is missing else l_0_percent_format))
    yield '"'
    for l_1_st in ('on-track', 'at-risk', 'off-track', 'done', 'achieved', 'missed', 'upcoming', 'draft', 'dropped'):
        l_1_status_word = resolve('status_word')
        _loop_vars = {}
        pass
        yield ' data-status-'
        yield escape(l_1_st)
        yield '="'
        yield escape(context.call((undefined(name='status_word') if l_1_status_word is missing else l_1_status_word), l_1_st, _loop_vars=_loop_vars))
        yield '"'
    l_1_st = l_1_status_word = missing
    for (l_1_health, l_1_word) in (('healthy', Markup('gesund')), ('warning', Markup('bedenklich')), ('critical', Markup('kritisch')), ('unknown', Markup('unbekannt'))):
        _loop_vars = {}
        pass
        yield ' data-status-'
        yield escape(l_1_health)
        yield '="'
        yield escape(l_1_word)
        yield '"'
    l_1_health = l_1_word = missing
    yield '></div><template id="search-result" data-root="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield '"><ul>'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'search_result.html', _block_vars=_block_vars))
    yield '</ul></template>'
    for l_1_st in ('on-track', 'at-risk', 'off-track', 'done', 'achieved', 'missed', 'upcoming', 'draft', 'dropped'):
        _loop_vars = {}
        pass
        yield '<template data-search-status="'
        yield escape(l_1_st)
        yield '">'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=l_1_st, _loop_vars=_loop_vars))
        yield '</template><template data-search-bar="'
        yield escape(l_1_st)
        yield '">'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=0.0, label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name='{name}', _loop_vars=_loop_vars), status=l_1_st, _loop_vars=_loop_vars))
        yield '</template>'
    l_1_st = missing
    for l_1_health in ('healthy', 'warning', 'critical', 'unknown'):
        _loop_vars = {}
        pass
        yield '<template data-search-status="'
        yield escape(l_1_health)
        yield '">'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'health_badge.html', health=l_1_health, _loop_vars=_loop_vars))
        yield '</template>'
    l_1_health = missing
    for (l_1_kind, l_1_title) in (('objective', Markup('Ziele')), ('kr', Markup('Schlüsselergebnisse')), ('kpi', Markup('Kennzahlen')), ('goal', Markup('SMART-Ziele')), ('person', Markup('Personen')), ('team', Markup('Teams'))):
        _loop_vars = {}
        pass
        yield '<template data-search-group="'
        yield escape(l_1_kind)
        yield '">'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'search_group.html', kind=l_1_kind, title=l_1_title, _loop_vars=_loop_vars))
        yield '</template>'
    l_1_kind = l_1_title = missing
    yield '<template data-search-bar="">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=0.0, label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name='{name}', _block_vars=_block_vars), status=None, _block_vars=_block_vars))
    yield '</template>\n<noscript><p>Die Suche braucht JavaScript. Ohne JavaScript hilft ein Blick in <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'alignment/index.html">den Ausrichtungsbaum</a>, <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'teams/index.html">die Teams</a>, <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'people/index.html">die Personen</a> oder <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'kpis/index.html">Kennzahlen</a>.</p></noscript>\n'

def block_scripts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_super = context.super('scripts', block_scripts)
    _block_vars = {}
    l_0_root = resolve('root')
    pass
    yield escape(context.call(l_0_super, _block_vars=_block_vars))
    yield '\n<script src="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'search-index.js"></script>\n<script src="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'static/search.js"></script>\n'

blocks = {'main': block_main, 'scripts': block_scripts}
debug_info = '1=12&2=17&10=37&11=52&12=62&16=72&17=76&18=80&20=89&21=93&23=98&24=102&26=108&27=110&29=119&30=131&31=133'