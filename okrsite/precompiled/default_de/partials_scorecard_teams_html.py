from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/scorecard_teams.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_card = resolve('card')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<h3>Nach Team</h3>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'teams', missing)) is not missing else environment.getattr(_attr_owner, 'teams')):
        pass
        yield '<p class="muted scorecard-teams-note">Jede Zeile zählt die eigenen Ziele des Teams, nicht die seiner Unterteams. „Mit Unterteams“ ist sein Fortschritt mit deren Zielen, wie auf der Seite Teams.</p>\n<table class="scorecard-teams stack">\n<thead><tr><th scope="col">Team</th><th scope="col">gezählte Ziele</th><th scope="col">'
        yield escape((Markup('erreicht') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären erreicht')))
        yield '</th><th scope="col">'
        yield escape((Markup('verfehlt') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären verfehlt')))
        yield '</th><th scope="col">Fortschritt</th><th scope="col">mit Unterteams</th><th scope="col">erwartet</th>'
        for l_1_g in ('red', 'yellow', 'green'):
            l_1_partial = resolve('partial')
            _loop_vars = {}
            pass
            yield '<th scope="col">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'grade_word.html', grade=l_1_g, _loop_vars=_loop_vars))
            yield '</th>'
        l_1_g = l_1_partial = missing
        yield '</tr></thead>\n<tbody>\n'
        for l_1_row in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'teams', missing)) is not missing else environment.getattr(_attr_owner, 'teams')):
            l_1_partial = resolve('partial')
            l_1_root = resolve('root')
            l_1_percent = resolve('percent')
            _loop_vars = {}
            pass
            yield '<tr data-team="'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'link', missing)) is not missing else environment.getattr(_attr_owner, 'link')), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')))
            yield '"><th scope="row">'
            yield escape(context.call((undefined(name='partial') if l_1_partial is missing else l_1_partial), 'team_link.html', root=(undefined(name='root') if l_1_root is missing else l_1_root), team=(_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'link', missing)) is not missing else environment.getattr(_attr_owner, 'link')), _loop_vars=_loop_vars))
            yield '</th><td data-label="gezählte Ziele" data-figure="counted">'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'counted', missing)) is not missing else environment.getattr(_attr_owner, 'counted')))
            yield '</td><td data-label="'
            yield escape((Markup('erreicht') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären erreicht')))
            yield '" data-figure="achieved">'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'achieved', missing)) is not missing else environment.getattr(_attr_owner, 'achieved')))
            yield '</td><td data-label="'
            yield escape((Markup('verfehlt') if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='card') if l_0_card is missing else l_0_card), 'final', missing)) is not missing else environment.getattr(_attr_owner, 'final')) else Markup('wären verfehlt')))
            yield '" data-figure="missed">'
            yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'missed', missing)) is not missing else environment.getattr(_attr_owner, 'missed')))
            yield '</td><td data-label="Fortschritt" data-figure="progress">'
            if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')))):
                pass
                yield escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td><td data-label="mit Unterteams" data-figure="with-sub-teams">'
            if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'with_sub_teams', missing)) is not missing else environment.getattr(_attr_owner, 'with_sub_teams')))):
                pass
                yield escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'with_sub_teams', missing)) is not missing else environment.getattr(_attr_owner, 'with_sub_teams')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td><td data-label="erwartet" data-figure="expected">'
            if (not t_2((_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')))):
                pass
                yield escape(context.call((undefined(name='percent') if l_1_percent is missing else l_1_percent), (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'expected', missing)) is not missing else environment.getattr(_attr_owner, 'expected')), _loop_vars=_loop_vars))
            else:
                pass
                yield '–'
            yield '</td>'
            for l_2_g in ('red', 'yellow', 'green'):
                _loop_vars = {}
                pass
                yield '<td data-label="'
                yield escape(environment.getitem({'red': Markup('rot'), 'yellow': Markup('gelb'), 'green': Markup('grün')}, l_2_g))
                yield '" data-grade="'
                yield escape(l_2_g)
                yield '">'
                yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := l_1_row, 'grades', missing)) is not missing else environment.getattr(_attr_owner, 'grades')), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), l_2_g, 0, _loop_vars=_loop_vars))
                yield '</td>'
            l_2_g = missing
            yield '</tr>\n'
        l_1_row = l_1_partial = l_1_root = l_1_percent = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p class="muted">Kein Ziel dieses Zyklus nennt ein Team.</p>'

blocks = {}
debug_info = '3=25&6=28&8=41'