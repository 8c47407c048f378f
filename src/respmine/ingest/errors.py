"""The one exception readers raise for bad input; the dispatcher turns it into a `Quarantined` record."""

from __future__ import annotations

import socket
import sys


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
        where = dask_worker()
        super().__init__(
            "missing_tool",
            f"{purpose} needs the '{tool}' program, which is not installed "
            + (f"on the Dask worker that read the file ({where}) " if where else "")
            + f"(Debian/Ubuntu: apt-get install {package}); install it "
            + ("on every worker of the cluster and rerun." if where else "and rerun."),
        )


def dask_worker() -> str | None:
    """The Dask worker this code runs in (its address and host), if any: a program missing there may be
    installed where the flow runs."""
    if "distributed" not in sys.modules:  # (never imported: not on a worker)
        return None
    from distributed import get_worker

    try:
        address = get_worker().address
    except ValueError:
        return None
    return f"{address} on {socket.gethostname()}"
