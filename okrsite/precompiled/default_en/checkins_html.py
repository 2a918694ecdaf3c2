from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'checkins.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = missing
    pass
    parent_template = environment.get_template('base.html', 'checkins.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'checkins.html')._get_default_module(context)
    context.exported_vars.discard('m')
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_total = resolve('total')
    l_0_checkins = resolve('checkins')
    l_0__ = resolve('_')
    l_0_ngettext = resolve('ngettext')
    l_0_markup = resolve('markup')
    l_0_root = resolve('root')
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Check-ins</h1>\n'
    if (undefined(name='total') if l_0_total is missing else l_0_total):
        pass
        yield '<p>'
        if ((undefined(name='total') if l_0_total is missing else l_0_total) > t_2((undefined(name='checkins') if l_0_checkins is missing else l_0_checkins))):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), "The latest %(shown)s of %(total)s check-ins; every objective's page has its full timeline.", shown=t_2((undefined(name='checkins') if l_0_checkins is missing else l_0_checkins)), total=(undefined(name='total') if l_0_total is missing else l_0_total), _block_vars=_block_vars))
        else:
            pass
            yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), '%(num)d check-in, newest first.', '%(num)d check-ins, newest first.', (undefined(name='total') if l_0_total is missing else l_0_total), _block_vars=_block_vars))
        yield ' '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Subscribe with the %(feed)s.', feed=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<a href="%scheckins.xml">%s</a>', _block_vars=_block_vars), (undefined(name='root') if l_0_root is missing else l_0_root), Markup('Atom feed')), _block_vars=_block_vars))
        yield '</p>\n<div class="timeline">\n'
        for l_1_c in (undefined(name='checkins') if l_0_checkins is missing else l_0_checkins):
            l_1_checkin_block = resolve('checkin_block')
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='checkin_block') if l_1_checkin_block is missing else l_1_checkin_block), (undefined(name='root') if l_0_root is missing else l_0_root), l_1_c, True, 2, _loop_vars=_loop_vars))
            yield '\n'
        l_1_c = l_1_checkin_block = missing
        yield '</div>\n'
    else:
        pass
        yield '<p class="muted">'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No check-ins yet: record one with %(command)s.', command=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>okrsite checkin ID --set KR=VALUE</code>', _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</p>\n'

blocks = {'main': block_main}
debug_info = '1=13&2=16&3=20&5=53&6=56&8=65&11=76'