from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'goal.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_m = l_0_letters = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    parent_template = environment.get_template('base.html', 'goal.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'goal.html')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_letters = [('S', Markup('Spezifisch'), Markup('hat einen Titel und eine Beschreibung')), ('M', Markup('Messbar'), Markup('hat eine Messgröße mit numerischem Zielwert')), ('A', Markup('Zugeordnet'), Markup('hat eine verantwortliche Person')), ('R', Markup('Relevant'), Markup('unterstützt ein bestehendes Ziel, Schlüsselergebnis oder eine Kennzahl')), ('T', Markup('Terminiert'), Markup('hat ein Fälligkeitsdatum oder einen Zyklus'))]
    context.vars['letters'] = l_0_letters
    context.exported_vars.add('letters')
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
    l_0_g = resolve('g')
    l_0_partial = resolve('partial')
    l_0_gs = resolve('gs')
    l_0__ = resolve('_')
    l_0_percent = resolve('percent')
    l_0_team_owned_goals = resolve('team_owned_goals')
    l_0_team = resolve('team')
    l_0_person = resolve('person')
    l_0_day = resolve('day')
    l_0_cycle = resolve('cycle')
    l_0_cycle_title = resolve('cycle_title')
    l_0_lead = resolve('lead')
    l_0_with_unit = resolve('with_unit')
    l_0_supports = resolve('supports')
    l_0_letters = resolve('letters')
    l_0_body = resolve('body')
    l_0_m = resolve('m')
    l_0_edit = resolve('edit')
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
    yield '<nav aria-label="Pfadnavigation" class="breadcrumb"><ol><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield 'goals/index.html">SMART-Ziele</a></li><li><a href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'goal', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')), _block_vars=_block_vars))
    yield '" aria-current="page"><bdi>'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</bdi></a></li></ol></nav>\n<h1 dir="auto">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
    yield '</h1>\n<div class="overview">\n<p class="big">'
    yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'progress_bar.html', progress=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'progress', missing)) is not missing else environment.getattr(_attr_owner, 'progress')), label=context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress of %(name)s', name=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')), _block_vars=_block_vars), status=None, _block_vars=_block_vars))
    if ((not t_2((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')))) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')) > 1.000000001)):
        pass
        yield ' <span class="ratio">'
        if (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'lower_is_better', missing)) is not missing else environment.getattr(_attr_owner, 'lower_is_better')):
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of the planned reduction', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')), _block_vars=_block_vars), _block_vars=_block_vars))
        else:
            pass
            yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(percent)s of target', percent=context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'ratio', missing)) is not missing else environment.getattr(_attr_owner, 'ratio')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</span>'
    yield '</p>\n<dl class="facts">\n  <div><dt>Verantwortlich</dt><dd>'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) in (undefined(name='team_owned_goals') if l_0_team_owned_goals is missing else l_0_team_owned_goals)):
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=context.call((undefined(name='team') if l_0_team is missing else l_0_team), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), _block_vars=_block_vars), _block_vars=_block_vars))
    else:
        pass
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'person_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), person=context.call((undefined(name='person') if l_0_person is missing else l_0_person), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'owner', missing)) is not missing else environment.getattr(_attr_owner, 'owner')), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '</dd></div>\n'
    if ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')) and ((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'id', missing)) is not missing else environment.getattr(_attr_owner, 'id')) not in (undefined(name='team_owned_goals') if l_0_team_owned_goals is missing else l_0_team_owned_goals))):
        pass
        yield '<div><dt>Team</dt><dd>'
        yield escape(context.call((undefined(name='partial') if l_0_partial is missing else l_0_partial), 'team_link.html', root=(undefined(name='root') if l_0_root is missing else l_0_root), team=context.call((undefined(name='team') if l_0_team is missing else l_0_team), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'team', missing)) is not missing else environment.getattr(_attr_owner, 'team')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '</dd></div>'
    yield '  <div><dt>Fällig</dt><dd>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'due', missing)) is not missing else environment.getattr(_attr_owner, 'due')):
        pass
        yield escape(context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'due', missing)) is not missing else environment.getattr(_attr_owner, 'due')), _block_vars=_block_vars))
    elif (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'cycle', (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
        yield '"><bdi>'
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')), _block_vars=_block_vars))
        yield '</bdi></a> ('
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'ends %(day)s', day=context.call((undefined(name='day') if l_0_day is missing else l_0_day), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='cycle') if l_0_cycle is missing else l_0_cycle), 'end', missing)) is not missing else environment.getattr(_attr_owner, 'end')), _block_vars=_block_vars), _block_vars=_block_vars))
        yield ')'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')):
        pass
        yield escape(context.call((undefined(name='cycle_title') if l_0_cycle_title is missing else l_0_cycle_title), (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'cycle', missing)) is not missing else environment.getattr(_attr_owner, 'cycle')), _block_vars=_block_vars))
    else:
        pass
        yield '–'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'overdue', missing)) is not missing else environment.getattr(_attr_owner, 'overdue')):
        pass
        yield ' <span class="overdue">überfällig</span>'
    yield '</dd></div>\n'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')):
        pass
        yield '<div><dt>Messgröße</dt><dd>'
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'start', missing)) is not missing else environment.getattr(_attr_owner, 'start')), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
        yield ' → '
        yield escape(context.call((undefined(name='lead') if l_0_lead is missing else l_0_lead), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'current', missing)) is not missing else environment.getattr(_attr_owner, 'current')), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
        yield ' → '
        yield escape(context.call((undefined(name='with_unit') if l_0_with_unit is missing else l_0_with_unit), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'target', missing)) is not missing else environment.getattr(_attr_owner, 'target')), (_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'measure', missing)) is not missing else environment.getattr(_attr_owner, 'measure')), 'unit', missing)) is not missing else environment.getattr(_attr_owner, 'unit')), _block_vars=_block_vars))
        yield '</dd></div>'
    yield '  <div><dt>Unterstützt</dt><dd>'
    if (undefined(name='supports') if l_0_supports is missing else l_0_supports):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='supports') if l_0_supports is missing else l_0_supports), 'url', missing)) is not missing else environment.getattr(_attr_owner, 'url')))
        yield '"><bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='supports') if l_0_supports is missing else l_0_supports), 'name', missing)) is not missing else environment.getattr(_attr_owner, 'name')))
        yield '</bdi></a>'
    elif (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'supports', missing)) is not missing else environment.getattr(_attr_owner, 'supports')):
        pass
        yield '<bdi>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'supports', missing)) is not missing else environment.getattr(_attr_owner, 'supports')))
        yield '</bdi> <span class="muted">(nicht gefunden)</span>'
    else:
        pass
        yield '–'
    yield '</dd></div>\n</dl>\n</div>\n<section aria-labelledby="smart">\n<h2 id="smart">SMART-Prüfung</h2>\n<ul class="smart">\n'
    for (l_1_letter, l_1_word, l_1_rule) in (undefined(name='letters') if l_0_letters is missing else l_0_letters):
        l_1_ok = missing
        _loop_vars = {}
        pass
        l_1_ok = context.call((_attr_value if (_attr_value := getattr(_attr_owner := (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='gs') if l_0_gs is missing else l_0_gs), 'smart', missing)) is not missing else environment.getattr(_attr_owner, 'smart')), 'get', missing)) is not missing else environment.getattr(_attr_owner, 'get')), l_1_letter, False, _loop_vars=_loop_vars)
        _loop_vars['ok'] = l_1_ok
        yield '<li class="smart-'
        yield escape(('yes' if (undefined(name='ok') if l_1_ok is missing else l_1_ok) else 'no'))
        yield '"><span class="check" aria-hidden="true">'
        yield escape(('✔' if (undefined(name='ok') if l_1_ok is missing else l_1_ok) else '✘'))
        yield '</span> <strong>'
        yield escape(l_1_letter)
        yield '</strong> '
        yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=l_1_word, _loop_vars=_loop_vars))
        yield ' '
        yield escape(l_1_rule)
        yield ' — <span class="verdict">'
        yield escape((Markup('ja') if (undefined(name='ok') if l_1_ok is missing else l_1_ok) else Markup('nein')))
        yield '</span></li>\n'
    l_1_letter = l_1_word = l_1_rule = l_1_ok = missing
    yield '</ul>\n</section>\n'
    if (undefined(name='body') if l_0_body is missing else l_0_body):
        pass
        yield '<section aria-labelledby="about" class="prose"><h2 id="about">Beschreibung</h2><div dir="auto">'
        yield escape(t_1((undefined(name='body') if l_0_body is missing else l_0_body)))
        yield '</div></section>'
    if (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'tags', missing)) is not missing else environment.getattr(_attr_owner, 'tags')):
        pass
        yield '<p>'
        for l_1_t in (_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='g') if l_0_g is missing else l_0_g), 'tags', missing)) is not missing else environment.getattr(_attr_owner, 'tags')):
            _loop_vars = {}
            pass
            yield '<a class="tag" href="'
            yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), 'tag', l_1_t, _loop_vars=_loop_vars))
            yield '"><bdi>'
            yield escape(l_1_t)
            yield '</bdi></a> '
        l_1_t = missing
        yield '</p>'
    yield escape(context.call((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='m') if l_0_m is missing else l_0_m), 'edit_link', missing)) is not missing else environment.getattr(_attr_owner, 'edit_link')), (undefined(name='edit') if l_0_edit is missing else l_0_edit), _block_vars=_block_vars))
    yield '\n'

blocks = {'main': block_main}
debug_info = '1=19&2=22&3=24&4=29&5=70&6=77&8=79&10=91&11=98&12=104&13=127&14=137&20=154&21=161&25=175&26=180&27=194'