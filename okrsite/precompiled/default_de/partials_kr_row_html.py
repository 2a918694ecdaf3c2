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
    l_0_kr = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kr', missing)) is not missing else environment.getattr(_attr_owner, 'kr'))
    context.vars['kr'] = l_0_kr
    context.exported_vars.add('kr')
    yield '<tr id="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
    yield '"'
    if (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'active', missing)) is not missing else environment.getattr(_attr_owner, 'active'))):
        pass
        yield ' class="inactive"'
    yield '>\n  <td data-label="Schlüsselergebnis"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'weight', missing)) is not missing else environment.getattr(_attr_owner, 'weight')) != 1):
        pass
        yield ' <span class="meta">Gewicht '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'weight', missing)) is not missing else environment.getattr(_attr_owner, 'weight'))))
        yield '</span>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'from_kpi', missing)) is not missing else environment.getattr(_attr_owner, 'from_kpi'))):
        pass
        yield ' <span class="meta">aus Kennzahl <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a></span>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')):
        pass
        yield '<ul class="milestones">'
        for l_1_ms in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(('☑' if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_ms, 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')) else '☐'))
            yield ' <bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_ms, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
            yield '</bdi><span class="visually-hidden"> ('
            yield escape((Markup('erledigt') if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_ms, 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')) else Markup('nicht erledigt')))
            yield ')</span></li>'
        l_1_ms = missing
        yield '</ul>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'aligned', missing)) is not missing else environment.getattr(_attr_owner, 'aligned')):
        pass
        yield '<ul class="aligned">'
        for l_1_a in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'aligned', missing)) is not missing else environment.getattr(_attr_owner, 'aligned')):
            l_1_status_word = resolve('status_word')
            _loop_vars = {}
            pass
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')):
                pass
                yield '<li><a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
                yield '"><bdi>'
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
                yield '</bdi></a> '
                yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), _loop_vars=_loop_vars))
                yield '</li>'
            else:
                pass
                yield '<li class="not-counted" title="'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The objective is %(status)s, so it counts nowhere.', status=context.call((undefined(name='status_word') if l_1_status_word is missing else l_1_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '"><a href="'
                yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
                yield '"><bdi>'
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
                yield '</bdi></a> '
                yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_a, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _loop_vars=_loop_vars))
                yield '</li>'
        l_1_a = l_1_status_word = missing
        yield '</ul>'
    yield '  </td>\n  <td data-label="Fortschritt">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), places=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')))):
        pass
        yield ' <span class="meta expected">erwartet '
        yield escape(context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'pace_places', missing)) is not missing else environment.getattr(_attr_owner, 'pace_places'))))
        yield '</span>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'beyond_target', missing)) is not missing else environment.getattr(_attr_owner, 'beyond_target')):
        pass
        yield ' <span class="ratio">'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'lower_is_better', missing)) is not missing else environment.getattr(_attr_owner, 'lower_is_better')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of the planned reduction', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')))))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of target', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')))))
        yield '</span>'
    yield '</td>\n  <td data-label="Werte">'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'numeric'):
        pass
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit'))))
        yield ' → '
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current_places', missing)) is not missing else environment.getattr(_attr_owner, 'current_places'))))
        yield ' → '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit'))))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'milestones'):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(done)s of %(total)s milestone', '%(done)s of %(total)s milestones', t_1((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones'))), done=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'milestones_done', missing)) is not missing else environment.getattr(_attr_owner, 'milestones_done')), total=t_1((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')))))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'boolean'):
        pass
        yield escape((Markup('erledigt') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')) else Markup('nicht erledigt')))
    elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) in ('stay_above', 'stay_below')):
        pass
        yield escape((Markup('mindestens') if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'stay_above') else Markup('höchstens')))
        yield ' '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'threshold', missing)) is not missing else environment.getattr(_attr_owner, 'threshold')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit'))))
        yield ', jetzt '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current_places', missing)) is not missing else environment.getattr(_attr_owner, 'current_places'))))
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'rollup_count', missing)) is not missing else environment.getattr(_attr_owner, 'rollup_count')):
        pass
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'roll-up of %(num)d aligned objective', 'roll-up of %(num)d aligned objectives', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'rollup_count', missing)) is not missing else environment.getattr(_attr_owner, 'rollup_count'))))
    else:
        pass
        yield '<span class="muted">noch nichts zu messen</span>'
        if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')))):
            pass
            yield ', jetzt '
            yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'current_places', missing)) is not missing else environment.getattr(_attr_owner, 'current_places'))))
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'score', missing)) is not missing else environment.getattr(_attr_owner, 'score')))):
        pass
        yield ' (benotet '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'score', missing)) is not missing else environment.getattr(_attr_owner, 'score')), 2))
        yield ')'
    yield '</td>\n  <td data-label="Status">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'status_badge.html', status=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status'))))
    yield '</td>\n  <td data-label="Check-ins">'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'spark', missing)) is not missing else environment.getattr(_attr_owner, 'spark')):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'sparkline.svg', chart=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'spark', missing)) is not missing else environment.getattr(_attr_owner, 'spark')), title=(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(name)s: readings of KPI %(kpi)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')), kpi=(_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name'))) if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'spark_from_kpi', missing)) is not missing else environment.getattr(_attr_owner, 'spark_from_kpi')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='row') if l_0_row is missing else l_0_row), 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi'))) else context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(name)s: values over check-ins', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='kr') if l_0_kr is missing else l_0_kr), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))))))
    else:
        pass
        yield '<span class="muted">–</span>'
    yield '</td>\n</tr>\n'

blocks = {}
debug_info = '2=41&3=45&4=51&5=66&6=81&7=113&9=130&10=137&11=140&12=143&13=150&14=156&15=160&16=166&17=168'