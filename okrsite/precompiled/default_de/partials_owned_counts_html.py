from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/owned_counts.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_sm = resolve('sm')
    l_0_own = resolve('own')
    l_0_cycle = resolve('cycle')
    l_0_ngettext = resolve('ngettext')
    l_0_cycle_title = resolve('cycle_title')
    pass
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='sm') if l_0_sm is missing else l_0_sm), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')) or (not ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')) or (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals'))))):
        pass
        if (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
            pass
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d objective in %(cycle)s', '%(num)d objectives in %(cycle)s', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='sm') if l_0_sm is missing else l_0_sm), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total')), cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle))))
        else:
            pass
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d objective', '%(num)d objectives', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='sm') if l_0_sm is missing else l_0_sm), 'total', missing)) is not missing else environment.getattr(_attr_owner, 'total'))))
        if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')) or (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals'))):
            pass
            yield ' · '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis')):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d KPI', '%(num)d KPIs', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'kpis', missing)) is not missing else environment.getattr(_attr_owner, 'kpis'))))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals')):
            pass
            yield ' · '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals')):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d SMART goal', '%(num)d SMART goals', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='own') if l_0_own is missing else l_0_own), 'goals', missing)) is not missing else environment.getattr(_attr_owner, 'goals'))))

blocks = {}
debug_info = '6=16'