from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/alignment_node.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_partial = resolve('partial')
    l_0_item = resolve('item')
    l_0_root = resolve('root')
    l_0__ = resolve('_')
    l_0_cycle_title = resolve('cycle_title')
    l_0_via = resolve('via')
    l_0_markup = resolve('markup')
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    pass
    yield '<span class="node" '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'filter_data.html', item=(undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
    yield '"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a> '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
    yield ' '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
    yield ' <span class="meta">'
    if (((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) == 'team') and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team'))):
        pass
        yield '<bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi> · '
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')):
        pass
        yield '<bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi> · '
    yield '<bdi>'
    yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle'))))
    yield '</bdi>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html'))
    if (undefined(name='via') if l_0_via is missing else l_0_via):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'for the key result %(title)s', title=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%s%s"><bdi>%s</bdi></a>'), (undefined(name='root') if l_0_root is missing else l_0_root), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='via') if l_0_via is missing else l_0_via), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='via') if l_0_via is missing else l_0_via), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))))
    yield '</span></span>'

blocks = {}
debug_info = '2=25'