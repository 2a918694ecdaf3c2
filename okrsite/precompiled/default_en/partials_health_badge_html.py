from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/health_badge.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_health = resolve('health')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<span class="health health-'
    yield escape((undefined(name='health') if l_0_health is missing else l_0_health))
    yield '">'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'healthy': Markup('healthy'), 'warning': Markup('warning'), 'critical': Markup('critical'), 'unknown': Markup('unknown')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (undefined(name='health') if l_0_health is missing else l_0_health), (undefined(name='health') if l_0_health is missing else l_0_health)))
    yield '</span>'

blocks = {}
debug_info = '2=19'