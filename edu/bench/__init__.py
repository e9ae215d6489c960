"""Benchmarks: `python -m edu.bench [load|reports|classroom|kiosk-soak] [options]`, one module per measurement."""
