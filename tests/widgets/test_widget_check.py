from helpers.widgets import WidgetCheck


def test_slider_redraws_line_and_label():
    w = WidgetCheck()
    renders = w.view.renders
    w.slider.value = 2.5
    assert w.line.get_ydata()[-1] == 2.5
    assert w.view.renders == renders + 1
    assert "slope = 2.5" in w.label.value and w.summary() == "WidgetCheck(slope=2.5, clicks=0)"


def test_button_counts_clicks():
    w = WidgetCheck()
    w.button.click()
    w.button.click()
    assert w.clicks == 2 and "clicked 2 time" in w.label.value


def test_display_bundle_has_widget_png_and_stable_text():
    bundle, _ = WidgetCheck()._repr_mimebundle_()
    assert bundle["text/plain"] == "WidgetCheck(slope=1.0, clicks=0)"
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "application/vnd.jupyter.widget-view+json" in bundle
