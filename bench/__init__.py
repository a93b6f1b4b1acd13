"""Reproducible benchmarks of zonekg's stages and of the offline alternatives."""
