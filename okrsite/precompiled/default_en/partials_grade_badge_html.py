from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/grade_badge.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_grade = resolve('grade')
    l_0__ = resolve('_')
    l_0_fixed = resolve('fixed')
    l_0_grade_edges = resolve('grade_edges')
    l_0_decimal = resolve('decimal')
    l_0_progress = resolve('progress')
    l_0_grade_places = resolve('grade_places')
    l_0_places = resolve('places')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<span class="grade grade-'
    yield escape((undefined(name='grade') if l_0_grade is missing else l_0_grade))
    yield '" title="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Grade (red &lt; %(yellow)s ≤ yellow &lt; %(green)s ≤ green)', yellow=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='grade_edges') if l_0_grade_edges is missing else l_0_grade_edges), 'yellow', missing)) is not missing else environment.getattr(_attr_owner, 'yellow')), 1), green=context.call((undefined(name='fixed') if l_0_fixed is missing else l_0_fixed), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='grade_edges') if l_0_grade_edges is missing else l_0_grade_edges), 'green', missing)) is not missing else environment.getattr(_attr_owner, 'green')), 1)))
    yield '">'
    yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (undefined(name='progress') if l_0_progress is missing else l_0_progress), context.call((undefined(name='grade_places') if l_0_grade_places is missing else l_0_grade_places), (undefined(name='progress') if l_0_progress is missing else l_0_progress), ((undefined(name='places') if l_0_places is missing else l_0_places) if (t_2((undefined(name='places') if l_0_places is missing else l_0_places)) and (undefined(name='places') if l_0_places is missing else l_0_places)) else 0))))
    yield ' <span class="grade-word">'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := {'red': Markup('red'), 'yellow': Markup('yellow'), 'green': Markup('green')}, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (undefined(name='grade') if l_0_grade is missing else l_0_grade), (undefined(name='grade') if l_0_grade is missing else l_0_grade)))
    yield '</span></span>'

blocks = {}
debug_info = '2=32'