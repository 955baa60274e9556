"""The model explorer of notebook 04: pick a data set, a model, its knob and the features.

Two panels show the decision regions of the course's from-scratch model (left) and of
scikit-learn's version with the same settings (right), with training points (circles), test
points (triangles) and both accuracies. Every control calls a plain method (``set_dataset``,
``set_model``, ``set_param``, ``set_features``), which retrains both models and updates the
pictures in place.
"""
import ipywidgets as W
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D

from .. import classical, datasets
from ..plots.core import CLASS_COLORS, REGION_COLORS, grid_for, new_figure
from .base import CourseWidget, FigureView

__all__ = ["ModelExplorer", "HYPER_PARAMETERS"]

#: For each model: the knob the slider turns, its choices, the starting choice, and how to build
#: the model with a given value.
HYPER_PARAMETERS = {
    "perceptron": ("epochs", (1, 2, 5, 10, 20, 50), 10,
                   lambda v: classical.Perceptron(max_epochs=v)),
    "logistic regression": ("L2 penalty", (0.0, 0.0001, 0.001, 0.01, 0.1, 1.0), 0.001,
                            lambda v: classical.LogisticRegression(l2=v)),
    "k-nearest neighbours": ("k", (1, 3, 5, 9, 15, 25, 51), 5,
                             lambda v: classical.KNearestNeighbors(k=v)),
    "decision tree": ("max depth", (1, 2, 3, 4, 5, 6, 8, 10), 4,
                      lambda v: classical.DecisionTree(max_depth=v)),
}
_MAX_CLASSES = 3
# The course's region tints, except a light green for class 2: the shared third tint is hard to
# tell from class 0's on screen.
_REGIONS = REGION_COLORS[:2] + ["#cfe6bd"]
#: Noise of each data set unless the widget is given one (the running example and the spiral as
#: on the scoreboard).
NOISE = {"running example": 0.35, "spiral": 0.2, "spiral (3 classes)": 0.2}


class ModelExplorer(CourseWidget):
    """Decision regions and accuracies of one classical model, ours next to scikit-learn's."""

    def __init__(self, dataset="running example", model="logistic regression", features="x, y",
                 value=None, n=300, noise=None, seed=0, resolution=80):
        self.n, self.noise, self.seed, self.resolution = n, noise, seed, resolution
        self.dataset, self.model_name, self.features = None, None, None
        self.value, self.ok = None, False
        self.train_accuracy = self.test_accuracy = self.sklearn_test_accuracy = None
        self._quiet = False
        self._build_figure()
        self._build_controls()
        self._quiet = True
        self.set_dataset(dataset, refit=False)
        self.set_features(features, refit=False)
        self.set_model(model, value, refit=False)
        self._quiet = False
        self.refit()
        # Axes, ticks and labels stay still; a refit redraws only the regions, what lies on them
        # and the titles (about 45 ms -> 15 ms a picture).
        self.view = FigureView(self.fig, moving=self._moving_artists)
        self.ui = W.VBox([W.HBox([self.dataset_dropdown, self.model_dropdown]),
                          W.HBox([self.param_slider, self.features_dropdown]),
                          self.status, self.view.image])

    # ----- building -----------------------------------------------------------------------------
    def _build_figure(self):
        self.fig, axes = new_figure(1, 2, width=4.2, height=4.0)
        self.axes = list(axes)
        cmap = ListedColormap(_REGIONS)
        self.images, self.train_dots, self.test_dots = [], [], []
        for ax, who in zip(self.axes, ("from scratch (helpers.classical)", "scikit-learn")):
            self.images.append(ax.imshow(np.zeros((2, 2)), origin="lower", cmap=cmap, vmin=-0.5,
                                         vmax=_MAX_CLASSES - 0.5, aspect="auto",
                                         interpolation="nearest", zorder=1))
            self.train_dots.append(ax.scatter([], [], s=18, marker="o", edgecolors="#333333",
                                              linewidths=0.6, zorder=3))
            self.test_dots.append(ax.scatter([], [], s=28, marker="^", edgecolors="#333333",
                                             linewidths=0.6, zorder=3))
            ax.set_xlabel("x")
            ax.set_ylabel("y")
            ax.set_title(who, fontsize=10)
        self.suptitle = self.fig.suptitle(" ", fontsize=10)   # later calls update this text

    def _moving_artists(self):
        """What a refit changes, in drawing order (legends are re-made with each data set)."""
        moving = []
        for ax, image, train, test in zip(self.axes, self.images, self.train_dots,
                                          self.test_dots):
            moving += [image, *ax.spines.values(), train, test]
            if ax.get_legend() is not None:
                moving.append(ax.get_legend())
            moving.append(ax.title)
        return moving + [self.suptitle]

    def _build_controls(self):
        self.dataset_dropdown = W.Dropdown(options=list(datasets.POINT_SETS),
                                           description="data set")
        self.model_dropdown = W.Dropdown(options=list(HYPER_PARAMETERS), description="model")
        self.param_slider = W.SelectionSlider(options=[1], description="knob",
                                              continuous_update=False)
        self.features_dropdown = W.Dropdown(options=list(classical.FEATURE_MAPS),
                                            description="features")
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.dataset_dropdown.observe(lambda c: self._safely(self.set_dataset, c["new"]), "value")
        self.model_dropdown.observe(lambda c: self._safely(self.set_model, c["new"]), "value")
        self.param_slider.observe(lambda c: self._safely(self.set_param, c["new"]), "value")
        self.features_dropdown.observe(lambda c: self._safely(self.set_features, c["new"]),
                                       "value")

    def _safely(self, method, value):
        """What a control calls: never lets an error escape into ipywidgets."""
        if self._quiet:
            return
        try:
            method(value)
        except Exception as exc:       # shown to the learner instead of being swallowed
            self.ok = False
            self.status.value = f"<b>Problem:</b> {exc}"

    def _sync(self, control, value):
        if control.value != value:
            self._quiet, before = True, self._quiet
            control.value = value
            self._quiet = before

    # ----- what the controls call ---------------------------------------------------------------
    def set_dataset(self, name, refit=True):
        """Generate the data set ``name`` (one of datasets.POINT_SETS) and split it."""
        if name not in datasets.POINT_SETS:
            raise ValueError(f"unknown data set {name!r}; choose one of "
                             f"{list(datasets.POINT_SETS)}.")
        noise = NOISE.get(name, 0.15) if self.noise is None else self.noise
        X, y = datasets.make(name, n=self.n, noise=noise, seed=self.seed)
        self.X_train, self.y_train, self.X_test, self.y_test = datasets.train_test_split(
            X, y, test_fraction=0.3, seed=self.seed)
        self.dataset = name
        self._sync(self.dataset_dropdown, name)
        self._draw_points()
        if refit:
            self.refit()

    def set_model(self, name, value=None, refit=True):
        """Choose the model; the slider switches to that model's knob (``value`` or default)."""
        if name not in HYPER_PARAMETERS:
            raise ValueError(f"unknown model {name!r}; choose one of {list(HYPER_PARAMETERS)}.")
        label, options, default, _ = HYPER_PARAMETERS[name]
        value = default if value is None else value
        if value not in options:
            raise ValueError(f"{label} = {value!r} is not offered for {name}; choose one of "
                             f"{list(options)}.")
        self.model_name, self.value = name, value
        self._sync(self.model_dropdown, name)
        self._quiet, before = True, self._quiet
        self.param_slider.options = [(self._format(v), v) for v in options]
        self.param_slider.value = value
        self.param_slider.description = label
        self._quiet = before
        if refit:
            self.refit()

    def set_param(self, value):
        """Turn the current model's knob to ``value``."""
        label, options, _, _ = HYPER_PARAMETERS[self.model_name]
        if value not in options:
            raise ValueError(f"{label} = {value!r} is not offered; choose one of "
                             f"{list(options)}.")
        self.value = value
        self._sync(self.param_slider, value)
        self.refit()

    def set_features(self, name, refit=True):
        """Choose the hand-made features the model sees (one of classical.FEATURE_MAPS)."""
        if name not in classical.FEATURE_MAPS:
            raise ValueError(f"unknown features {name!r}; choose one of "
                             f"{list(classical.FEATURE_MAPS)}.")
        self.features = name
        self._sync(self.features_dropdown, name)
        if refit:
            self.refit()

    # ----- training and drawing -----------------------------------------------------------------
    @staticmethod
    def _format(value):
        return f"{value:g}" if isinstance(value, float) else str(value)

    def make_model(self):
        """A fresh, untrained model with the current settings."""
        build = HYPER_PARAMETERS[self.model_name][3]
        return classical.WithFeatures(build(self.value), self.features)

    def refit(self):
        """Train both models on the training split and redraw their decision regions."""
        self.model_ = self.make_model()
        knob = f"{HYPER_PARAMETERS[self.model_name][0]} = {self._format(self.value)}"
        try:
            self.model_.fit(self.X_train, self.y_train)
            self.sklearn_ = classical.fit_sklearn(self.model_, self.X_train, self.y_train)
        except ValueError as exc:
            self.ok = False
            self.train_accuracy = self.test_accuracy = self.sklearn_test_accuracy = None
            for image, ax, who in zip(self.images, self.axes, ("from scratch", "scikit-learn")):
                image.set_data(np.ma.masked_all((2, 2)))
                ax.set_title(f"{who}: not trained", fontsize=10)
            self.fig.suptitle(f"{self.model_name} ({knob}) cannot be trained here", fontsize=10)
            self.status.value = f"<b>Problem:</b> {exc}"
            self._refresh()
            return
        self.ok = True
        self.train_accuracy = self.model_.score(self.X_train, self.y_train)
        self.test_accuracy = self.model_.score(self.X_test, self.y_test)
        self.sklearn_test_accuracy = float(self.sklearn_.score(self.X_test, self.y_test))
        xx, yy, grid = grid_for(np.vstack([self.X_train, self.X_test]), self.resolution)
        extent = (xx.min(), xx.max(), yy.min(), yy.max())
        for image, model in zip(self.images, (self.model_, self.sklearn_)):
            image.set_data(np.asarray(model.predict(grid)).reshape(xx.shape))
            image.set_extent(extent)
        titles = (f"from scratch: train {self.train_accuracy:.3f}, test "
                  f"{self.test_accuracy:.3f}",
                  f"scikit-learn: train "
                  f"{self.sklearn_.score(self.X_train, self.y_train):.3f}, test "
                  f"{self.sklearn_test_accuracy:.3f}")
        for ax, title in zip(self.axes, titles):
            ax.set_title(title, fontsize=10)
        self.fig.suptitle(f"{self.dataset}: {self.model_name} ({knob}) on features "
                          f"{self.features}", fontsize=10)
        self.status.value = (f"Trained on {len(self.X_train)} points. Test accuracy "
                             f"<b>{self.test_accuracy:.3f}</b> from scratch, "
                             f"<b>{self.sklearn_test_accuracy:.3f}</b> with scikit-learn.")
        self._refresh()

    def _draw_points(self):
        X_all = np.vstack([self.X_train, self.X_test])
        xx, yy, _ = grid_for(X_all, self.resolution)
        n_classes = int(max(self.y_train.max(), self.y_test.max())) + 1
        handles = [Line2D([], [], ls="", marker="o", mfc=CLASS_COLORS[k], mec="#333333",
                          label=f"class {k}") for k in range(n_classes)]
        handles.append(Line2D([], [], ls="", marker="^", mfc="#bbbbbb", mec="#333333",
                              label="test point"))
        for ax, train, test in zip(self.axes, self.train_dots, self.test_dots):
            train.set_offsets(self.X_train)
            train.set_facecolors([CLASS_COLORS[k] for k in self.y_train])
            test.set_offsets(self.X_test)
            test.set_facecolors([CLASS_COLORS[k] for k in self.y_test])
            ax.set_xlim(xx.min(), xx.max())
            ax.set_ylim(yy.min(), yy.max())
            ax.legend(handles=handles, loc="upper right", fontsize=7, framealpha=0.85)
        if self.view is not None:
            self.view.invalidate()                    # new axis limits: redraw everything once

    def _refresh(self):
        if self.view is not None:
            self.view.refresh()

    # ----- text ---------------------------------------------------------------------------------
    def summary(self):
        knob = f"{HYPER_PARAMETERS[self.model_name][0]} = {self._format(self.value)}"
        head = f"ModelExplorer: {self.dataset} | {self.model_name} ({knob}) | features {self.features}"
        if not self.ok:
            return head + " | not trained (see the status line)"
        return (head + f" | train {self.train_accuracy:.3f}, test {self.test_accuracy:.3f}"
                f" | scikit-learn test {self.sklearn_test_accuracy:.3f}")
