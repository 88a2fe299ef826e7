"""Exports: the output formats of pipeline results and of a query's answer."""
