"""Benchmarks: ``make bench`` (pages, hot paths, feedback) and ``make bench-workshop`` (a whole room)."""
