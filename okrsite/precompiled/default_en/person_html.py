from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'person.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'person.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'person.html')._get_default_module(context)
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
    l_0_pid = resolve('pid')
    l_0_title = resolve('title')
    l_0_person = resolve('person')
    l_0_teams = resolve('teams')
    l_0_partial = resolve('partial')
    l_0_streak = resolve('streak')
    l_0_sections = resolve('sections')
    l_0_body = resolve('body')
    l_0_kpi_ids = resolve('kpi_ids')
    l_0_goal_ids = resolve('goal_ids')
    l_0_m = resolve('m')
    l_0_checkins = resolve('checkins')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'people/index.html">People</a></li><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'person', (undefined(name='pid') if l_0_pid is missing else l_0_pid), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</bdi></a></li></ol></nav>\n<h1 dir="auto">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n'
    if ((undefined(name='person') if l_0_person is missing else l_0_person) or (undefined(name='teams') if l_0_teams is missing else l_0_teams)):
        pass
        yield '<p class="meta">'
        if ((undefined(name='person') if l_0_person is missing else l_0_person) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='person') if l_0_person is missing else l_0_person), 'role', missing)) is not missing else environment.getattr(_attr_owner, 'role'))):
            pass
            yield '<bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='person') if l_0_person is missing else l_0_person), 'role', missing)) is not missing else environment.getattr(_attr_owner, 'role')))
            yield '</bdi>'
        l_1_loop = missing
        for l_1_t, l_1_loop in LoopContext((undefined(name='teams') if l_0_teams is missing else l_0_teams), undefined):
            l_1_team = resolve('team')
            _loop_vars = {}
            pass
            if (((undefined(name='person') if l_0_person is missing else l_0_person) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='person') if l_0_person is missing else l_0_person), 'role', missing)) is not missing else environment.getattr(_attr_owner, 'role'))) or (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'first', missing)) is not missing else environment.getattr(_attr_owner, 'first')))):
                pass
                yield ' · '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=context.call((undefined(name='team') if l_1_team is missing else l_1_team), l_1_t, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        l_1_loop = l_1_t = l_1_team = missing
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
        l_1__ = resolve('_')
        l_1_cycle_title = resolve('cycle_title')
        _loop_vars = {}
        pass
        yield '<section aria-labelledby="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
        yield '">\n<h2 id="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), 'Objectives owned in %(cycle)s', cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')):
            pass
            yield ' <span class="muted">(current cycle)</span>'
        yield '</h2>\n'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'summary_block', missing)) is not missing else environment.getattr(_attr_owner, 'summary_block')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'summary', missing)) is not missing else environment.getattr(_attr_owner, 'summary')), context.call((undefined(name='_') if l_1__ is missing else l_1__), 'Progress of objectives owned by %(name)s in %(cycle)s', name=(undefined(name='title') if l_0_title is missing else l_0_title), cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '\n'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'ids', missing)) is not missing else environment.getattr(_attr_owner, 'ids')), context.call((undefined(name='_') if l_1__ is missing else l_1__), 'No objectives in %(cycle)s.', cycle=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '\n</section>\n'
        t_2 = 0
    l_1_sec = l_1_anchor = l_1__ = l_1_cycle_title = missing
    if t_2:
        pass
        yield '<h2>Objectives</h2>\n<p class="muted">No objectives.</p>\n'
    if (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
        pass
        yield '<h2>KPIs owned</h2><ul class="tiles">'
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
    if (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
        pass
        yield '<h2>Recent check-ins</h2>\n<div class="timeline">'
        for l_1_c in (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
            l_1_checkin_block = resolve('checkin_block')
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='checkin_block') if l_1_checkin_block is missing else l_1_checkin_block), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_c, _loop_vars=_loop_vars))
        l_1_c = l_1_checkin_block = missing
        yield '</div>'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=49&5=56&6=58&7=77&8=80&9=86&10=93&11=95&12=102&13=104&19=111&20=120&21=124&22=127'