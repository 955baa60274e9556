"""Pictures for every position kept in the page (choice_pictures.py), through the widgets that
use them: the model explorer's knob, the layer inspector's checkpoints (drawn in a copy of the
kernel) and the backprop walk-through's stages."""
import asyncio
import base64
import io
import time

import numpy as np
import pytest
from PIL import Image

from helpers.widgets import HYPER_PARAMETERS, ModelExplorer


def pixels(image_widget):
    data = bytes(image_widget.value)
    assert data.startswith(b"data:image/jpeg;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data.split(b",", 1)[1]))))


def small(**kw):
    return ModelExplorer(n=120, resolution=30, **kw)


def test_nothing_is_kept_in_the_page_before_the_learner_acts():
    w = small()
    p = w.pictures
    assert p.link is None and p.stack.selected_index == 2
    assert [bool(image.value) for image in p.images] == [False, False, True] + [False] * 5
    assert p.missing() == [1, 3, 0, 4, 5]          # nearest first; 6 values for this model


def test_each_kept_picture_is_the_one_the_kernel_would_draw_for_that_value():
    w = small(dataset="moons", model="decision tree", value=4)
    w.pictures.prepare_all()
    options = HYPER_PARAMETERS["decision tree"][1]
    assert w.pictures.missing() == [] and w.pictures.link is not None
    assert w.pictures.drawn_in_background == len(options) - 1
    assert "max depth = 4" in w.summary()               # the widget's own state is untouched
    for index, value in enumerate(options):         # drawn by the kernel when asked for
        asked = small(dataset="moons", model="decision tree", value=4)
        asked.set_param(value)
        assert asked.view.image is asked.pictures.images[index]
        assert np.array_equal(pixels(w.pictures.images[index]), pixels(asked.view.image)), value


def test_moving_the_knob_to_a_kept_picture_draws_nothing():
    w = small(model="k-nearest neighbours", value=5)
    w.pictures.prepare_all()
    renders = w.view.renders
    w.param_slider.value = 15                             # as the page's slider does
    assert w.value == 15 and "k = 15" in w.summary()
    assert w.view.renders == renders and w.pictures.stack.selected_index == 4
    assert w.view.image is w.pictures.images[4]


def test_new_settings_unlink_first_and_draw_again():
    w = small(model="k-nearest neighbours", value=5)
    w.pictures.prepare_all()
    link = w.pictures.link
    w.set_dataset("circles")
    assert w.pictures.link is None and link.comm is None    # closed in the page too
    assert len(w.pictures.missing()) == len(HYPER_PARAMETERS["k-nearest neighbours"][1]) - 1
    before = pixels(w.pictures.images[0])
    w.pictures.prepare_all()
    assert not np.array_equal(before, pixels(w.pictures.images[0]))   # redrawn for circles
    w.set_model("perceptron")                              # 6 values: the slider shrinks
    assert w.pictures.link is None and w.pictures.count == 6
    assert w.pictures.missing() == [2, 4, 1, 5, 0]        # 10 epochs is the 4th value


def test_controls_prepare_the_other_pictures_in_the_background_of_a_running_loop():
    w = small()

    async def learner_moves_the_knob():
        w.param_slider.value = 0.01                        # through the control, as the page
        for _ in range(200):
            await asyncio.sleep(0.02)
            if w.pictures.link is not None:
                return

    asyncio.run(learner_moves_the_knob())
    assert w.pictures.link is not None and w.pictures.missing() == []
    assert w.pictures.drawn_in_background == 4 and w.value == 0.01   # 6 values, 2 drawn


def test_a_setting_that_cannot_be_drawn_is_never_kept():
    w = small()
    w.pictures.show(1, None)
    assert w.pictures.missing() == [] and w.pictures.link is None
    w.pictures.prepare_all()
    assert w.pictures.link is None


# ----- the layer inspector: a picture for every checkpoint, at the stage shown -----------------
@pytest.fixture(scope="module")
def trained():
    from helpers import depth

    X, y, _, _ = depth.xor_split()
    model = depth.untangling_network()
    return model, depth.train_with_checkpoints(model, X, y, epochs=20, every=5), X, y


def png_pixels(image_widget):
    data = bytes(image_widget.value)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data.split(b",", 1)[1]))))


@pytest.fixture
def two_cores(monkeypatch):
    """The copy is made only with a second core to run on: these tests pretend there is one,
    whatever machine runs them."""
    from helpers.widgets import choice_pictures

    monkeypatch.setattr(choice_pictures, "usable_cores", lambda: 2)


def inspector(trained, **kw):
    from helpers.widgets import LayerInspector

    model, run, X, y = trained
    return LayerInspector(model, X, y, run, **kw)


def move_checkpoint_until_linked(w, value, before=None):
    """Move the checkpoint slider inside an event loop, as the page does, and wait (at most
    6 s) until every picture is kept and the slider is linked; ``before`` runs first, in the
    loop."""
    async def learner_moves_the_checkpoint():
        if before is not None:
            before()
        w.checkpoint_slider.value = value
        for _ in range(300):
            await asyncio.sleep(0.02)
            if w.pictures.link is not None:
                return
    asyncio.run(learner_moves_the_checkpoint())


def test_every_checkpoint_picture_is_the_one_the_kernel_would_draw(trained):
    w = inspector(trained, stage=3)
    w.pictures.prepare_all()
    assert w.pictures.link is not None and w.pictures.drawn_in_background == 4
    assert w.checkpoint == 4 and w.stage == 3                 # its own state is untouched
    for i in range(5):
        asked = inspector(trained, stage=3)
        asked.set_checkpoint(i)
        assert np.array_equal(png_pixels(w.pictures.images[i]), png_pixels(asked.view.image)), i


def test_after_drawing_in_the_background_a_new_stage_is_drawn_for_the_checkpoint_shown(trained):
    # a stage change redraws only the stage panel over a saved picture of the rest: that
    # picture must be of the checkpoint shown, not of the last one drawn in the background
    w = inspector(trained, checkpoint=1)
    w.pictures.prepare_all()
    w.set_stage(2)
    fresh = inspector(trained, checkpoint=1, stage=2)
    assert w.pictures.link is None and w.pictures.missing() == [0, 2, 3, 4]
    assert np.array_equal(png_pixels(w.view.image), png_pixels(fresh.view.image))


# ----- the backprop walk-through: stages stepped through with buttons, no slider ---------------
def test_walkthrough_stages_once_drawn_are_shown_without_drawing():
    from helpers.widgets import BackpropWalkthrough

    w = BackpropWalkthrough()
    w.pictures.prepare_all()
    n = len(w.stages)
    assert w.pictures.link is None and w.pictures.drawn_in_background == n - 1
    assert w.stage == 0 and "Stage 1 of" in w.status.value
    renders = w.view.renders
    for _ in range(3):
        w.next_button.click()
    assert w.view.renders == renders and w.pictures.stack.selected_index == 3
    for stage in range(n):                          # the same as drawn when asked for
        asked = BackpropWalkthrough()
        for _ in range(stage):
            asked.next()
        assert np.array_equal(png_pixels(w.pictures.images[stage]),
                              png_pixels(asked.view.image)), stage


def test_a_failure_in_the_background_stops_it_quietly(monkeypatch):
    w = small()
    calls = []

    def broken(index):
        calls.append(index)
        raise RuntimeError("cannot pose")

    escaped = []

    async def learner_moves_the_knob():
        asyncio.get_running_loop().set_exception_handler(lambda loop, context:
                                                         escaped.append(context))
        monkeypatch.setattr(w.pictures, "pose", broken)
        w.param_slider.value = 0.01
        await asyncio.sleep(0.3)

    asyncio.run(learner_moves_the_knob())
    assert calls and escaped == [] and w.pictures.link is None and w.value == 0.01


def test_checkpoints_drawn_in_a_copy_of_the_kernel_are_the_kernels_pictures(trained, two_cores):
    w = inspector(trained, stage=3)
    assert w.pictures.in_copy               # Linux: fork is there

    renders = w.view.renders
    move_checkpoint_until_linked(w, 3)
    assert w.pictures.link is not None and w.pictures.missing() == []
    assert w.pictures.drawn_in_background == 3 and w.pictures._copy is None
    assert w.view.renders == renders + 1             # only checkpoint 3, here; the rest there
    assert w.checkpoint == 3 and w.stage == 3
    for i in range(5):
        asked = inspector(trained, stage=3)
        asked.set_checkpoint(i)
        assert np.array_equal(png_pixels(w.pictures.images[i]), png_pixels(asked.view.image)), i


def test_pictures_a_copy_drew_for_old_settings_are_dropped(trained, monkeypatch, two_cores):
    w = inspector(trained, stage=3)
    pictures = w.pictures
    monkeypatch.setattr(pictures, "collect_every", 60.0)     # collected by hand below
    kept = {}

    async def learner_moves_both_sliders():
        w.checkpoint_slider.value = 1
        await asyncio.sleep(0.05)                 # the copy has started ...
        receiver = pictures._copy[1]
        while not receiver.poll():                # ... and sent a picture
            await asyncio.sleep(0.02)
        w.layer_slider.value = 2                  # now every checkpoint picture is old
        kept.update(keys=list(pictures.keys), values=[bytes(i.value) for i in pictures.images])
        pictures._collect()                       # what the copy sent must be dropped
        kept.update(after=list(pictures.keys), after_values=[bytes(i.value)
                                                             for i in pictures.images])

    asyncio.run(learner_moves_both_sliders())
    new = pictures.key
    assert new[0] == 2 and kept["keys"][1] == new              # checkpoint 1 drawn for stage 2
    assert kept["after"] == kept["keys"] and kept["after_values"] == kept["values"]
    assert [k for k, key in enumerate(kept["after"]) if key == new] == [1]


def test_a_copy_that_hangs_is_stopped_and_the_kernel_draws_instead(trained, monkeypatch,
                                                                   two_cores):
    w = inspector(trained)
    pictures = w.pictures
    monkeypatch.setattr(pictures, "copy_patience", 0.3)
    monkeypatch.setattr(pictures, "_draw_in_copy", lambda missing, sender: time.sleep(60))

    move_checkpoint_until_linked(w, 2)
    assert not pictures.in_copy and pictures._copy is None
    assert pictures.link is not None and pictures.drawn_in_background == 3


def test_with_one_core_the_kernel_draws_the_checkpoints_itself(trained, monkeypatch):
    from helpers.widgets import choice_pictures

    monkeypatch.setattr(choice_pictures, "usable_cores", lambda: 1)
    w = inspector(trained)
    assert not w.pictures.in_copy

    renders = w.view.renders
    move_checkpoint_until_linked(w, 2)
    assert w.pictures.link is not None and w.pictures.drawn_in_background == 3
    assert w.view.renders == renders + 4               # all four drawn here, none in a copy


class _NoFork:
    """Stands in for multiprocessing: records whether the shown picture was still to be drawn
    when a copy was asked for, then refuses the copy (the kernel then draws them)."""

    def __init__(self, view):
        self.view, self.busy = view, []

    def get_context(self, _method):
        return self

    def Pipe(self, duplex=False):
        import multiprocessing
        return multiprocessing.Pipe(duplex)

    def Process(self, **_kw):
        return self

    def start(self):
        self.busy.append(self.view.busy)
        raise OSError("no copy in this test")


def test_the_copy_is_made_only_once_the_moves_picture_is_drawn(trained, monkeypatch,
                                                               two_cores):
    from helpers.widgets import choice_pictures

    w = inspector(trained)
    fake = _NoFork(w.view)
    monkeypatch.setattr(choice_pictures, "multiprocessing", fake)
    # a picture was just drawn, so the move's picture waits its turn (min_interval) while the
    # background would start after ChoicePictures.pause
    monkeypatch.setattr(w.view, "min_interval", 0.2)

    move_checkpoint_until_linked(w, 2, before=lambda: setattr(w.view, "_last_render",
                                                              time.perf_counter()))
    assert fake.busy == [False]                  # asked for once, after the picture was drawn
    assert w.pictures.link is not None and not w.pictures.in_copy
