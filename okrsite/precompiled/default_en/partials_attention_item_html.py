from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/attention_item.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_entry = resolve('entry')
    l_0_partial = resolve('partial')
    l_0_root = resolve('root')
    l_0_cycle = resolve('cycle')
    l_0_cycle_title = resolve('cycle_title')
    l_0_percent_at = resolve('percent_at')
    l_0__ = resolve('_')
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
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<li class="obj attention status-border-'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')))
    yield '" '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'filter_data.html', item=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item'))))
    yield '>\n  <a class="obj-title" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
    yield '"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a>\n  <span class="meta">'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'owner_kind', missing)) is not missing else environment.getattr(_attr_owner, 'owner_kind')) == 'team'):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team'))))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner'))))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')):
            pass
            yield ' · '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team'))))
    if (t_2((undefined(name='cycle') if l_0_cycle is missing else l_0_cycle)) and ((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')) != (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle))):
        pass
        yield ' · <bdi>'
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle'))))
        yield '</bdi>'
    yield ' · expected '
    yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
    yield '</span>\n  <span class="obj-score">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
    yield ' '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), status=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'item', missing)) is not missing else environment.getattr(_attr_owner, 'item')), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
    yield '</span>\n  <span class="reasons">'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='entry') if l_0_entry is missing else l_0_entry), 'reasons', missing)) is not missing else environment.getattr(_attr_owner, 'reasons')), undefined):
        l_1_decimal = resolve('decimal')
        l_1_points = resolve('points')
        l_1_plural_count = resolve('plural_count')
        l_1_count = resolve('count')
        l_1_ngettext = resolve('ngettext')
        l_1_num = resolve('num')
        l_1_confidence_out_of = resolve('confidence_out_of')
        _loop_vars = {}
        pass
        if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) in ('off-track', 'at-risk')):
            pass
            l_1_points = context.call((undefined(name='decimal') if l_1_decimal is missing else l_1_decimal), ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'behind', missing)) is not missing else environment.getattr(_attr_owner, 'behind')) * 100), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), _loop_vars=_loop_vars)
            _loop_vars['points'] = l_1_points
            l_1_count = context.call((undefined(name='plural_count') if l_1_plural_count is missing else l_1_plural_count), ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'behind', missing)) is not missing else environment.getattr(_attr_owner, 'behind')) * 100), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), _loop_vars=_loop_vars)
            _loop_vars['count'] = l_1_count
        if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'off-track'):
            pass
            yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), 'off track: %(points)s point behind expected', 'off track: %(points)s points behind expected', (undefined(name='count') if l_1_count is missing else l_1_count), points=(undefined(name='points') if l_1_points is missing else l_1_points), _loop_vars=_loop_vars))
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'at-risk'):
            pass
            yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), 'at risk: %(points)s point behind expected', 'at risk: %(points)s points behind expected', (undefined(name='count') if l_1_count is missing else l_1_count), points=(undefined(name='points') if l_1_points is missing else l_1_points), _loop_vars=_loop_vars))
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'stale'):
            pass
            if t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days'))):
                pass
                yield 'stale: no check-in yet'
            else:
                pass
                yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), 'stale: last check-in %(num)d day ago', 'stale: last check-in %(num)d days ago', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days')), _loop_vars=_loop_vars))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'low confidence: %(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_1_num is missing else l_1_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_r, 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')), _loop_vars=_loop_vars), out_of=context.call((undefined(name='num') if l_1_num is missing else l_1_num), (undefined(name='confidence_out_of') if l_1_confidence_out_of is missing else l_1_confidence_out_of), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield escape(('; ' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 6 in 'partials/attention_item.html' evaluated to false and no else section was defined.")))
    l_1_loop = l_1_r = l_1_decimal = l_1_points = l_1_plural_count = l_1_count = l_1_ngettext = l_1_num = l_1_confidence_out_of = missing
    yield '</span>\n</li>'

blocks = {}
debug_info = '2=37&3=41&4=46&5=64&6=69'