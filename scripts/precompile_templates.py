"""Write okrsite/precompiled/ (see okrsite/shipped_templates.py).

    .venv/bin/python scripts/precompile_templates.py

Run it after changing a template or translation of a built-in theme, or
after upgrading Jinja; tests/test_compiled_templates.py fails until then.
"""

from __future__ import annotations

import json
import shutil
import sys

from okrsite.shipped_templates import FOLDER, LANGUAGES, generate, module_folder, shipped_file
from okrsite.theme import available_builtin


def main() -> int:
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir()
    for theme in available_builtin():
        for language in LANGUAGES:
            index, modules = generate(theme, language)
            folder = module_folder(theme, language)
            folder.mkdir()
            for name, source in modules.items():
                (folder / name).write_text(source, encoding="utf-8")
            path = shipped_file(theme, language)
            path.write_text(json.dumps(index, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"{path}: {len(modules)} templates in {folder.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
