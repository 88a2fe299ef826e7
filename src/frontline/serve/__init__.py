"""The REST API and the web page it serves."""
