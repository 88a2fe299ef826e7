"""Across articles: copies of one story, one fused event per happening, and who holds each settlement."""
