from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/explain_confidence.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_c = resolve('c')
    l_0_when = resolve('when')
    l_0__ = resolve('_')
    l_0_num = resolve('num')
    l_0_confidence_out_of = resolve('confidence_out_of')
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
    yield '<h3>6. Zuversicht</h3>\n'
    if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))):
        pass
        l_1_day = resolve('day')
        t_3 = []
        pass
        t_3.extend((
            '<a href="#',
            escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor'))),
            '">',
            escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))),
            '</a>',
        ))
        l_0_when = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
        context.vars['when'] = l_0_when
        context.exported_vars.add('when')
        l_1_day = missing
        yield '<p>'
        if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'over', missing)) is not missing else environment.getattr(_attr_owner, 'over')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'after_end', missing)) is not missing else environment.getattr(_attr_owner, 'after_end'))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last confidence: %(value)s/%(out_of)s, from the check-in of %(day)s, after the cycle ended.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'over', missing)) is not missing else environment.getattr(_attr_owner, 'over')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last confidence before the cycle ended: %(value)s/%(out_of)s, from the check-in of %(day)s.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Latest confidence: %(value)s/%(out_of)s, from the check-in of %(day)s.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        yield '</p>\n'
    else:
        pass
        yield '<p>Noch kein Check-in hat eine Zuversicht angegeben.</p>'
    yield '<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Low confidence: at or below %(threshold)s/%(out_of)s (the low_confidence setting); a running objective with low confidence is on the dashboard's attention list.", threshold=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold'))), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
    yield '</p>\n'
    if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))):
        pass
        yield '<p><strong>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'low', missing)) is not missing else environment.getattr(_attr_owner, 'low')):
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))))
            yield ' ≤ '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')))))
            yield ' geringe Zuversicht.'
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')) <= (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold'))):
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))))
            yield ' ≤ '
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold'))))
            yield ', aber das Ziel läuft nicht mehr.'
        else:
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))))
            yield ' &gt; '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_0_c is missing else l_0_c), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')))))
            yield ' nicht gering.'
        yield '</strong></p>'

blocks = {}
debug_info = '4=29&6=60&7=62'