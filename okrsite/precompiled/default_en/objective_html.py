from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'objective.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'objective.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'objective.html')._get_default_module(context)
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
    l_0_crumbs = resolve('crumbs')
    l_0_item = resolve('item')
    l_0_o = resolve('o')
    l_0_parent_kr = resolve('parent_kr')
    l_0_objective_records = resolve('objective_records')
    l_0_pk = resolve('pk')
    l_0__ = resolve('_')
    l_0_markup = resolve('markup')
    l_0_parent = resolve('parent')
    l_0_carried_from = resolve('carried_from')
    l_0_cycle_title = resolve('cycle_title')
    l_0_carried_into = resolve('carried_into')
    l_0_partial = resolve('partial')
    l_0_s = resolve('s')
    l_0_percent_at = resolve('percent_at')
    l_0_team = resolve('team')
    l_0_owner = resolve('owner')
    l_0_cycle = resolve('cycle')
    l_0_url = resolve('url')
    l_0_day = resolve('day')
    l_0_num = resolve('num')
    l_0_confidence_out_of = resolve('confidence_out_of')
    l_0_percent = resolve('percent')
    l_0_tentative_forecast = resolve('tentative_forecast')
    l_0_rows = resolve('rows')
    l_0_direct = resolve('direct')
    l_0_history = resolve('history')
    l_0_history_source = resolve('history_source')
    l_0_history_kpi = resolve('history_kpi')
    l_0_history_name = resolve('history_name')
    l_0_m = resolve('m')
    l_0_supports = resolve('supports')
    l_0_supported_by = resolve('supported_by')
    l_0_goals = resolve('goals')
    l_0_initiatives = resolve('initiatives')
    l_0_body = resolve('body')
    l_0_status_word = resolve('status_word')
    l_0_explain = resolve('explain')
    l_0_decimal = resolve('decimal')
    l_0_as_of = resolve('as_of')
    l_0_formula_minus = resolve('formula_minus')
    l_0_fixed = resolve('fixed')
    l_0_done_at = resolve('done_at')
    l_0_grade_edges = resolve('grade_edges')
    l_0_checkins = resolve('checkins')
    l_0_timeline = resolve('timeline')
    l_0_badge_url = resolve('badge_url')
    l_0_edit = resolve('edit')
    l_0_places = l_0_progress = l_0_behind = l_0_cyc = l_0_on_track = l_0_at_risk = missing
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
    yield '<nav aria-label="Breadcrumb" class="breadcrumb">\n  <ol>\n    <li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'alignment/index.html">Alignment</a></li>\n'
    for l_1_crumb in (undefined(name='crumbs') if l_0_crumbs is missing else l_0_crumbs):
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_crumb, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_crumb, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a></li>'
    l_1_crumb = missing
    yield '    <li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
    yield '" aria-current="page"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a></li>\n  </ol>\n</nav>\n<h1 dir="auto">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</h1>\n'
    if (undefined(name='parent_kr') if l_0_parent_kr is missing else l_0_parent_kr):
        pass
        l_0_pk = context.call((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='objective_records') if l_0_objective_records is missing else l_0_objective_records), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'parent_objective', missing)) is not missing else environment.getattr(_attr_owner, 'parent_objective'))), 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'parent_key_result', missing)) is not missing else environment.getattr(_attr_owner, 'parent_key_result')), _block_vars=_block_vars)
        _block_vars['pk'] = l_0_pk
        yield '<p class="aligned-to">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Aligned to key result %(key_result)s of %(objective)s', key_result=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s%s"><bdi>%s</bdi></a>', _block_vars=_block_vars), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='parent_kr') if l_0_parent_kr is missing else l_0_parent_kr), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')), ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='pk') if l_0_pk is missing else l_0_pk), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')) if (undefined(name='pk') if l_0_pk is missing else l_0_pk) else (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'parent_key_result', missing)) is not missing else environment.getattr(_attr_owner, 'parent_key_result')))), objective=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='parent') if l_0_parent is missing else l_0_parent), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), _block_vars=_block_vars))
        yield '</p>\n'
    if (undefined(name='carried_from') if l_0_carried_from is missing else l_0_carried_from):
        pass
        yield '<p class="carried">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Carried from %(objective)s (%(cycle)s)', objective=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s%s"><bdi>%s</bdi></a>', _block_vars=_block_vars), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='carried_from') if l_0_carried_from is missing else l_0_carried_from), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='carried_from') if l_0_carried_from is missing else l_0_carried_from), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='carried_from') if l_0_carried_from is missing else l_0_carried_from), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars)), _block_vars=_block_vars))
        yield '</p>\n'
    for l_1_c in (undefined(name='carried_into') if l_0_carried_into is missing else l_0_carried_into):
        _loop_vars = {}
        pass
        yield '<p class="carried">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Carried into %(objective)s (%(cycle)s)', objective=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s%s"><bdi>%s</bdi></a>', _loop_vars=_loop_vars), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars)), _loop_vars=_loop_vars))
        yield '</p>\n'
    l_1_c = missing
    yield '<div class="overview">\n  <p class="big">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')), _block_vars=_block_vars), status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars))
    yield '</p>\n  <dl class="facts">\n    <div><dt>Status</dt><dd>'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
        pass
        yield ' '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html', _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Grade</dt><dd>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'grade', missing)) is not missing else environment.getattr(_attr_owner, 'grade')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'grade_badge.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), grade=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'grade', missing)) is not missing else environment.getattr(_attr_owner, 'grade')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars))
    else:
        pass
        yield '–'
    yield '</dd></div>\n    <div><dt>Expected by now</dt><dd>'
    yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Owner</dt><dd>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) == 'team'):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(undefined(name='team') if l_0_team is missing else l_0_team), _block_vars=_block_vars))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(undefined(name='owner') if l_0_owner is missing else l_0_owner), _block_vars=_block_vars))
    yield '</dd></div>\n'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) != 'team')):
        pass
        yield '<div><dt>Team</dt><dd>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(undefined(name='team') if l_0_team is missing else l_0_team), _block_vars=_block_vars))
        yield '</dd></div>'
    yield '    <div><dt>Cycle</dt><dd>'
    if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars))
        yield '">'
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars))
        yield '</a> <span class="muted">('
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars))
        yield ' – '
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars))
        yield ')</span>'
    else:
        pass
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars))
    yield '</dd></div>\n    <div><dt>Commitment</dt><dd>'
    yield escape((Markup('aspirational') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')) == 'aspirational') else Markup('committed')))
    yield '</dd></div>\n'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) != 'active'):
        pass
        yield '<div><dt>Lifecycle</dt><dd>'
        yield escape((Markup('draft') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'draft') else Markup('dropped')))
        yield '</dd></div>'
    yield '    <div><dt>'
    yield escape((Markup('Last confidence') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle_over', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_over')) else Markup('Confidence')))
    yield '</dt><dd>'
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')))):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')), _block_vars=_block_vars), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of), _block_vars=_block_vars), _block_vars=_block_vars))
    else:
        pass
        yield '–'
    yield '</dd></div>\n'
    if (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle_over', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_over'))):
        pass
        yield '<div><dt>Forecast</dt><dd>'
        if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast', missing)) is not missing else environment.getattr(_attr_owner, 'forecast')))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s at cycle end', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast', missing)) is not missing else environment.getattr(_attr_owner, 'forecast')), _block_vars=_block_vars), _block_vars=_block_vars))
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast_tentative', missing)) is not missing else environment.getattr(_attr_owner, 'forecast_tentative')):
                pass
                yield ' <span class="muted">('
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'tentative: fewer than %(min)s days with a check-in, or check-ins spanning under %(share)s of the cycle', min=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_days', missing)) is not missing else environment.getattr(_attr_owner, 'min_days')), _block_vars=_block_vars), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_span', missing)) is not missing else environment.getattr(_attr_owner, 'min_span')), _block_vars=_block_vars), _block_vars=_block_vars))
                yield ')</span>'
        else:
            pass
            yield '–'
        yield '</dd></div>'
    yield '    <div><dt>Last check-in</dt><dd>'
    yield escape((context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'last_checkin', missing)) is not missing else environment.getattr(_attr_owner, 'last_checkin')), _block_vars=_block_vars) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'last_checkin', missing)) is not missing else environment.getattr(_attr_owner, 'last_checkin')) else Markup('none')))
    yield '</dd></div>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'tags', missing)) is not missing else environment.getattr(_attr_owner, 'tags')):
        pass
        yield '<div><dt>Tags</dt><dd>'
        for l_1_t in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'tags', missing)) is not missing else environment.getattr(_attr_owner, 'tags')):
            _loop_vars = {}
            pass
            yield '<a class="tag" href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'tag', l_1_t, _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape(l_1_t)
            yield '</bdi></a> '
        l_1_t = missing
        yield '</dd></div>'
    yield '  </dl>\n</div>\n\n<section aria-labelledby="krs">\n<h2 id="krs">Key results</h2>\n'
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        yield '<table class="krs stack">\n<thead><tr><th scope="col">Key result</th><th scope="col">Progress</th><th scope="col">Start → current → target</th><th scope="col">Status</th><th scope="col">Check-ins</th></tr></thead>\n<tbody>\n'
        for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'kr_row.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), row=l_1_row, _loop_vars=_loop_vars))
        l_1_row = missing
        yield '</tbody>\n</table>\n'
    elif (undefined(name='direct') if l_0_direct is missing else l_0_direct):
        pass
        yield '<p class="muted">No key results: progress is the weighted mean of the objectives aligned to it.</p>\n'
    else:
        pass
        yield '<p class="muted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No key results yet: add %(key)s to %(file)s. Until then its progress is 0.', key=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>key_results:</code>', _block_vars=_block_vars), file=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file'))), _block_vars=_block_vars))
        yield '</p>\n'
    yield '</section>\n\n'
    if (undefined(name='history') if l_0_history is missing else l_0_history):
        pass
        yield '<section aria-labelledby="history">\n<h2 id="history">Progress over time</h2>\n'
        l_0_history_kpi = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_source') if l_0_history_source is missing else l_0_history_source), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi'))
        _block_vars['history_kpi'] = l_0_history_kpi
        yield '<figure class="chart-figure">'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'line_chart.svg', chart=(undefined(name='history') if l_0_history is missing else l_0_history), title=((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress over check-ins and readings of KPI %(kpi)s', kpi=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_source') if l_0_history_source is missing else l_0_history_source), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins')) else context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress over readings of KPI %(kpi)s', kpi=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)) if (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi) else Markup('Progress over check-ins')), _block_vars=_block_vars))
        yield '\n<figcaption>'
        if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'before', missing)) is not missing else environment.getattr(_attr_owner, 'before')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'after', missing)) is not missing else environment.getattr(_attr_owner, 'after'))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the check-in of %(first)s, before cycle %(cycle)s, to that of %(last)s, after it.', cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars), first=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'before', missing)) is not missing else environment.getattr(_attr_owner, 'before')), _block_vars=_block_vars), last=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'after', missing)) is not missing else environment.getattr(_attr_owner, 'after')), _block_vars=_block_vars), _block_vars=_block_vars))
        elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'before', missing)) is not missing else environment.getattr(_attr_owner, 'before')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the check-in of %(first)s, before cycle %(cycle)s, to its last day.', cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars), first=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'before', missing)) is not missing else environment.getattr(_attr_owner, 'before')), _block_vars=_block_vars), _block_vars=_block_vars))
        elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'after', missing)) is not missing else environment.getattr(_attr_owner, 'after')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the first day of cycle %(cycle)s to the check-in of %(last)s, after it.', cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars), last=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'after', missing)) is not missing else environment.getattr(_attr_owner, 'after')), _block_vars=_block_vars), _block_vars=_block_vars))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the first to the last day of cycle %(cycle)s.', cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield ' '
        if ((undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_source') if l_0_history_source is missing else l_0_history_source), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins'))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Solid line and points: progress at the end of each day with a check-in and on the day of the latest reading of KPI %(kpi)s; dashed line: expected progress.', kpi=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
        elif (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Solid line and point: progress on the day of the latest reading of KPI %(kpi)s; dashed line: expected progress.', kpi=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
        else:
            pass
            yield 'Solid line and points: progress at the end of each day with a check-in; dashed line: expected progress.'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'marker', missing)) is not missing else environment.getattr(_attr_owner, 'marker')):
            pass
            yield ' '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Vertical line: as of %(day)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history') if l_0_history is missing else l_0_history), 'marker', missing)) is not missing else environment.getattr(_attr_owner, 'marker')), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</figcaption></figure>\n'
        l_0_history_name = t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
        _block_vars['history_name'] = l_0_history_name
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'chart_table.html', chart=(undefined(name='history') if l_0_history is missing else l_0_history), caption=((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s at the end of each day with a check-in and on the day of the latest reading of KPI %(kpi)s', name=(undefined(name='history_name') if l_0_history_name is missing else l_0_history_name), kpi=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name'))), _block_vars=_block_vars) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_source') if l_0_history_source is missing else l_0_history_source), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins')) else context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s on the day of the latest reading of KPI %(kpi)s', name=(undefined(name='history_name') if l_0_history_name is missing else l_0_history_name), kpi=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name'))), _block_vars=_block_vars)) if (undefined(name='history_kpi') if l_0_history_kpi is missing else l_0_history_kpi) else context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s at the end of each day with a check-in', name=(undefined(name='history_name') if l_0_history_name is missing else l_0_history_name), _block_vars=_block_vars)), _block_vars=_block_vars))
        yield '\n</section>\n'
    yield '\n<section aria-labelledby="aligned">\n<h2 id="aligned">Aligned objectives</h2>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='direct') if l_0_direct is missing else l_0_direct), Markup('No objectives are aligned directly to this objective.'), _block_vars=_block_vars))
    yield '\n</section>\n\n'
    if (((undefined(name='supports') if l_0_supports is missing else l_0_supports) or (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by)) or (undefined(name='goals') if l_0_goals is missing else l_0_goals)):
        pass
        yield '<section aria-labelledby="links">\n<h2 id="links">Related</h2>\n'
        if (undefined(name='supports') if l_0_supports is missing else l_0_supports):
            pass
            yield '<h3>Supports</h3><ul>'
            for (l_1_ref, l_1_link) in (undefined(name='supports') if l_0_supports is missing else l_0_supports):
                _loop_vars = {}
                pass
                yield '<li>'
                if l_1_link:
                    pass
                    yield '<a href="'
                    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_link, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
                    yield '"><bdi>'
                    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_link, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
                    yield '</bdi></a>'
                else:
                    pass
                    yield '<bdi>'
                    yield escape(l_1_ref)
                    yield '</bdi> <span class="muted">(not found)</span>'
                yield '</li>'
            l_1_ref = l_1_link = missing
            yield '</ul>'
        if (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by):
            pass
            yield '<h3>Supported by</h3>'
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='supported_by') if l_0_supported_by is missing else l_0_supported_by), _block_vars=_block_vars))
        if (undefined(name='goals') if l_0_goals is missing else l_0_goals):
            pass
            yield '<h3>SMART goals supporting it</h3>'
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goals') if l_0_goals is missing else l_0_goals), _block_vars=_block_vars))
        yield '</section>\n'
    yield '\n'
    if (undefined(name='initiatives') if l_0_initiatives is missing else l_0_initiatives):
        pass
        yield '<section aria-labelledby="initiatives">\n<h2 id="initiatives">Initiatives</h2>\n<ul class="initiatives">\n'
        for (l_1_i, l_1_link) in (undefined(name='initiatives') if l_0_initiatives is missing else l_0_initiatives):
            l_1_person = resolve('person')
            _loop_vars = {}
            pass
            yield '<li>'
            if l_1_link:
                pass
                yield '<a href="'
                yield escape(l_1_link)
                yield '" rel="nofollow noopener"><bdi>'
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
                yield '</bdi></a>'
            else:
                pass
                yield '<bdi>'
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
                yield '</bdi>'
            yield ' <span class="meta">'
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'active': Markup('active'), 'done': Markup('done'), 'dropped': Markup('dropped'), 'draft': Markup('draft')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _loop_vars=_loop_vars))
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')):
                pass
                yield ' · '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=context.call((undefined(name='person') if l_1_person is missing else l_1_person), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_i, 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '</span></li>\n'
        l_1_i = l_1_link = l_1_person = missing
        yield '</ul>\n</section>\n'
    yield '\n'
    if (undefined(name='body') if l_0_body is missing else l_0_body):
        pass
        yield '<section aria-labelledby="about" class="prose">\n<h2 id="about">About</h2>\n<div dir="auto">'
        yield escape(t_2((undefined(name='body') if l_0_body is missing else l_0_body)))
        yield '</div>\n</section>\n'
    yield '\n<section aria-labelledby="explain" class="explain">\n<h2 id="explain">Explain this score</h2>\n<details>\n<summary>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'How %(percent)s and “%(status)s” were computed', percent=context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars), status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</summary>\n<h3>1. '
    yield escape((Markup('Progress of each key result') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'source', missing)) is not missing else environment.getattr(_attr_owner, 'source')) == 'key results') else Markup('Progress of each aligned objective')))
    yield '</h3>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'lines', missing)) is not missing else environment.getattr(_attr_owner, 'lines')):
        pass
        yield '<table class="stack">\n<thead><tr><th scope="col">'
        yield escape((Markup('Key result') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'source', missing)) is not missing else environment.getattr(_attr_owner, 'source')) == 'key results') else Markup('Objective')))
        yield '</th><th scope="col">Computation</th><th scope="col">Weight</th><th scope="col">Counted</th></tr></thead>\n<tbody>\n'
        for l_1_line in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'lines', missing)) is not missing else environment.getattr(_attr_owner, 'lines')):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'explain_row.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), line=l_1_line, places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), _loop_vars=_loop_vars))
        l_1_line = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>Nothing to average.</p>'
    yield '<h3>2. Objective progress = weighted mean</h3>\n'
    l_0_places = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places'))
    _block_vars['places'] = l_0_places
    l_0_progress = context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), (undefined(name='places') if l_0_places is missing else l_0_places), _block_vars=_block_vars)
    _block_vars['progress'] = l_0_progress
    yield '<p><code>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'terms', missing)) is not missing else environment.getattr(_attr_owner, 'terms')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'total_weight', missing)) is not missing else environment.getattr(_attr_owner, 'total_weight'))):
        pass
        yield '('
        l_1_loop = missing
        for (l_1_w, l_1_p), l_1_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'terms', missing)) is not missing else environment.getattr(_attr_owner, 'terms')), undefined):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_w, 3, _loop_vars=_loop_vars))
            yield ' × '
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_p, (undefined(name='places') if l_0_places is missing else l_0_places), _loop_vars=_loop_vars))
            yield escape((' + ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 108 in 'objective.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_w = l_1_p = missing
        yield ') ÷ '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'total_weight', missing)) is not missing else environment.getattr(_attr_owner, 'total_weight')), 3, _block_vars=_block_vars))
        yield ' = '
        yield escape((undefined(name='progress') if l_0_progress is missing else l_0_progress))
    else:
        pass
        yield 'nothing counted: progress = '
        yield escape((undefined(name='progress') if l_0_progress is missing else l_0_progress))
    yield '</code> → '
    yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars))
    yield '</p>\n<h3>3. Expected progress = elapsed × success</h3>\n<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=markup_join((Markup('Elapsed share of the cycle'), (markup_join((' (', context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars), ' – ', context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), ', ', context.call((undefined(name='_') if l_0__ is missing else l_0__), 'as of %(day)s', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (undefined(name='as_of') if l_0_as_of is missing else l_0_as_of), _block_vars=_block_vars), _block_vars=_block_vars), ')', )) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')) else ''), )), _block_vars=_block_vars))
    yield ' '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'elapsed', missing)) is not missing else environment.getattr(_attr_owner, 'elapsed')), 3, _block_vars=_block_vars))
    yield '; '
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(Markup('success for an aspirational objective') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')) == 'aspirational') else Markup('success for a committed objective')), _block_vars=_block_vars))
    yield ' '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'success', missing)) is not missing else environment.getattr(_attr_owner, 'success')), 3, _block_vars=_block_vars))
    yield '.</p>\n<p><code>expected = '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'elapsed', missing)) is not missing else environment.getattr(_attr_owner, 'elapsed')), 3, _block_vars=_block_vars))
    yield ' × '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'success', missing)) is not missing else environment.getattr(_attr_owner, 'success')), 3, _block_vars=_block_vars))
    yield ' = '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (undefined(name='places') if l_0_places is missing else l_0_places), _block_vars=_block_vars))
    yield '</code></p>\n<h3>4. Status</h3>\n'
    l_0_behind = context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'behind', missing)) is not missing else environment.getattr(_attr_owner, 'behind')), (undefined(name='places') if l_0_places is missing else l_0_places), _block_vars=_block_vars), _block_vars=_block_vars)
    _block_vars['behind'] = l_0_behind
    yield '<p><code>behind = expected − progress = '
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (undefined(name='places') if l_0_places is missing else l_0_places), _block_vars=_block_vars))
    yield ' − '
    yield escape((undefined(name='progress') if l_0_progress is missing else l_0_progress))
    yield ' = '
    yield escape((undefined(name='behind') if l_0_behind is missing else l_0_behind))
    yield '</code></p>\n<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Thresholds: on track when behind ≤ %(on_track)s, at risk when ≤ %(at_risk)s, else off track; done at %(done)s; after the cycle: achieved when progress ≥ success, else missed.', on_track=context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'settings', missing)) is not missing else environment.getattr(_attr_owner, 'settings')), 'on_track', missing)) is not missing else environment.getattr(_attr_owner, 'on_track')), 2, _block_vars=_block_vars), at_risk=context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'settings', missing)) is not missing else environment.getattr(_attr_owner, 'settings')), 'at_risk', missing)) is not missing else environment.getattr(_attr_owner, 'at_risk')), 2, _block_vars=_block_vars), done=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (undefined(name='done_at') if l_0_done_at is missing else l_0_done_at), 1, _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</p>\n'
    l_0_cyc = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle'))
    _block_vars['cyc'] = l_0_cyc
    l_0_on_track = context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'settings', missing)) is not missing else environment.getattr(_attr_owner, 'settings')), 'on_track', missing)) is not missing else environment.getattr(_attr_owner, 'on_track')), 3, _block_vars=_block_vars)
    _block_vars['on_track'] = l_0_on_track
    l_0_at_risk = context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'settings', missing)) is not missing else environment.getattr(_attr_owner, 'settings')), 'at_risk', missing)) is not missing else environment.getattr(_attr_owner, 'at_risk')), 3, _block_vars=_block_vars)
    _block_vars['at_risk'] = l_0_at_risk
    yield '<p><strong>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) in ('dropped', 'draft')):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The objective is %(status)s, so it counts nowhere.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'upcoming'):
        pass
        yield 'The cycle has not started yet'
        if (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc):
            pass
            yield ' ('
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'starts %(day)s', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield ')'
        yield '.'
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) in ('achieved', 'missed')):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=markup_join((Markup('The cycle is over'), (markup_join((' (', context.call((undefined(name='_') if l_0__ is missing else l_0__), 'ended %(day)s', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), _block_vars=_block_vars), ')', )) if (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc) else ''), )), _block_vars=_block_vars))
        yield ' progress '
        yield escape((undefined(name='progress') if l_0_progress is missing else l_0_progress))
        yield ' '
        yield escape(('≥' if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'achieved') else '<'))
        yield ' success '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'success', missing)) is not missing else environment.getattr(_attr_owner, 'success')), 3, _block_vars=_block_vars))
        yield ', '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'so %(status)s.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'done'):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress reached %(done)s, so done.', done=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (undefined(name='done_at') if l_0_done_at is missing else l_0_done_at), 1, _block_vars=_block_vars), _block_vars=_block_vars))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'on-track'):
        pass
        yield 'behind '
        yield escape((undefined(name='behind') if l_0_behind is missing else l_0_behind))
        yield ' ≤ '
        yield escape((undefined(name='on_track') if l_0_on_track is missing else l_0_on_track))
        yield ', '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'so %(status)s.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) == 'at-risk'):
        pass
        yield 'behind '
        yield escape((undefined(name='behind') if l_0_behind is missing else l_0_behind))
        yield ' &gt; '
        yield escape((undefined(name='on_track') if l_0_on_track is missing else l_0_on_track))
        yield ' and ≤ '
        yield escape((undefined(name='at_risk') if l_0_at_risk is missing else l_0_at_risk))
        yield ', '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'so %(status)s.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    else:
        pass
        yield 'behind '
        yield escape((undefined(name='behind') if l_0_behind is missing else l_0_behind))
        yield ' &gt; '
        yield escape((undefined(name='at_risk') if l_0_at_risk is missing else l_0_at_risk))
        yield ', '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'so %(status)s.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</strong></p>\n<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Grade colour: red &lt; %(yellow)s ≤ yellow &lt; %(green)s ≤ green', yellow=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='grade_edges') if l_0_grade_edges is missing else l_0_grade_edges), 'yellow', missing)) is not missing else environment.getattr(_attr_owner, 'yellow')), 1, _block_vars=_block_vars), green=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='grade_edges') if l_0_grade_edges is missing else l_0_grade_edges), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green')), 1, _block_vars=_block_vars), _block_vars=_block_vars))
    yield ' → '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'grade', missing)) is not missing else environment.getattr(_attr_owner, 'grade')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'grade_badge.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), grade=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='s') if l_0_s is missing else l_0_s), 'grade', missing)) is not missing else environment.getattr(_attr_owner, 'grade')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _block_vars=_block_vars))
    else:
        pass
        yield 'no grade'
    yield '</p>\n<div class="explain-step explain-forecast">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'explain_forecast.html', f=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'forecast', missing)) is not missing else environment.getattr(_attr_owner, 'forecast')), checkins=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins')), as_of=(undefined(name='as_of') if l_0_as_of is missing else l_0_as_of), ended=((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'cycle_over', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_over')) else None), _block_vars=_block_vars))
    yield '</div>\n<div class="explain-step explain-confidence">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'explain_confidence.html', c=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')), _block_vars=_block_vars))
    yield '</div>\n<div class="explain-step explain-stale">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'explain_stale.html', t=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='explain') if l_0_explain is missing else l_0_explain), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')), as_of=(undefined(name='as_of') if l_0_as_of is missing else l_0_as_of), _block_vars=_block_vars))
    yield '</div>\n</details>\n</section>\n\n<section aria-labelledby="timeline">\n<h2 id="timeline">Check-ins</h2>\n'
    if (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
        pass
        yield '<div class="timeline">\n'
        for l_1_c in (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
            l_1_checkin_block = resolve('checkin_block')
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='checkin_block') if l_1_checkin_block is missing else l_1_checkin_block), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_c, False, _loop_vars=_loop_vars))
            yield '\n'
        l_1_c = l_1_checkin_block = missing
        yield '</div>\n'
    else:
        pass
        yield '<p class="muted">No check-ins yet.</p>'
    yield '</section>\n\n'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'history_timeline.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), timeline=(undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), _block_vars=_block_vars))
    yield '\n\n<p class="meta">'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Source'), _block_vars=_block_vars))
    yield ' <code>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file')))
    yield '</code> · '
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('badge'), _block_vars=_block_vars))
    yield ' <a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='badge_url') if l_0_badge_url is missing else l_0_badge_url), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_0_o is missing else l_0_o), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _block_vars=_block_vars))
    yield '">SVG</a></p>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'edit_link', missing)) is not missing else environment.getattr(_attr_owner, 'edit_link')), (undefined(name='edit') if l_0_edit is missing else l_0_edit), _block_vars=_block_vars))
    yield '\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&6=97&7=99&8=110&11=115&12=117&13=122&15=124&16=129&18=137&20=139&21=145&22=152&23=154&24=161&25=167&26=183&27=185&28=191&29=200&30=216&31=218&37=233&41=236&44=242&47=248&51=251&54=254&55=257&56=259&57=286&58=288&64=291&67=293&70=296&71=319&72=323&76=329&80=332&86=359&89=362&96=365&97=367&98=369&100=372&102=374&107=384&108=389&110=412&111=420&113=426&114=429&115=435&116=437&118=444&119=447&120=456&121=467&122=470&123=478&124=491&126=497&127=506&128=508&129=510&135=512&137=515&143=527&145=529&146=538'