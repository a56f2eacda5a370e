"""Fixtures for the model-management tests: a real local HTTP server and a
fresh models folder for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.http_server import ModelServer


@pytest.fixture
def model_server():
    """A running :class:`ModelServer` on 127.0.0.1, stopped after the test."""
    server = ModelServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def models_root(tmp_path, monkeypatch) -> Path:
    """An empty models folder, set as ``LESSON_LAB_MODELS`` for this test."""
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    monkeypatch.delenv("LESSON_LAB_MODEL_BASE_URL", raising=False)
    return root
