"""The model explorer of notebook 04: pick a data set, a model, its knob and the features.

Two panels show the decision regions of the course's from-scratch model (left) and of
scikit-learn's version with the same settings (right), with training points (circles), test
points (triangles) and both accuracies. Every control calls a plain method (``set_dataset``,
``set_model``, ``set_param``, ``set_features``), which retrains both models and updates the
pictures in place.

Speed: each setting is trained once and remembered, so going back to a setting shows it at
once. After the learner has used a control, the pictures for every position of the knob are
drawn in the background and kept in the page, which then switches them itself when the knob
moves (see choice_pictures.py). A logistic regression for a new L2 penalty starts from the
weights already found for the nearest penalty on the same data (scikit-learn's
``warm_start``; the loss is the same convex function, so it ends at the same minimum, only
sooner).
"""
import copy

import ipywidgets as W
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D

from .. import classical, datasets
from ..i18n import N_, _, get_language
from ..plots.core import CLASS_COLORS, REGION_COLORS, TEXT_PT, grid_for, new_figure
from .base import CourseWidget, FigureView, choices
from .choice_pictures import ChoicePictures

__all__ = ["ModelExplorer", "HYPER_PARAMETERS"]

#: For each model: the knob the slider turns, its choices, the starting choice, and how to build
#: the model with a given value. (``N_`` marks the names the controls show, translated.)
HYPER_PARAMETERS = {
    N_("perceptron"): (N_("epochs"), (1, 2, 5, 10, 20, 50), 10,
                       lambda v: classical.Perceptron(max_iter=v)),
    N_("logistic regression"): (N_("L2 penalty"), (0.0, 0.0001, 0.001, 0.01, 0.1, 1.0), 0.001,
                                lambda v: classical.LogisticRegression(l2=v)),
    N_("k-nearest neighbours"): ("k", (1, 3, 5, 9, 15, 25, 51), 5,
                                 lambda v: classical.KNearestNeighbors(k=v)),
    N_("decision tree"): (N_("max depth"), (1, 2, 3, 4, 5, 6, 8, 10), 4,
                          lambda v: classical.DecisionTree(max_depth=v)),
}
#: The names of classical.FEATURE_MAPS that are words, marked here for the features dropdown.
FEATURE_NAMES = (N_("all products up to degree 3"), N_("polar: r, θ"))
_MAX_CLASSES = 3
#: How many trained settings the explorer remembers.
_REMEMBERED = 64
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
        self._trained = {}           # setting -> what training gave (see _train)
        self._quiet = False
        self._build_figure()
        self._build_controls()
        self._quiet = True
        self.set_dataset(dataset, refit=False)
        self.set_features(features, refit=False)
        self.set_model(model, value, refit=False)
        self._quiet = False
        self.refit()
        # Axes, ticks, labels and the legend stay still; a refit redraws only the regions, what
        # lies on them and the titles.
        self.view = FigureView(self.fig, moving=self._moving_artists, live_format="jpeg")
        positions = max(len(options) for _label, options, _d, _b in HYPER_PARAMETERS.values())
        index = HYPER_PARAMETERS[self.model_name][1].index(self.value)
        self.pictures = ChoicePictures(self.view, self.param_slider, positions, self._pose,
                                       index, self._picture_key() if self.ok else None)
        # where the layout put the legend (re-made legends go to the same place)
        box = self.legend.get_window_extent().transformed(self.fig.transFigure.inverted())
        self._legend_anchor = (box.x0 + box.width / 2, box.y0)
        self.ui = W.VBox([W.HBox([self.dataset_dropdown, self.model_dropdown]),
                          W.HBox([self.param_slider, self.features_dropdown]),
                          self.status, self.pictures.stack])

    # ----- building -----------------------------------------------------------------------------
    def _build_figure(self):
        # 8.4 x 4.3 inches at the widget's 80 dpi: 672 px wide; every text at least 9 pt (10 px)
        self.fig, axes = new_figure(1, 2, width=4.2, height=4.3)
        self.axes = list(axes)
        cmap = ListedColormap(REGION_COLORS[:_MAX_CLASSES])
        self.images, self.train_dots, self.test_dots = [], [], []
        for ax, who in zip(self.axes, (_("from scratch (helpers.classical)"), "scikit-learn")):
            self.images.append(ax.imshow(np.zeros((2, 2)), origin="lower", cmap=cmap, vmin=-0.5,
                                         vmax=_MAX_CLASSES - 0.5, aspect="auto",
                                         interpolation="nearest", zorder=1))
            self.train_dots.append(ax.scatter([], [], s=18, marker="o", edgecolors="#333333",
                                              linewidths=0.6, zorder=3))
            self.test_dots.append(ax.scatter([], [], s=28, marker="^", edgecolors="#333333",
                                             linewidths=0.6, zorder=3))
            ax.set_xlabel("x", fontsize=TEXT_PT + 1)
            ax.set_ylabel("y", fontsize=TEXT_PT + 1)
            ax.tick_params(labelsize=TEXT_PT)
            ax.set_title(who, fontsize=10)
        self.suptitle = self.fig.suptitle(" ", fontsize=10)   # later calls update this text
        # One legend for both panels, below them where it hides no point; laid out once with
        # the most entries it can have, then re-made for each data set in the same place.
        self.legend = self._make_legend(_MAX_CLASSES)

    def _make_legend(self, n_classes):
        handles = [Line2D([], [], ls="", marker="o", mfc=CLASS_COLORS[k], mec="#333333",
                          label=_("class {k}").format(k=k)) for k in range(n_classes)]
        handles.append(Line2D([], [], ls="", marker="^", mfc="#bbbbbb", mec="#333333",
                              label=_("test point (round dots: training points)")))
        return self.fig.legend(handles=handles, loc="outside lower center", ncol=len(handles),
                               fontsize=TEXT_PT, frameon=False)

    def _moving_artists(self):
        """What a refit changes, in drawing order."""
        moving = []
        for ax, image, train, test in zip(self.axes, self.images, self.train_dots,
                                          self.test_dots):
            moving += [image, *ax.spines.values(), train, test, ax.title]
        return moving + [self.suptitle]

    def _build_controls(self):
        wide = {"style": {"description_width": "initial"}, "layout": W.Layout(width="330px")}
        self.dataset_dropdown = W.Dropdown(options=choices(datasets.POINT_SETS),
                                           description=_("data set"), **wide)
        self.model_dropdown = W.Dropdown(options=choices(HYPER_PARAMETERS),
                                         description=_("model"), **wide)
        self.param_slider = W.SelectionSlider(options=[1], description=_("knob"),
                                              continuous_update=False, **wide)
        self.features_dropdown = W.Dropdown(options=choices(classical.FEATURE_MAPS),
                                            description=_("features"), **wide)
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.dataset_dropdown.observe(lambda c: self._safely(self.set_dataset, c["new"]), "value")
        self.model_dropdown.observe(lambda c: self._safely(self.set_model, c["new"]), "value")
        self.param_slider.observe(lambda c: self._safely(self.set_param, c["new"]), "value")
        self.features_dropdown.observe(lambda c: self._safely(self.set_features, c["new"]),
                                       "value")

    def _safely(self, method, value):
        """What a control calls (the base class's guard), then the knob's other positions are
        prepared while the learner looks."""
        if self._quiet:
            return
        super()._safely(method, value)
        self.pictures.prepare_later()

    def show_problem(self, exc):
        self.ok = False
        super().show_problem(exc)

    def _sync(self, control, value):
        if control.value != value:
            self._quiet, before = True, self._quiet
            control.value = value
            self._quiet = before

    # ----- what the controls call ---------------------------------------------------------------
    def set_dataset(self, name, refit=True):
        """Generate the data set ``name`` (one of datasets.POINT_SETS) and split it."""
        if name not in datasets.POINT_SETS:
            raise ValueError(_("unknown data set {name!r}; choose one of {names}.").format(
                name=name, names=list(datasets.POINT_SETS)))
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
            raise ValueError(_("unknown model {name!r}; choose one of {names}.").format(
                name=name, names=list(HYPER_PARAMETERS)))
        label, options, default, _build = HYPER_PARAMETERS[name]
        value = default if value is None else value
        if value not in options:
            raise ValueError(_("{knob} = {value!r} is not offered for {model}; choose one of "
                               "{options}.").format(knob=_(label), value=value, model=_(name),
                                                    options=list(options)))
        self.model_name, self.value = name, value
        self._sync(self.model_dropdown, name)
        self._quiet, before = True, self._quiet
        if self.view is not None:
            self.pictures.forget()      # the page must not switch pictures of the old knob
        self.param_slider.options = [(self._format(v), v) for v in options]
        self.param_slider.value = value
        self.param_slider.description = _(label)
        self._quiet = before
        if refit:
            self.refit()

    def set_param(self, value):
        """Turn the current model's knob to ``value``."""
        label, options, _default, _build = HYPER_PARAMETERS[self.model_name]
        if value not in options:
            raise ValueError(_("{knob} = {value!r} is not offered; choose one of {options}.")
                             .format(knob=_(label), value=value, options=list(options)))
        self.value = value
        self._sync(self.param_slider, value)
        self.refit()

    def set_features(self, name, refit=True):
        """Choose the hand-made features the model sees (one of classical.FEATURE_MAPS)."""
        if name not in classical.FEATURE_MAPS:
            raise ValueError(_("unknown features {name!r}; choose one of {names}.").format(
                name=name, names=list(classical.FEATURE_MAPS)))
        self.features = name
        self._sync(self.features_dropdown, name)
        if refit:
            self.refit()

    # ----- training and drawing -----------------------------------------------------------------
    @staticmethod
    def _format(value):
        return f"{value:g}" if isinstance(value, float) else str(value)

    def _knob(self):
        """The knob and its value as the titles show them, e.g. 'max depth = 4'."""
        return f"{_(HYPER_PARAMETERS[self.model_name][0])} = {self._format(self.value)}"

    def make_model(self):
        """A fresh, untrained model with the current settings."""
        build = HYPER_PARAMETERS[self.model_name][3]
        return classical.WithFeatures(build(self.value), self.features)

    def refit(self):
        """Train both models on the training split (once per setting) and redraw them."""
        knob = self._knob()
        setting = (self.dataset, self.features, self.model_name, self.value)
        try:
            if setting not in self._trained:
                self._remember(setting, self._train())
            result = self._trained[setting]
        except (ValueError, TypeError, FloatingPointError) as exc:
            self.train_accuracy = self.test_accuracy = self.sklearn_test_accuracy = None
            for image, ax, title in zip(self.images, self.axes, (_("from scratch: not trained"),
                                                                 _("scikit-learn: not trained"))):
                image.set_data(np.ma.masked_all((2, 2)))
                ax.set_title(title, fontsize=10)
            self.suptitle.set_text(_("{model} ({knob}) cannot be trained here").format(
                model=_(self.model_name), knob=knob))
            self.show_problem(exc)
            self._refresh(drawable=False)
            return
        self.ok = True
        self.model_, self.sklearn_ = result["model"], result["sklearn"]
        self.train_accuracy, self.test_accuracy = result["train"], result["test"]
        self.sklearn_test_accuracy = result["sklearn test"]
        self._pose_result(result)
        self.status.value = _("Trained on {n} points: test accuracy <b>{ours:.3f}</b> from "
                              "scratch, <b>{theirs:.3f}</b> with scikit-learn.").format(
            n=len(self.X_train), ours=self.test_accuracy, theirs=self.sklearn_test_accuracy)
        self._refresh()

    def _pose_result(self, result):
        """Put a trained setting's regions and accuracies into the figure (nothing else)."""
        knob = self._knob()
        for image, regions in zip(self.images, result["regions"]):
            image.set_data(regions)
            image.set_extent(result["extent"])
        titles = (_("from scratch: train {train:.3f}, test {test:.3f}").format(
                      train=result["train"], test=result["test"]),
                  _("scikit-learn: train {train:.3f}, test {test:.3f}").format(
                      train=result["sklearn train"], test=result["sklearn test"]))
        for ax, title in zip(self.axes, titles):
            ax.set_title(title, fontsize=10)
        self.suptitle.set_text(_("{dataset}: {model} ({knob}) on features {features}").format(
            dataset=_(self.dataset), model=_(self.model_name), knob=knob,
            features=_(self.features)))

    def _pose(self, index):
        """Pose the figure for the knob's ``index``-th value (training it if needed) without
        changing the widget's state; returns what the picture shows (None: not trainable)."""
        value = HYPER_PARAMETERS[self.model_name][1][index]
        setting = (self.dataset, self.features, self.model_name, value)
        current, self.value = self.value, value
        try:
            if setting not in self._trained:
                self._remember(setting, self._train())
            self._pose_result(self._trained[setting])
        except (ValueError, TypeError, FloatingPointError):
            return None
        finally:
            self.value = current
        return self._picture_key()

    def _picture_key(self):
        """Everything the pictures depend on besides the knob's value."""
        return (self.dataset, self.features, self.model_name, get_language())

    def _train(self):
        """Train our model and scikit-learn's for the current setting; what the panels show."""
        model = self._warm_started_model() or self.make_model()
        model.fit(self.X_train, self.y_train)
        theirs = classical.fit_sklearn(model, self.X_train, self.y_train)
        xx, yy, grid = grid_for(np.vstack([self.X_train, self.X_test]), self.resolution)
        # one prediction per model for the training points, the test points and the grid
        n_train, n_test = len(self.X_train), len(self.X_test)
        everything = np.vstack([self.X_train, self.X_test, grid])
        result = {"model": model, "sklearn": theirs,
                  "extent": (xx.min(), xx.max(), yy.min(), yy.max()), "regions": []}
        for who, predictor in (("", model), ("sklearn ", theirs)):
            predicted = np.asarray(predictor.predict(everything))
            result[who + "train"] = float(np.mean(predicted[:n_train] == self.y_train))
            result[who + "test"] = float(np.mean(predicted[n_train:n_train + n_test]
                                                 == self.y_test))
            result["regions"].append(predicted[n_train + n_test:].reshape(xx.shape))
        return result

    def _warm_started_model(self):
        """A logistic regression that starts from the weights trained for the nearest L2 penalty
        on the same data and features (None for other models, or when there are none yet)."""
        if self.model_name != "logistic regression":
            return None
        options = HYPER_PARAMETERS[self.model_name][1]
        same_data = [(abs(options.index(value) - options.index(self.value)), value)
                     for dataset, features, name, value in self._trained
                     if (dataset, features, name) == (self.dataset, self.features,
                                                      self.model_name)]
        if not same_data:
            return None
        nearest = min(same_data)[1]
        model = copy.deepcopy(self._trained[(self.dataset, self.features, self.model_name,
                                             nearest)]["model"])
        return model.set_params(model__l2=self.value, model__warm_start=True)

    def _remember(self, setting, result):
        if len(self._trained) >= _REMEMBERED:
            self._trained.pop(next(iter(self._trained)))         # forget the oldest
        self._trained[setting] = result

    def _draw_points(self):
        X_all = np.vstack([self.X_train, self.X_test])
        xx, yy, _grid = grid_for(X_all, self.resolution)
        n_classes = int(max(self.y_train.max(), self.y_test.max())) + 1
        for ax, train, test in zip(self.axes, self.train_dots, self.test_dots):
            train.set_offsets(self.X_train)
            train.set_facecolors([CLASS_COLORS[k] for k in self.y_train])
            test.set_offsets(self.X_test)
            test.set_facecolors([CLASS_COLORS[k] for k in self.y_test])
            ax.set_xlim(xx.min(), xx.max())
            ax.set_ylim(yy.min(), yy.max())
        if len(self.legend.legend_handles) - 1 != n_classes:
            self.legend.remove()
            self.legend = self._make_legend(n_classes)
            if self.view is not None:
                self.legend.set_bbox_to_anchor(self._legend_anchor, self.fig.transFigure)
        if self.view is not None:
            self.view.invalidate()                    # new axis limits: redraw everything once

    def _refresh(self, drawable=True):
        if self.view is not None:
            index = HYPER_PARAMETERS[self.model_name][1].index(self.value)
            self.pictures.show(index, self._picture_key() if drawable else None)

    # ----- text ---------------------------------------------------------------------------------
    def summary(self):
        head = _("ModelExplorer: {dataset} | {model} ({knob}) | features {features}").format(
            dataset=_(self.dataset), model=_(self.model_name), knob=self._knob(),
            features=_(self.features))
        if not self.ok:
            return head + _(" | not trained (see the status line)")
        return head + _(" | train {train:.3f}, test {test:.3f} | scikit-learn test "
                        "{theirs:.3f}").format(train=self.train_accuracy,
                                               test=self.test_accuracy,
                                               theirs=self.sklearn_test_accuracy)
