from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attention.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'attention.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'attention.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_ngettext = resolve('ngettext')
    l_0_limit = resolve('limit')
    l_0_markup = resolve('markup')
    l_0_root = resolve('root')
    l_0_attention = resolve('attention')
    l_0_partial = resolve('partial')
    l_0_stale = resolve('stale')
    l_0_m = resolve('m')
    l_0_cycle = resolve('cycle')
    l_0__ = resolve('_')
    l_0_cycle_title = resolve('cycle_title')
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Objectives that need attention</h1>\n<p class="lead">'
    yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Every objective of the dashboard’s “Needs attention” and “Stale objectives”, in their order; the %(dashboard)s lists the first of each.', 'Every objective of the dashboard’s “Needs attention” and “Stale objectives”, in their order; the %(dashboard)s lists the first %(num)d of each.', (undefined(name='limit') if l_0_limit is missing else l_0_limit), dashboard=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%sindex.html">%s</a>', _block_vars=_block_vars), (undefined(name='root') if l_0_root is missing else l_0_root), Markup('dashboard')), _block_vars=_block_vars))
    yield '</p><div'
    if (undefined(name='attention') if l_0_attention is missing else l_0_attention):
        pass
        yield ' data-filter-scope data-sort-default="each list’s own order"'
    yield '>\n<section aria-labelledby="attention">\n  <h2 id="attention">Needs attention <span class="muted">('
    yield escape(t_2((undefined(name='attention') if l_0_attention is missing else l_0_attention)))
    yield ')</span></h2>\n'
    if (undefined(name='attention') if l_0_attention is missing else l_0_attention):
        pass
        yield '  <p class="meta">Off track, at risk, stale, or with low confidence; worst first.</p>\n  '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'list_filters.html', _block_vars=_block_vars))
        yield '\n  <ul class="objs">'
        for l_1_entry in (undefined(name='attention') if l_0_attention is missing else l_0_attention):
            _loop_vars = {}
            pass
            yield '  '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'attention_item.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), entry=l_1_entry, cycle=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _loop_vars=_loop_vars))
        l_1_entry = missing
        yield '  </ul>\n'
    else:
        pass
        yield '<p class="muted">Nothing needs attention: every running objective is on track, recent and confident.</p>'
    yield '</section>\n<section aria-labelledby="stale">\n  <h2 id="stale">Stale objectives <span class="muted">('
    yield escape(t_2((undefined(name='stale') if l_0_stale is missing else l_0_stale)))
    yield ')</span></h2>\n'
    if (undefined(name='stale') if l_0_stale is missing else l_0_stale):
        pass
        yield '  <p class="meta">Longest without a check-in first; each is under “Needs attention” too.</p>\n'
    yield '  '
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='stale') if l_0_stale is missing else l_0_stale), (context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stale objectives in %(cycle)s: none of its running objectives has gone too long without a check-in.', cycle=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _block_vars=_block_vars), context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars)), _block_vars=_block_vars) if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle) else None), False, _block_vars=_block_vars))
    yield '\n</section>\n</div>\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&4=20&6=58&8=60&10=64&11=66&13=69&14=71&15=75&20=82&21=84&24=88'