"""Local accounts: salted scrypt hashes, validated input, and a sign-in rate limit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from respmine.config import Settings
from respmine.review.auth import (
    AccountError,
    LoginLimiter,
    Sessions,
    add_user,
    authenticate,
    get_user,
    hash_password,
    verify_password,
)
from respmine.review.commands import main
from respmine.store.models import UserRow
from respmine.store.repository import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'respmine.sqlite'}")


def test_hash_is_salted_and_verifies() -> None:
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("correct horse battery", first)
    assert not verify_password("correct horse battery!", first)
    assert not verify_password("anything", "plain-text-password")


def test_password_is_never_stored(store: Store) -> None:
    add_user(store, "ana", "analyst-password-1", "analyst")
    with store.session() as s:
        row = s.get(UserRow, "ana")
        assert row is not None and "analyst-password-1" not in row.password_hash


def test_authenticate_checks_password_and_reads_role(store: Store) -> None:
    assert add_user(store, "vic", "viewer-password-1", "viewer") is True
    user = authenticate(store, "vic", "viewer-password-1")
    assert user is not None and user.role == "viewer" and not user.analyst
    assert authenticate(store, "vic", "wrong-password-1") is None
    assert authenticate(store, "nobody", "viewer-password-1") is None
    assert add_user(store, "vic", "a-new-password-2", "analyst") is False  # reset: role and password
    assert get_user(store, "vic") is not None and get_user(store, "vic").analyst  # type: ignore[union-attr]
    assert authenticate(store, "vic", "viewer-password-1") is None


@pytest.mark.parametrize(("username", "password", "role"), [
    ("", "long-enough-pw", "viewer"), ("two words", "long-enough-pw", "viewer"),
    ("ana", "short", "viewer"), ("ana", "long-enough-pw", "admin"),
])
def test_bad_accounts_are_refused(store: Store, username: str, password: str, role: str) -> None:
    with pytest.raises(AccountError):
        add_user(store, username, password, role)


def test_limiter_blocks_after_repeated_failures_per_user_and_address() -> None:
    limiter = LoginLimiter(attempts=3, window=60)
    for _ in range(3):
        assert not limiter.blocked("10.0.0.1", "ana")
        limiter.failed("10.0.0.1", "ana")
    assert limiter.blocked("10.0.0.1", "ana")
    assert limiter.blocked("10.0.0.2", "ana")  # the same account from elsewhere
    assert limiter.blocked("10.0.0.1", "vic")  # the same address trying other names
    assert not limiter.blocked("10.0.0.2", "vic")


def test_session_cookie_round_trips_and_expires() -> None:
    sessions = Sessions("secret")
    cookie, token = sessions.issue("ana")
    assert sessions.read(cookie) == {"u": "ana", "csrf": token}
    assert sessions.read(cookie + "x") is None
    assert Sessions("secret", max_age=-1).read(cookie) is None


def test_add_user_command_reads_password_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("analyst-password-1\n"))
    assert main(["add-user", "ana", "--role", "analyst", "--password-stdin", "--work", str(tmp_path)]) == 0
    assert "Created analyst account 'ana'" in capsys.readouterr().out
    store = Store(Settings.load(work_dir=tmp_path).store_url)
    assert authenticate(store, "ana", "analyst-password-1") is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["add-user", "bob", "--password-stdin", "--work", str(tmp_path)]) == 2
