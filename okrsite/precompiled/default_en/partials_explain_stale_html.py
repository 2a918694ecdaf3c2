from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/explain_stale.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0__ = resolve('_')
    l_0_day = resolve('day')
    l_0_ngettext = resolve('ngettext')
    l_0_as_of = resolve('as_of')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h3>7. Stale</h3>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last')):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last check-in: %(day)s, %(days)s before %(as_of)s.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))), days=context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d day', '%(num)d days', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days'))), as_of=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))))
        yield '</p>\n'
    else:
        pass
        yield '<p>No check-in yet.</p>'
    yield '<p>'
    yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Stale: more than %(threshold)s day without a check-in (the stale_after_days setting), or no check-in at all %(grace)s day after the cycle started; only while the cycle runs and the objective is active.', 'Stale: more than %(threshold)s days without a check-in (the stale_after_days setting), or no check-in at all %(grace)s days after the cycle started; only while the cycle runs and the objective is active.', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')), threshold=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')), grace=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'grace_days', missing)) is not missing else environment.getattr(_attr_owner, 'grace_days'))))
    yield '</p>\n<p><strong>'
    if (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'applies', missing)) is not missing else environment.getattr(_attr_owner, 'applies'))):
        pass
        yield 'The cycle is not running or the objective is not active, so it is not stale.'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last')):
        pass
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days')))
        yield ' '
        yield escape(('>' if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')) else '≤'))
        yield ' '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold'))))
        yield ' '
        yield escape((Markup('stale.') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')) else Markup('not stale.')))
    else:
        pass
        yield escape((Markup('stale.') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='t') if l_0_t is missing else l_0_t), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')) else Markup('not stale yet.')))
    yield '</strong></p>'

blocks = {}
debug_info = '4=23&6=32&7=34'