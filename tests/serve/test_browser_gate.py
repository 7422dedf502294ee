"""The browser tests' gate: without chromium they skip on a desk, but fail under CI so CI cannot pass silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.serve import browser


def gate_outcome() -> BaseException | None:
    """What ``require_browser`` raised (pytest's skip and fail are BaseExceptions, caught here as values)."""
    try:
        browser.require_browser()
    except BaseException as outcome:  # pytest.skip and pytest.fail raise BaseExceptions
        return outcome
    return None


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "chromium")
    return monkeypatch


def test_a_missing_chromium_fails_under_ci(no_chromium: pytest.MonkeyPatch) -> None:
    no_chromium.setenv("CI", "true")
    outcome = gate_outcome()
    assert isinstance(outcome, pytest.fail.Exception), outcome  # a skip here would let CI pass without a browser
    assert str(outcome).startswith("browser tests cannot run under CI: Debian's chromium is not installed")


@pytest.mark.parametrize("ci", [None, "false"])
def test_a_missing_chromium_skips_with_its_reason_elsewhere(no_chromium: pytest.MonkeyPatch, ci: str | None) -> None:
    if ci is None:
        no_chromium.delenv("CI", raising=False)
    else:
        no_chromium.setenv("CI", ci)
    outcome = gate_outcome()
    assert isinstance(outcome, pytest.skip.Exception), outcome
    assert "scripts/install-test-deps installs it" in str(outcome)

