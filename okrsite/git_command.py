"""The ``git`` command line okrsite starts, the same whatever the user's git settings say.

okrsite reads what git prints (``git log -z``, ``--raw``, ``ls-tree``,
``cat-file``), and a few settings of a user's ``~/.gitconfig`` or of the
repository change what git prints, or make git refuse okrsite's command:

- ``log.follow = true`` (a widely recommended setting) turns a ``git log``
  with one pathspec into ``git log --follow``, which cannot take pathspec
  magic: the site-move lookup's ``:(glob)**/okrsite.toml`` made git stop
  with "BUG: unsupported magic" and the site had no history at all;
- ``log.showRoot = false`` shows a repository's first commit as changing no
  file, so everything it added had no origin;
- ``i18n.logOutputEncoding`` other than UTF-8 re-encodes names and messages
  into bytes okrsite reads as UTF-8 ("J\\ufffdrgen");
- ``log.showSignature``, ``color.ui``/``color.diff = always`` and
  ``diff.relative`` add lines, colour codes or change paths in output okrsite
  splits by position (none of them did on the git versions tried; they are
  pinned because nothing okrsite reads should depend on them).

So every git process okrsite starts runs as :func:`git_argv` makes it:
``git -c NAME=VALUE …`` for each of :data:`NEUTRAL_CONFIG`, which wins over
every configuration file (and over ``GIT_CONFIG_PARAMETERS``, which git reads
first). The rest of the user's configuration applies as usual:
``safe.directory``, alternates, a partial clone's promisor and ``.mailmap``
(``mailmap.file``, ``mailmap.blob``) are what the user wants okrsite to see.
"""

from __future__ import annotations

from collections.abc import Sequence

#: settings pinned for every git command okrsite runs (see the module's docstring)
NEUTRAL_CONFIG = (
    "log.follow=false",
    "log.showRoot=true",
    "log.showSignature=false",
    "i18n.logOutputEncoding=UTF-8",
    "color.ui=false",
    "color.diff=false",
    "diff.relative=false",
)

_PREFIX = tuple(part for setting in NEUTRAL_CONFIG for part in ("-c", setting))


def git_argv(args: Sequence[str]) -> list[str]:
    """``["git", "-c", …, *args]``: the argument list of a git command okrsite runs."""
    return ["git", *_PREFIX, *args]
