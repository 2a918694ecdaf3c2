"""The ``okrsite`` command line: thin click wrappers over the pipeline.

Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors.
"""

from __future__ import annotations

import click

from okrsite import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrsite")
def cli() -> None:
    """Build a static site from a folder of OKRs, KPIs, SMART goals and check-ins."""


def main() -> None:
    cli(prog_name="okrsite")
