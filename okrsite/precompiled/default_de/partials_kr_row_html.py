from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/kr_row.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_row = resolve('row')
    l_0_num = resolve('num')
    l_0_root = resolve('root')
    l_0_partial = resolve('partial')
    l_0__ = resolve('_')
    l_0_percent_at = resolve('percent_at')
    l_0_percent = resolve('percent')
    l_0_lead = resolve('lead')
    l_0_with_unit = resolve('with_unit')
    l_0_ngettext = resolve('ngettext')
    l_0_decimal = resolve('decimal')
    l_0_kr = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_kr = environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kr')
    context.vars['kr'] = l_0_kr
    context.exported_vars.add('kr')
    yield '<tr id="'
    yield escape(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'anchor'))
    yield '"'
    if (not environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'active')):
        pass
        yield ' class="inactive"'
    yield '>\n  <td data-label="Schlüsselergebnis"><bdi>'
    yield escape(environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title'))
    yield '</bdi>'
    if (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'weight') != 1):
        pass
        yield ' <span class="meta">Gewicht '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'weight')))
        yield '</span>'
    if (environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kpi') and environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'from_kpi')):
        pass
        yield ' <span class="meta">aus Kennzahl <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape(environment.getattr(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kpi'), 'url'))
        yield '"><bdi>'
        yield escape(environment.getattr(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kpi'), 'name'))
        yield '</bdi></a></span>'
    if environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones'):
        pass
        yield '<ul class="milestones">'
        for l_1_ms in environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(('☑' if environment.getattr(l_1_ms, 'done') else '☐'))
            yield ' <bdi>'
            yield escape(environment.getattr(l_1_ms, 'title'))
            yield '</bdi><span class="visually-hidden"> ('
            yield escape((Markup('erledigt') if environment.getattr(l_1_ms, 'done') else Markup('nicht erledigt')))
            yield ')</span></li>'
        l_1_ms = missing
        yield '</ul>'
    if environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'aligned'):
        pass
        yield '<ul class="aligned">'
        for l_1_a in environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'aligned'):
            l_1_status_word = resolve('status_word')
            _loop_vars = {}
            pass
            if environment.getattr(l_1_a, 'counted'):
                pass
                yield '<li><a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape(environment.getattr(l_1_a, 'url'))
                yield '"><bdi>'
                yield escape(environment.getattr(l_1_a, 'title'))
                yield '</bdi></a> '
                yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr(l_1_a, 'progress'), _loop_vars=_loop_vars))
                yield '</li>'
            else:
                pass
                yield '<li class="not-counted" title="'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The objective is %(status)s, so it counts nowhere.', status=context.call((undefined(name='status_word') if l_1_status_word is missing else l_1_status_word), environment.getattr(l_1_a, 'status'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '"><a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape(environment.getattr(l_1_a, 'url'))
                yield '"><bdi>'
                yield escape(environment.getattr(l_1_a, 'title'))
                yield '</bdi></a> '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=environment.getattr(l_1_a, 'status'), _loop_vars=_loop_vars))
                yield '</li>'
        l_1_a = l_1_status_word = missing
        yield '</ul>'
    yield '  </td>\n  <td data-label="Fortschritt">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'progress'), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title')), status=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'status'), places=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'pace_places')))
    if (not t_3(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'expected'))):
        pass
        yield ' <span class="meta expected">erwartet '
        yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'expected'), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'pace_places')))
        yield '</span>'
    if environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'beyond_target'):
        pass
        yield ' <span class="ratio">'
        if environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'lower_is_better'):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of the planned reduction', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'ratio'))))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of target', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'ratio'))))
        yield '</span>'
    yield '</td>\n  <td data-label="Werte">'
    if (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind') == 'numeric'):
        pass
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'start'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit')))
        yield ' → '
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit'), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current_places')))
        yield ' → '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'target'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit')))
    elif (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind') == 'milestones'):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(done)s of %(total)s milestone', '%(done)s of %(total)s milestones', t_1(environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones')), done=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'milestones_done'), total=t_1(environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones'))))
    elif (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind') == 'boolean'):
        pass
        yield escape((Markup('erledigt') if environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'done') else Markup('nicht erledigt')))
    elif (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind') in ('stay_above', 'stay_below')):
        pass
        yield escape((Markup('mindestens') if (environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind') == 'stay_above') else Markup('höchstens')))
        yield ' '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'threshold'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit')))
        yield ', jetzt '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit'), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current_places')))
    elif environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'rollup_count'):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'roll-up of %(num)d aligned objective', 'roll-up of %(num)d aligned objectives', environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'rollup_count')))
    else:
        pass
        yield '<span class="muted">noch nichts zu messen</span>'
        if (not t_3(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current'))):
            pass
            yield ', jetzt '
            yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current'), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit'), environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'current_places')))
    if (not t_3(environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'score'))):
        pass
        yield ' (benotet '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'score'), 2))
        yield ')'
    yield '</td>\n  <td data-label="Status">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'status')))
    yield '</td>\n  <td data-label="Check-ins">'
    if environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'spark'):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'sparkline.svg', chart=environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'spark'), title=(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(name)s: readings of KPI %(kpi)s', name=environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title'), kpi=environment.getattr(environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kpi'), 'name')) if (environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'spark_from_kpi') and environment.getattr((undefined(name='row') if l_0_row is missing else l_0_row), 'kpi')) else context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(name)s: values over check-ins', name=environment.getattr((undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title')))))
    else:
        pass
        yield '<span class="muted">–</span>'
    yield '</td>\n</tr>\n'

blocks = {}
debug_info = '2=41&3=45&4=51&5=66&6=81&7=113&9=130&10=137&11=140&12=143&13=150&14=156&15=160&16=166&17=168'