"""Fixtures shared by the widget tests."""
import ipywidgets as W
import pytest

from helpers import networks, scoreboard


@pytest.fixture(scope="session")
def data():
    """The course's digits network and the test images, as the digit widgets receive them."""
    _, _, X_test, y_test = scoreboard.digits_split()
    return networks.digits_network(), X_test, y_test


@pytest.fixture
def sent(monkeypatch):
    """Every widget message sent to the page, in order: (widget, kind)."""
    messages = []
    send = W.Widget._send

    def record(self, msg, buffers=None):
        messages.append((self, "picture" if isinstance(self, W.Image) else
                         msg.get("method", "") + ":" + ",".join(sorted(msg.get("state", {})))))
        return send(self, msg, buffers)

    monkeypatch.setattr(W.Widget, "_send", record)
    return messages
