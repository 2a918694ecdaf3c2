from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'checkins.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_html_lang = resolve('html_lang')
    l_0__ = resolve('_')
    l_0_config = resolve('config')
    l_0_feed_id = resolve('feed_id')
    l_0_updated_at = resolve('updated_at')
    l_0_version = resolve('version')
    l_0_entries = resolve('entries')
    try:
        t_1 = environment.filters['forceescape']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'forceescape' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.filters['urlencode']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'urlencode' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="'
    yield escape((undefined(name='html_lang') if l_0_html_lang is missing else l_0_html_lang))
    yield '">\n  <title>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_0_config is missing else l_0_config), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))))
    yield ' Check-ins</title>\n  <id>urn:okrsite:'
    yield escape((undefined(name='feed_id') if l_0_feed_id is missing else l_0_feed_id))
    yield '</id>\n  <updated>'
    yield escape((undefined(name='updated_at') if l_0_updated_at is missing else l_0_updated_at))
    yield '</updated>\n  <generator version="'
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">okrsite</generator>\n  <link rel="self" href="checkins.xml"/>\n  <link rel="alternate" type="text/html" href="checkins/index.html"/>\n'
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext((undefined(name='entries') if l_0_entries is missing else l_0_entries), undefined):
        l_1_timed = resolve('timed')
        l_1_day = resolve('day')
        l_1_clock = resolve('clock')
        l_1_atom_time = resolve('atom_time')
        l_1_person_name = resolve('person_name')
        l_1_origins = resolve('origins')
        l_1_objective_scores = resolve('objective_scores')
        l_1_url = resolve('url')
        l_1_anchor = resolve('anchor')
        l_1_kpi_scores = resolve('kpi_scores')
        l_1_num = resolve('num')
        l_1_confidence_out_of = resolve('confidence_out_of')
        l_1_checkin_notes = resolve('checkin_notes')
        l_1_title = l_1_o = l_1_figures = missing
        _loop_vars = {}
        pass
        l_2_objective_records = resolve('objective_records')
        l_2_kpi_records = resolve('kpi_records')
        t_5 = []
        pass
        if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')) in (undefined(name='objective_scores') if l_1_objective_scores is missing else l_1_objective_scores))):
            pass
            t_5.append(
                escape((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='objective_records') if l_2_objective_records is missing else l_2_objective_records), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective'))), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
            )
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')) in (undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores))):
            pass
            t_5.append(
                escape((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='kpi_records') if l_2_kpi_records is missing else l_2_kpi_records), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi'))), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
            )
        else:
            pass
            t_5.append(
                escape(((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')) or (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')))),
            )
        l_1_title = (Markup if context.eval_ctx.autoescape else identity)(concat(t_5))
        _loop_vars['title'] = l_1_title
        l_2_objective_records = l_2_kpi_records = missing
        yield '  <entry>\n    <title>'
        if ((undefined(name='timed') if l_1_timed is missing else l_1_timed) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) in (undefined(name='timed') if l_1_timed is missing else l_1_timed))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(date)s: %(title)s', date=markup_join((context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), ' ', context.call((undefined(name='clock') if l_1_clock is missing else l_1_clock), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')), _loop_vars=_loop_vars), )), title=(undefined(name='title') if l_1_title is missing else l_1_title), _loop_vars=_loop_vars))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(date)s: %(title)s', date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), title=(undefined(name='title') if l_1_title is missing else l_1_title), _loop_vars=_loop_vars))
        yield '</title>\n    <id>urn:okrsite:checkin:'
        yield escape((undefined(name='feed_id') if l_0_feed_id is missing else l_0_feed_id))
        yield ':'
        yield escape(t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id'))))
        yield '</id>\n    <updated>'
        yield escape(context.call((undefined(name='atom_time') if l_1_atom_time is missing else l_1_atom_time), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')), _loop_vars=_loop_vars))
        yield '</updated>\n    <author><name>'
        yield escape((context.call((undefined(name='person_name') if l_1_person_name is missing else l_1_person_name), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')), _loop_vars=_loop_vars) or Markup('unbekannt')))
        yield '</name></author>\n'
        l_1_o = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='origins') if l_1_origins is missing else l_1_origins), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _loop_vars=_loop_vars)
        _loop_vars['o'] = l_1_o
        if ((undefined(name='o') if l_1_o is missing else l_1_o) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_1_o is missing else l_1_o), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))):
            pass
            for l_2_name in (((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_1_o is missing else l_1_o), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')),) + (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_1_o is missing else l_1_o), 'co_authors', missing)) is not missing else environment.getattr(_attr_owner, 'co_authors'))):
                _loop_vars = {}
                pass
                yield '<contributor><name>'
                yield escape(l_2_name)
                yield '</name></contributor>'
            l_2_name = missing
        if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')) in (undefined(name='objective_scores') if l_1_objective_scores is missing else l_1_objective_scores))):
            pass
            yield '<link rel="alternate" type="text/html" href="'
            yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'objective', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'objective', missing)) is not missing else environment.getattr(_attr_owner, 'objective')), _loop_vars=_loop_vars))
            yield '#'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'checkin', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _loop_vars=_loop_vars))
            yield '"/>'
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')) in (undefined(name='kpi_scores') if l_1_kpi_scores is missing else l_1_kpi_scores))):
            pass
            yield '<link rel="alternate" type="text/html" href="'
            yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'kpi', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')), _loop_vars=_loop_vars))
            yield '#'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'checkin', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _loop_vars=_loop_vars))
            yield '"/>'
        l_2_moves = resolve('moves')
        t_6 = []
        pass
        l_3_loop = missing
        for l_3_m, l_3_loop in LoopContext(context.call((_attr_value if (_attr_value := getattr(_attr_owner := ((undefined(name='moves') if l_2_moves is missing else l_2_moves) or {}), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), ()), undefined):
            l_3_lead = resolve('lead')
            l_3_with_unit = resolve('with_unit')
            l_3_ngettext = resolve('ngettext')
            l_3_status_word = resolve('status_word')
            _loop_vars = {}
            pass
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'kpi', missing)) is not missing else environment.getattr(_attr_owner, 'kpi')):
                pass
                t_6.extend((
                    '<p>',
                    escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Wert'), _loop_vars=_loop_vars)),
                    ' ',
                ))
                if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')))):
                    pass
                    t_6.extend((
                        escape(context.call((undefined(name='lead') if l_3_lead is missing else l_3_lead), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars)),
                        ' → ',
                    ))
                t_6.append(
                    escape(context.call((undefined(name='with_unit') if l_3_with_unit is missing else l_3_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars)),
                )
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'meaning', missing)) is not missing else environment.getattr(_attr_owner, 'meaning')):
                    pass
                    t_6.extend((
                        ' (',
                        escape(environment.getitem({'improving': Markup('verbessert sich'), 'worsening': Markup('verschlechtert sich'), 'steady': Markup('unverändert')}, (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'meaning', missing)) is not missing else environment.getattr(_attr_owner, 'meaning')))),
                        ')',
                    ))
                t_6.append(
                    '</p>',
                )
            else:
                pass
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_loop, 'first', missing)) is not missing else environment.getattr(_attr_owner, 'first')):
                    pass
                    t_6.append(
                        '<ul>',
                    )
                t_6.extend((
                    '<li>',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))),
                    ': ',
                ))
                if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'done_after', missing)) is not missing else environment.getattr(_attr_owner, 'done_after')))):
                    pass
                    t_6.extend((
                        escape((Markup('erledigt') if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'done_before', missing)) is not missing else environment.getattr(_attr_owner, 'done_before')) else Markup('nicht erledigt'))),
                        ' → ',
                        escape((Markup('erledigt') if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'done_after', missing)) is not missing else environment.getattr(_attr_owner, 'done_after')) else Markup('nicht erledigt'))),
                    ))
                else:
                    pass
                    if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')):
                        pass
                        t_6.extend((
                            escape(context.call((undefined(name='num') if l_1_num is missing else l_1_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), _loop_vars=_loop_vars)),
                            ' → ',
                            escape(context.call((undefined(name='ngettext') if l_3_ngettext is missing else l_3_ngettext), '%(done)s of %(total)s milestone', '%(done)s of %(total)s milestones', (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')), done=context.call((undefined(name='num') if l_1_num is missing else l_1_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')), _loop_vars=_loop_vars), total=(_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')), _loop_vars=_loop_vars)),
                        ))
                    else:
                        pass
                        if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')))):
                            pass
                            t_6.extend((
                                escape(context.call((undefined(name='lead') if l_3_lead is missing else l_3_lead), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars)),
                                ' → ',
                            ))
                        t_6.append(
                            escape(context.call((undefined(name='with_unit') if l_3_with_unit is missing else l_3_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars)),
                        )
                if ((_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) in ('draft', 'dropped')):
                    pass
                    t_6.extend((
                        ' (',
                        escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(status)s, counts nowhere', status=context.call((undefined(name='status_word') if l_3_status_word is missing else l_3_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := l_3_m, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                        ')',
                    ))
                t_6.append(
                    '</li>',
                )
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_3_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last')):
                    pass
                    t_6.append(
                        '</ul>',
                    )
        l_3_loop = l_3_m = l_3_lead = l_3_with_unit = l_3_ngettext = l_3_status_word = missing
        l_1_figures = (Markup if context.eval_ctx.autoescape else identity)(concat(t_6))
        _loop_vars['figures'] = l_1_figures
        l_2_moves = missing
        yield '    <content type="html">'
        if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')))):
            pass
            yield '&lt;p&gt;Zuversicht '
            yield escape(t_1(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_1_num is missing else l_1_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')), _loop_vars=_loop_vars), out_of=context.call((undefined(name='num') if l_1_num is missing else l_1_num), (undefined(name='confidence_out_of') if l_1_confidence_out_of is missing else l_1_confidence_out_of), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '&lt;/p&gt;'
        yield escape(t_1((undefined(name='figures') if l_1_figures is missing else l_1_figures)))
        if (((_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) in (undefined(name='origins') if l_1_origins is missing else l_1_origins)) and (_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='origins') if l_1_origins is missing else l_1_origins), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id'))), 'backdated', missing)) is not missing else environment.getattr(_attr_owner, 'backdated'))):
            pass
            yield '&lt;p&gt;'
            yield escape(t_1(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Backdated: committed %(date)s', date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem((undefined(name='origins') if l_1_origins is missing else l_1_origins), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_c, 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id'))), 'committed', missing)) is not missing else environment.getattr(_attr_owner, 'committed')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '&lt;/p&gt;'
        yield escape(context.call((undefined(name='checkin_notes') if l_1_checkin_notes is missing else l_1_checkin_notes), l_1_c, _loop_vars=_loop_vars))
        yield '</content>\n  </entry>\n'
    l_1_loop = l_1_c = l_1_title = l_1_timed = l_1_day = l_1_clock = l_1_atom_time = l_1_person_name = l_1_origins = l_1_o = l_1_objective_scores = l_1_url = l_1_anchor = l_1_kpi_scores = l_1_figures = l_1_num = l_1_confidence_out_of = l_1_checkin_notes = missing
    yield '</feed>\n'

blocks = {}
debug_info = '2=43&3=45&4=47&5=49&6=51&9=54&10=75&12=94&13=101&14=105&15=107&16=109&22=138&23=230'