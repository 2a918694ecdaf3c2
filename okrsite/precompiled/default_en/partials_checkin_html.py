from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/checkin.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_checkin = resolve('checkin')
    l_0_level = resolve('level')
    l_0_day = resolve('day')
    l_0_clock = resolve('clock')
    l_0_show_target = resolve('show_target')
    l_0_root = resolve('root')
    l_0_partial = resolve('partial')
    l_0__ = resolve('_')
    l_0_num = resolve('num')
    l_0_confidence_out_of = resolve('confidence_out_of')
    l_0_with_unit = resolve('with_unit')
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_2 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<article class="checkin" id="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
    yield '">\n  <h'
    yield escape(t_1((undefined(name='level') if l_0_level is missing else l_0_level), 3))
    yield '><time datetime="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        yield 'T'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')))
    yield '">'
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date'))))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        yield ' '
        yield escape(context.call((undefined(name='clock') if l_0_clock is missing else l_0_clock), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone'))))
    yield '</time>'
    if ((undefined(name='show_target') if l_0_show_target is missing else l_0_show_target) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')) or (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target_id', missing)) is not missing else environment.getattr(_attr_owner, 'target_id')))):
        pass
        yield ' · '
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')):
            pass
            yield '<a href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
            yield '"><bdi>'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
            yield '</bdi></a>'
        else:
            pass
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target_id', missing)) is not missing else environment.getattr(_attr_owner, 'target_id')))
    yield '</h'
    yield escape(t_1((undefined(name='level') if l_0_level is missing else l_0_level), 3))
    yield '>\n  <p class="meta">'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')):
        pass
        yield 'by '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))))
    if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')))):
        pass
        yield escape((' · ' if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')) else cond_expr_undefined("the inline if-expression on line 4 in 'partials/checkin.html' evaluated to false and no else section was defined.")))
        yield 'confidence '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence'))), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
    yield '</p>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'values', missing)) is not missing else environment.getattr(_attr_owner, 'values')):
        pass
        yield '  <ul class="values">'
        for l_1_v in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'values', missing)) is not missing else environment.getattr(_attr_owner, 'values')):
            l_1_markup = resolve('markup')
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=t_2(context.call((undefined(name='markup') if l_1_markup is missing else l_1_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'label', missing)) is not missing else environment.getattr(_attr_owner, 'label'))), _loop_vars=_loop_vars))
            yield ' <strong>'
            if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')))):
                pass
                yield escape((Markup('done') if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'done', missing)) is not missing else environment.getattr(_attr_owner, 'done')) else Markup('not done')))
            else:
                pass
                yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars))
            yield '</strong></li>'
        l_1_v = l_1_markup = missing
        yield '</ul>\n'
    if (not t_4((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))):
        pass
        yield '  <p>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Value')))
        yield ' <strong>'
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit'))))
        yield '</strong></p>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'notes', missing)) is not missing else environment.getattr(_attr_owner, 'notes')):
        pass
        yield '  <div class="prose" dir="auto">'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'notes', missing)) is not missing else environment.getattr(_attr_owner, 'notes')))
        yield '</div>\n'
    yield '</article>'

blocks = {}
debug_info = '2=47&3=49&4=81&5=91&6=94&8=110&9=113&11=117&12=120'