from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'page.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'page.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'page.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_body = resolve('body')
    l_0_m = resolve('m')
    l_0_edit = resolve('edit')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1 dir="auto">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='page') if l_0_page is missing else l_0_page), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</h1>\n<div class="prose" dir="auto">'
    yield escape(t_1((undefined(name='body') if l_0_body is missing else l_0_body)))
    yield '</div>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'edit_link', missing)) is not missing else environment.getattr(_attr_owner, 'edit_link')), (undefined(name='edit') if l_0_edit is missing else l_0_edit), _block_vars=_block_vars))
    yield '\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=39&5=41&6=43'