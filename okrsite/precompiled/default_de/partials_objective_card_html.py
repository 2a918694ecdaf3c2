from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/objective_card.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item = resolve('item')
    l_0_partial = resolve('partial')
    l_0_root = resolve('root')
    l_0_ngettext = resolve('ngettext')
    l_0__ = resolve('_')
    l_0_num = resolve('num')
    l_0_confidence_out_of = resolve('confidence_out_of')
    l_0_percent_at = resolve('percent_at')
    l_0_percent = resolve('percent')
    l_0_tentative_forecast = resolve('tentative_forecast')
    l_0_status_word = resolve('status_word')
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
    yield '<li class="card status-border-'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')))
    yield '" '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'filter_data.html', item=(undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '>\n      <h3><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
    yield '"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a></h3>\n      <p class="meta">'
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
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'key_results', missing)) is not missing else environment.getattr(_attr_owner, 'key_results')):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d key result', '%(num)d key results', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'key_results', missing)) is not missing else environment.getattr(_attr_owner, 'key_results'))))
    yield '</p>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')):
        pass
        yield '      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'stale', missing)) is not missing else environment.getattr(_attr_owner, 'stale')):
            pass
            yield ' '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html'))
        if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')))):
            pass
            yield ' <span class="meta">'
            yield escape((Markup('letzte Zuversicht') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'cycle_over', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_over')) else Markup('Zuversicht')))
            yield ' '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence'))), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
            yield '</span>'
        yield '</p>\n      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
        yield '</p>\n      <p class="meta">erwartet '
        yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
        if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast', missing)) is not missing else environment.getattr(_attr_owner, 'forecast')))):
            pass
            yield ' · Prognose '
            yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast', missing)) is not missing else environment.getattr(_attr_owner, 'forecast'))))
            if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'forecast_tentative', missing)) is not missing else environment.getattr(_attr_owner, 'forecast_tentative')):
                pass
                yield ' <span class="muted">('
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'tentative: fewer than %(min)s days with a check-in, or check-ins spanning under %(share)s of the cycle', min=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_days', missing)) is not missing else environment.getattr(_attr_owner, 'min_days'))), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_span', missing)) is not missing else environment.getattr(_attr_owner, 'min_span')))))
                yield ')</span>'
        yield '</p>\n'
    else:
        pass
        yield '      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
        yield '</p>\n      <p class="meta not-counted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The objective is %(status)s, so it counts nowhere.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='item') if l_0_item is missing else l_0_item), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')))))
        yield '</p>\n'
    yield '    </li>'

blocks = {}
debug_info = '2=35&3=39&4=44&5=59&6=62&7=75&8=77&10=91&11=93'