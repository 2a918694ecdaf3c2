from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/chart_table.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_chart = resolve('chart')
    l_0__ = resolve('_')
    l_0_caption = resolve('caption')
    l_0_folded = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    l_0_folded = (t_1((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series'))) > 31)
    context.vars['folded'] = l_0_folded
    context.exported_vars.add('folded')
    if (undefined(name='folded') if l_0_folded is missing else l_0_folded):
        pass
        yield '<details class="chart-table-more"><summary>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'All %(count)s values', count=t_1((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series')))))
        yield '</summary>\n'
    yield '<table class="chart-table">\n<caption>'
    yield escape((undefined(name='caption') if l_0_caption is missing else l_0_caption))
    yield '</caption>\n<thead><tr><th scope="col">Date</th><th scope="col">Value</th></tr></thead>\n<tbody>'
    l_1_loop = missing
    for (l_1_d, l_1_v), l_1_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series')), undefined):
        l_1_day = resolve('day')
        l_1_percent = resolve('percent')
        l_1_with_unit = resolve('with_unit')
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), l_1_d, _loop_vars=_loop_vars))
        yield '</td><td>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'percent', missing)) is not missing else environment.getattr(_attr_owner, 'percent')):
            pass
            yield escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), l_1_v, _loop_vars=_loop_vars))
        else:
            pass
            yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), l_1_v, (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'index0', missing)) is not missing else environment.getattr(_attr_owner, 'index0'))) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4), _loop_vars=_loop_vars))
        yield '</td></tr>'
    l_1_loop = l_1_d = l_1_v = l_1_day = l_1_percent = l_1_with_unit = missing
    yield '</tbody>\n</table>'
    if (undefined(name='folded') if l_0_folded is missing else l_0_folded):
        pass
        yield '</details>'

blocks = {}
debug_info = '6=27&7=30&10=36&12=39&14=57'