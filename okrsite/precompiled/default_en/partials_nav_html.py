from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/nav.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_items = resolve('items')
    pass
    l_1_loop = missing
    for l_1_item, l_1_loop in LoopContext((undefined(name='items') if l_0_items is missing else l_0_items), undefined):
        l_1_root = resolve('root')
        l_1_current = resolve('current')
        l_1_section = resolve('section')
        _loop_vars = {}
        pass
        yield '      <li><a href="'
        yield escape((undefined(name='root') if l_1_root is missing else l_1_root))
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_item, 'href', missing)) is not missing else environment.getattr(_attr_owner, 'href')))
        yield '"'
        if ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_item, 'path', missing)) is not missing else environment.getattr(_attr_owner, 'path')) == (undefined(name='current') if l_1_current is missing else l_1_current)):
            pass
            yield ' aria-current="page"'
        elif ((_attr_value if (_attr_value := getattr(_attr_owner := l_1_item, 'path', missing)) is not missing else environment.getattr(_attr_owner, 'path')) == (undefined(name='section') if l_1_section is missing else l_1_section)):
            pass
            yield ' aria-current="true"'
        yield '>'
        yield escape((_attr_value if (_attr_value := getattr(_attr_owner := l_1_item, 'title', missing)) is not missing else environment.getattr(_attr_owner, 'title')))
        yield '</a></li>'
        yield escape(('\n' if (not (_attr_value if (_attr_value := getattr(_attr_owner := l_1_loop, 'last', missing)) is not missing else environment.getattr(_attr_owner, 'last'))) else cond_expr_undefined("the inline if-expression on line 2 in 'partials/nav.html' evaluated to false and no else section was defined.")))
    l_1_loop = l_1_item = l_1_root = l_1_current = l_1_section = missing

blocks = {}
debug_info = '2=13'