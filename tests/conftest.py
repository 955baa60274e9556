"""Shared test settings.

Widget button handlers run inside ipywidgets, which swallows their exceptions and only logs
them. The autouse fixture below turns any such logged error into a test failure, so a broken
handler cannot pass unnoticed.
"""
import logging

import matplotlib
import pytest

matplotlib.use("Agg")


class _ErrorCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        # ipywidgets logs a swallowed callback exception as a *warning* ("Exception in
        # callback ..."); other warnings are not our business here.
        if record.levelno >= logging.ERROR or "Exception in callback" in record.getMessage():
            self.records.append(record)


def pytest_configure(config):
    config.addinivalue_line("markers", "allow_widget_errors: the test expects a logged "
                            "callback error and checks it itself")


@pytest.fixture(autouse=True)
def fail_on_swallowed_widget_errors(request):
    collector = _ErrorCollector()
    loggers = [logging.getLogger(name) for name in ("traitlets", "ipywidgets")]
    for logger in loggers:
        logger.addHandler(collector)
    yield
    for logger in loggers:
        logger.removeHandler(collector)
    if collector.records and not request.node.get_closest_marker("allow_widget_errors"):
        messages = "\n".join(r.getMessage() + ("\n" + logging.Formatter().formatException(
            r.exc_info) if r.exc_info else "") for r in collector.records)
        pytest.fail(f"an error was logged (an exception inside a widget callback?):\n{messages}")


@pytest.fixture
def korean():
    """Run a test with the package speaking Korean; English again afterwards, whatever happens."""
    from helpers import i18n
    i18n.set_language("ko")
    try:
        yield
    finally:
        i18n.set_language("en")


@pytest.fixture(autouse=True)
def english_after_every_test():
    """A test that switched the language and failed must not leave the next test in Korean."""
    yield
    from helpers import i18n
    if i18n.get_language() != "en":
        i18n.set_language("en")
