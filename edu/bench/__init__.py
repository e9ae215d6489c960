"""Benchmarks: `python -m edu.bench [load|reports|classroom] [options]`, one module per measurement."""
