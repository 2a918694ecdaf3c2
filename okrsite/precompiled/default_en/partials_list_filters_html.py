from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/list_filters.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_titled_cycles = resolve('titled_cycles')
    l_0__ = resolve('_')
    l_0_titled = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '<div class="list-filters" hidden data-all="all"'
    for l_1_st in ('on-track', 'at-risk', 'off-track', 'done', 'achieved', 'missed', 'upcoming', 'draft', 'dropped'):
        l_1_status_word = resolve('status_word')
        _loop_vars = {}
        pass
        yield ' data-status-'
        yield escape(l_1_st)
        yield '="'
        yield escape(context.call((undefined(name='status_word') if l_1_status_word is missing else l_1_status_word), l_1_st, _loop_vars=_loop_vars))
        yield '"'
    l_1_st = l_1_status_word = missing
    l_0_titled = context.call((undefined(name='titled_cycles') if l_0_titled_cycles is missing else l_0_titled_cycles))
    context.vars['titled'] = l_0_titled
    context.exported_vars.add('titled')
    if (undefined(name='titled') if l_0_titled is missing else l_0_titled):
        pass
        yield " data-cycle-titles='"
        yield escape(t_2(context.eval_ctx, (undefined(name='titled') if l_0_titled is missing else l_0_titled)))
        yield "'"
    yield '>\n  <label>Team <select data-key="team"></select></label>\n  <label>Owner <select data-key="owner"></select></label>\n  <label>Status <select data-key="status"></select></label>\n  <label>Cycle <select data-key="cycle"></select></label>\n  <label>Sort by <select data-key="sort"><option value="">title</option><option value="progress">progress, lowest first</option><option value="behind">behind, most first</option><option value="confidence">confidence, lowest first</option><option value="last">last check-in, oldest first</option></select></label>\n  <p class="meta" aria-live="polite" data-count="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(shown)s of %(total)s shown', shown='{shown}', total='{total}'))
    yield '"></p>\n  <p class="filter-print" data-pair="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(filter)s: %(value)s', filter='{filter}', value='{value}'))
    yield '" data-separator=" · "></p>\n  <p class="filter-unknown" hidden data-unknown="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Nothing on this page has %(filter)s “%(value)s”.', filter='{filter}', value='{value}'))
    yield '"><span></span> <button type="button">Clear filters</button></p>\n</div>'

blocks = {}
debug_info = '3=27&4=37&10=46&11=48&12=50'