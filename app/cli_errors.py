"""The one exception a command handler raises to stop with a clear message."""


class CliError(Exception):
    """A problem the user can fix: printed as one line, exit status non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
