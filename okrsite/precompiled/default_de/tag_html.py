from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tag.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'tag.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'tag.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root = resolve('root')
    l_0_url = resolve('url')
    l_0_tag = resolve('tag')
    l_0_title = resolve('title')
    l_0_m = resolve('m')
    l_0_summary = resolve('summary')
    l_0__ = resolve('_')
    l_0_ids = resolve('ids')
    l_0_goal_ids = resolve('goal_ids')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<nav aria-label="Pfadnavigation" class="breadcrumb"><ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'tags/index.html">Schlagwörter</a></li><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'tag', (undefined(name='tag') if l_0_tag is missing else l_0_tag), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape((undefined(name='tag') if l_0_tag is missing else l_0_tag))
    yield '</bdi></a></li></ol></nav>\n<h1 dir="auto">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'summary_block', missing)) is not missing else environment.getattr(_attr_owner, 'summary_block')), (undefined(name='summary') if l_0_summary is missing else l_0_summary), context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of objectives tagged %(name)s', name=(undefined(name='tag') if l_0_tag is missing else l_0_tag), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '\n<h2>Ziele</h2>\n'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'obj_list', missing)) is not missing else environment.getattr(_attr_owner, 'obj_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='ids') if l_0_ids is missing else l_0_ids), _block_vars=_block_vars))
    yield '\n'
    if (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids):
        pass
        yield '<h2>SMART-Ziele</h2>'
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids), _block_vars=_block_vars))

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&4=44&5=51&6=53&8=55&9=57'