from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/badge.svg'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_badge = resolve('badge')
    l_0__ = resolve('_')
    pass
    yield '<svg xmlns="http://www.w3.org/2000/svg" width="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'total_width', missing)) is not missing else environment.getattr(_attr_owner, 'total_width')))
    yield '" height="20" viewBox="0 0 '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'total_width', missing)) is not missing else environment.getattr(_attr_owner, 'total_width')))
    yield ' 20" role="img" aria-label="'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label', missing)) is not missing else environment.getattr(_attr_owner, 'label'))))
    yield ' '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))
    yield '"><title>'
    yield escape(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(label)s:', label=(_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label', missing)) is not missing else environment.getattr(_attr_owner, 'label'))))
    yield ' '
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))
    yield '</title><rect width="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label_width', missing)) is not missing else environment.getattr(_attr_owner, 'label_width')))
    yield '" height="20" rx="3" fill="#444d56"/><rect x="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label_width', missing)) is not missing else environment.getattr(_attr_owner, 'label_width')))
    yield '" width="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'value_width', missing)) is not missing else environment.getattr(_attr_owner, 'value_width')))
    yield '" height="20" rx="3" fill="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'colour', missing)) is not missing else environment.getattr(_attr_owner, 'colour')))
    yield '"/><rect x="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label_width', missing)) is not missing else environment.getattr(_attr_owner, 'label_width')))
    yield '" width="4" height="20" fill="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'colour', missing)) is not missing else environment.getattr(_attr_owner, 'colour')))
    yield '"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label_x', missing)) is not missing else environment.getattr(_attr_owner, 'label_x')))
    yield '" y="14" text-anchor="middle">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'label', missing)) is not missing else environment.getattr(_attr_owner, 'label')))
    yield '</text><text x="'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'value_x', missing)) is not missing else environment.getattr(_attr_owner, 'value_x')))
    yield '" y="14" text-anchor="middle">'
    yield escape((_attr_value if (_attr_value := getattr(_attr_owner := (undefined(name='badge') if l_0_badge is missing else l_0_badge), 'value', missing)) is not missing else environment.getattr(_attr_owner, 'value')))
    yield '</text></g></svg>'

blocks = {}
debug_info = '2=14'