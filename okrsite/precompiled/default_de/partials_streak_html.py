from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/streak.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_streak = resolve('streak')
    l_0_ngettext = resolve('ngettext')
    l_0_cycle_title = resolve('cycle_title')
    l_0__ = resolve('_')
    pass
    if (undefined(name='streak') if l_0_streak is missing else l_0_streak):
        pass
        yield '<p class="meta streak">'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='streak') if l_0_streak is missing else l_0_streak), 'weeks', missing)) is not missing else environment.getattr(_attr_owner, 'weeks')):
            pass
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Check-in streak: %(num)d week in a row in %(cycle)s', 'Check-in streak: %(num)d weeks in a row in %(cycle)s', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='streak') if l_0_streak is missing else l_0_streak), 'weeks', missing)) is not missing else environment.getattr(_attr_owner, 'weeks')), cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='streak') if l_0_streak is missing else l_0_streak), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')))))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No check-in streak in %(cycle)s: no check-in last week or this week.', cycle=context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='streak') if l_0_streak is missing else l_0_streak), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')))))
        yield '</p>\n'

blocks = {}
debug_info = '5=15'