from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/chart_legend.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_bands = resolve('bands')
    l_0__ = resolve('_')
    l_0_target = resolve('target')
    l_0_drawn = l_0_words = missing
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_drawn = (t_1(context.eval_ctx, t_2(context, (undefined(name='bands') if l_0_bands is missing else l_0_bands), attribute='name')) if t_4((undefined(name='bands') if l_0_bands is missing else l_0_bands)) else ['healthy', 'warning', 'critical'])
    context.vars['drawn'] = l_0_drawn
    context.exported_vars.add('drawn')
    l_0_words = {'healthy': Markup('healthy'), 'warning': Markup('warning'), 'critical': Markup('critical')}
    context.vars['words'] = l_0_words
    context.exported_vars.add('words')
    if (undefined(name='drawn') if l_0_drawn is missing else l_0_drawn):
        pass
        yield '<figcaption>'
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=Markup('Shaded bands')))
        yield ' '
        def t_5(fiter):
            for l_1_key in fiter:
                if (l_1_key in (undefined(name='drawn') if l_0_drawn is missing else l_0_drawn)):
                    yield l_1_key
        l_1_loop = missing
        for l_1_key, l_1_loop in LoopContext(t_5(['healthy', 'warning', 'critical']), undefined):
            _loop_vars = {}
            pass
            yield '<span class="key key-'
            yield escape(l_1_key)
            yield '">'
            yield escape(environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), l_1_key))
            yield '</span>'
            if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))):
                pass
                yield ', '
        l_1_loop = l_1_key = missing
        if (undefined(name='target') if l_0_target is missing else l_0_target):
            pass
            yield '; dashed line: target.'
        else:
            pass
            yield '.'
        yield '</figcaption>'
    elif (undefined(name='target') if l_0_target is missing else l_0_target):
        pass
        yield '<figcaption>Dashed line: target.</figcaption>'

blocks = {}
debug_info = '2=39&3=45&4=74'