from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/grade_word.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_grade = resolve('grade')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<span class="grade-name grade-'
    yield escape((undefined(name='grade') if l_0_grade is missing else l_0_grade))
    yield '"><span class="grade-word">'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'red': Markup('rot'), 'yellow': Markup('gelb'), 'green': Markup('grün')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (undefined(name='grade') if l_0_grade is missing else l_0_grade), (undefined(name='grade') if l_0_grade is missing else l_0_grade)))
    yield '</span></span>'

blocks = {}
debug_info = '2=19'