from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cycles.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'cycles.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'cycles.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_rows = resolve('rows')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Cycles</h1>\n'
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        yield '<ul class="objs">\n'
        for (l_1_cyc, l_1_sm) in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            l_1_root = resolve('root')
            l_1_url = resolve('url')
            l_1_cycle_title = resolve('cycle_title')
            l_1_day = resolve('day')
            l_1_ngettext = resolve('ngettext')
            l_1_current = resolve('current')
            l_1_as_of = resolve('as_of')
            l_1_partial = resolve('partial')
            l_1__ = resolve('_')
            _loop_vars = {}
            pass
            yield '<li class="obj"><a class="obj-title" href="'
            yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
            yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape(context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars))
            yield '</bdi></a> <span class="meta">'
            yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), _loop_vars=_loop_vars))
            yield ' – '
            yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _loop_vars=_loop_vars))
            yield ' · '
            yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(num)d objective', '%(num)d objectives', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')), _loop_vars=_loop_vars))
            if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')) == (undefined(name='current') if l_1_current is missing else l_1_current)):
                pass
                yield ' · <strong>current</strong>'
            if ((undefined(name='as_of') if l_1_as_of is missing else l_1_as_of) < (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start'))):
                pass
                yield ' · <span class="cycle-state" data-cycle-state="upcoming">upcoming</span>'
            elif ((undefined(name='as_of') if l_1_as_of is missing else l_1_as_of) > (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end'))):
                pass
                yield ' · <span class="cycle-state" data-cycle-state="over">ended</span>'
            yield '</span> <span class="obj-score">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_1__ is missing else l_1__), 'Progress of cycle %(name)s', name=context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_cyc, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars), _loop_vars=_loop_vars), status=None, _loop_vars=_loop_vars))
            yield '</span></li>\n'
        l_1_cyc = l_1_sm = l_1_root = l_1_url = l_1_cycle_title = l_1_day = l_1_ngettext = l_1_current = l_1_as_of = l_1_partial = l_1__ = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="muted">No cycles.</p>'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&8=36&10=39&11=52'