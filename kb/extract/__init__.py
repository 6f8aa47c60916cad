"""Draft claims from raw articles: one pipeline for every language, split by concern.

``kb.intake`` reads the article file (a saved web page as its main text and metadata, with
``kb.intake.page``), ``source`` fills the draft's source section by precedence (command line, page,
text), ``batch`` drafts many files at a time, ``segment`` finds the article's body and its
sentences, ``normalize`` folds letters and
digits for matching, ``lexicon`` loads the curated cue words (ontology/lexicons) and the
registry's labels, ``mentions`` finds people, offices, countries and places, ``published``
reads the source's metadata, ``dates`` reads absolute and relative dates, ``attribution``
finds who says what, ``meetings`` and ``positions`` draft the claims, and ``pipeline``
puts them into a claim form that kb.claimform compiles.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "kb-extract/0.1.0"
