from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/explain_row.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_places = resolve('places')
    l_0_decimal = resolve('decimal')
    l_0_line = resolve('line')
    l_0_root = resolve('root')
    l_0__ = resolve('_')
    l_0_num = resolve('num')
    l_0_formula_minus = resolve('formula_minus')
    l_0_ngettext = resolve('ngettext')
    l_0_percent = resolve('percent')
    l_0_p = missing
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    l_0_places = t_1((undefined(name='places') if l_0_places is missing else l_0_places), 3)
    context.vars['places'] = l_0_places
    context.exported_vars.add('places')
    l_0_p = context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), (undefined(name='places') if l_0_places is missing else l_0_places))
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    yield '<tr><td data-label="'
    yield escape((Markup('Objective') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'child', missing)) is not missing else environment.getattr(_attr_owner, 'child')) else Markup('Key result')))
    yield '">'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'child', missing)) is not missing else environment.getattr(_attr_owner, 'child')):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'child', missing)) is not missing else environment.getattr(_attr_owner, 'child')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'child', missing)) is not missing else environment.getattr(_attr_owner, 'child')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    else:
        pass
        yield '<bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
        yield '</bdi>'
    yield '</td><td data-label="Computation">'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'child'):
        pass
        yield 'progress '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'score'):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'graded %(progress)s (score set in the file overrides the measure)', progress=(undefined(name='p') if l_0_p is missing else l_0_p)))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'no-current'):
        pass
        yield 'no current value yet → 0'
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'progress'):
        pass
        yield 'progress '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'start-is-target'):
        pass
        yield 'start = target = '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target'))))
        yield ', current '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current'))))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'numeric'):
        pass
        yield '('
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')))))
        yield ' − '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')))))
        yield ') ÷ ('
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')))))
        yield ' − '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')))))
        yield ') = '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')), (undefined(name='places') if l_0_places is missing else l_0_places))))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'clamped', missing)) is not missing else environment.getattr(_attr_owner, 'clamped')):
            pass
            yield ', clamped to '
            yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'milestones'):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(done)s done ÷ %(total)s milestone', '%(done)s done ÷ %(total)s milestones', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')), done=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')), total=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total'))))
        yield ' = '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'boolean'):
        pass
        yield escape((Markup('done') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'holds', missing)) is not missing else environment.getattr(_attr_owner, 'holds')) else Markup('not done')))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) in ('stay_above', 'stay_below')):
        pass
        yield 'current '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current'))))
        yield ' '
        yield escape((('≥' if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'holds', missing)) is not missing else environment.getattr(_attr_owner, 'holds')) else '<') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'case', missing)) is not missing else environment.getattr(_attr_owner, 'case')) == 'stay_above') else ('≤' if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'holds', missing)) is not missing else environment.getattr(_attr_owner, 'holds')) else '>')))
        yield ' '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')))))
        yield ' '
        yield escape((Markup('holds') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'holds', missing)) is not missing else environment.getattr(_attr_owner, 'holds')) else Markup('does not hold')))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'terms', missing)) is not missing else environment.getattr(_attr_owner, 'terms')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'total_weight', missing)) is not missing else environment.getattr(_attr_owner, 'total_weight'))):
        pass
        yield 'weighted mean of aligned objectives <code>('
        l_1_loop = missing
        for (l_1_w, l_1_v), l_1_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'terms', missing)) is not missing else environment.getattr(_attr_owner, 'terms')), undefined):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_w, 3, _loop_vars=_loop_vars))
            yield ' × '
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_v, (undefined(name='places') if l_0_places is missing else l_0_places), _loop_vars=_loop_vars))
            yield escape((' + ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 16 in 'partials/explain_row.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_w = l_1_v = missing
        yield ') ÷ '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'total_weight', missing)) is not missing else environment.getattr(_attr_owner, 'total_weight')), 3))
        yield ' = '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '</code> → '
        yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress'))))
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'terms', missing)) is not missing else environment.getattr(_attr_owner, 'terms')):
        pass
        yield 'the aligned objectives weigh 0 in total → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    else:
        pass
        yield 'nothing to measure yet: no target, milestones or aligned objectives → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '</td><td data-label="Weight">'
    yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'weight', missing)) is not missing else environment.getattr(_attr_owner, 'weight'))))
    yield '</td><td data-label="Counted">'
    if (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted'))):
        pass
        yield 'no (draft or dropped)'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='line') if l_0_line is missing else l_0_line), 'counts_nowhere', missing)) is not missing else environment.getattr(_attr_owner, 'counts_nowhere')):
        pass
        yield 'only in this figure: the objective counts nowhere'
    else:
        pass
        yield 'yes'
    yield '</td></tr>\n'

blocks = {}
debug_info = '4=33&5=36&6=40&7=56&8=60&9=63&10=66&11=70&12=78&13=94&14=99&15=104&16=116&17=134&18=141&19=143'