"""The digit inspector, driven headless: every panel must show the chosen image's numbers."""
import numpy as np
import pytest

from helpers.widgets import DigitInspector


@pytest.fixture
def inspector(data):
    return DigitInspector(*data)


def expected_panels(model, x):
    reps = model.representations(x.reshape(1, -1))     # computed here, one image at a time
    return [r[0] for r in reps] + [model.predict_proba(x.reshape(1, -1))[0]]


@pytest.mark.parametrize("i", [0, 7, 123, 449])
def test_every_panel_shows_the_chosen_image(inspector, data, i):
    model, X, y = data
    inspector.select(i)
    shown = inspector.shown()
    expected = expected_panels(model, X[i])
    assert len(shown) == len(model.layers) + 2          # input, each layer, probabilities
    for got, want in zip(shown, expected):
        np.testing.assert_allclose(got, want, atol=1e-12)
    np.testing.assert_allclose(shown[0], X[i])           # the first panel is the picture itself


def test_slider_selects_and_updates_status_summary_and_picture(inspector, data):
    model, X, y = data
    before = inspector.view.renders
    inspector.index_slider.value = 42
    assert inspector.index == 42
    assert inspector.view.renders == before + 1
    np.testing.assert_allclose(inspector.shown()[1], model.representations(X[42:43])[1][0])
    predicted = int(model.predict_classes(X[42:43])[0])
    assert inspector.summary().startswith(f"DigitInspector: test image 42 of {len(X)}, "
                                          f"true {y[42]}, predicted {predicted}")
    assert "test image 42" in inspector.status.value
    assert f"Test image 42: true class {y[42]}" in inspector.panels.suptitle.get_text()


def test_mistake_buttons_visit_exactly_the_wrong_images(inspector, data):
    model, X, y = data
    wrong = np.flatnonzero(model.predict_classes(X) != y)
    assert len(wrong) >= 2
    inspector.select(int(wrong[0]))
    visited = []
    for _ in range(len(wrong)):
        inspector.next_mistake_button.click()
        visited.append(inspector.index)
    assert visited == list(wrong[1:]) + [wrong[0]]       # in order, then wraps around
    inspector.previous_mistake_button.click()
    assert inspector.index == wrong[-1]
    assert inspector.index_slider.value == wrong[-1]
    assert "WRONG" in inspector.panels.suptitle.get_text()
    assert f"{len(wrong)} mistakes" in inspector.summary()


def test_previous_mistake_from_the_start_wraps_to_the_last(inspector, data):
    model, X, y = data
    wrong = np.flatnonzero(model.predict_classes(X) != y)
    inspector.select(0)
    first_after = inspector.next_mistake()
    assert first_after == wrong[wrong > 0][0]
    inspector.select(0)
    assert inspector.previous_mistake() == wrong[-1]     # nothing before image 0: wrap around


def test_no_mistakes_is_reported(data):
    model, X, y = data
    right = model.predict_classes(X) == y
    inspector = DigitInspector(model, X[right][:20], y[right][:20])
    assert inspector.next_mistake() == 0
    assert "no mistakes" in inspector.status.value


def test_bad_index_raises_for_code_and_is_shown_for_handlers(inspector):
    with pytest.raises(ValueError, match="between 0 and"):
        inspector.select(10_000)
    with pytest.raises(TypeError, match="whole number"):
        inspector.select(1.5)
    inspector._safely(inspector.select, -3)
    assert "Problem" in inspector.status.value


def test_bad_data_is_rejected(data):
    model, X, y = data
    with pytest.raises(ValueError, match="64"):
        DigitInspector(model, X[:, :10], y)
    with pytest.raises(ValueError, match="labels"):
        DigitInspector(model, X, y[:5])


def test_display_bundle_has_summary_and_png(inspector):
    bundle, _ = inspector._repr_mimebundle_()
    assert bundle["text/plain"] == inspector.summary()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert inspector.ui is not None


def test_blitted_picture_changes_with_the_image(inspector):
    inspector.select(1)
    first = inspector.view.png()
    inspector.select(2)
    assert inspector.view.png() != first
    inspector.select(1)
    assert inspector.view.png() == first                 # the background is restored exactly


def test_blitted_picture_matches_a_full_redraw(inspector):
    import io

    from PIL import Image
    inspector.select(31)
    blitted = np.asarray(Image.open(io.BytesIO(inspector.view.png())).convert("RGB"), dtype=int)
    for artist in inspector.view.moving:
        artist.set_animated(False)
    inspector.view.canvas.draw()                          # everything, the ordinary way
    full = np.asarray(inspector.view.canvas.buffer_rgba())[..., :3].astype(int)
    differs = np.any(np.abs(blitted - full) > 40, axis=2)
    assert differs.mean() < 0.002                         # at most a few anti-aliased edge pixels
