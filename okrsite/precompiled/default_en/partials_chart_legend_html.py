from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/chart_legend.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_target = resolve('target')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<figcaption>Shaded bands: <span class="key key-healthy">healthy</span>, <span class="key key-warning">warning</span>, <span class="key key-critical">critical</span>'
    if (undefined(name='target') if l_0_target is missing else l_0_target):
        pass
        yield '; dashed line: target.'
    else:
        pass
        yield '.'
    yield '</figcaption>'

blocks = {}
debug_info = '2=19'