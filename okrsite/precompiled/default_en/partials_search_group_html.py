from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/search_group.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_kind = resolve('kind')
    pass
    yield '<h2>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' (<span data-slot="count"></span>)</h2>\n<ul class="objs search-'
    yield escape((undefined(name='kind') if l_0_kind is missing else l_0_kind))
    yield '" data-slot="list"></ul>\n'

blocks = {}
debug_info = '6=14&7=16'