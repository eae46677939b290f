"""Bundled data: agenda templates (templates/*.toml). Found with importlib.resources."""
