from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'kpi.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'kpi.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'kpi.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    l_0_url = resolve('url')
    l_0_k = resolve('k')
    l_0_with_unit = resolve('with_unit')
    l_0_ks = resolve('ks')
    l_0_partial = resolve('partial')
    l_0__ = resolve('_')
    l_0_day = resolve('day')
    l_0_team_owned_kpis = resolve('team_owned_kpis')
    l_0_team = resolve('team')
    l_0_person = resolve('person')
    l_0_chart = resolve('chart')
    l_0_markup = resolve('markup')
    l_0_checkins = resolve('checkins')
    l_0_targeted = resolve('targeted')
    l_0_drives = resolve('drives')
    l_0_driven_by = resolve('driven_by')
    l_0_goals = resolve('goals')
    l_0_supported_by = resolve('supported_by')
    l_0_m = resolve('m')
    l_0_body = resolve('body')
    l_0_timeline = resolve('timeline')
    l_0_edit = resolve('edit')
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
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<nav aria-label="Breadcrumb" class="breadcrumb">\n  <ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'kpis/index.html">KPIs</a></li><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'kpi', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a></li></ol>\n</nav>\n<h1 dir="auto">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</h1>\n<div class="overview">\n  <p class="big">'
    yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'value_places', missing)) is not missing else environment.getattr(_attr_owner, 'value_places')), _block_vars=_block_vars))
    yield ' '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')), _block_vars=_block_vars))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
        pass
        yield ' '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html', _block_vars=_block_vars))
    yield '</p>\n  <dl class="facts">\n    <div><dt>Latest value</dt><dd>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s on %(day)s', value=context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'value_places', missing)) is not missing else environment.getattr(_attr_owner, 'value_places')), _block_vars=_block_vars), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _block_vars=_block_vars), _block_vars=_block_vars))
    else:
        pass
        yield 'no data yet'
    yield '</dd></div>\n    <div><dt>Previous</dt><dd>'
    yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Trend</dt><dd>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'trend.html', trend=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')), meaning=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'trend_meaning', missing)) is not missing else environment.getattr(_attr_owner, 'trend_meaning')), _block_vars=_block_vars))
    else:
        pass
        yield '–'
    yield '</dd></div>\n    <div><dt>Better when</dt><dd>'
    yield escape((Markup('higher') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'direction', missing)) is not missing else environment.getattr(_attr_owner, 'direction')) == 'up') else Markup('lower')))
    yield '</dd></div>\n    <div><dt>Target</dt><dd>'
    yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Thresholds</dt><dd>'
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green')))):
        pass
        yield 'healthy '
        yield escape(('≥' if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'direction', missing)) is not missing else environment.getattr(_attr_owner, 'direction')) == 'up') else '≤'))
        yield ' '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'red', missing)) is not missing else environment.getattr(_attr_owner, 'red')))):
        pass
        if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green')))):
            pass
            yield '; '
        yield 'critical '
        yield escape(('<' if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'direction', missing)) is not missing else environment.getattr(_attr_owner, 'direction')) == 'up') else '>'))
        yield ' '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'red', missing)) is not missing else environment.getattr(_attr_owner, 'red')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
    if (t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green'))) and t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'red', missing)) is not missing else environment.getattr(_attr_owner, 'red')))):
        pass
        yield '–'
    yield '</dd></div>\n    <div><dt>Indicator</dt><dd>'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'leading': Markup('leading'), 'lagging': Markup('lagging')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'indicator', missing)) is not missing else environment.getattr(_attr_owner, 'indicator')), '–', _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Role</dt><dd>'
    yield escape((Markup('target for change') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'role', missing)) is not missing else environment.getattr(_attr_owner, 'role')) == 'target') else Markup('monitored')))
    yield '</dd></div>\n    <div><dt>Owner</dt><dd>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) in (undefined(name='team_owned_kpis') if l_0_team_owned_kpis is missing else l_0_team_owned_kpis)):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=context.call((undefined(name='team') if l_0_team is missing else l_0_team), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), _block_vars=_block_vars), _block_vars=_block_vars))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=context.call((undefined(name='person') if l_0_person is missing else l_0_person), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</dd></div>\n'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) not in (undefined(name='team_owned_kpis') if l_0_team_owned_kpis is missing else l_0_team_owned_kpis))):
        pass
        yield '<div><dt>Team</dt><dd>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=context.call((undefined(name='team') if l_0_team is missing else l_0_team), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</dd></div>'
    yield '  </dl>\n</div>\n<section aria-labelledby="chart">\n<h2 id="chart">Values</h2>\n<figure class="chart-figure">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'line_chart.svg', chart=(undefined(name='chart') if l_0_chart is missing else l_0_chart), title=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')), _block_vars=_block_vars))
    yield '\n'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'chart_legend.html', target=(not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')))), bands=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'bands', missing)) is not missing else environment.getattr(_attr_owner, 'bands')), _block_vars=_block_vars))
    yield '</figure>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_0_ks is missing else l_0_ks), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'chart_table.html', chart=(undefined(name='chart') if l_0_chart is missing else l_0_chart), caption=context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(name)s values', name=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_0_k is missing else l_0_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</section>\n'
    if (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
        pass
        yield '<section aria-labelledby="timeline">\n<h2 id="timeline">Check-ins</h2>\n<div class="timeline">\n'
        for l_1_c in (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
            l_1_checkin_block = resolve('checkin_block')
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='checkin_block') if l_1_checkin_block is missing else l_1_checkin_block), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_c, False, _loop_vars=_loop_vars))
            yield '\n'
        l_1_c = l_1_checkin_block = missing
        yield '</div>\n</section>\n'
    yield '<section aria-labelledby="targeted">\n<h2 id="targeted">Key results that target it</h2>\n'
    if (undefined(name='targeted') if l_0_targeted is missing else l_0_targeted):
        pass
        yield '<ul>'
        for (l_1_link, l_1_figures, l_1_places) in (undefined(name='targeted') if l_0_targeted is missing else l_0_targeted):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_link, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_link, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '</bdi></a> '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_figures, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_link, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars), status=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_figures, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=l_1_places, _loop_vars=_loop_vars))
            yield '</li>'
        l_1_link = l_1_figures = l_1_places = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="muted">None: this KPI is monitored.</p>'
    yield '</section>\n<section aria-labelledby="drives">\n<h2 id="drives">Drives and driven by</h2>\n<h3>This KPI drives</h3>\n'
    if (undefined(name='drives') if l_0_drives is missing else l_0_drives):
        pass
        yield '<ul>'
        for l_1_d in (undefined(name='drives') if l_0_drives is missing else l_0_drives):
            l_1_kpi_records = resolve('kpi_records')
            l_1_kpi_scores = resolve('kpi_scores')
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'kpi', l_1_d, _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_records') if l_1_kpi_records is missing else l_1_kpi_records), l_1_d), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
            yield '</bdi></a> '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), l_1_d), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')), _loop_vars=_loop_vars))
            if (_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), l_1_d), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
                pass
                yield ' '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html', _loop_vars=_loop_vars))
            yield '</li>'
        l_1_d = l_1_kpi_records = l_1_kpi_scores = missing
        yield '</ul>'
    else:
        pass
        yield '<p class="muted">Nothing.</p>'
    yield '<h3>Driven by</h3>\n'
    if (undefined(name='driven_by') if l_0_driven_by is missing else l_0_driven_by):
        pass
        yield '<ul>'
        for l_1_d in (undefined(name='driven_by') if l_0_driven_by is missing else l_0_driven_by):
            l_1_kpi_records = resolve('kpi_records')
            l_1_kpi_scores = resolve('kpi_scores')
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'kpi', l_1_d, _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_records') if l_1_kpi_records is missing else l_1_kpi_records), l_1_d), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
            yield '</bdi></a> '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), l_1_d), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')), _loop_vars=_loop_vars))
            if (_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), l_1_d), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
                pass
                yield ' '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html', _loop_vars=_loop_vars))
            yield '</li>'
        l_1_d = l_1_kpi_records = l_1_kpi_scores = missing
        yield '</ul>'
    else:
        pass
        yield '<p class="muted">Nothing.</p>'
    yield '</section>\n'
    if ((undefined(name='goals') if l_0_goals is missing else l_0_goals) or (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by)):
        pass
        yield '<section aria-labelledby="related"><h2 id="related">Supported by</h2>\n'
        yield escape((context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by), '', _block_vars=_block_vars) if (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by) else cond_expr_undefined("the inline if-expression on line 52 in 'kpi.html' evaluated to false and no else section was defined.")))
        yield '\n'
        yield escape((context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goals') if l_0_goals is missing else l_0_goals), _block_vars=_block_vars) if (undefined(name='goals') if l_0_goals is missing else l_0_goals) else cond_expr_undefined("the inline if-expression on line 53 in 'kpi.html' evaluated to false and no else section was defined.")))
        yield '\n</section>\n'
    if (undefined(name='body') if l_0_body is missing else l_0_body):
        pass
        yield '<section aria-labelledby="about" class="prose"><h2 id="about">About</h2><div dir="auto">'
        yield escape(t_2((undefined(name='body') if l_0_body is missing else l_0_body)))
        yield '</div></section>'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'history_timeline.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), timeline=(undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), _block_vars=_block_vars))
    yield '\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'edit_link', missing)) is not missing else environment.getattr(_attr_owner, 'edit_link')), (undefined(name='edit') if l_0_edit is missing else l_0_edit), _block_vars=_block_vars))
    yield '\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&5=70&7=77&9=79&11=87&12=94&13=96&14=103&15=105&16=107&17=126&18=128&19=130&20=137&25=143&26=145&27=147&29=151&33=154&40=163&46=183&48=209&50=235&52=238&53=240&56=242&57=247&58=249'