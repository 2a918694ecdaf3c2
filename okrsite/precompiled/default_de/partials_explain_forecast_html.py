from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/explain_forecast.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_ended = resolve('ended')
    l_0__ = resolve('_')
    l_0_day = resolve('day')
    l_0_f = resolve('f')
    l_0_as_of = resolve('as_of')
    l_0_percent = resolve('percent')
    l_0_decimal = resolve('decimal')
    l_0_num = resolve('num')
    l_0_ngettext = resolve('ngettext')
    l_0_markup = resolve('markup')
    l_0_checkins = resolve('checkins')
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h3>5. Prognose = die angepasste Gerade, abgelesen am Ende des Zyklus</h3>\n'
    if (undefined(name='ended') if l_0_ended is missing else l_0_ended):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No forecast: the cycle ended on %(day)s, so the progress above is where it ended.', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (undefined(name='ended') if l_0_ended is missing else l_0_ended))))
        yield '</p>\n'
    elif ((undefined(name='f') if l_0_f is missing else l_0_f) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'last_day', missing)) is not missing else environment.getattr(_attr_owner, 'last_day'))):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "%(day)s is the cycle's last day: the forecast is the progress it ends with, %(value)s.", day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)), value=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))))
        yield '</p>\n'
    elif (undefined(name='f') if l_0_f is missing else l_0_f):
        pass
        yield '<p>Eine Gerade, nach der Methode der kleinsten Quadrate durch den Fortschritt jedes Check-in-Tages gelegt; Tag 0 ist der erste Tag des Zyklus.</p>\n<table class="explain-points">\n<thead><tr><th scope="col">Datum</th><th scope="col">Tag</th><th scope="col">Fortschritt</th></tr></thead>\n<tbody>'
        for (l_1_d, l_1_x, l_1_y) in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), l_1_d, _loop_vars=_loop_vars))
            yield '</td><td>'
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), l_1_x, _loop_vars=_loop_vars))
            yield '</td><td>'
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), l_1_y, 3, _loop_vars=_loop_vars))
            yield '</td></tr>'
        l_1_d = l_1_x = l_1_y = missing
        yield '</tbody>\n</table>\n<p><code>Fortschritt = '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'intercept', missing)) is not missing else environment.getattr(_attr_owner, 'intercept')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'intercept_places', missing)) is not missing else environment.getattr(_attr_owner, 'intercept_places'))))
        yield ' + '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'slope', missing)) is not missing else environment.getattr(_attr_owner, 'slope')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'slope_places', missing)) is not missing else environment.getattr(_attr_owner, 'slope_places'))))
        yield ' × Tag</code></p>\n<p><code>Prognose = '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'intercept', missing)) is not missing else environment.getattr(_attr_owner, 'intercept')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'intercept_places', missing)) is not missing else environment.getattr(_attr_owner, 'intercept_places'))))
        yield ' + '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'slope', missing)) is not missing else environment.getattr(_attr_owner, 'slope')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'slope_places', missing)) is not missing else environment.getattr(_attr_owner, 'slope_places'))))
        yield ' × '
        yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'at', missing)) is not missing else environment.getattr(_attr_owner, 'at'))))
        yield ' = '
        yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'raw', missing)) is not missing else environment.getattr(_attr_owner, 'raw')), 3))
        yield '</code>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'clamped', missing)) is not missing else environment.getattr(_attr_owner, 'clamped')):
            pass
            yield ', '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('auf 0 bis 1 begrenzt')))
            yield ' '
            yield escape(context.call((undefined(name='decimal') if l_0_decimal is missing else l_0_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), 3))
        yield ' → '
        yield escape(context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value'))))
        yield '</p>\n<p class="forecast-basis">'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'It rests on %(num)d day with a check-in', 'It rests on %(num)d days with a check-in', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days'))))
        if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins')) > (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days'))):
            pass
            yield ' '
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '(%(num)d check-in)', '(%(num)d check-ins)', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'checkins', missing)) is not missing else environment.getattr(_attr_owner, 'checkins'))))
        if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'cycle_checkin_days', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_checkin_days')) < (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'days', missing)) is not missing else environment.getattr(_attr_owner, 'days'))):
            pass
            yield ' '
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '(%(num)d of them in the cycle)', '(%(num)d of them in the cycle)', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'cycle_checkin_days', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_checkin_days'))))
        yield ', '
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'spanning %(num)d day', 'spanning %(num)d days', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'span_days', missing)) is not missing else environment.getattr(_attr_owner, 'span_days'))))
        yield ' '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "of the cycle's %(days)s (%(share)s).", days=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'cycle_days', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_days')), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'span_days', missing)) is not missing else environment.getattr(_attr_owner, 'span_days')) / (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'cycle_days', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_days'))))))
        yield '</p>\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'tentative', missing)) is not missing else environment.getattr(_attr_owner, 'tentative')):
            pass
            yield '<p class="forecast-tentative">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<strong>%s</strong>'), Markup('Vorläufig'))))
            yield ' '
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'fewer than %(min)s days with a check-in, or check-ins spanning less than %(share)s of the cycle; the next check-in can move it a lot.', min=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'min_checkins', missing)) is not missing else environment.getattr(_attr_owner, 'min_checkins')), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'min_span', missing)) is not missing else environment.getattr(_attr_owner, 'min_span')))))
            yield '</p>\n'
        else:
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Not tentative: at least %(min)s days with a check-in, spanning at least %(share)s of the cycle.', min=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'min_checkins', missing)) is not missing else environment.getattr(_attr_owner, 'min_checkins')), share=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='f') if l_0_f is missing else l_0_f), 'min_span', missing)) is not missing else environment.getattr(_attr_owner, 'min_span')))))
            yield '</p>'
    else:
        pass
        yield '<p>Keine Prognose: Eine Gerade braucht Check-ins an mindestens zwei verschiedenen Tagen. '
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'This objective has %(num)d check-in.', 'This objective has %(num)d check-ins.', (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins)))
        yield '</p>'

blocks = {}
debug_info = '7=35&8=40&9=45&13=48&15=60&16=64&17=81&18=95&19=105&20=110'