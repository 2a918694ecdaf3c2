from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/status_badge.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_status = resolve('status')
    l_0_status_word = resolve('status_word')
    pass
    yield '<span class="status status-'
    yield escape((undefined(name='status') if l_0_status is missing else l_0_status))
    yield '">'
    yield escape(context.call((undefined(name='status_word') if l_0_status_word is missing else l_0_status_word), (undefined(name='status') if l_0_status is missing else l_0_status)))
    yield '</span>'

blocks = {}
debug_info = '2=14'