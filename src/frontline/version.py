"""frontline's version: one place, importable from any stage without importing the package's public surface."""

__version__ = "0.2.0"
