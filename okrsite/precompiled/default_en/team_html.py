from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'team.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'team.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'team.html')._get_default_module(context)
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
    l_0_ancestors = resolve('ancestors')
    l_0_url = resolve('url')
    l_0_tid = resolve('tid')
    l_0_title = resolve('title')
    l_0_team = resolve('team')
    l_0__ = resolve('_')
    l_0_partial = resolve('partial')
    l_0_person = resolve('person')
    l_0_streak = resolve('streak')
    l_0_sections = resolve('sections')
    l_0_body = resolve('body')
    l_0_kpi_ids = resolve('kpi_ids')
    l_0_goal_ids = resolve('goal_ids')
    l_0_m = resolve('m')
    l_0_subteams = resolve('subteams')
    l_0_members = resolve('members')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'teams/index.html">Teams</a></li>'
    for l_1_above in (undefined(name='ancestors') if l_0_ancestors is missing else l_0_ancestors):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'team_link', missing)) is not missing else environment.getattr(_attr_owner, 'team_link')), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_above, _loop_vars=_loop_vars))
        yield '</li>'
    l_1_above = missing
    yield '<li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'team', (undefined(name='tid') if l_0_tid is missing else l_0_tid), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</bdi></a></li></ol></nav>\n<h1 dir="auto">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n'
    if ((undefined(name='team') if l_0_team is missing else l_0_team) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='team') if l_0_team is missing else l_0_team), 'lead', missing)) is not missing else environment.getattr(_attr_owner, 'lead'))):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Lead'), _block_vars=_block_vars))
        yield ' '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=context.call((undefined(name='person') if l_0_person is missing else l_0_person), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='team') if l_0_team is missing else l_0_team), 'lead', missing)) is not missing else environment.getattr(_attr_owner, 'lead')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'streak.html', streak=(undefined(name='streak') if l_0_streak is missing else l_0_streak), _block_vars=_block_vars))
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'cycle_links.html', sections=(undefined(name='sections') if l_0_sections is missing else l_0_sections), _block_vars=_block_vars))
    yield '\n'
    if (undefined(name='body') if l_0_body is missing else l_0_body):
        pass
        yield '<div class="prose" dir="auto">'
        yield escape(t_1((undefined(name='body') if l_0_body is missing else l_0_body)))
        yield '</div>'
    t_2 = 1
    for l_1_sec in (undefined(name='sections') if l_0_sections is missing else l_0_sections):
        l_1_anchor = resolve('anchor')
        l_1_cycle_title = resolve('cycle_title')
        _loop_vars = {}
        pass
        yield '<section aria-labelledby="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
        yield '">\n<h2 id="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Objectives in %(cycle)s', cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')):
            pass
            yield ' <span class="muted">(current cycle)</span>'
        yield '</h2>\n'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'summary_block', missing)) is not missing else environment.getattr(_attr_owner, 'summary_block')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'summary', missing)) is not missing else environment.getattr(_attr_owner, 'summary')), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of team %(name)s in %(cycle)s', name=(undefined(name='title') if l_0_title is missing else l_0_title), cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'sub_ids', missing)) is not missing else environment.getattr(_attr_owner, 'sub_ids')):
            pass
            yield '<p class="meta">Progress and counts include the objectives of its sub-teams.</p>\n'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'ids', missing)) is not missing else environment.getattr(_attr_owner, 'ids')), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No objectives of its own in %(cycle)s.', cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'sub_ids', missing)) is not missing else environment.getattr(_attr_owner, 'sub_ids')):
            pass
            yield '<h3>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Objectives of its sub-teams in %(cycle)s', cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '</h3>\n'
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'sub_ids', missing)) is not missing else environment.getattr(_attr_owner, 'sub_ids')), _loop_vars=_loop_vars))
            yield '\n'
        yield '</section>\n'
        t_2 = 0
    l_1_sec = l_1_anchor = l_1_cycle_title = missing
    if t_2:
        pass
        yield '<h2>Objectives</h2>\n<p class="muted">No objectives.</p>\n'
    if (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
        pass
        yield '<h2>KPIs</h2><ul class="tiles">'
        for l_1_id in (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
            _loop_vars = {}
            pass
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'kpi_tile', missing)) is not missing else environment.getattr(_attr_owner, 'kpi_tile')), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_id, _loop_vars=_loop_vars))
        l_1_id = missing
        yield '</ul>'
    if (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids):
        pass
        yield '<h2>SMART goals</h2>'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids), _block_vars=_block_vars))
    if (undefined(name='subteams') if l_0_subteams is missing else l_0_subteams):
        pass
        yield '<h2>Sub-teams</h2><ul>'
        for l_1_t in (undefined(name='subteams') if l_0_subteams is missing else l_0_subteams):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'team_link', missing)) is not missing else environment.getattr(_attr_owner, 'team_link')), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_t, _loop_vars=_loop_vars))
            yield '</li>'
        l_1_t = missing
        yield '</ul>'
    if (undefined(name='members') if l_0_members is missing else l_0_members):
        pass
        yield '<h2>Members</h2><ul>'
        for l_1_p in (undefined(name='members') if l_0_members is missing else l_0_members):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=context.call((undefined(name='person') if l_0_person is missing else l_0_person), l_1_p, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '</li>'
        l_1_p = missing
        yield '</ul>'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=52&5=67&6=69&7=76&8=79&9=85&10=91&11=93&12=100&13=102&14=105&15=107&16=112&22=120&23=129&24=133&25=144'