"""The build step that puts the curated data into the package.

``ontology/`` (with its lexicons), ``queries/`` and ``seeds/`` stay at the top of the repository,
where curators edit them; building a wheel copies them into ``kb/data/``, where an installed kb
reads them through importlib.resources (``kb/resources.py``). An editable install copies nothing:
it reads the top-level folders in place. Everything else is declared in ``pyproject.toml``;
``MANIFEST.in`` puts the same folders into the sdist, so a wheel built from it carries them too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CURATED_FOLDERS = ("ontology", "queries", "seeds")  # as in kb/resources.py
SKIPPED = shutil.ignore_patterns("__pycache__", "*.py[cod]", ".*", "*~")


class BuildPyWithData(build_py):
    """``build_py``, then a copy of the curated folders into the built package's ``data/``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "kb" / "data"
        for name in CURATED_FOLDERS:
            source = Path(name)
            if not source.is_dir():
                raise SystemExit(
                    f"setup.py: no {name}/ in {Path.cwd()}; build from a checkout or an sdist"
                )
            shutil.rmtree(target / name, ignore_errors=True)  # nothing stale from an earlier build
            shutil.copytree(source, target / name, ignore=SKIPPED)


setup(cmdclass={"build_py": BuildPyWithData})
