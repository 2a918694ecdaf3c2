from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/cycle_links.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_sections = resolve('sections')
    l_0__ = resolve('_')
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
    if (t_1((undefined(name='sections') if l_0_sections is missing else l_0_sections)) > 1):
        pass
        yield '<p class="meta">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Cycles')))
        yield ' '
        l_1_loop = missing
        for l_1_sec, l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
            l_1_anchor = resolve('anchor')
            l_1_cycle_title = resolve('cycle_title')
            _loop_vars = {}
            pass
            yield '<a href="#'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape(context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_sec, 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _loop_vars=_loop_vars))
            yield '</bdi></a>'
            yield escape((' · ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 2 in 'partials/cycle_links.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_sec = l_1_anchor = l_1_cycle_title = missing
        yield '</p>'

blocks = {}
debug_info = '2=25'