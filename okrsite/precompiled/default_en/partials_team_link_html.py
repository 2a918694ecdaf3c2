from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/team_link.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_team = resolve('team')
    l_0_root = resolve('root')
    pass
    if (undefined(name='team') if l_0_team is missing else l_0_team):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='team') if l_0_team is missing else l_0_team), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='team') if l_0_team is missing else l_0_team), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'

blocks = {}
debug_info = '2=13'