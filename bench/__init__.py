"""Benchmarks at national size: `python -m bench.run` (see BENCHMARKS.md)."""
