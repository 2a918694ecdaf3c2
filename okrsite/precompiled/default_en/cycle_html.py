from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cycle.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'cycle.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'cycle.html')._get_default_module(context)
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
    l_0_cyc = resolve('cyc')
    l_0_cycle_title = resolve('cycle_title')
    l_0_title = resolve('title')
    l_0_day = resolve('day')
    l_0_m = resolve('m')
    l_0_summary = resolve('summary')
    l_0__ = resolve('_')
    l_0_card = resolve('card')
    l_0_markup = resolve('markup')
    l_0_partial = resolve('partial')
    l_0_ids = resolve('ids')
    l_0_exports = resolve('exports')
    l_0_goal_ids = resolve('goal_ids')
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
    yield '<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'cycles/index.html">Cycles</a></li><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
    yield '</bdi></a></li></ol></nav>\n<h1 dir="auto">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n<p class="meta">'
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _block_vars=_block_vars))
    yield ' – '
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars))
    yield '</p>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'summary_block', missing)) is not missing else environment.getattr(_attr_owner, 'summary_block')), (undefined(name='summary') if l_0_summary is missing else l_0_summary), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Overall progress of %(name)s', name=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cyc') if l_0_cyc is missing else l_0_cyc), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '\n'
    if (undefined(name='card') if l_0_card is missing else l_0_card):
        pass
        yield '<section aria-labelledby="scorecard" class="scorecard">\n<h2 id="scorecard">Scorecard</h2>\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')):
            pass
            yield '<p class="scorecard-state">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Final: the cycle ended on %(day)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>\n'
        else:
            pass
            yield '<p class="scorecard-state preview">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<strong>%s</strong>', _block_vars=_block_vars), Markup('Preview')), _block_vars=_block_vars))
            yield ' '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "the cycle runs until %(end)s; these are the figures it would end with at today's progress (as of %(day)s).", end=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'as_of', missing)) is not missing else environment.getattr(_attr_owner, 'as_of')), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '</p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'scorecard_summary.html', card=(undefined(name='card') if l_0_card is missing else l_0_card), _block_vars=_block_vars))
        yield '\n'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'scorecard_commitment.html', card=(undefined(name='card') if l_0_card is missing else l_0_card), _block_vars=_block_vars))
        yield '\n'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'scorecard_teams.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), card=(undefined(name='card') if l_0_card is missing else l_0_card), _block_vars=_block_vars))
        yield '\n'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'scorecard_least_moved.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), card=(undefined(name='card') if l_0_card is missing else l_0_card), _block_vars=_block_vars))
        yield '\n'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'scorecard_kpis.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), card=(undefined(name='card') if l_0_card is missing else l_0_card), _block_vars=_block_vars))
        yield '\n</section>\n'
    yield '<h2>Objectives</h2>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='ids') if l_0_ids is missing else l_0_ids), _block_vars=_block_vars))
    yield '\n'
    if (undefined(name='exports') if l_0_exports is missing else l_0_exports):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Scorecard data'), _block_vars=_block_vars))
        yield ' <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='exports') if l_0_exports is missing else l_0_exports), 'json', missing)) is not missing else environment.getattr(_attr_owner, 'json')))
        yield '">JSON</a> · <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='exports') if l_0_exports is missing else l_0_exports), 'csv', missing)) is not missing else environment.getattr(_attr_owner, 'csv')))
        yield '">CSV</a></p>'
    if (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids):
        pass
        yield '<h2>SMART goals</h2>'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids), _block_vars=_block_vars))

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=56&5=63&6=65&7=69&8=71&11=74&12=82&13=86&14=88&15=90&16=92&17=94&21=97&22=99&23=110'