from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/filter_data.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item = resolve('item')
    l_0_status_word = resolve('status_word')
    l_0_cycle_title = resolve('cycle_title')
    l_0_owner = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'data-status="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')))
    yield '" data-status-label="'
    yield escape(context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
    yield '" data-cycle="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')))
    yield '" data-cycle-label="'
    yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle'))))
    yield '" data-team="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) else ''))
    yield '" data-team-label="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) else ''))
    yield '" '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'teams_above', missing)) is not missing else environment.getattr(_attr_owner, 'teams_above')):
        pass
        yield "data-teams-above='"
        yield escape(t_2(context.eval_ctx, (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'teams_above', missing)) is not missing else environment.getattr(_attr_owner, 'teams_above'))))
        yield "' "
    l_0_owner = ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) == 'team') else (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')))
    context.vars['owner'] = l_0_owner
    context.exported_vars.add('owner')
    yield 'data-owner="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='owner') if l_0_owner is missing else l_0_owner), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) if (undefined(name='owner') if l_0_owner is missing else l_0_owner) else 'nobody'))
    yield '" data-owner-label="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='owner') if l_0_owner is missing else l_0_owner), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')) if (undefined(name='owner') if l_0_owner is missing else l_0_owner) else Markup('nobody')))
    yield '" data-progress="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')) else ''))
    yield '" data-behind="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'behind', missing)) is not missing else environment.getattr(_attr_owner, 'behind')) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')) else ''))
    yield '" data-confidence="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')) if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')) and (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence'))))) else ''))
    yield '" data-last="'
    yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'last_checkin', missing)) is not missing else environment.getattr(_attr_owner, 'last_checkin')) or ''))
    yield '"'

blocks = {}
debug_info = '2=34'