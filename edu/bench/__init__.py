"""Benchmarks: `python -m edu.bench [load|reports] [options]`, one module per measurement."""
