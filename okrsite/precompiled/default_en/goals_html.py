from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'goals.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'goals.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'goals.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_goal_ids = resolve('goal_ids')
    l_0_m = resolve('m')
    l_0_root = resolve('root')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>SMART goals</h1>\n<p>Each goal is checked against SMART: <strong>S</strong>pecific (title and description), <strong>M</strong>easurable (numeric target), <strong>A</strong>ssigned (owner), <strong>R</strong>elevant (supports an objective, key result or KPI), <strong>T</strong>ime-bound (due date or cycle). Upper-case letters pass, lower-case ones do not.</p>\n'
    if (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids):
        pass
        yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'goal_list', missing)) is not missing else environment.getattr(_attr_owner, 'goal_list')), (undefined(name='root') if l_0_root is missing else l_0_root), (undefined(name='goal_ids') if l_0_goal_ids is missing else l_0_goal_ids), _block_vars=_block_vars))
    else:
        pass
        yield '<p class="muted">No SMART goals.</p>'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&6=38'