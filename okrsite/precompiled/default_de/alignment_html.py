from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alignment.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'alignment.html')
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
    l_0_groups = resolve('groups')
    l_0_partial = resolve('partial')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Ausrichtung</h1>\n<p>Jedes Ziel unter dem Ziel (oder Schlüsselergebnis), auf das es ausgerichtet ist.</p>\n'
    if (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'list_filters.html', _block_vars=_block_vars))
    t_2 = 1
    for (l_1_cycle, l_1_steps) in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        l_1_anchor = resolve('anchor')
        l_1_cycle_title = resolve('cycle_title')
        l_1__ = resolve('_')
        _loop_vars = {}
        pass
        yield '<section aria-labelledby="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', l_1_cycle, _loop_vars=_loop_vars))
        yield '">\n<h2 id="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 'cycle', l_1_cycle, _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call((undefined(name='cycle_title') if l_1_cycle_title is missing else l_1_cycle_title), l_1_cycle, _loop_vars=_loop_vars))
        yield '</h2>\n<ul class="tree" data-filter-context="(passt nicht zu den Filtern; angezeigt für die darunter ausgerichteten Ziele)" data-filter-count="'
        yield escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), '%(matched)s of %(total)s match', matched='{matched}', total='{total}', _loop_vars=_loop_vars))
        yield '" data-filter-count-context="'
        yield escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), '%(matched)s of %(total)s match, %(context)s more shown for the objectives aligned below them', matched='{matched}', total='{total}', context='{context}', _loop_vars=_loop_vars))
        yield '" data-filter-summary="'
        yield escape(context.call((undefined(name='_') if l_1__ is missing else l_1__), '%(summary)s, %(shown)s shown', summary='{summary}', shown='{shown}', _loop_vars=_loop_vars))
        yield '">'
        for (l_2_kind, l_2_value) in l_1_steps:
            l_2_ngettext = resolve('ngettext')
            _loop_vars = {}
            pass
            if (l_2_kind == 'node'):
                pass
                yield '<li>\n'
                yield escape(l_2_value)
                yield '\n'
            elif (l_2_kind == 'open'):
                pass
                yield '<details open>\n<summary>'
                yield escape(context.call((undefined(name='ngettext') if l_2_ngettext is missing else l_2_ngettext), '%(num)d aligned objective', '%(num)d aligned objectives', l_2_value, _loop_vars=_loop_vars))
                yield '</summary>\n<ul>'
            elif (l_2_kind == 'close'):
                pass
                yield '</ul>\n</details>\n'
            else:
                pass
                yield '</li>'
        l_2_kind = l_2_value = l_2_ngettext = missing
        yield '</ul>\n</section>\n'
        t_2 = 0
    l_1_cycle = l_1_steps = l_1_anchor = l_1_cycle_title = l_1__ = missing
    if t_2:
        pass
        yield '<p class="muted">Keine Ziele.</p>\n'

blocks = {'main': block_main}
debug_info = '1=12&7=17&10=34&11=38&12=45&13=47&14=51&15=64&16=66&17=69&18=71'