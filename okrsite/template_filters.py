"""The filters and tests a template names, checked before any page renders.

Jinja tells an unknown filter (``{{ x|title_case }}``) only when it compiles
a template, and one inside an ``{% if %}`` only when a page renders it (so a
template may guard one with ``{% if "name" is filter %}``). ``okrsite check``
(a pull request's review job) parses the site's templates and renders
nothing, so such a template passed review and then failed the build.
"""

from __future__ import annotations

from jinja2 import Environment, TemplateSyntaxError, nodes


def unknown_filter_or_test(
    env: Environment, tree: nodes.Template, name: str | None, filename: str | None
) -> None:
    """Raise Jinja's error for the first filter or test ``tree`` (template
    ``name``, file ``filename``) uses that ``env`` does not have, at its
    line, worded as Jinja words it. A name the template itself asks about
    with ``is filter`` or ``is test`` is left to it."""
    asked = {
        node.node.value
        for node in tree.find_all(nodes.Test)
        if node.name in ("filter", "test") and isinstance(node.node, nodes.Const)
    }
    used = sorted(tree.find_all((nodes.Filter, nodes.Test)), key=lambda node: node.lineno)
    for node in used:
        kind, known = (
            ("filter", env.filters) if isinstance(node, nodes.Filter) else ("test", env.tests)
        )
        if node.name not in known and node.name not in asked:
            raise TemplateSyntaxError(
                f"No {kind} named {node.name!r}.", node.lineno, name, filename
            )
