"""Where kb finds its curated data: the ontology with its lexicons, the saved queries, the seeds.

The first of three places that applies is used:

1. ``KB_HOME``: a directory with ``ontology/``, ``queries/`` and ``seeds/`` (a curator's copy);
2. the source checkout the package is imported from (a clone, or an editable install), whose
   top-level folders are the source of truth curators edit;
3. the copy the build maps into the package (``kb/data/``, see ``setup.py``), found through
   :mod:`importlib.resources`: this is what a wheel installed by ``pip`` or ``pipx`` reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CURATED_FOLDERS = ("ontology", "queries", "seeds")
MARKER = Path("ontology") / "kb.ttl"  # a folder holding this file holds kb's data
DEFAULT_STORE = "./kb-data"


@dataclass(frozen=True)
class DataHome:
    """A directory holding the curated folders, and why kb chose it."""

    path: Path
    origin: str  # "KB_HOME", "source checkout" or "installed package"

    def describe(self) -> str:
        return f"{self.path} ({self.origin})"


def locate_data() -> DataHome:
    """The data kb reads in this process: ``KB_HOME``, else the checkout, else the package."""
    override = os.environ.get("KB_HOME")
    if override:
        return DataHome(Path(override), "KB_HOME")
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / MARKER).is_file():
        return DataHome(checkout, "source checkout")
    return DataHome(packaged_data(), "installed package")


def packaged_data() -> Path:
    """The folder of the installed package that the build copied the curated folders into.

    kb reads it as ordinary files, which is how pip and pipx install a wheel; a zipped
    installation would need ``KB_HOME``.
    """
    return Path(str(resources.files("kb.data")))


DATA = locate_data()
HOME = DATA.path
ONTOLOGY_DIR = HOME / "ontology"
SEEDS_DIR = HOME / "seeds"
QUERIES_DIR = HOME / "queries"
