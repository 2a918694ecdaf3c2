from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/sparkline.svg'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_chart = resolve('chart')
    l_0_title = resolve('title')
    l_0__ = resolve('_')
    l_0_with_unit = resolve('with_unit')
    l_0_day = resolve('day')
    l_0_label = resolve('label')
    l_0_series = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_series = (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'series', missing)) is not missing else environment.getattr(_attr_owner, 'series'))
    context.vars['series'] = l_0_series
    context.exported_vars.add('series')
    if (t_1((undefined(name='series') if l_0_series is missing else l_0_series)) == 1):
        pass
        l_0_label = markup_join(((undefined(name='title') if l_0_title is missing else l_0_title), ': ', context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s on %(day)s', value=context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 1), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), 0) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 0))), ))
        context.vars['label'] = l_0_label
        context.exported_vars.add('label')
    else:
        pass
        l_0_label = markup_join(((undefined(name='title') if l_0_title is missing else l_0_title), ': ', context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(count)s values from %(first)s on %(first_day)s to %(last)s on %(last_day)s', count=t_1((undefined(name='series') if l_0_series is missing else l_0_series)), first=context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 1), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), 0) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), first_day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), 0), 0)), last=context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), -1), 1), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), (environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')), -1) if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'places', missing)) is not missing else environment.getattr(_attr_owner, 'places')) else 4)), last_day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), environment.getitem(environment.getitem((undefined(name='series') if l_0_series is missing else l_0_series), -1), 0))), ))
        context.vars['label'] = l_0_label
        context.exported_vars.add('label')
    yield '<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'width', missing)) is not missing else environment.getattr(_attr_owner, 'width')))
    yield ' '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'height', missing)) is not missing else environment.getattr(_attr_owner, 'height')))
    yield '" width="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'width', missing)) is not missing else environment.getattr(_attr_owner, 'width')))
    yield '" height="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'height', missing)) is not missing else environment.getattr(_attr_owner, 'height')))
    yield '" role="img" aria-label="'
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield '"><title>'
    yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
    yield '</title>'
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
    if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target_y', missing)) is not missing else environment.getattr(_attr_owner, 'target_y')))):
        pass
        yield '<line class="target" x1="0" y1="'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target_y', missing)) is not missing else environment.getattr(_attr_owner, 'target_y')))
        yield '" x2="'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'width', missing)) is not missing else environment.getattr(_attr_owner, 'width')))
        yield '" y2="'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'target_y', missing)) is not missing else environment.getattr(_attr_owner, 'target_y')))
        yield '"/>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'polyline', missing)) is not missing else environment.getattr(_attr_owner, 'polyline')):
        pass
        yield '<polyline class="line" points="'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'polyline', missing)) is not missing else environment.getattr(_attr_owner, 'polyline')))
        yield '"/>'
    yield '<circle class="point" cx="'
    yield escape(environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last')), 0))
    yield '" cy="'
    yield escape(environment.getitem((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='chart') if l_0_chart is missing else l_0_chart), 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last')), 1))
    yield '" r="2"/></svg>'

blocks = {}
debug_info = '2=30&3=33&4=40&6=44&7=56&8=71&9=80&10=86'