"""The guard in conftest.py must catch an exception swallowed by a widget callback."""
import logging

import ipywidgets as W
import pytest

from tests.conftest import _ErrorCollector


@pytest.mark.allow_widget_errors
def test_swallowed_callback_exception_is_collected():
    collector = _ErrorCollector()
    logger = logging.getLogger("traitlets")
    logger.addHandler(collector)
    try:
        button = W.Button()
        button.on_click(lambda _: 1 / 0)
        button.click()
    finally:
        logger.removeHandler(collector)
    assert collector.records, "a ZeroDivisionError inside on_click was not seen"
    assert "Exception in callback" in collector.records[0].getMessage()
