"""Fixtures shared by the widget tests."""
import pytest

from helpers import networks, scoreboard


@pytest.fixture(scope="session")
def data():
    """The course's digits network and the test images, as the digit widgets receive them."""
    _, _, X_test, y_test = scoreboard.digits_split()
    return networks.digits_network(), X_test, y_test
