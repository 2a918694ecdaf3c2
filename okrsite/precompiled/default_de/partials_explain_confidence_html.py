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
    if (not t_2(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value'))):
        pass
        l_1_day = resolve('day')
        t_3 = []
        pass
        t_3.extend((
            '<a href="#',
            escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'anchor')),
            '">',
            escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'date'))),
            '</a>',
        ))
        l_0_when = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
        context.vars['when'] = l_0_when
        context.exported_vars.add('when')
        l_1_day = missing
        yield '<p>'
        if (environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'over') and environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'after_end')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last confidence: %(value)s/%(out_of)s, from the check-in of %(day)s, after the cycle ended.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        elif environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'over'):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last confidence before the cycle ended: %(value)s/%(out_of)s, from the check-in of %(day)s.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Latest confidence: %(value)s/%(out_of)s, from the check-in of %(day)s.', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')), day=(undefined(name='when') if l_0_when is missing else l_0_when), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
        yield '</p>\n'
    else:
        pass
        yield '<p>Noch kein Check-in hat eine Zuversicht angegeben.</p>'
    yield '<p>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "Low confidence: at or below %(threshold)s/%(out_of)s (the low_confidence setting); a running objective with low confidence is on the dashboard's attention list.", threshold=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'threshold')), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
    yield '</p>\n'
    if (not t_2(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value'))):
        pass
        yield '<p><strong>'
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'low'):
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')))
            yield ' ≤ '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'threshold'))))
            yield ' geringe Zuversicht.'
        elif (environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value') <= environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'threshold')):
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')))
            yield ' ≤ '
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'threshold')))
            yield ', aber das Ziel läuft nicht mehr.'
        else:
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'value')))
            yield ' &gt; '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'threshold'))))
            yield ' nicht gering.'
        yield '</strong></p>'

blocks = {}
debug_info = '4=29&6=60&7=62'