from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'people.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'people.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'people.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_cycle = resolve('cycle')
    l_0__ = resolve('_')
    l_0_markup = resolve('markup')
    l_0_root = resolve('root')
    l_0_url = resolve('url')
    l_0_cycle_title = resolve('cycle_title')
    l_0_rows = resolve('rows')
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
    yield '<h1>Personen</h1>\n'
    if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Figures for cycle %(cycle)s: a person's page lists their other cycles.", cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s%s"><bdi>%s</bdi></a>', _block_vars=_block_vars), (undefined(name='root') if l_0_root is missing else l_0_root), context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), _block_vars=_block_vars)), _block_vars=_block_vars))
        yield '</p>'
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        yield '<ul class="objs">\n'
        for (l_1_tid, l_1_name, l_1_sm) in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            l_1_owns = resolve('owns')
            l_1_partial = resolve('partial')
            l_1_own = missing
            _loop_vars = {}
            pass
            yield '<li class="obj"><a class="obj-title" href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'person', l_1_tid, _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape(l_1_name)
            yield '</bdi></a> '
            l_1_own = environment.getitem((undefined(name='owns') if l_1_owns is missing else l_1_owns), l_1_tid)
            _loop_vars['own'] = l_1_own
            yield '<span class="meta">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'owned_counts.html', sm=l_1_sm, own=(undefined(name='own') if l_1_own is missing else l_1_own), cycle=(undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), _loop_vars=_loop_vars))
            yield '</span> <span class="obj-score">'
            if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')))):
                pass
                yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=l_1_name, _loop_vars=_loop_vars), status=None, _loop_vars=_loop_vars))
            elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_sm, 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')) or (not ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_1_own is missing else l_1_own), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')) or (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_1_own is missing else l_1_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals'))))):
                pass
                yield '<span class="muted">–</span>'
            yield '</span></li>\n'
        l_1_tid = l_1_name = l_1_sm = l_1_owns = l_1_own = l_1_partial = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="muted">Keine Personen.</p>'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&5=54&6=59&8=62&9=69'