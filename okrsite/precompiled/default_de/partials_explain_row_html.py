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
    l_0_p = context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'progress'), (undefined(name='places') if l_0_places is missing else l_0_places))
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    yield '<tr><td data-label="'
    yield escape((Markup('Ziel') if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'child') else Markup('Schlüsselergebnis')))
    yield '">'
    if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'child'):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape(environment.getattr(environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'child'), 'url'))
        yield '"><bdi>'
        yield escape(environment.getattr(environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'child'), 'name'))
        yield '</bdi></a>'
    else:
        pass
        yield '<bdi>'
        yield escape(environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'title'))
        yield '</bdi>'
    yield '</td><td data-label="Rechnung">'
    if (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'child'):
        pass
        yield 'Fortschritt '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'score'):
        pass
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'graded %(progress)s (score set in the file overrides the measure)', progress=(undefined(name='p') if l_0_p is missing else l_0_p)))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'no-current'):
        pass
        yield 'noch kein aktueller Wert → 0'
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'progress'):
        pass
        yield 'Fortschritt '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'start-is-target'):
        pass
        yield 'Startwert = Zielwert = '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'target')))
        yield ', aktuell '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'current')))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'numeric'):
        pass
        yield '('
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'current'))))
        yield ' − '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'start'))))
        yield ') ÷ ('
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'target'))))
        yield ' − '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'start'))))
        yield ') = '
        yield escape(context.call((undefined(name='formula_minus') if l_0_formula_minus is missing else l_0_formula_minus), context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'ratio'), (undefined(name='places') if l_0_places is missing else l_0_places))))
        if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'clamped'):
            pass
            yield ', begrenzt auf '
            yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'milestones'):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(done)s done ÷ %(total)s milestone', '%(done)s done ÷ %(total)s milestones', environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'total'), done=environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'done'), total=environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'total')))
        yield ' = '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'boolean'):
        pass
        yield escape((Markup('erledigt') if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'holds') else Markup('nicht erledigt')))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') in ('stay_above', 'stay_below')):
        pass
        yield 'aktuell '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'current')))
        yield ' '
        yield escape((('≥' if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'holds') else '<') if (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'case') == 'stay_above') else ('≤' if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'holds') else '>')))
        yield ' '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'threshold'))))
        yield ' '
        yield escape((Markup('gilt') if environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'holds') else Markup('gilt nicht')))
        yield ' → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    elif (environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'terms') and environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'total_weight')):
        pass
        yield 'gewichtetes Mittel der ausgerichteten Ziele <code>('
        l_1_loop = missing
        for (l_1_w, l_1_v), l_1_loop in LoopContext(environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'terms'), undefined):
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_w, 3, _loop_vars=_loop_vars))
            yield ' × '
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_v, (undefined(name='places') if l_0_places is missing else l_0_places), _loop_vars=_loop_vars))
            yield escape((' + ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 16 in 'partials/explain_row.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_w = l_1_v = missing
        yield ') ÷ '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'total_weight'), 3))
        yield ' = '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '</code> → '
        yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'progress')))
    elif environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'terms'):
        pass
        yield 'die ausgerichteten Ziele wiegen zusammen 0 → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    else:
        pass
        yield 'noch nichts zu messen: kein Zielwert, keine Meilensteine, keine ausgerichteten Ziele → '
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '</td><td data-label="Gewicht">'
    yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'weight')))
    yield '</td><td data-label="Gezählt">'
    if (not environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'counted')):
        pass
        yield 'nein (Entwurf oder aufgegeben)'
    elif environment.getattr((undefined(name='line') if l_0_line is missing else l_0_line), 'counts_nowhere'):
        pass
        yield 'nur in dieser Zahl: das Ziel zählt nirgends'
    else:
        pass
        yield 'ja'
    yield '</td></tr>\n'

blocks = {}
debug_info = '4=33&5=36&6=40&7=56&8=60&9=63&10=66&11=70&12=78&13=94&14=99&15=104&16=116&17=134&18=141&19=143'