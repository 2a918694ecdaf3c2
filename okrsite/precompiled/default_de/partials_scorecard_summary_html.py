from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scorecard_summary.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_card = resolve('card')
    l_0_t = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    l_0_t = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total'))
    context.vars['t'] = l_0_t
    context.exported_vars.add('t')
    yield '<dl class="scorecard-counts">\n<div class="count-achieved" data-figure="achieved"><dt>'
    yield escape((Markup('erreicht') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären erreicht')))
    yield '</dt><dd>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'achieved', missing)) is not missing else environment.getattr(_attr_owner, 'achieved')))
    yield '</dd></div>\n<div class="count-missed" data-figure="missed"><dt>'
    yield escape((Markup('verfehlt') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären verfehlt')))
    yield '</dt><dd>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'missed', missing)) is not missing else environment.getattr(_attr_owner, 'missed')))
    yield '</dd></div>\n<div data-figure="counted"><dt>gezählte Ziele</dt><dd>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')))
    yield '</dd></div>\n</dl>\n<table class="scorecard-grades">\n<caption>'
    yield escape((Markup('Abschlussnoten') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('Noten beim heutigen Fortschritt')))
    yield '</caption>\n<thead><tr>'
    for l_1_g in ('red', 'yellow', 'green'):
        l_1_partial = resolve('partial')
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'grade_word.html', grade=l_1_g, _loop_vars=_loop_vars))
        yield '</th>'
    l_1_g = l_1_partial = missing
    yield '</tr></thead>\n<tbody><tr>'
    for l_1_g in ('red', 'yellow', 'green'):
        _loop_vars = {}
        pass
        yield '<td data-grade="'
        yield escape(l_1_g)
        yield '">'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'grades', missing)) is not missing else environment.getattr(_attr_owner, 'grades')), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), l_1_g, 0, _loop_vars=_loop_vars))
        yield '</td>'
    l_1_g = missing
    yield '</tr></tbody>\n</table>'

blocks = {}
debug_info = '3=19&5=23&6=27&7=31&10=33&11=35&12=44'