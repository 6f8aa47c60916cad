"""Benchmarks of kb: a synthetic-KB generator (generate.py), the tasks (tasks.py), the runner (run.py).

``make bench`` (or ``python -m benchmarks.run --sizes 1000,10000,100000``) runs them all; see
benchmarks/README.md for what is measured and the latest figures.
"""
