from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/change.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_change = resolve('change')
    l_0_day = resolve('day')
    l_0_clock = resolve('clock')
    l_0_root = resolve('root')
    l_0_partial = resolve('partial')
    l_0_num = resolve('num')
    l_0__ = resolve('_')
    l_0_confidence_out_of = resolve('confidence_out_of')
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
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<li class="change">\n  <p><time datetime="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        yield 'T'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone')))
    yield '">'
    yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date'))))
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')):
        pass
        yield ' '
        yield escape(context.call((undefined(name='clock') if l_0_clock is missing else l_0_clock), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'time', missing)) is not missing else environment.getattr(_attr_owner, 'time')), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'zone', missing)) is not missing else environment.getattr(_attr_owner, 'zone'))))
    yield '</time>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')) and (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor'))):
        pass
        yield ' · <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '#'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'anchor', missing)) is not missing else environment.getattr(_attr_owner, 'anchor')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')):
        pass
        yield ' · <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')):
        pass
        yield ' · '
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))))
    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_after', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_after')))):
        pass
        yield ' · confidence '
        if ((not t_3((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_before', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_before')))) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_before', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_before')) != (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_after', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_after')))):
            pass
            yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_before', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_before'))))
            yield ' → '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(value)s/%(out_of)s', value=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'confidence_after', missing)) is not missing else environment.getattr(_attr_owner, 'confidence_after'))), out_of=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (undefined(name='confidence_out_of') if l_0_confidence_out_of is missing else l_0_confidence_out_of))))
    yield '</p>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'moves', missing)) is not missing else environment.getattr(_attr_owner, 'moves')):
        pass
        yield '<ul>'
        for l_1_m in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='change') if l_0_change is missing else l_0_change), 'moves', missing)) is not missing else environment.getattr(_attr_owner, 'moves')):
            l_1_markup = resolve('markup')
            l_1_ngettext = resolve('ngettext')
            l_1_lead = resolve('lead')
            l_1_with_unit = resolve('with_unit')
            l_1_status_word = resolve('status_word')
            l_1_decimal = resolve('decimal')
            l_1_shown = resolve('shown')
            l_1_plural_count = resolve('plural_count')
            _loop_vars = {}
            pass
            yield '    <li>'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=t_1(context.call((undefined(name='markup') if l_1_markup is missing else l_1_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title'))), _loop_vars=_loop_vars))
            yield ' '
            if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'done_after', missing)) is not missing else environment.getattr(_attr_owner, 'done_after')))):
                pass
                yield escape((Markup('done') if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'done_before', missing)) is not missing else environment.getattr(_attr_owner, 'done_before')) else Markup('not done')))
                yield ' → '
                yield escape((Markup('done') if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'done_after', missing)) is not missing else environment.getattr(_attr_owner, 'done_after')) else Markup('not done')))
            else:
                pass
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')):
                    pass
                    yield escape(context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), _loop_vars=_loop_vars))
                    yield ' → '
                    yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(done)s of %(total)s milestone', '%(done)s of %(total)s milestones', (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')), done=context.call((undefined(name='num') if l_0_num is missing else l_0_num), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')), _loop_vars=_loop_vars), total=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'milestones', missing)) is not missing else environment.getattr(_attr_owner, 'milestones')), _loop_vars=_loop_vars))
                else:
                    pass
                    if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')))):
                        pass
                        yield escape(context.call((undefined(name='lead') if l_1_lead is missing else l_1_lead), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'previous', missing)) is not missing else environment.getattr(_attr_owner, 'previous')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars))
                        yield ' → '
                    yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _loop_vars=_loop_vars))
            if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')) in ('draft', 'dropped')):
                pass
                yield ' <span class="meta">('
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(status)s, counts nowhere', status=context.call((undefined(name='status_word') if l_1_status_word is missing else l_1_status_word), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'status', missing)) is not missing else environment.getattr(_attr_owner, 'status')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield ')</span>'
            if (not t_3((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')))):
                pass
                yield ' <span class="meta">('
                l_1_shown = context.call((undefined(name='decimal') if l_1_decimal is missing else l_1_decimal), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points_places', missing)) is not missing else environment.getattr(_attr_owner, 'points_places')), _loop_vars=_loop_vars)
                _loop_vars['shown'] = l_1_shown
                yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(points)s point of progress', '%(points)s points of progress', context.call((undefined(name='plural_count') if l_1_plural_count is missing else l_1_plural_count), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points_places', missing)) is not missing else environment.getattr(_attr_owner, 'points_places')), _loop_vars=_loop_vars), points=markup_join((('+' if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'points', missing)) is not missing else environment.getattr(_attr_owner, 'points')) > 0) else ''), (undefined(name='shown') if l_1_shown is missing else l_1_shown), )), _loop_vars=_loop_vars))
                yield ')</span>'
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'meaning', missing)) is not missing else environment.getattr(_attr_owner, 'meaning')):
                pass
                yield ' <span class="move-'
                yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'meaning', missing)) is not missing else environment.getattr(_attr_owner, 'meaning')))
                yield '">('
                yield escape(environment.getitem({'improving': Markup('improving'), 'worsening': Markup('worsening'), 'steady': Markup('steady')}, (_attr_value if (_attr_value := getattr(_attr_owner := l_1_m, 'meaning', missing)) is not missing else environment.getattr(_attr_owner, 'meaning'))))
                yield ')</span>'
            yield '</li>\n'
        l_1_m = l_1_markup = l_1_ngettext = l_1_lead = l_1_with_unit = l_1_status_word = l_1_decimal = l_1_shown = l_1_plural_count = missing
        yield '</ul>'
    yield '</li>'

blocks = {}
debug_info = '3=38&4=82&5=97'