"""Errors that stop a whole command (as opposed to one article's failure)."""


class RunError(Exception):
    """The command cannot proceed (no input, unwritable output, unreadable run folder)."""
