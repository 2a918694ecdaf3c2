from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scorecard_least_moved.html'

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
    yield '<h3>Schlüsselergebnisse, die sich am wenigsten bewegt haben</h3>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'least_moved', missing)) is not missing else environment.getattr(_attr_owner, 'least_moved')):
        pass
        yield '<table class="scorecard-least stack">\n<thead><tr><th scope="col">Schlüsselergebnis</th><th scope="col">Ziel</th><th scope="col">Fortschritt</th><th scope="col">Aktuell / Zielwert</th><th scope="col">Check-ins</th></tr></thead>\n<tbody>\n'
        for l_1_row in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'least_moved', missing)) is not missing else environment.getattr(_attr_owner, 'least_moved')):
            l_1_root = resolve('root')
            l_1_percent_at = resolve('percent_at')
            l_1_lead = resolve('lead')
            l_1_with_unit = resolve('with_unit')
            _loop_vars = {}
            pass
            yield '<tr data-key-result="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
            yield '#'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
            yield '"><th scope="row"><a href="'
            yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '</bdi></a></th><td data-label="Ziel"><a href="'
            yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '</bdi></a></td><td data-label="Fortschritt" data-figure="progress">'
            yield escape(context.call((undefined(name='percent_at') if l_1_percent_at is missing else l_1_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places')), _loop_vars=_loop_vars))
            yield '</td><td data-label="Aktuell / Zielwert">'
            if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'boolean'):
                pass
                yield escape((Markup('erledigt') if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')) else Markup('nicht erledigt')))
            else:
                pass
                yield escape(context.call((undefined(name='lead') if l_1_lead is missing else l_1_lead), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'current_places', missing)) is not missing else environment.getattr(_attr_owner, 'current_places')), _loop_vars=_loop_vars))
                yield ' / '
                yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars))
            yield '</td><td data-label="Check-ins" data-figure="checkins">'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins')))
            yield '</td></tr>\n'
        l_1_row = l_1_root = l_1_percent_at = l_1_lead = l_1_with_unit = missing
        yield '</tbody>\n</table>\n'
    elif (not (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted'))):
        pass
        yield '<p class="muted">Keine gezählten Schlüsselergebnisse: Jedes Ziel ist ein Entwurf oder aufgegeben.</p>\n'
    else:
        pass
        yield '<p class="muted">Kein Schlüsselergebnis mit eigenem Messwert.</p>'

blocks = {}
debug_info = '6=19&10=22&13=59'