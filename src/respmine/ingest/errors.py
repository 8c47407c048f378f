"""The one exception readers raise for bad input; the dispatcher turns it into a `Quarantined` record."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be processed. `reason` is written for the person who has to act on it."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def protected(what: str) -> IngestError:
    """A password-protected file: the password is the sender's, so the way on goes through them."""
    return IngestError(
        "encrypted",
        f"The {what} is password-protected. Ask the sender for a copy without a password (or for the "
        "password: open the file with it, save a copy without one and put that copy in the inbox).",
    )


class MissingTool(IngestError):
    """A system tool (tesseract, antiword) the format needs is not installed."""

    def __init__(self, tool: str, package: str, purpose: str) -> None:
        super().__init__(
            "missing_tool",
            f"{purpose} needs the '{tool}' program, which is not installed "
            f"(Debian/Ubuntu: apt-get install {package}); install it and rerun.",
        )
