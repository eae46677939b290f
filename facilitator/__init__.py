"""facilitator — capture policy roundtables live and write them up the same day.

This package is the core: domain models, storage, services, templates and the
command line. It never imports Textual (see tests/test_import_hygiene.py).
"""

__version__ = "0.1.0"
