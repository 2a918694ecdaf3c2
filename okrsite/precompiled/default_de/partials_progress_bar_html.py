from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/progress_bar.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_status = resolve('status')
    l_0_progress = resolve('progress')
    l_0_label = resolve('label')
    l_0_places = resolve('places')
    l_0_percent_at = resolve('percent_at')
    l_0_percent = resolve('percent')
    l_0_shown = resolve('shown')
    l_0_bar_width = resolve('bar_width')
    l_0_fill = missing
    try:
        t_1 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_fill = ((undefined(name='status') if l_0_status is missing else l_0_status) if t_1((undefined(name='status') if l_0_status is missing else l_0_status)) else None)
    context.vars['fill'] = l_0_fill
    context.exported_vars.add('fill')
    if t_2((undefined(name='progress') if l_0_progress is missing else l_0_progress)):
        pass
        yield '<span class="progress progress-none"><span class="bar" role="progressbar" aria-label="'
        yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
        yield '" aria-valuemin="0" aria-valuemax="100" aria-valuetext="–" data-progress=""><span class="fill'
        if (undefined(name='fill') if l_0_fill is missing else l_0_fill):
            pass
            yield ' fill-'
            yield escape((undefined(name='fill') if l_0_fill is missing else l_0_fill))
        yield '" style="width:0%"></span></span> <span class="pct">–</span></span>'
    else:
        pass
        l_0_shown = (context.call((undefined(name='percent_at') if l_0_percent_at is missing else l_0_percent_at), (undefined(name='progress') if l_0_progress is missing else l_0_progress), (undefined(name='places') if l_0_places is missing else l_0_places)) if (t_1((undefined(name='places') if l_0_places is missing else l_0_places)) and (undefined(name='places') if l_0_places is missing else l_0_places)) else context.call((undefined(name='percent') if l_0_percent is missing else l_0_percent), (undefined(name='progress') if l_0_progress is missing else l_0_progress)))
        context.vars['shown'] = l_0_shown
        context.exported_vars.add('shown')
        yield '<span class="progress"><span class="bar" role="progressbar" aria-label="'
        yield escape((undefined(name='label') if l_0_label is missing else l_0_label))
        yield '" aria-valuemin="0" aria-valuemax="100" aria-valuenow="'
        yield escape(context.call((undefined(name='bar_width') if l_0_bar_width is missing else l_0_bar_width), (undefined(name='progress') if l_0_progress is missing else l_0_progress)))
        yield '" aria-valuetext="'
        yield escape((undefined(name='shown') if l_0_shown is missing else l_0_shown))
        yield '" data-progress="'
        yield escape(((undefined(name='progress') if l_0_progress is missing else l_0_progress) or 0.0))
        yield '"><span class="fill'
        if (undefined(name='fill') if l_0_fill is missing else l_0_fill):
            pass
            yield ' fill-'
            yield escape((undefined(name='fill') if l_0_fill is missing else l_0_fill))
        yield '" style="width:'
        yield escape(context.call((undefined(name='bar_width') if l_0_bar_width is missing else l_0_bar_width), (undefined(name='progress') if l_0_progress is missing else l_0_progress)))
        yield '%"></span></span> <span class="pct">'
        yield escape((undefined(name='shown') if l_0_shown is missing else l_0_shown))
        yield '</span></span>'

blocks = {}
debug_info = '2=32&3=35&4=38&6=47&7=51'