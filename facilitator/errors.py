"""Domain errors.

Every error a user can cause is a `FacilitatorError`: the CLI prints its
message as one line on stderr and exits 2; the TUI shows it as one notification.
"""


class FacilitatorError(Exception):
    """Base class: `str(error)` is a complete, user-facing sentence."""

    title = "Error"


class NotFound(FacilitatorError):
    title = "Not found"


class Ambiguous(FacilitatorError):
    title = "Ambiguous"


class InvalidInput(FacilitatorError):
    title = "Invalid input"


class TemplateError(FacilitatorError):
    title = "Template error"


class DatabaseError(FacilitatorError):
    title = "Database error"


class ExportError(FacilitatorError):
    title = "Export error"


class BundleError(FacilitatorError):
    title = "Bundle error"


class ConnectionLost(DatabaseError):
    """A database server could not be reached, or stopped answering, in the middle of an action."""

    title = "Connection lost"
