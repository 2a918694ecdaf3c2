from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/trend.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_trend = resolve('trend')
    l_0_meaning = resolve('meaning')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield escape(environment.getitem({'up': Markup('steigend'), 'down': Markup('fallend'), 'flat': Markup('gleichbleibend')}, (undefined(name='trend') if l_0_trend is missing else l_0_trend)))
    yield ' '
    yield escape(environment.getitem({'up': '↑', 'down': '↓', 'flat': '→'}, (undefined(name='trend') if l_0_trend is missing else l_0_trend)))
    if (undefined(name='meaning') if l_0_meaning is missing else l_0_meaning):
        pass
        yield ', <span class="trend-'
        yield escape((undefined(name='meaning') if l_0_meaning is missing else l_0_meaning))
        yield '">'
        yield escape(environment.getitem({'improving': Markup('verbessert sich'), 'worsening': Markup('verschlechtert sich'), 'steady': Markup('unverändert')}, (undefined(name='meaning') if l_0_meaning is missing else l_0_meaning)))
        yield '</span>'

blocks = {}
debug_info = '3=19'