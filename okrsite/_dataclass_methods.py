"""Never imported: this module's bytecode file holds okrsite's kept dataclass methods.

:mod:`okrsite.dataclass_code` keeps the compiled methods of okrsite's record
classes in ``__pycache__/_dataclass_methods.<cache tag>.pyc``, the file
Python would write for this module. Being the bytecode file of a module of
the package is what makes pip remove it with the package (pip removes each
module's bytecode file, whoever wrote it): a file of another name would stay
behind in ``site-packages/okrsite/__pycache__/`` after ``pip uninstall`` or
a switch to an editable install, and the folder left behind would hide the
new install from Python.
"""
