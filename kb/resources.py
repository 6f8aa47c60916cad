"""Where kb finds its curated data: the ontology, the seed articles, the saved queries.

The data lives beside the package in the source tree (``ontology/``, ``seeds/``,
``queries/``); ``KB_HOME`` points elsewhere for a relocated installation.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME = Path(os.environ.get("KB_HOME") or Path(__file__).resolve().parent.parent)
ONTOLOGY_DIR = HOME / "ontology"
SEEDS_DIR = HOME / "seeds"
QUERIES_DIR = HOME / "queries"
DEFAULT_STORE = "./kb-data"
