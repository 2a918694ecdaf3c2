from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/search_result.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '<li class="obj search-result">\n  <a class="obj-title" data-slot="link"><bdi data-slot="title"></bdi></a>\n  <span class="meta"><span data-part><span class="sep"> · </span><bdi data-slot="owner"></bdi></span><span data-part><span class="sep"> · </span><bdi data-slot="team"></bdi></span><span data-part><span class="sep"> · </span><bdi data-slot="objective"></bdi></span><span data-part><span class="sep"> · </span><bdi data-slot="cycle"></bdi></span></span>\n  <span class="obj-score"><span data-slot="status"></span> <span data-slot="progress"></span></span>\n</li>'

blocks = {}
debug_info = ''