from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pages.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'pages.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_rows = resolve('rows')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Seiten</h1>\n<ul class="pagelist">'
    for (l_1_pid, l_1_name) in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        l_1_root = resolve('root')
        l_1_url = resolve('url')
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
        yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), 'page', l_1_pid, _loop_vars=_loop_vars))
        yield '">'
        yield escape(l_1_name)
        yield '</a></li>'
    l_1_pid = l_1_name = l_1_root = l_1_url = missing
    yield '</ul>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&4=33'