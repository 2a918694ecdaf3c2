from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/checkin_line.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_checkin = resolve('checkin')
    l_0_root = resolve('root')
    l_0__ = resolve('_')
    l_0_partial = resolve('partial')
    l_0_num = resolve('num')
    l_0_confidence_out_of = resolve('confidence_out_of')
    l_0_when = missing
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
    l_1_day = resolve('day')
    l_1_clock = resolve('clock')
    t_3 = []
    pass
    t_3.append(
        escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))),
    )
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        t_3.extend((
            ' ',
            escape(context.call((undefined(name='clock') if l_1_clock is missing else l_1_clock), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')))),
        ))
    l_0_when = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
    context.vars['when'] = l_0_when
    context.exported_vars.add('when')
    l_1_day = l_1_clock = missing
    yield '<li><time datetime="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        yield 'T'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')))
    yield '">'
    yield escape((undefined(name='when') if l_0_when is missing else l_0_when))
    yield '</time>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')) and context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')), 'startswith', missing)) is not missing else environment.getattr(_attr_owner, 'startswith')), 'objectives/')):
        pass
        yield ' · <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '#'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
        yield '"><span class="visually-hidden">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'check-in of %(when)s:', when=(undefined(name='when') if l_0_when is missing else l_0_when)))
        yield ' </span><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')):
        pass
        yield ' · <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target_id', missing)) is not missing else environment.getattr(_attr_owner, 'target_id')):
        pass
        yield ' · <bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'target_id', missing)) is not missing else environment.getattr(_attr_owner, 'target_id')))
        yield '</bdi>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))))
    if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence')))):
        pass
        yield ' · confidence '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='checkin') if l_0_checkin is missing else l_0_checkin), 'confidence', missing)) is not missing else environment.getattr(_attr_owner, 'confidence'))), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
    yield '</li>'

blocks = {}
debug_info = '2=35&3=48'