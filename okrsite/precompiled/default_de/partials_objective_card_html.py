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
    yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'status'))
    yield '" '
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'filter_data.html', item=(undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '>\n      <h3><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'url'))
    yield '"><bdi>'
    yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'title'))
    yield '</bdi></a></h3>\n      <p class="meta">'
    if (environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'owner_kind') == 'team'):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'team')))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'owner')))
        if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'team'):
            pass
            yield ' · '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'team')))
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'key_results'):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d key result', '%(num)d key results', environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'key_results')))
    yield '</p>\n'
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'counted'):
        pass
        yield '      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'status')))
        if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'stale'):
            pass
            yield ' '
            yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'stale_flag.html'))
        if (not t_2(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'confidence'))):
            pass
            yield ' <span class="meta">'
            yield escape((Markup('letzte Zuversicht') if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'cycle_over') else Markup('Zuversicht')))
            yield ' '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'confidence')), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
            yield '</span>'
        yield '</p>\n      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'progress'), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'title')), status=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'status'), places=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places')))
        yield '</p>\n      <p class="meta">erwartet '
        yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'expected'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'pace_places')))
        if (not t_2(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'forecast'))):
            pass
            yield ' · Prognose '
            yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'forecast')))
            if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'forecast_tentative'):
                pass
                yield ' <span class="muted">('
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'tentative: fewer than %(min)s days with a check-in, or check-ins spanning under %(share)s of the cycle', min=context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_days')), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr((undefined(name='tentative_forecast') if l_0_tentative_forecast is missing else l_0_tentative_forecast), 'min_span'))))
                yield ')</span>'
        yield '</p>\n'
    else:
        pass
        yield '      <p>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'status')))
        yield '</p>\n      <p class="meta not-counted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The objective is %(status)s, so it counts nowhere.', status=context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'status'))))
        yield '</p>\n'
    yield '    </li>'

blocks = {}
debug_info = '2=35&3=39&4=44&5=59&6=62&7=75&8=77&10=91&11=93'