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
    yield escape((Markup('Zustand der Kennzahlen am Ende des Zyklus') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('Zustand der Kennzahlen heute')))
    yield '</h3>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')):
        pass
        yield '<table class="scorecard-kpis stack">\n<thead><tr><th scope="col">Kennzahl</th><th scope="col">Wert</th><th scope="col">Datum</th><th scope="col">Zustand</th><th scope="col">Tendenz</th></tr></thead>\n<tbody>\n'
        for l_1_row in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')):
            l_1_root = resolve('root')
            l_1_with_unit = resolve('with_unit')
            l_1_day = resolve('day')
            l_1_partial = resolve('partial')
            _loop_vars = {}
            pass
            yield '<tr data-kpi="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
            yield '"><th scope="row"><a href="'
            yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '</bdi></a></th><td data-label="Wert">'
            yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'value_places', missing)) is not missing else environment.getattr(_attr_owner, 'value_places')), _loop_vars=_loop_vars))
            yield '</td><td data-label="Datum">'
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')):
                pass
                yield escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td><td data-label="Zustand" data-figure="health" data-health="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')))
            yield '">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'health_badge.html', health=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'health', missing)) is not missing else environment.getattr(_attr_owner, 'health')), _loop_vars=_loop_vars))
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
                pass
                yield ' '
                yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'stale_flag.html', _loop_vars=_loop_vars))
            yield '</td><td data-label="Tendenz">'
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')):
                pass
                yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'trend.html', trend=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'trend', missing)) is not missing else environment.getattr(_attr_owner, 'trend')), meaning=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'trend_meaning', missing)) is not missing else environment.getattr(_attr_owner, 'trend_meaning')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td></tr>\n'
        l_1_row = l_1_root = l_1_with_unit = l_1_day = l_1_partial = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="muted">Keine Kennzahlen.</p>'

blocks = {}
debug_info = '3=19&4=21&8=24'