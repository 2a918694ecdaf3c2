from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/objective_item.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_partial = resolve('partial')
    l_0_item = resolve('item')
    l_0_root = resolve('root')
    l_0_cycle_title = resolve('cycle_title')
    l_0__ = resolve('_')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<li class="obj" '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'filter_data.html', item=(undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '>\n  <a class="obj-title" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
    yield '"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a>\n  <span class="meta">'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) == 'team'):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team'))))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner'))))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')):
            pass
            yield ' · '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team'))))
    yield ' · <bdi>'
    yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle'))))
    yield '</bdi>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'commitment', missing)) is not missing else environment.getattr(_attr_owner, 'commitment')) == 'aspirational'):
        pass
        yield ' · aspirational'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html'))
    yield '</span>\n  <span class="obj-score">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
    yield ' '
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
    yield '</span>\n</li>'

blocks = {}
debug_info = '2=23&3=25&4=30&5=51'