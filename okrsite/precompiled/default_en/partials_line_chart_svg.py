from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/line_chart.svg'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_chart = resolve('chart')
    l_0_title = resolve('title')
    l_0_label = resolve('label')
    l_0__ = resolve('_')
    l_0_day = resolve('day')
    l_0_t = resolve('t')
    l_0_e = resolve('e')
    l_0_mk = resolve('mk')
    l_0_r = resolve('r')
    l_0_series = l_0_value = missing
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
    pass
    l_0_series = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series'))
    context.vars['series'] = l_0_series
    context.exported_vars.add('series')
    def macro(l_1_v, l_1_places):
        t_3 = []
        l_1_percent = resolve('percent')
        l_1_with_unit = resolve('with_unit')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_places is missing:
            l_1_places = 4
        pass
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'percent', missing)) is not missing else environment.getattr(_attr_owner, 'percent')):
            pass
            t_3.append(
                escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), l_1_v)),
            )
        else:
            pass
            t_3.append(
                escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), l_1_v, (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), l_1_places)),
            )
        return concat(t_3)
    context.exported_vars.add('value')
    context.vars['value'] = l_0_value = Macro(environment, macro, 'value', ('v', 'places'), False, False, False, context.eval_ctx.autoescape)
    if (not (undefined(name='series') if l_0_series is missing else l_0_series)):
        pass
        l_0_label = markup_join(((undefined(name='title') if l_0_title is missing else l_0_title), ': ', Markup('no data'), ))
        context.vars['label'] = l_0_label
        context.exported_vars.add('label')
    elif (t_1((undefined(name='series') if l_0_series is missing else l_0_series)) == 1):
        pass
        l_0_label = markup_join(((undefined(name='title') if l_0_title is missing else l_0_title), ': ', context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s on %(day)s', value=context.call((undefined(name='value') if l_0_value is missing else l_0_value), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 1), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), 0) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 0))), ))
        context.vars['label'] = l_0_label
        context.exported_vars.add('label')
    else:
        pass
        l_0_label = markup_join(((undefined(name='title') if l_0_title is missing else l_0_title), ': ', context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(count)s values from %(first)s on %(first_day)s to %(last)s on %(last_day)s', count=t_1((undefined(name='series') if l_0_series is missing else l_0_series)), first=context.call((undefined(name='value') if l_0_value is missing else l_0_value), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 1), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), 0) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), first_day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 0)), last=context.call((undefined(name='value') if l_0_value is missing else l_0_value), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), -1), 1), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), -1) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), last_day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), -1), 0))), ))
        context.vars['label'] = l_0_label
        context.exported_vars.add('label')
    yield '<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" width="100%" height="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'height', missing)) is not missing else environment.getattr(_attr_owner, 'height')))
    yield '" role="img" aria-label="'
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield '"><title>'
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield '</title>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'empty', missing)) is not missing else environment.getattr(_attr_owner, 'empty')):
        pass
        yield '<text class="axis" x="50%" y="'
        yield escape(((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'height', missing)) is not missing else environment.getattr(_attr_owner, 'height')) // 2))
        yield '" text-anchor="middle">No data yet</text></svg>'
    else:
        pass
        for l_1_b in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'bands', missing)) is not missing else environment.getattr(_attr_owner, 'bands')):
            _loop_vars = {}
            pass
            yield '<rect class="band band-'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_b, 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '" x="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_b, 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" y="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_b, 'y', missing)) is not missing else environment.getattr(_attr_owner, 'y')))
            yield '" width="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_b, 'width', missing)) is not missing else environment.getattr(_attr_owner, 'width')))
            yield '" height="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_b, 'height', missing)) is not missing else environment.getattr(_attr_owner, 'height')))
            yield '"/>'
        l_1_b = missing
        for l_1_g in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'gridlines', missing)) is not missing else environment.getattr(_attr_owner, 'gridlines')):
            _loop_vars = {}
            pass
            yield '<line class="grid" x1="2%" y1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_g, 'y', missing)) is not missing else environment.getattr(_attr_owner, 'y')))
            yield '" x2="98%" y2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_g, 'y', missing)) is not missing else environment.getattr(_attr_owner, 'y')))
            yield '"/><text class="axis" x="2%" y="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_g, 'label_y', missing)) is not missing else environment.getattr(_attr_owner, 'label_y')))
            yield '" dx="2">'
            yield escape(context.call((undefined(name='value') if l_0_value is missing else l_0_value), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_g, 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), _loop_vars=_loop_vars))
            yield '</text>'
        l_1_g = missing
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')):
            pass
            l_0_t = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target'))
            context.vars['t'] = l_0_t
            context.exported_vars.add('t')
            yield '<line class="target" x1="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 0))
            yield '" y1="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 1))
            yield '" x2="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 2))
            yield '" y2="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 1))
            yield '"/>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')):
            pass
            l_0_e = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected'))
            context.vars['e'] = l_0_e
            context.exported_vars.add('e')
            yield '<line class="expected" x1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='e') if l_0_e is missing else l_0_e), 'x1', missing)) is not missing else environment.getattr(_attr_owner, 'x1')))
            yield '" y1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='e') if l_0_e is missing else l_0_e), 'y1', missing)) is not missing else environment.getattr(_attr_owner, 'y1')))
            yield '" x2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='e') if l_0_e is missing else l_0_e), 'x2', missing)) is not missing else environment.getattr(_attr_owner, 'x2')))
            yield '" y2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='e') if l_0_e is missing else l_0_e), 'y2', missing)) is not missing else environment.getattr(_attr_owner, 'y2')))
            yield '"><title>expected progress</title></line>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'marker', missing)) is not missing else environment.getattr(_attr_owner, 'marker')):
            pass
            l_0_mk = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'marker', missing)) is not missing else environment.getattr(_attr_owner, 'marker'))
            context.vars['mk'] = l_0_mk
            context.exported_vars.add('mk')
            yield '<line class="as-of" x1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" y1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'y1', missing)) is not missing else environment.getattr(_attr_owner, 'y1')))
            yield '" x2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" y2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'y2', missing)) is not missing else environment.getattr(_attr_owner, 'y2')))
            yield '"/><text class="axis as-of-label" x="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" y="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'label_y', missing)) is not missing else environment.getattr(_attr_owner, 'label_y')))
            yield '" dx="'
            yield escape((-3 if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')) == 'end') else 3))
            yield '" text-anchor="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
            yield '">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'as of %(day)s', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='mk') if l_0_mk is missing else l_0_mk), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))))
            yield '</text>'
        for l_1_s in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'segments', missing)) is not missing else environment.getattr(_attr_owner, 'segments')):
            _loop_vars = {}
            pass
            yield '<line class="line" x1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'x1', missing)) is not missing else environment.getattr(_attr_owner, 'x1')))
            yield '" y1="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'y1', missing)) is not missing else environment.getattr(_attr_owner, 'y1')))
            yield '" x2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'x2', missing)) is not missing else environment.getattr(_attr_owner, 'x2')))
            yield '" y2="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'y2', missing)) is not missing else environment.getattr(_attr_owner, 'y2')))
            yield '"/>'
        l_1_s = missing
        l_0_r = (4 if (t_1((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points'))) <= 60) else 1.5)
        context.vars['r'] = l_0_r
        context.exported_vars.add('r')
        for l_1_p in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')):
            _loop_vars = {}
            pass
            yield '<circle class="point" cx="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_p, 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" cy="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_p, 'y', missing)) is not missing else environment.getattr(_attr_owner, 'y')))
            yield '" r="'
            yield escape((undefined(name='r') if l_0_r is missing else l_0_r))
            yield '"><title>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_p, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield ' '
            yield escape(context.call((undefined(name='value') if l_0_value is missing else l_0_value), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_p, 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_p, 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), _loop_vars=_loop_vars))
            yield '</title></circle>'
        l_1_p = missing
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')):
            pass
            l_0_t = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target'))
            context.vars['t'] = l_0_t
            context.exported_vars.add('t')
            yield '<text class="axis target-label" x="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 2))
            yield '" y="'
            yield escape(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 1))
            yield '" dy="-4" text-anchor="end">target '
            yield escape(context.call((undefined(name='value') if l_0_value is missing else l_0_value), environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 3)))
            yield '</text>'
        for l_1_d in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'dates', missing)) is not missing else environment.getattr(_attr_owner, 'dates')):
            _loop_vars = {}
            pass
            yield '<text class="axis" x="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_d, 'x', missing)) is not missing else environment.getattr(_attr_owner, 'x')))
            yield '" y="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_d, 'y', missing)) is not missing else environment.getattr(_attr_owner, 'y')))
            yield '" text-anchor="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_d, 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
            yield '">'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_d, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars))
            yield '</text>'
        l_1_d = missing
        yield '</svg>'

blocks = {}
debug_info = '3=33&4=36&5=58&6=63&7=70&9=74&10=80&12=87&13=102&14=115&15=129&16=143&17=167&19=180&20=183&22=198&23=210'