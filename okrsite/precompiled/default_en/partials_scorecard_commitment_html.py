from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scorecard_commitment.html'

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
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<h3>Committed and aspirational</h3>\n<table class="scorecard-commitment">\n<thead><tr><th scope="col"><span class="visually-hidden">Figure</span></th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        _loop_vars = {}
        pass
        yield '<th scope="col" data-commitment="'
        yield escape(l_1_kind)
        yield '">'
        yield escape((Markup('committed') if (l_1_kind == 'committed') else Markup('aspirational')))
        yield '</th>'
    l_1_kind = l_1_row = missing
    yield '</tr></thead>\n<tbody>\n<tr><th scope="row">success at</th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        l_1_percent_format = resolve('percent_format')
        l_1_decimal = resolve('decimal')
        _loop_vars = {}
        pass
        yield '<td data-commitment="'
        yield escape(l_1_kind)
        yield '" data-figure="success">'
        if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'success', missing)) is not missing else environment.getattr(_attr_owner, 'success')))):
            pass
            yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='percent_format') if l_1_percent_format is missing else l_1_percent_format), 'replace', missing)) is not missing else environment.getattr(_attr_owner, 'replace')), '{n}', context.call((undefined(name='decimal') if l_1_decimal is missing else l_1_decimal), ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'success', missing)) is not missing else environment.getattr(_attr_owner, 'success')) * 100), 2, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        else:
            pass
            yield '–'
        yield '</td>'
    l_1_kind = l_1_row = l_1_percent_format = l_1_decimal = missing
    yield '</tr>\n<tr><th scope="row">objectives counted</th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        _loop_vars = {}
        pass
        yield '<td data-commitment="'
        yield escape(l_1_kind)
        yield '" data-figure="counted">'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')))
        yield '</td>'
    l_1_kind = l_1_row = missing
    yield '</tr>\n<tr><th scope="row">'
    yield escape((Markup('achieved') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('would be achieved')))
    yield '</th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        _loop_vars = {}
        pass
        yield '<td data-commitment="'
        yield escape(l_1_kind)
        yield '" data-figure="achieved">'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'achieved', missing)) is not missing else environment.getattr(_attr_owner, 'achieved')))
        yield '</td>'
    l_1_kind = l_1_row = missing
    yield '</tr>\n<tr><th scope="row">'
    yield escape((Markup('missed') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('would be missed')))
    yield '</th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        _loop_vars = {}
        pass
        yield '<td data-commitment="'
        yield escape(l_1_kind)
        yield '" data-figure="missed">'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'missed', missing)) is not missing else environment.getattr(_attr_owner, 'missed')))
        yield '</td>'
    l_1_kind = l_1_row = missing
    yield '</tr>\n<tr><th scope="row">progress</th>'
    for (l_1_kind, l_1_row) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')):
        l_1_percent = resolve('percent')
        _loop_vars = {}
        pass
        yield '<td data-commitment="'
        yield escape(l_1_kind)
        yield '" data-figure="progress">'
        if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')))):
            pass
            yield escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), _loop_vars=_loop_vars))
        else:
            pass
            yield '–'
        yield '</td>'
    l_1_kind = l_1_row = l_1_percent = missing
    yield '</tr>\n</tbody>\n</table>'

blocks = {}
debug_info = '5=25&7=35&8=52&9=62&10=74&11=86'