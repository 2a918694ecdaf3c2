from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'dashboard.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'dashboard.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'dashboard.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_config = resolve('config')
    l_0_cycle = resolve('cycle')
    l_0_cycle_title = resolve('cycle_title')
    l_0_day = resolve('day')
    l_0_cycle_state = resolve('cycle_state')
    l_0__ = resolve('_')
    l_0_m = resolve('m')
    l_0_summary = resolve('summary')
    l_0_root = resolve('root')
    l_0_url = resolve('url')
    l_0_cycle_names = resolve('cycle_names')
    l_0_attention = resolve('attention')
    l_0_partial = resolve('partial')
    l_0_attention_more = resolve('attention_more')
    l_0_ngettext = resolve('ngettext')
    l_0_attention_page = resolve('attention_page')
    l_0_markup = resolve('markup')
    l_0_followed = resolve('followed')
    l_0_goals = resolve('goals')
    l_0_kpi_ids = resolve('kpi_ids')
    l_0_window = resolve('window')
    l_0_change_cycles = resolve('change_cycles')
    l_0_others = resolve('others')
    l_0_ended_change_cycles = resolve('ended_change_cycles')
    l_0_changes = resolve('changes')
    l_0_changes_total = resolve('changes_total')
    l_0_roots = resolve('roots')
    l_0_has_objectives = resolve('has_objectives')
    l_0_none_stale = resolve('none_stale')
    l_0_stale = resolve('stale')
    l_0_stale_more = resolve('stale_more')
    l_0_latest = resolve('latest')
    l_0_window_days = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    try:
        t_5 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</h1>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'description', missing)) is not missing else environment.getattr(_attr_owner, 'description')):
        pass
        yield '<p class="lead">'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'description', missing)) is not missing else environment.getattr(_attr_owner, 'description')))
        yield '</p>'
    if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<section aria-labelledby="overall">\n  <h2 id="overall">'
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
        yield ' <span class="muted">('
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars))
        yield ' – '
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars))
        yield ')</span></h2>\n'
        if ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'upcoming'):
            pass
            yield '<p class="cycle-state">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This cycle has not started yet: it starts on %(day)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>\n'
        elif ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'over'):
            pass
            yield '<p class="cycle-state">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This cycle ended on %(day)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>\n'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'summary_block', missing)) is not missing else environment.getattr(_attr_owner, 'summary_block')), (undefined(name='summary') if l_0_summary is missing else l_0_summary), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Overall progress of %(name)s', name=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars), _block_vars=_block_vars), markup_join(((undefined(name='root') if l_0_root is missing else l_0_root), context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars), )), _block_vars=_block_vars))
        yield '\n'
        if (t_3((undefined(name='cycle_names') if l_0_cycle_names is missing else l_0_cycle_names)) > 1):
            pass
            yield '  <nav aria-label="Andere Zyklen" class="cycles-nav"><p>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Andere Zyklen'), _block_vars=_block_vars))
            yield '\n'
            def t_6(fiter):
                for l_1_n in fiter:
                    if (l_1_n != (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name'))):
                        yield l_1_n
            l_1_loop = missing
            for l_1_n, l_1_loop in LoopContext(t_6(t_4((undefined(name='cycle_names') if l_0_cycle_names is missing else l_0_cycle_names))), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', l_1_n, _loop_vars=_loop_vars))
                yield '"><bdi>'
                yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), l_1_n, _loop_vars=_loop_vars))
                yield '</bdi></a>'
                yield escape((' · ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 14 in 'dashboard.html' evaluated to false and no else section was defined.")))
            l_1_loop = l_1_n = missing
            yield '</p>\n  </nav>\n'
        yield '</section>\n<section aria-labelledby="attention"'
        if (undefined(name='attention') if l_0_attention is missing else l_0_attention):
            pass
            yield ' data-filter-scope data-sort-default="die schlimmsten zuerst"'
        yield '>\n  <h2 id="attention">Braucht Aufmerksamkeit</h2>\n'
        if (undefined(name='attention') if l_0_attention is missing else l_0_attention):
            pass
            yield '  <p class="meta">Nicht im Plan, gefährdet, veraltet oder mit geringer Zuversicht; die schlimmsten zuerst.</p>\n  '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'list_filters.html', _block_vars=_block_vars))
            yield '\n  <ul class="objs">'
            for l_1_entry in (undefined(name='attention') if l_0_attention is missing else l_0_attention):
                _loop_vars = {}
                pass
                yield '  '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'attention_item.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), entry=l_1_entry, cycle=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars))
            l_1_entry = missing
            yield '  </ul>\n'
            if (undefined(name='attention_more') if l_0_attention_more is missing else l_0_attention_more):
                pass
                yield '<p class="meta">'
                yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d more objective needs attention.', '%(num)d more objectives need attention.', (undefined(name='attention_more') if l_0_attention_more is missing else l_0_attention_more), _block_vars=_block_vars))
                yield ' <a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape((undefined(name='attention_page') if l_0_attention_page is missing else l_0_attention_page))
                yield '#attention">Alle Ziele, die Aufmerksamkeit brauchen</a></p>'
        elif ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'over'):
            pass
            yield '<p class="muted">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing needs attention: %(cycle)s ended on %(day)s, so its objectives are graded, no longer followed; review them on its %(scorecard)s.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), scorecard=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s#scorecard">%s</a>', _block_vars=_block_vars), markup_join(((undefined(name='root') if l_0_root is missing else l_0_root), context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars), )), Markup('Bilanz')), _block_vars=_block_vars))
            yield '</p>\n'
        elif ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'upcoming'):
            pass
            yield '<p class="muted">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing needs attention: %(cycle)s starts on %(day)s; its objectives are followed from then.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>\n'
        elif (not (undefined(name='followed') if l_0_followed is missing else l_0_followed)):
            pass
            yield '<p class="muted">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing needs attention: no objective of %(cycle)s is active; drafts and dropped objectives are not followed.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), _block_vars=_block_vars))
            yield '</p>\n'
        else:
            pass
            yield '<p class="muted">Nichts braucht Aufmerksamkeit: jedes laufende Ziel ist im Plan, aktuell und zuversichtlich.</p>'
        yield '</section>\n'
    elif ((undefined(name='goals') if l_0_goals is missing else l_0_goals) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total'))):
        pass
        yield '<section aria-labelledby="goals">\n  <h2 id="goals">SMART-Ziele</h2>\n  <p>'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'No objectives; %(num)d SMART goal, %(overdue)d overdue.', 'No objectives; %(num)d SMART goals, %(overdue)d overdue.', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')), overdue=t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue'))), _block_vars=_block_vars))
        yield ' <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield 'goals/index.html">Alle SMART-Ziele</a></p>\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue')):
            pass
            yield '  <h3>Überfällig</h3>\n  '
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue')), _block_vars=_block_vars))
            yield '\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'due_soon', missing)) is not missing else environment.getattr(_attr_owner, 'due_soon')):
            pass
            yield '  <h3>'
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Due within %(num)d day', 'Due within %(num)d days', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days')), _block_vars=_block_vars))
            yield '</h3>\n  '
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'due_soon', missing)) is not missing else environment.getattr(_attr_owner, 'due_soon')), _block_vars=_block_vars))
            yield '\n'
        if ((not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue'))) and (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'due_soon', missing)) is not missing else environment.getattr(_attr_owner, 'due_soon')))):
            pass
            yield '<p class="muted">'
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'No goal is overdue or due within %(num)d day.', 'No goal is overdue or due within %(num)d days.', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='goals') if l_0_goals is missing else l_0_goals), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days')), _block_vars=_block_vars))
            yield '</p>'
        yield '</section>\n'
    elif (not (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids)):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No objectives yet. Add Markdown files under %(folder)s.', folder=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>content/objectives/</code>', _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>\n'
    yield '<section aria-labelledby="changes">\n'
    l_0_window_days = ((_attr_value if (_attr_value := getattr(_attr_owner := (environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1) - environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 0)), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days')) + 1)
    _block_vars['window_days'] = l_0_window_days
    yield '  <h2 id="changes">'
    if ((undefined(name='window_days') if l_0_window_days is missing else l_0_window_days) == 7):
        pass
        yield 'Was sich diese Woche geändert hat'
    else:
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'What changed in the last day', 'What changed in the last %(num)d days', (undefined(name='window_days') if l_0_window_days is missing else l_0_window_days), _block_vars=_block_vars))
    yield '</h2>\n'
    if ((undefined(name='cycle') if l_0_cycle is missing else l_0_cycle) and (undefined(name='change_cycles') if l_0_change_cycles is missing else l_0_change_cycles)):
        pass
        l_0_others = t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), t_2(context.eval_ctx, (undefined(name='change_cycles') if l_0_change_cycles is missing else l_0_change_cycles), ', '))
        _block_vars['others'] = l_0_others
        if ((undefined(name='window_days') if l_0_window_days is missing else l_0_window_days) == 1):
            pass
            yield '<p class="meta">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins of the objectives of %(cycle)s and of %(others)s, running now, and of KPIs, on %(day)s.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), others=(undefined(name='others') if l_0_others is missing else l_0_others), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>\n'
        else:
            pass
            yield '<p class="meta">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins of the objectives of %(cycle)s and of %(others)s, running now, and of KPIs, from %(first)s to %(last)s.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), others=(undefined(name='others') if l_0_others is missing else l_0_others), first=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 0), _block_vars=_block_vars), last=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>'
    elif ((undefined(name='cycle') if l_0_cycle is missing else l_0_cycle) and ((undefined(name='window_days') if l_0_window_days is missing else l_0_window_days) == 1)):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins of the objectives of %(cycle)s and of KPIs, on %(day)s.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>\n'
    elif (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins of the objectives of %(cycle)s and of KPIs, from %(first)s to %(last)s.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), first=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 0), _block_vars=_block_vars), last=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>\n'
    elif ((undefined(name='window_days') if l_0_window_days is missing else l_0_window_days) == 1):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins on %(day)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>\n'
    else:
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Check-ins from %(first)s to %(last)s.', first=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 0), _block_vars=_block_vars), last=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem((undefined(name='window') if l_0_window is missing else l_0_window), 1), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>'
    if ((undefined(name='cycle') if l_0_cycle is missing else l_0_cycle) and (undefined(name='ended_change_cycles') if l_0_ended_change_cycles is missing else l_0_ended_change_cycles)):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Also the check-ins of the objectives of %(cycles)s, which ended in these days.', cycles=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), t_2(context.eval_ctx, (undefined(name='ended_change_cycles') if l_0_ended_change_cycles is missing else l_0_ended_change_cycles), ', ')), _block_vars=_block_vars))
        yield '</p>'
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        yield '  <ul class="changes">'
        for l_1_change in (undefined(name='changes') if l_0_changes is missing else l_0_changes):
            _loop_vars = {}
            pass
            yield '  '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'change.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), change=l_1_change, _loop_vars=_loop_vars))
        l_1_change = missing
        yield '  </ul>\n'
        if ((undefined(name='changes_total') if l_0_changes_total is missing else l_0_changes_total) > t_3((undefined(name='changes') if l_0_changes is missing else l_0_changes))):
            pass
            yield '<p class="meta">'
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d more check-in from these days is not listed here.', '%(num)d more check-ins from these days are not listed here.', ((undefined(name='changes_total') if l_0_changes_total is missing else l_0_changes_total) - t_3((undefined(name='changes') if l_0_changes is missing else l_0_changes))), _block_vars=_block_vars))
            yield ' <a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield 'checkins/index.html">Alle Check-ins</a></p>'
    else:
        pass
        yield '<p class="muted">'
        if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
            pass
            yield 'Keine solchen Check-ins an diesen Tagen. <a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield 'checkins/index.html">Alle Check-ins</a>'
        else:
            pass
            yield 'Keine Check-ins an diesen Tagen.'
        yield '</p>'
    yield '</section>\n'
    if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<section aria-labelledby="top">\n  <h2 id="top">Oberste Ziele</h2>\n'
        if (undefined(name='roots') if l_0_roots is missing else l_0_roots):
            pass
            yield '  <ul class="cards">\n'
            for l_1_item in (undefined(name='roots') if l_0_roots is missing else l_0_roots):
                _loop_vars = {}
                pass
                yield '    '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'objective_card.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), item=l_1_item, _loop_vars=_loop_vars))
                yield '\n'
            l_1_item = missing
            yield '  </ul>\n'
        else:
            pass
            yield '<p class="muted">Keine Ziele in diesem Zyklus.</p>'
        yield '</section>\n'
    yield '<section aria-labelledby="kpis">\n  <h2 id="kpis">Zustand der Kennzahlen</h2>\n'
    if (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
        pass
        yield '  <ul class="tiles">'
        for l_1_id in (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
            _loop_vars = {}
            pass
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'kpi_tile', missing)) is not missing else environment.getattr(_attr_owner, 'kpi_tile')), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_id, _loop_vars=_loop_vars))
        l_1_id = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="muted">Keine Kennzahlen.</p>'
    yield '</section>\n'
    if ((undefined(name='cycle') if l_0_cycle is missing else l_0_cycle) or (undefined(name='has_objectives') if l_0_has_objectives is missing else l_0_has_objectives)):
        pass
        yield '<section aria-labelledby="stale">\n  <h2 id="stale">Veraltete Ziele</h2>\n'
        if (not (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle)):
            pass
            l_0_none_stale = Markup('Keine veralteten Ziele: kein laufendes Ziel ist zu lange ohne Check-in.')
            _block_vars['none_stale'] = l_0_none_stale
        elif ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'over'):
            pass
            l_0_none_stale = context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stale objectives in %(cycle)s: it ended on %(day)s, so its objectives are no longer followed.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), _block_vars=_block_vars)
            _block_vars['none_stale'] = l_0_none_stale
        elif ((undefined(name='cycle_state') if l_0_cycle_state is missing else l_0_cycle_state) == 'upcoming'):
            pass
            l_0_none_stale = context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stale objectives in %(cycle)s: it starts on %(day)s; its objectives are followed from then.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars), _block_vars=_block_vars)
            _block_vars['none_stale'] = l_0_none_stale
        elif (not (undefined(name='followed') if l_0_followed is missing else l_0_followed)):
            pass
            l_0_none_stale = context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stale objectives in %(cycle)s: none of its objectives is active; drafts and dropped objectives are not followed.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), _block_vars=_block_vars)
            _block_vars['none_stale'] = l_0_none_stale
        else:
            pass
            l_0_none_stale = context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stale objectives in %(cycle)s: none of its running objectives has gone too long without a check-in.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), _block_vars=_block_vars)
            _block_vars['none_stale'] = l_0_none_stale
        if (undefined(name='stale') if l_0_stale is missing else l_0_stale):
            pass
            yield '  <p class="meta">Am längsten ohne Check-in zuerst; jedes steht auch unter „Braucht Aufmerksamkeit“.</p>\n'
        yield '  '
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='stale') if l_0_stale is missing else l_0_stale), (undefined(name='none_stale') if l_0_none_stale is missing else l_0_none_stale), False, _block_vars=_block_vars))
        yield '\n'
        if (undefined(name='stale_more') if l_0_stale_more is missing else l_0_stale_more):
            pass
            yield '<p class="meta">'
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d more stale objective.', '%(num)d more stale objectives.', (undefined(name='stale_more') if l_0_stale_more is missing else l_0_stale_more), _block_vars=_block_vars))
            yield ' <a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape((undefined(name='attention_page') if l_0_attention_page is missing else l_0_attention_page))
            yield '#stale">Alle veralteten Ziele</a></p>'
        yield '</section>\n'
    yield '<section aria-labelledby="latest">\n  <h2 id="latest">Neueste Check-ins</h2>\n'
    if (undefined(name='latest') if l_0_latest is missing else l_0_latest):
        pass
        yield '  <ul class="compact">\n'
        for l_1_c in (undefined(name='latest') if l_0_latest is missing else l_0_latest):
            _loop_vars = {}
            pass
            yield '    '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'checkin_line.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), checkin=l_1_c, _loop_vars=_loop_vars))
            yield '\n'
        l_1_c = missing
        yield '  </ul>\n  <p><a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield 'checkins/index.html">Alle Check-ins</a></p>\n'
    else:
        pass
        yield '<p class="muted">Noch keine Check-ins.</p>'
    yield '</section>\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=92&5=94&6=99&8=102&9=108&10=113&11=118&12=120&13=123&14=125&20=143&22=147&24=150&25=152&26=156&29=159&30=167&31=172&32=177&35=186&39=189&40=193&42=196&44=198&45=201&46=203&48=205&50=211&51=214&54=217&55=220&58=227&59=231&60=239&61=241&62=246&63=251&64=259&66=261&67=266&68=269&69=273&71=276&72=286&74=296&77=299&79=302&80=306&88=315&89=318&92=328&96=331&97=335&98=339&99=343&100=349&101=351&104=355&105=357&110=367&112=370&113=374&116=378'