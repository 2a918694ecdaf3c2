from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'kpi_tree.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = l_0_node = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    parent_template = environment.get_template('base.html', 'kpi_tree.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'kpi_tree.html')._get_default_module(context)
    context.exported_vars.discard('m')
    def macro(l_1_n):
        t_2 = []
        l_1_kpi_records = resolve('kpi_records')
        l_1_kpi_scores = resolve('kpi_scores')
        l_1_root = resolve('root')
        l_1_url = resolve('url')
        l_1_partial = resolve('partial')
        l_1_with_unit = resolve('with_unit')
        l_1_k = l_1_ks = missing
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        pass
        l_1_k = environment.getitem((undefined(name='kpi_records') if l_1_kpi_records is missing else l_1_kpi_records), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
        l_1_ks = environment.getitem((undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
        t_2.extend((
            '<li><a href="',
            escape((undefined(name='root') if l_1_root is missing else l_1_root)),
            escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'kpi', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))),
            '"><bdi>',
            escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
            '</bdi></a> ',
        ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'repeat', missing)) is not missing else environment.getattr(_attr_owner, 'repeat')):
            pass
            t_2.append(
                '<span class="meta">(oben gezeigt)</span>',
            )
        else:
            pass
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'indicator', missing)) is not missing else environment.getattr(_attr_owner, 'indicator')):
                pass
                t_2.extend((
                    '<span class="indicator indicator-',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'indicator', missing)) is not missing else environment.getattr(_attr_owner, 'indicator'))),
                    '">',
                    escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'leading': Markup('vorlaufend'), 'lagging': Markup('nachlaufend')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'indicator', missing)) is not missing else environment.getattr(_attr_owner, 'indicator')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'indicator', missing)) is not missing else environment.getattr(_attr_owner, 'indicator')))),
                    '</span> ',
                ))
            t_2.append(
                escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')))),
            )
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
                pass
                t_2.extend((
                    ' ',
                    escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'stale_flag.html')),
                ))
            t_2.extend((
                ' <span class="meta">',
                escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='k') if l_1_k is missing else l_1_k), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='ks') if l_1_ks is missing else l_1_ks), 'value_places', missing)) is not missing else environment.getattr(_attr_owner, 'value_places')))),
                '</span>',
            ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'children', missing)) is not missing else environment.getattr(_attr_owner, 'children')):
            pass
            t_2.append(
                '<ul>',
            )
            for l_2_c in (_attr_value if (_attr_value := getattr(_attr_owner := l_1_n, 'children', missing)) is not missing else environment.getattr(_attr_owner, 'children')):
                _loop_vars = {}
                pass
                t_2.append(
                    escape(context.call((undefined(name='node') if l_0_node is missing else l_0_node), l_2_c, _loop_vars=_loop_vars)),
                )
            l_2_c = missing
            t_2.append(
                '</ul>',
            )
        t_2.append(
            '</li>',
        )
        return concat(t_2)
    context.exported_vars.add('node')
    context.vars['node'] = l_0_node = Macro(environment, macro, 'node', ('n',), False, False, False, context.eval_ctx.autoescape)
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_kpi_ids = resolve('kpi_ids')
    l_0_tree = resolve('tree')
    l_0__ = resolve('_')
    l_0_markup = resolve('markup')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Kennzahlen</h1>\n'
    if (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
        pass
        yield '<p>Jede Kennzahl steht unter den Kennzahlen, die sie treibt: Ergebnisse (nachlaufend) oben, ihre vorlaufenden Treiber darunter.</p>\n'
        if (undefined(name='tree') if l_0_tree is missing else l_0_tree):
            pass
            yield '<ul class="tree kpi-tree">\n'
            for l_1_n in (undefined(name='tree') if l_0_tree is missing else l_0_tree):
                l_1_node = resolve('node')
                _loop_vars = {}
                pass
                yield escape(context.call((undefined(name='node') if l_1_node is missing else l_1_node), l_1_n, _loop_vars=_loop_vars))
            l_1_n = l_1_node = missing
            yield '</ul>\n'
        yield '<h2>Alle Kennzahlen</h2>\n<ul class="tiles">'
        for l_1_id in (undefined(name='kpi_ids') if l_0_kpi_ids is missing else l_0_kpi_ids):
            l_1_m = resolve('m')
            l_1_root = resolve('root')
            _loop_vars = {}
            pass
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_1_m is missing else l_1_m), 'kpi_tile', missing)) is not missing else environment.getattr(_attr_owner, 'kpi_tile')), (undefined(name='root') if l_1_root is missing else l_1_root), l_1_id, _loop_vars=_loop_vars))
        l_1_id = l_1_m = l_1_root = missing
        yield '</ul>'
    else:
        pass
        yield '<p class="muted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No KPIs yet: add one with %(command)s.', command=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>okrsite new kpi NAME</code>', _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>'

blocks = {'main': block_main}
debug_info = '1=19&2=22&3=24&4=36&5=40&6=76&9=99&11=118&13=121&15=124&19=132'