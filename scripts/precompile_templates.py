"""Write okrsite/precompiled/<theme>.<language>.json (see okrsite/shipped_templates.py).

    .venv/bin/python scripts/precompile_templates.py

Run it after changing a template or translation of a built-in theme, or
after upgrading Jinja; tests/test_shipped_templates.py fails until then.
"""

from __future__ import annotations

import json
import sys

from okrsite.shipped_templates import FOLDER, LANGUAGES, generate, shipped_file
from okrsite.theme import available_builtin


def main() -> int:
    FOLDER.mkdir(exist_ok=True)
    for theme in available_builtin():
        for language in LANGUAGES:
            data = generate(theme, language)
            path = shipped_file(theme, language)
            path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
            print(f"{path}: {len(data['templates'])} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
