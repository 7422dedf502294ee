"""The review app under Starlette's TestClient, on the address the server would have."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hmic_extract.serve.app import create_app
from hmic_extract.serve.settings import ServeSettings
from tests.serve.helpers import BASE, PORT


def make_client(**settings: Any) -> Any:
    from starlette.testclient import TestClient

    return TestClient(create_app(ServeSettings(port=PORT, **settings)), base_url=BASE)


@pytest.fixture
def client() -> Iterator[Any]:
    with make_client() as c:
        yield c


@pytest.fixture
def small_client() -> Iterator[Any]:
    """A server that takes at most 20 KB a file and 60 KB in all."""
    with make_client(max_file_bytes=20 * 1024, max_total_bytes=60 * 1024) as c:
        yield c


@pytest.fixture(scope="module")
def reviewed() -> Iterator[tuple[Any, dict[str, Any]]]:
    """One server with the westshire appendix read (22 rows, 10 to check), shared by read-only tests."""
    from tests.serve.helpers import read_sample

    with make_client() as c:
        yield c, read_sample(c)
