from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_obj_list = l_0_summary_block = l_0_kpi_tile = l_0_goal_list = l_0_team_link = l_0_edit_link = missing
    try:
        t_1 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
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
    def macro(l_1_root, l_1_ids, l_1_empty, l_1_filters):
        t_4 = []
        l_1_partial = resolve('partial')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_ids is missing:
            l_1_ids = undefined("parameter 'ids' was not provided", name='ids')
        if l_1_empty is missing:
            l_1_empty = None
        if l_1_filters is missing:
            l_1_filters = True
        pass
        if l_1_ids:
            pass
            if l_1_filters:
                pass
                t_4.extend((
                    escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'list_filters.html')),
                    '\n',
                ))
            t_4.append(
                '<ul class="objs">\n',
            )
            for l_2_id in l_1_ids:
                l_2_objective_item = resolve('objective_item')
                _loop_vars = {}
                pass
                t_4.extend((
                    escape(context.call((undefined(name='objective_item') if l_2_objective_item is missing else l_2_objective_item), l_1_root, l_2_id, _loop_vars=_loop_vars)),
                    '\n',
                ))
            l_2_id = l_2_objective_item = missing
            t_4.append(
                '</ul>\n',
            )
        else:
            pass
            t_4.extend((
                '<p class="muted">',
                escape((Markup('No objectives.') if t_3(l_1_empty) else l_1_empty)),
                '</p>',
            ))
        return concat(t_4)
    context.exported_vars.add('obj_list')
    context.vars['obj_list'] = l_0_obj_list = Macro(environment, macro, 'obj_list', ('root', 'ids', 'empty', 'filters'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_sm, l_1_label, l_1_link):
        t_5 = []
        l_1_partial = resolve('partial')
        l_1_ngettext = resolve('ngettext')
        l_1__ = resolve('_')
        l_1_total = missing
        if l_1_sm is missing:
            l_1_sm = undefined("parameter 'sm' was not provided", name='sm')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_link is missing:
            l_1_link = None
        pass
        t_5.extend((
            '<div class="summary">\n  <p class="big">',
            escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=l_1_label, status=None)),
            '</p>\n  <p>',
        ))
        l_1_total = context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d objective', '%(num)d objectives', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'counts', missing)) is not missing else environment.getattr(_attr_owner, 'counts')):
            pass
            t_5.extend((
                escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), '%(label)s:', label=(undefined(name='total') if l_1_total is missing else l_1_total))),
                ' ',
            ))
            l_2_loop = missing
            for (l_2_st, l_2_n), l_2_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'counts', missing)) is not missing else environment.getattr(_attr_owner, 'counts')), undefined):
                _loop_vars = {}
                pass
                if l_1_link:
                    pass
                    t_5.extend((
                        '<a href="',
                        escape(l_1_link),
                        '?status=',
                        escape(l_2_st),
                        '">',
                        escape(l_2_n),
                        ' ',
                        escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'status_badge.html', status=l_2_st, _loop_vars=_loop_vars)),
                        '</a>',
                    ))
                else:
                    pass
                    t_5.extend((
                        escape(l_2_n),
                        ' ',
                        escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'status_badge.html', status=l_2_st, _loop_vars=_loop_vars)),
                    ))
                t_5.append(
                    escape((', ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_2_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 18 in 'macros.html' evaluated to false and no else section was defined."))),
                )
            l_2_loop = l_2_st = l_2_n = missing
        else:
            pass
            t_5.append(
                escape((undefined(name='total') if l_1_total is missing else l_1_total)),
            )
        t_5.append(
            '</p>\n</div>',
        )
        return concat(t_5)
    context.exported_vars.add('summary_block')
    context.vars['summary_block'] = l_0_summary_block = Macro(environment, macro, 'summary_block', ('sm', 'label', 'link'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_root, l_1_id):
        t_6 = []
        l_1_kpi_records = resolve('kpi_records')
        l_1_kpi_scores = resolve('kpi_scores')
        l_1_url = resolve('url')
        l_1_with_unit = resolve('with_unit')
        l_1_kpi_sparkline = resolve('kpi_sparkline')
        l_1_partial = resolve('partial')
        l_1__ = resolve('_')
        l_1_day = resolve('day')
        l_1_k = l_1_ks = l_1_spark = missing
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_id is missing:
            l_1_id = undefined("parameter 'id' was not provided", name='id')
        pass
        l_1_k = environment.getitem((undefined(name='kpi_records') if l_1_kpi_records is missing else l_1_kpi_records), l_1_id)
        l_1_ks = environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), l_1_id)
        t_6.extend((
            '<li class="tile health-border-',
            escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health'))),
            '">\n  <a href="',
            escape(l_1_root),
            escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'kpi', l_1_id)),
            '"><bdi>',
            escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
            '</bdi></a>\n  <span class="tile-value">',
            escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'value_places', missing)) is not missing else environment.getattr(_attr_owner, 'value_places')))),
        ))
        l_1_spark = context.call((undefined(name='kpi_sparkline') if l_1_kpi_sparkline is missing else l_1_kpi_sparkline), l_1_id)
        if (undefined(name='spark') if l_1_spark is missing else l_1_spark):
            pass
            t_6.extend((
                ' ',
                escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'sparkline.svg', chart=(undefined(name='spark') if l_1_spark is missing else l_1_spark), title=context.call((undefined(name='_') if l_1__ is missing else l_1__), '%(name)s values', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))))),
            ))
        t_6.extend((
            '</span>\n  <span>',
            escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')))),
        ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
            pass
            t_6.extend((
                ' ',
                escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'stale_flag.html')),
            ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')):
            pass
            t_6.extend((
                ' <span class="trend">trend ',
                escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'trend.html', trend=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')), meaning=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'trend_meaning', missing)) is not missing else environment.getattr(_attr_owner, 'trend_meaning')))),
                '</span>',
            ))
        t_6.append(
            '</span>\n',
        )
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')):
            pass
            t_6.extend((
                '<span class="meta">',
                escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), 'as of %(day)s', day=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date'))))),
                '</span>',
            ))
        t_6.append(
            '</li>',
        )
        return concat(t_6)
    context.exported_vars.add('kpi_tile')
    context.vars['kpi_tile'] = l_0_kpi_tile = Macro(environment, macro, 'kpi_tile', ('root', 'id'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_root, l_1_ids):
        t_7 = []
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_ids is missing:
            l_1_ids = undefined("parameter 'ids' was not provided", name='ids')
        pass
        t_7.append(
            '<ul class="objs">\n',
        )
        l_2_loop = missing
        for l_2_id, l_2_loop in LoopContext(l_1_ids, undefined):
            l_2_goal_records = resolve('goal_records')
            l_2_goal_scores = resolve('goal_scores')
            l_2_url = resolve('url')
            l_2_team_owned_goals = resolve('team_owned_goals')
            l_2_partial = resolve('partial')
            l_2_team = resolve('team')
            l_2_person = resolve('person')
            l_2__ = resolve('_')
            l_2_day = resolve('day')
            l_2_cycle_title = resolve('cycle_title')
            l_2_g = l_2_gs = missing
            _loop_vars = {}
            pass
            l_2_g = environment.getitem((undefined(name='goal_records') if l_2_goal_records is missing else l_2_goal_records), l_2_id)
            _loop_vars['g'] = l_2_g
            l_2_gs = environment.getitem((undefined(name='goal_scores') if l_2_goal_scores is missing else l_2_goal_scores), l_2_id)
            _loop_vars['gs'] = l_2_gs
            t_7.extend((
                '<li class="obj">\n  <a class="obj-title" href="',
                escape(l_1_root),
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), 'goal', l_2_id, _loop_vars=_loop_vars)),
                '"><bdi>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
                '</bdi></a>\n  <span class="meta">',
            ))
            if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) in (undefined(name='team_owned_goals') if l_2_team_owned_goals is missing else l_2_team_owned_goals)):
                pass
                t_7.append(
                    escape(context.call((undefined(name='partial') if l_2_partial is missing else l_2_partial), 'team_link.html', root=l_1_root, team=context.call((undefined(name='team') if l_2_team is missing else l_2_team), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                )
            else:
                pass
                t_7.append(
                    escape(context.call((undefined(name='partial') if l_2_partial is missing else l_2_partial), 'person_link.html', root=l_1_root, person=context.call((undefined(name='person') if l_2_person is missing else l_2_person), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                )
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'due', missing)) is not missing else environment.getattr(_attr_owner, 'due')):
                pass
                t_7.extend((
                    ' · ',
                    escape(context.call((undefined(name='_') if l_2__ is missing else l_2__), 'due %(day)s', day=context.call((undefined(name='day') if l_2_day is missing else l_2_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'due', missing)) is not missing else environment.getattr(_attr_owner, 'due')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                ))
            elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')):
                pass
                t_7.extend((
                    ' · <bdi>',
                    escape(context.call((undefined(name='cycle_title') if l_2_cycle_title is missing else l_2_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars)),
                    '</bdi>',
                ))
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_2_gs is missing else l_2_gs), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue')):
                pass
                t_7.append(
                    ' · <span class="overdue">overdue</span>',
                )
            t_7.append(
                ' · SMART ',
            )
            l_3_loop = missing
            for l_3_letter, l_3_loop in LoopContext('SMART', undefined):
                l_3_met = missing
                _loop_vars = {}
                pass
                l_3_met = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_2_gs is missing else l_2_gs), 'smart', missing)) is not missing else environment.getattr(_attr_owner, 'smart')), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), l_3_letter, _loop_vars=_loop_vars)
                _loop_vars['met'] = l_3_met
                t_7.extend((
                    '<span class="smart-letter smart-',
                    escape(('yes' if (undefined(name='met') if l_3_met is missing else l_3_met) else 'no')),
                    '"><span aria-hidden="true">',
                    escape((l_3_letter if (undefined(name='met') if l_3_met is missing else l_3_met) else t_1(l_3_letter))),
                    '</span><span class="visually-hidden">',
                    escape((context.call((undefined(name='_') if l_2__ is missing else l_2__), '%(letter)s: met', letter=l_3_letter, _loop_vars=_loop_vars) if (undefined(name='met') if l_3_met is missing else l_3_met) else context.call((undefined(name='_') if l_2__ is missing else l_2__), '%(letter)s: not met', letter=l_3_letter, _loop_vars=_loop_vars))),
                    escape((',' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_3_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 37 in 'macros.html' evaluated to false and no else section was defined."))),
                    ' </span></span>',
                ))
            l_3_loop = l_3_letter = l_3_met = missing
            t_7.extend((
                '</span>\n  <span class="obj-score">',
                escape(context.call((undefined(name='partial') if l_2_partial is missing else l_2_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_2_gs is missing else l_2_gs), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_2__ is missing else l_2__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_2_g is missing else l_2_g), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')), _loop_vars=_loop_vars), status=None, _loop_vars=_loop_vars)),
                '</span>\n</li>\n',
            ))
        l_2_loop = l_2_id = l_2_goal_records = l_2_g = l_2_goal_scores = l_2_gs = l_2_url = l_2_team_owned_goals = l_2_partial = l_2_team = l_2_person = l_2__ = l_2_day = l_2_cycle_title = missing
        t_7.append(
            '</ul>',
        )
        return concat(t_7)
    context.exported_vars.add('goal_list')
    context.vars['goal_list'] = l_0_goal_list = Macro(environment, macro, 'goal_list', ('root', 'ids'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_root, l_1_id):
        t_8 = []
        l_1_partial = resolve('partial')
        l_1_team = resolve('team')
        if l_1_root is missing:
            l_1_root = undefined("parameter 'root' was not provided", name='root')
        if l_1_id is missing:
            l_1_id = undefined("parameter 'id' was not provided", name='id')
        pass
        t_8.append(
            escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'team_link.html', root=l_1_root, team=context.call((undefined(name='team') if l_1_team is missing else l_1_team), l_1_id))),
        )
        return concat(t_8)
    context.exported_vars.add('team_link')
    context.vars['team_link'] = l_0_team_link = Macro(environment, macro, 'team_link', ('root', 'id'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_edit):
        t_9 = []
        if l_1_edit is missing:
            l_1_edit = undefined("parameter 'edit' was not provided", name='edit')
        pass
        if l_1_edit:
            pass
            t_9.extend((
                '<p class="edit"><a href="',
                escape(l_1_edit),
                '" rel="nofollow">Edit this file</a></p>',
            ))
        return concat(t_9)
    context.exported_vars.add('edit_link')
    context.vars['edit_link'] = l_0_edit_link = Macro(environment, macro, 'edit_link', ('edit',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '5=30&6=42&7=44&9=53&12=69&15=76&17=91&18=94&22=141&23=157&24=161&25=163&26=168&27=179&28=197&32=211&34=222&36=242&37=248&38=299&46=309&47=319&49=324&50=329'