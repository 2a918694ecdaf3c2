from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/chart_table.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_caption = resolve('caption')
    l_0_chart = resolve('chart')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<table class="chart-table">\n<caption>'
    yield escape((undefined(name='caption') if l_0_caption is missing else l_0_caption))
    yield '</caption>\n<thead><tr><th scope="col">Datum</th><th scope="col">Wert'
    if environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit'):
        pass
        yield ' ('
        yield escape(environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit'))
        yield ')'
    yield '</th></tr></thead>\n<tbody>'
    for (l_1_d, l_1_v) in environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series'):
        l_1_day = resolve('day')
        l_1_pct = resolve('pct')
        l_1_num = resolve('num')
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), l_1_d, _loop_vars=_loop_vars))
        yield '</td><td>'
        if environment.getattr((undefined(name='chart') if l_0_chart is missing else l_0_chart), 'percent'):
            pass
            yield escape(context.call((undefined(name='pct') if l_1_pct is missing else l_1_pct), l_1_v, _loop_vars=_loop_vars))
        else:
            pass
            yield escape(context.call((undefined(name='num') if l_1_num is missing else l_1_num), l_1_v, _loop_vars=_loop_vars))
        yield '</td></tr>'
    l_1_d = l_1_v = l_1_day = l_1_pct = l_1_num = missing
    yield '</tbody>\n</table>'

blocks = {}
debug_info = '4=20&5=22&6=28'