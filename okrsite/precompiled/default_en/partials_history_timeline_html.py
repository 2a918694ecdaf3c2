from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/history_timeline.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_timeline = resolve('timeline')
    l_0__ = resolve('_')
    l_0_markup = resolve('markup')
    l_0_root = resolve('root')
    l_0_who = l_0_commit_head = l_0_commit_why = l_0_commit = l_0_committed_by = l_0_ticked = l_0_worded = l_0_words = l_0_judged = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_5 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_6 = environment.tests['iterable']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'iterable' found.")
    try:
        t_7 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_8 = environment.tests['number']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No test named 'number' found.")
    try:
        t_9 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    try:
        t_10 = environment.tests['undefined']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No test named 'undefined' found.")
    pass
    def macro(l_1_x):
        t_11 = []
        l_1_co_authors = resolve('co_authors')
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'co_authors', missing)) is not missing else environment.getattr(_attr_owner, 'co_authors')):
            pass
            t_12 = []
            pass
            l_3_loop = missing
            for l_3_name, l_3_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'co_authors', missing)) is not missing else environment.getattr(_attr_owner, 'co_authors')), undefined):
                _loop_vars = {}
                pass
                if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_3_loop, 'first', missing)) is not missing else environment.getattr(_attr_owner, 'first'))):
                    pass
                    t_12.append(
                        ', ',
                    )
                t_12.extend((
                    '<bdi>',
                    escape(l_3_name),
                    '</bdi>',
                ))
            l_3_loop = l_3_name = missing
            l_1_co_authors = (Markup if context.eval_ctx.autoescape else identity)(concat(t_12))
            t_11.append(
                escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(author)s with %(co_authors)s', author=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>'), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))), co_authors=(undefined(name='co_authors') if l_1_co_authors is missing else l_1_co_authors))),
            )
        else:
            pass
            t_11.extend((
                '<bdi>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author'))),
                '</bdi>',
            ))
        return concat(t_11)
    context.exported_vars.add('who')
    context.vars['who'] = l_0_who = Macro(environment, macro, 'who', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_x):
        t_13 = []
        l_1_day = resolve('day')
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        t_13.extend((
            '<time datetime="',
            escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date'))),
            '">',
            escape(context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')))),
            '</time>',
        ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'authored', missing)) is not missing else environment.getattr(_attr_owner, 'authored')):
            pass
            t_13.extend((
                ' (',
                escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'authored %(date)s', date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'authored', missing)) is not missing else environment.getattr(_attr_owner, 'authored'))))),
                ')',
            ))
        t_13.append(
            ' · ',
        )
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'author', missing)) is not missing else environment.getattr(_attr_owner, 'author')):
            pass
            t_13.extend((
                escape(context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_1_x)),
                ' · ',
            ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'commit_url', missing)) is not missing else environment.getattr(_attr_owner, 'commit_url')):
            pass
            t_13.extend((
                '<a href="',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'commit_url', missing)) is not missing else environment.getattr(_attr_owner, 'commit_url'))),
                '"><code>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'short', missing)) is not missing else environment.getattr(_attr_owner, 'short'))),
                '</code></a>',
            ))
        else:
            pass
            t_13.extend((
                '<code>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'short', missing)) is not missing else environment.getattr(_attr_owner, 'short'))),
                '</code>',
            ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr')):
            pass
            t_13.append(
                ' (',
            )
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr_url', missing)) is not missing else environment.getattr(_attr_owner, 'pr_url')):
                pass
                t_13.extend((
                    '<a href="',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr_url', missing)) is not missing else environment.getattr(_attr_owner, 'pr_url'))),
                    '">',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr'))),
                    '</a>',
                ))
            else:
                pass
                t_13.append(
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr'))),
                )
            t_13.append(
                ')',
            )
        return concat(t_13)
    context.exported_vars.add('commit_head')
    context.vars['commit_head'] = l_0_commit_head = Macro(environment, macro, 'commit_head', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_x):
        t_14 = []
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        t_14.append(
            '<br><span class="why">',
        )
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'reason', missing)) is not missing else environment.getattr(_attr_owner, 'reason')):
            pass
            t_14.append(
                escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reason: %(reason)s', reason=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>'), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'reason', missing)) is not missing else environment.getattr(_attr_owner, 'reason'))))),
            )
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'message', missing)) is not missing else environment.getattr(_attr_owner, 'message')):
                pass
                t_14.append(
                    ' · ',
                )
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'message', missing)) is not missing else environment.getattr(_attr_owner, 'message')):
            pass
            t_14.append(
                escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'commit message “%(message)s”', message=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>'), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'message', missing)) is not missing else environment.getattr(_attr_owner, 'message'))))),
            )
        t_14.append(
            '</span>',
        )
        return concat(t_14)
    context.exported_vars.add('commit_why')
    context.vars['commit_why'] = l_0_commit_why = Macro(environment, macro, 'commit_why', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_x):
        t_15 = []
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'commit_url', missing)) is not missing else environment.getattr(_attr_owner, 'commit_url')):
            pass
            t_15.extend((
                '<a href="',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'commit_url', missing)) is not missing else environment.getattr(_attr_owner, 'commit_url'))),
                '"><code>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'short', missing)) is not missing else environment.getattr(_attr_owner, 'short'))),
                '</code></a>',
            ))
        else:
            pass
            t_15.extend((
                '<code>',
                escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'short', missing)) is not missing else environment.getattr(_attr_owner, 'short'))),
                '</code>',
            ))
        if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr')):
            pass
            t_15.append(
                ' (',
            )
            if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr_url', missing)) is not missing else environment.getattr(_attr_owner, 'pr_url')):
                pass
                t_15.extend((
                    '<a href="',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr_url', missing)) is not missing else environment.getattr(_attr_owner, 'pr_url'))),
                    '">',
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr'))),
                    '</a>',
                ))
            else:
                pass
                t_15.append(
                    escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'pr', missing)) is not missing else environment.getattr(_attr_owner, 'pr'))),
                )
            t_15.append(
                ')',
            )
        return concat(t_15)
    context.exported_vars.add('commit')
    context.vars['commit'] = l_0_commit = Macro(environment, macro, 'commit', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_x):
        t_16 = []
        l_1_day = resolve('day')
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        t_16.append(
            escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'committed by %(author)s on %(date)s in %(commit)s', author=context.call((undefined(name='who') if l_0_who is missing else l_0_who), l_1_x), date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_x, 'committed', missing)) is not missing else environment.getattr(_attr_owner, 'committed'))), commit=context.call((undefined(name='commit') if l_0_commit is missing else l_0_commit), l_1_x))),
        )
        return concat(t_16)
    context.exported_vars.add('committed_by')
    context.vars['committed_by'] = l_0_committed_by = Macro(environment, macro, 'committed_by', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_v):
        t_17 = []
        l_1_ngettext = resolve('ngettext')
        l_1_n = missing
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        pass
        l_1_n = context.call((_attr_value if (_attr_value := getattr(_attr_owner := environment.getitem(context.call((_attr_value if (_attr_value := getattr(_attr_owner := l_1_v, 'split', missing)) is not missing else environment.getattr(_attr_owner, 'split')), ' '), 0), 'split', missing)) is not missing else environment.getattr(_attr_owner, 'split')), '/')
        t_17.append(
            escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), '%(done)s of %(total)s milestone', '%(done)s of %(total)s milestones', t_2(environment.getitem((undefined(name='n') if l_1_n is missing else l_1_n), 1)), done=environment.getitem((undefined(name='n') if l_1_n is missing else l_1_n), 0), total=environment.getitem((undefined(name='n') if l_1_n is missing else l_1_n), 1))),
        )
        return concat(t_17)
    context.exported_vars.add('ticked')
    context.vars['ticked'] = l_0_ticked = Macro(environment, macro, 'ticked', ('v',), False, False, False, context.eval_ctx.autoescape)
    l_0_worded = ('commitment', 'status', 'direction', 'kind')
    context.vars['worded'] = l_0_worded
    context.exported_vars.add('worded')
    l_0_words = {'committed': Markup('committed'), 'aspirational': Markup('aspirational'), 'active': Markup('active'), 'draft': Markup('draft'), 'dropped': Markup('dropped'), 'up': Markup('up'), 'down': Markup('down'), 'numeric': Markup('numeric'), 'milestones': Markup('milestones'), 'boolean': Markup('yes/no'), 'stay_above': Markup('stay above'), 'stay_below': Markup('stay below'), 'rollup': Markup('roll-up')}
    context.vars['words'] = l_0_words
    context.exported_vars.add('words')
    l_0_judged = {'more ambitious': Markup('more ambitious'), 'direction reversed': Markup('direction reversed'), 'stricter': Markup('stricter'), 'looser': Markup('looser')}
    context.vars['judged'] = l_0_judged
    context.exported_vars.add('judged')
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'available', missing)) is not missing else environment.getattr(_attr_owner, 'available')) or (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note'))):
        pass
        yield '<section aria-labelledby="goal-history" class="history">\n<h2 id="goal-history">History of changes</h2>\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'note_text', missing)) is not missing else environment.getattr(_attr_owner, 'note_text')):
            pass
            yield '<p class="muted history-note">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'note_text', missing)) is not missing else environment.getattr(_attr_owner, 'note_text')), **(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'note_values', missing)) is not missing else environment.getattr(_attr_owner, 'note_values'))))
            yield '</p>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule')):
            pass
            yield '<p class="muted history-note">'
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Its folder %(folder)s is a git submodule, whose commits okrsite does not read (warning OKR011).', folder=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s/</code>'), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule')))))
            yield '</p>'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'sources', missing)) is not missing else environment.getattr(_attr_owner, 'sources')):
            pass
            yield '<h3>Where the figures come from</h3>\n<ul class="sources">\n'
            for l_1_s in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'sources', missing)) is not missing else environment.getattr(_attr_owner, 'sources')):
                l_1_day = resolve('day')
                l_1_o = resolve('o')
                l_1_said = resolve('said')
                l_1_ngettext = resolve('ngettext')
                l_1_config = resolve('config')
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'label', missing)) is not missing else environment.getattr(_attr_owner, 'label'))), _loop_vars=_loop_vars))
                yield ' '
                if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'check-in'):
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'check-in %(file)s dated %(date)s', file=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file'))), date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'csv'):
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'row dated %(date)s of %(file)s', file=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file'))), date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'values'):
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(values)s entry %(date)s in %(file)s', values=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>values:</code>', _loop_vars=_loop_vars), file=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file'))), date=context.call((undefined(name='day') if l_1_day is missing else l_1_day), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'date', missing)) is not missing else environment.getattr(_attr_owner, 'date')), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                else:
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(current)s in %(file)s', current=context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), ('<code>milestones:</code>' if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')) == 'milestones') else ('<code>done:</code>' if (context.call((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), 'key', _loop_vars=_loop_vars) == 'done') else '<code>current:</code>')), _loop_vars=_loop_vars), file=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'file', missing)) is not missing else environment.getattr(_attr_owner, 'file'))), _loop_vars=_loop_vars))
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'commit', missing)) is not missing else environment.getattr(_attr_owner, 'commit')):
                    pass
                    yield ', '
                    l_1_o = context.call((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), 'origin_line', _loop_vars=_loop_vars)
                    _loop_vars['o'] = l_1_o
                    if t_7((undefined(name='o') if l_1_o is missing else l_1_o)):
                        pass
                        yield escape(context.call((undefined(name='committed_by') if l_0_committed_by is missing else l_0_committed_by), l_1_s, _loop_vars=_loop_vars))
                    else:
                        pass
                        l_1_said = (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_1_o is missing else l_1_o), 'drawn', missing)) is not missing else environment.getattr(_attr_owner, 'drawn')), 'committed', missing)) is not missing else environment.getattr(_attr_owner, 'committed'))
                        _loop_vars['said'] = l_1_said
                        if t_10((undefined(name='said') if l_1_said is missing else l_1_said)):
                            pass
                            l_1_said = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='o') if l_1_o is missing else l_1_o), 'keep', missing)) is not missing else environment.getattr(_attr_owner, 'keep')), 'committed', context.call((undefined(name='committed_by') if l_0_committed_by is missing else l_0_committed_by), (undefined(name='o') if l_1_o is missing else l_1_o), _loop_vars=_loop_vars), _loop_vars=_loop_vars)
                            _loop_vars['said'] = l_1_said
                        yield escape((undefined(name='said') if l_1_said is missing else l_1_said))
                elif (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'edited', missing)) is not missing else environment.getattr(_attr_owner, 'edited')):
                    pass
                    yield ', changed since its last commit, not committed yet'
                elif (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'before_history', missing)) is not missing else environment.getattr(_attr_owner, 'before_history')):
                    pass
                    yield ', committed before the oldest commit this shallow clone holds'
                elif (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule')):
                    pass
                    if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule')) != (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule'))):
                        pass
                        yield '. '
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Its folder %(folder)s is a git submodule, whose commits okrsite does not read (warning OKR011).', folder=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s/</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule'))), _loop_vars=_loop_vars))
                else:
                    pass
                    yield ', not committed yet'
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_s, 'backdated', missing)) is not missing else environment.getattr(_attr_owner, 'backdated')):
                    pass
                    yield ' <strong class="flag backdated">backdated</strong> <span class="muted">('
                    yield escape(context.call((undefined(name='ngettext') if l_1_ngettext is missing else l_1_ngettext), 'committed more than %(days)s day after its date', 'committed more than %(days)s days after its date', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_1_config is missing else l_1_config), 'backdate_days', missing)) is not missing else environment.getattr(_attr_owner, 'backdate_days')), days=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='config') if l_1_config is missing else l_1_config), 'backdate_days', missing)) is not missing else environment.getattr(_attr_owner, 'backdate_days')), _loop_vars=_loop_vars))
                    yield ')</span>'
                yield '</li>\n'
            l_1_s = l_1_day = l_1_o = l_1_said = l_1_ngettext = l_1_config = missing
            yield '</ul>\n'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'entries', missing)) is not missing else environment.getattr(_attr_owner, 'entries')):
            pass
            yield '<h3>Changes</h3>\n<ol class="history-timeline" reversed>\n'
            l_1_loop = missing
            for l_1_e, l_1_loop in LoopContext((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'entries', missing)) is not missing else environment.getattr(_attr_owner, 'entries')), undefined):
                l_1_head = resolve('head')
                l_1_old = resolve('old')
                l_1_new = resolve('new')
                l_1_with_unit = resolve('with_unit')
                l_1_why = resolve('why')
                l_1_kind = l_1_mid = l_1_less = l_1_c = missing
                _loop_vars = {}
                pass
                (l_1_kind, l_1_mid, l_1_less, l_1_c) = ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'kind', missing)) is not missing else environment.getattr(_attr_owner, 'kind')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'mid_cycle', missing)) is not missing else environment.getattr(_attr_owner, 'mid_cycle')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'less_ambitious', missing)) is not missing else environment.getattr(_attr_owner, 'less_ambitious')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'commit_line', missing)) is not missing else environment.getattr(_attr_owner, 'commit_line')))
                _loop_vars.update({'c': l_1_c, 'kind': l_1_kind, 'less': l_1_less, 'mid': l_1_mid})
                yield '<li'
                if ((undefined(name='mid') if l_1_mid is missing else l_1_mid) or (undefined(name='less') if l_1_less is missing else l_1_less)):
                    pass
                    yield ' class="'
                    yield escape(('mid-cycle' if (undefined(name='mid') if l_1_mid is missing else l_1_mid) else cond_expr_undefined("the inline if-expression on line 83 in 'partials/history_timeline.html' evaluated to false and no else section was defined.")))
                    yield escape((' ' if ((undefined(name='mid') if l_1_mid is missing else l_1_mid) and (undefined(name='less') if l_1_less is missing else l_1_less)) else cond_expr_undefined("the inline if-expression on line 83 in 'partials/history_timeline.html' evaluated to false and no else section was defined.")))
                    yield escape(('less-ambitious' if (undefined(name='less') if l_1_less is missing else l_1_less) else cond_expr_undefined("the inline if-expression on line 83 in 'partials/history_timeline.html' evaluated to false and no else section was defined.")))
                    yield '"'
                yield '>'
                if t_7((undefined(name='c') if l_1_c is missing else l_1_c)):
                    pass
                    yield escape(context.call((undefined(name='commit_head') if l_0_commit_head is missing else l_0_commit_head), l_1_e, _loop_vars=_loop_vars))
                else:
                    pass
                    l_1_head = (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_1_c is missing else l_1_c), 'drawn', missing)) is not missing else environment.getattr(_attr_owner, 'drawn')), 'head', missing)) is not missing else environment.getattr(_attr_owner, 'head'))
                    _loop_vars['head'] = l_1_head
                    if t_10((undefined(name='head') if l_1_head is missing else l_1_head)):
                        pass
                        l_1_head = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_1_c is missing else l_1_c), 'keep', missing)) is not missing else environment.getattr(_attr_owner, 'keep')), 'head', context.call((undefined(name='commit_head') if l_0_commit_head is missing else l_0_commit_head), (undefined(name='c') if l_1_c is missing else l_1_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)
                        _loop_vars['head'] = l_1_head
                    yield escape((undefined(name='head') if l_1_head is missing else l_1_head))
                yield ':\n'
                if ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'created'):
                    pass
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'created as “%(title)s”', title=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new'))), _loop_vars=_loop_vars))
                elif ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'removed'):
                    pass
                    yield 'removed'
                elif ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'key_result'):
                    pass
                    if t_7((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new'))):
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'key result removed: “%(title)s”', title=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old', missing)) is not missing else environment.getattr(_attr_owner, 'old'))), _loop_vars=_loop_vars))
                    else:
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'key result added: “%(title)s”', title=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new'))), _loop_vars=_loop_vars))
                elif ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'id'):
                    pass
                    if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')):
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'key result id from %(old)s to %(new)s', old=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old', missing)) is not missing else environment.getattr(_attr_owner, 'old'))), new=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new'))), _loop_vars=_loop_vars))
                    else:
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'moved from %(old)s to %(new)s', old=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old', missing)) is not missing else environment.getattr(_attr_owner, 'old'))), new=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<code>%s</code>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new'))), _loop_vars=_loop_vars))
                else:
                    pass
                    (l_1_old, l_1_new) = ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old', missing)) is not missing else environment.getattr(_attr_owner, 'old')), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new', missing)) is not missing else environment.getattr(_attr_owner, 'new')))
                    _loop_vars.update({'new': l_1_new, 'old': l_1_old})
                    if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'key_result', missing)) is not missing else environment.getattr(_attr_owner, 'key_result')):
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '“%(title)s”', title=t_1(context.call((undefined(name='markup') if l_0_markup is missing else l_0_markup), '<bdi>%s</bdi>', _loop_vars=_loop_vars), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'key_result_title', missing)) is not missing else environment.getattr(_attr_owner, 'key_result_title'))), _loop_vars=_loop_vars))
                        yield ' '
                    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'field', missing)) is not missing else environment.getattr(_attr_owner, 'field')))
                    yield ' '
                    if (not t_7((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old_name', missing)) is not missing else environment.getattr(_attr_owner, 'old_name')))):
                        pass
                        yield '<bdi>'
                        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old_name', missing)) is not missing else environment.getattr(_attr_owner, 'old_name')))
                        yield '</bdi>'
                    elif t_7((undefined(name='old') if l_1_old is missing else l_1_old)):
                        pass
                        yield '—'
                    elif ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'milestones'):
                        pass
                        yield escape(context.call((undefined(name='ticked') if l_0_ticked is missing else l_0_ticked), (undefined(name='old') if l_1_old is missing else l_1_old), _loop_vars=_loop_vars))
                    elif t_9((undefined(name='old') if l_1_old is missing else l_1_old)):
                        pass
                        yield '<bdi>'
                        yield escape((environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), (undefined(name='old') if l_1_old is missing else l_1_old)) if (((undefined(name='kind') if l_1_kind is missing else l_1_kind) in (undefined(name='worded') if l_0_worded is missing else l_0_worded)) and ((undefined(name='old') if l_1_old is missing else l_1_old) in (undefined(name='words') if l_0_words is missing else l_0_words))) else (undefined(name='old') if l_1_old is missing else l_1_old)))
                        yield '</bdi>'
                    elif t_8((undefined(name='old') if l_1_old is missing else l_1_old)):
                        pass
                        yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (undefined(name='old') if l_1_old is missing else l_1_old), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'old_unit', missing)) is not missing else environment.getattr(_attr_owner, 'old_unit')), _loop_vars=_loop_vars))
                    elif t_6((undefined(name='old') if l_1_old is missing else l_1_old)):
                        pass
                        yield escape((t_3(context.eval_ctx, (undefined(name='old') if l_1_old is missing else l_1_old), ', ') or '—'))
                    else:
                        pass
                        yield escape((undefined(name='old') if l_1_old is missing else l_1_old))
                    yield ' → '
                    if (not t_7((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new_name', missing)) is not missing else environment.getattr(_attr_owner, 'new_name')))):
                        pass
                        yield '<bdi>'
                        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new_name', missing)) is not missing else environment.getattr(_attr_owner, 'new_name')))
                        yield '</bdi>'
                    elif t_7((undefined(name='new') if l_1_new is missing else l_1_new)):
                        pass
                        yield '—'
                    elif ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'milestones'):
                        pass
                        yield escape(context.call((undefined(name='ticked') if l_0_ticked is missing else l_0_ticked), (undefined(name='new') if l_1_new is missing else l_1_new), _loop_vars=_loop_vars))
                    elif t_9((undefined(name='new') if l_1_new is missing else l_1_new)):
                        pass
                        yield '<bdi>'
                        yield escape((environment.getitem((undefined(name='words') if l_0_words is missing else l_0_words), (undefined(name='new') if l_1_new is missing else l_1_new)) if (((undefined(name='kind') if l_1_kind is missing else l_1_kind) in (undefined(name='worded') if l_0_worded is missing else l_0_worded)) and ((undefined(name='new') if l_1_new is missing else l_1_new) in (undefined(name='words') if l_0_words is missing else l_0_words))) else (undefined(name='new') if l_1_new is missing else l_1_new)))
                        yield '</bdi>'
                    elif t_8((undefined(name='new') if l_1_new is missing else l_1_new)):
                        pass
                        yield escape(context.call((undefined(name='with_unit') if l_1_with_unit is missing else l_1_with_unit), (undefined(name='new') if l_1_new is missing else l_1_new), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'new_unit', missing)) is not missing else environment.getattr(_attr_owner, 'new_unit')), _loop_vars=_loop_vars))
                    elif t_6((undefined(name='new') if l_1_new is missing else l_1_new)):
                        pass
                        yield escape((t_3(context.eval_ctx, (undefined(name='new') if l_1_new is missing else l_1_new), ', ') or '—'))
                    else:
                        pass
                        yield escape((undefined(name='new') if l_1_new is missing else l_1_new))
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'not_kept', missing)) is not missing else environment.getattr(_attr_owner, 'not_kept')):
                    pass
                    yield ": the branch's change was not kept in the merge"
                elif (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'not_kept_in', missing)) is not missing else environment.getattr(_attr_owner, 'not_kept_in')):
                    pass
                    yield ' <span class="flag not-kept">'
                    if (((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')) == 'less ambitious') or ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')) in (undefined(name='judged') if l_0_judged is missing else l_0_judged))):
                        pass
                        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(judgement)s, not kept in the merge', judgement=(Markup('less ambitious') if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')) == 'less ambitious') else environment.getitem((undefined(name='judged') if l_0_judged is missing else l_0_judged), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')))), _loop_vars=_loop_vars))
                    else:
                        pass
                        yield 'not kept in the merge'
                    yield '</span>'
                elif (undefined(name='less') if l_1_less is missing else l_1_less):
                    pass
                    yield ' <strong class="flag less-ambitious">less ambitious</strong>'
                elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')) in (undefined(name='judged') if l_0_judged is missing else l_0_judged)):
                    pass
                    yield ' <strong class="flag '
                    yield escape(t_4(context.eval_ctx, (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note')), ' ', '-'))
                    yield '">'
                    yield escape(environment.getitem((undefined(name='judged') if l_0_judged is missing else l_0_judged), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'note', missing)) is not missing else environment.getattr(_attr_owner, 'note'))))
                    yield '</strong>'
                if (undefined(name='mid') if l_1_mid is missing else l_1_mid):
                    pass
                    yield ' <span class="flag mid-cycle">mid-cycle</span>'
                if (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'cycle_ended', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_ended')):
                    pass
                    yield ' <strong class="flag ended-cycle">'
                    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'after %(cycle)s ended', cycle=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'cycle_ended', missing)) is not missing else environment.getattr(_attr_owner, 'cycle_ended')), _loop_vars=_loop_vars))
                    yield '</strong>'
                if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'reason', missing)) is not missing else environment.getattr(_attr_owner, 'reason')) or (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'message', missing)) is not missing else environment.getattr(_attr_owner, 'message'))):
                    pass
                    if t_7((undefined(name='c') if l_1_c is missing else l_1_c)):
                        pass
                        yield escape(context.call((undefined(name='commit_why') if l_0_commit_why is missing else l_0_commit_why), l_1_e, _loop_vars=_loop_vars))
                    else:
                        pass
                        l_1_why = (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_1_c is missing else l_1_c), 'drawn', missing)) is not missing else environment.getattr(_attr_owner, 'drawn')), 'why', missing)) is not missing else environment.getattr(_attr_owner, 'why'))
                        _loop_vars['why'] = l_1_why
                        if t_10((undefined(name='why') if l_1_why is missing else l_1_why)):
                            pass
                            l_1_why = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='c') if l_1_c is missing else l_1_c), 'keep', missing)) is not missing else environment.getattr(_attr_owner, 'keep')), 'why', context.call((undefined(name='commit_why') if l_0_commit_why is missing else l_0_commit_why), (undefined(name='c') if l_1_c is missing else l_1_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)
                            _loop_vars['why'] = l_1_why
                        yield escape((undefined(name='why') if l_1_why is missing else l_1_why))
                if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'detail', missing)) is not missing else environment.getattr(_attr_owner, 'detail')) and ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'first', missing)) is not missing else environment.getattr(_attr_owner, 'first')) or ((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'previtem', missing)) is not missing else environment.getattr(_attr_owner, 'previtem')), 'commit', missing)) is not missing else environment.getattr(_attr_owner, 'commit')) != (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'commit', missing)) is not missing else environment.getattr(_attr_owner, 'commit'))))):
                    pass
                    yield '<details class="commit-message"><summary>Rest of the commit message</summary><p dir="auto">'
                    l_2_loop = missing
                    for l_2_line, l_2_loop in LoopContext(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_e, 'detail', missing)) is not missing else environment.getattr(_attr_owner, 'detail')), 'split', missing)) is not missing else environment.getattr(_attr_owner, 'split')), '\n', _loop_vars=_loop_vars), undefined):
                        _loop_vars = {}
                        pass
                        if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_2_loop, 'first', missing)) is not missing else environment.getattr(_attr_owner, 'first'))):
                            pass
                            yield '<br>'
                        yield escape(l_2_line)
                    l_2_loop = l_2_line = missing
                    yield '</p></details>'
                yield '</li>\n'
            l_1_loop = l_1_e = l_1_kind = l_1_mid = l_1_less = l_1_c = l_1_head = l_1_old = l_1_new = l_1_with_unit = l_1_why = missing
            yield '</ol>\n'
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'available', missing)) is not missing else environment.getattr(_attr_owner, 'available')) and (not (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline), 'submodule', missing)) is not missing else environment.getattr(_attr_owner, 'submodule')))):
            pass
            yield '<p class="muted">No changes recorded.</p>'
        yield '<p class="meta">Every goal\'s history: <a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield 'api/history.json">history.json</a></p>\n</section>'

blocks = {}
debug_info = '36=76&37=82&39=115&40=123&42=185&43=193&45=214&46=219&47=235&52=260&53=267&57=272&58=279&59=281&63=286&64=289&66=292&67=295&70=298&71=303&72=308&75=311&76=334&77=366&80=374&83=378&84=411&85=494&86=517&87=525&88=539&90=555&91=559'