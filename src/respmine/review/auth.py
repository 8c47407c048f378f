"""Local accounts, signed session cookies, CSRF tokens and login rate limiting for the review app.

The review app runs on a team's own machine, offline, so accounts live in the store (no identity
provider). Passwords are kept only as salted scrypt hashes; sessions are signed cookies (itsdangerous)
that carry the username and the session's CSRF token, and the role is read from the store on every
request so a changed role takes effect at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from respmine.store.models import UserRow
from respmine.store.repository import Store

ROLES = ("analyst", "viewer")
MIN_PASSWORD = 10
SESSION_HOURS = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class AccountError(ValueError):
    """A username, password or role the app cannot accept; the message says what to fix."""


@dataclass(frozen=True)
class User:
    """The signed-in user as pages see it (never the hash)."""

    username: str
    role: str

    @property
    def analyst(self) -> bool:
        """Analysts see personal data and may record decisions."""
        return self.role == "analyst"


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against a stored hash (unknown formats never match)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


_DUMMY_HASH = hash_password(secrets.token_hex(8))  # checked for unknown users: same time as a real check


def add_user(store: Store, username: str, password: str, role: str) -> bool:
    """Create the account, or reset its password and role; True when it was new."""
    username = username.strip()
    if not username or len(username) > 80 or any(c.isspace() for c in username):
        raise AccountError("username: 1 to 80 characters, no spaces")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    with store.session() as s, s.begin():
        row = s.get(UserRow, username)
        new = row is None
        if row is None:
            row = UserRow(username=username, created_at=datetime.now(UTC))
            s.add(row)
        row.password_hash = hash_password(password)
        row.role = role
    return new


def get_user(store: Store, username: str) -> User | None:
    with store.session() as s:
        row = s.get(UserRow, username)
        return User(row.username, row.role) if row is not None and row.role in ROLES else None


def authenticate(store: Store, username: str, password: str) -> User | None:
    """The user if the password matches; unknown users cost the same time, so names cannot be probed."""
    with store.session() as s, s.begin():
        row = s.get(UserRow, username.strip())
        if row is None:
            verify_password(password, _DUMMY_HASH)
            return None
        if not verify_password(password, row.password_hash) or row.role not in ROLES:
            return None
        row.last_login_at = datetime.now(UTC)
        return User(row.username, row.role)


def secret_key(work_dir: Path) -> str:
    """The key that signs session cookies: RESPMINE_REVIEW_SECRET, else a private file in the work folder
    (created once, so sessions survive a restart)."""
    from_env = os.environ.get("RESPMINE_REVIEW_SECRET")
    if from_env:
        return from_env
    path = work_dir / ".review-secret"
    if not path.exists():
        work_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


class Sessions:
    """Signed, time-limited cookie payloads: the session (username, CSRF token) and the login form's token."""

    def __init__(self, secret: str, max_age: int = SESSION_HOURS * 3600) -> None:
        self._session = URLSafeTimedSerializer(secret, salt="respmine-review-session")
        self._login = URLSafeTimedSerializer(secret, salt="respmine-review-login")
        self.max_age = max_age

    def issue(self, username: str) -> tuple[str, str]:
        """A new session cookie and its CSRF token (a new token at each sign-in)."""
        token = secrets.token_urlsafe(32)
        return self._session.dumps({"u": username, "csrf": token}), token

    def read(self, cookie: str | None) -> dict[str, Any] | None:
        if not cookie:
            return None
        try:
            data = self._session.loads(cookie, max_age=self.max_age)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and "u" in data and "csrf" in data else None

    def login_token(self) -> tuple[str, str]:
        """(cookie, token) guarding the sign-in form itself against login CSRF."""
        token = secrets.token_urlsafe(24)
        return self._login.dumps(token), token

    def check_login_token(self, cookie: str | None, token: str) -> bool:
        if not cookie or not token:
            return False
        try:
            want = self._login.loads(cookie, max_age=3600)
        except BadSignature:
            return False
        return isinstance(want, str) and hmac.compare_digest(want, token)


def same_token(expected: str, given: str | None) -> bool:
    """Constant-time CSRF token comparison."""
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


class LoginLimiter:
    """At most `attempts` failed sign-ins per client address and per username within `window` seconds."""

    def __init__(self, attempts: int = 5, window: float = 900.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.setdefault(key, deque())
        while found and now - found[0] > self.window:
            found.popleft()
        return found

    def blocked(self, client: str, username: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.attempts for k in (f"ip:{client}", f"u:{username}"))

    def failed(self, client: str, username: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"ip:{client}", f"u:{username}"):
                self._recent(key, now).append(now)

    def succeeded(self, client: str, username: str) -> None:
        with self._lock:
            self._failures.pop(f"u:{username}", None)
