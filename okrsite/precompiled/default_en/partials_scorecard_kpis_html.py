from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scorecard_kpis.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_card = resolve('card')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h3>'
    yield escape((Markup("KPI health at the cycle's end") if environment.getattr((undefined(name='card') if l_0_card is missing else l_0_card), 'final') else Markup('KPI health today')))
    yield '</h3>\n'
    if environment.getattr((undefined(name='card') if l_0_card is missing else l_0_card), 'kpis'):
        pass
        yield '<table class="scorecard-kpis stack">\n<thead><tr><th scope="col">KPI</th><th scope="col">Value</th><th scope="col">Date</th><th scope="col">Health</th><th scope="col">Trend</th></tr></thead>\n<tbody>\n'
        for l_1_row in environment.getattr((undefined(name='card') if l_0_card is missing else l_0_card), 'kpis'):
            l_1_root = resolve('root')
            l_1_with_unit = resolve('with_unit')
            l_1_day = resolve('day')
            l_1_partial = resolve('partial')
            _loop_vars = {}
            pass
            yield '<tr data-kpi="'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'kpi'), 'id'))
            yield '"><th scope="row"><a href="'
            yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
            yield escape(environment.getattr(environment.getattr(l_1_row, 'kpi'), 'url'))
            yield '"><bdi>'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'kpi'), 'name'))
            yield '</bdi></a></th><td data-label="Value">'
            yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), environment.getattr(l_1_row, 'value'), environment.getattr(l_1_row, 'unit'), environment.getattr(l_1_row, 'value_places'), _loop_vars=_loop_vars))
            yield '</td><td data-label="Date">'
            if environment.getattr(l_1_row, 'date'):
                pass
                yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), environment.getattr(l_1_row, 'date'), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td><td data-label="Health" data-figure="health" data-health="'
            yield escape(environment.getattr(l_1_row, 'health'))
            yield '">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'health_badge.html', health=environment.getattr(l_1_row, 'health'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_row, 'stale'):
                pass
                yield ' '
                yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'stale_flag.html', _loop_vars=_loop_vars))
            yield '</td><td data-label="Trend">'
            if environment.getattr(l_1_row, 'trend'):
                pass
                yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'trend.html', trend=environment.getattr(l_1_row, 'trend'), meaning=environment.getattr(l_1_row, 'trend_meaning'), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td></tr>\n'
        l_1_row = l_1_root = l_1_with_unit = l_1_day = l_1_partial = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="muted">No KPIs.</p>'

blocks = {}
debug_info = '3=19&4=21&8=24'