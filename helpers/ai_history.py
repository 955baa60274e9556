"""Facts for notebook 08: results since 2010, the timeline of hype and winters, the glossary.

Everything here is a small table typed in from a published source, and every row says which one.
Notebook 08 draws its figures and its exercises from these tables, and
``tests/test_ai_history.py`` checks them (years in order, a source on every row, the ImageNet
numbers as published). (``models.History`` is something else: the losses of one training run.)

- :data:`IMAGENET_RESULTS` — the winning top-5 error of the ImageNet challenge, 2010-2015.
- :data:`EVENTS` — milestones from 1956 to today: what people expected, what happened next.
- :data:`WINTERS` — the two AI winters, as approximate spans of years.
- :func:`illustrative_mood` — a hand-drawn "enthusiasm" curve. It is an ILLUSTRATION, not data.
- :data:`GLOSSARY` — the course's key terms, in English and in the Korean of a learner's summary
  of chapter 1 of *Deep Learning with Python*.
- :data:`API_MAP` — how the course's ``helpers`` names map onto Keras and PyTorch.
"""
import html
from dataclasses import dataclass

import numpy as np

from .i18n import N_, T_, _, pad, text_width
from .notebooks import notebook_link
from .validation import positive_int

__all__ = ["ImageNetResult", "IMAGENET_RESULTS", "HUMAN_TOP5_ESTIMATE", "HUMAN_ESTIMATE_SOURCE",
           "ILSVRC_SOURCE", "RESNET_SOURCE", "OTHER_RESULTS", "Event", "EVENTS", "WINTERS",
           "event_at", "winter_at", "illustrative_mood", "MOOD_KEY_POINTS", "GlossaryEntry",
           "GLOSSARY", "glossary_markdown", "ApiPair", "API_MAP",
           "api_map_markdown", "resolve_helpers_name", "Table", "imagenet_table", "events_table",
           "other_results_table", "KIND_NAMES", "BOOK"]

#: The book whose chapter 1 the course follows.
BOOK = "François Chollet, Deep Learning with Python (Manning; 1st ed. 2017, 2nd ed. 2021), chapter 1"

# ----------------------------------------------------------------------------------------------
# Results since 2010: the ImageNet Large Scale Visual Recognition Challenge (ILSVRC)
# ----------------------------------------------------------------------------------------------
ILSVRC_SOURCE = ("O. Russakovsky et al., \"ImageNet Large Scale Visual Recognition Challenge\", "
                 "International Journal of Computer Vision 115(3), 211-252, 2015")
RESNET_SOURCE = ("K. He, X. Zhang, S. Ren, J. Sun, \"Deep Residual Learning for Image "
                 "Recognition\", CVPR 2016")
ALEXNET_SOURCE = ("A. Krizhevsky, I. Sutskever, G. E. Hinton, \"ImageNet Classification with Deep "
                  "Convolutional Neural Networks\", NeurIPS 2012")
GOOGLENET_SOURCE = ("C. Szegedy et al., \"Going Deeper with Convolutions\", CVPR 2015")

#: The estimated error of a trained person on the same task, in percent (one expert annotator
#: who labelled 1,500 test images; Russakovsky et al. 2015, section 6.4).
HUMAN_TOP5_ESTIMATE = 5.1
HUMAN_ESTIMATE_SOURCE = ILSVRC_SOURCE + ", section 6.4 (one trained annotator, 1,500 images)"


@dataclass(frozen=True)
class ImageNetResult:
    """One year of the challenge: the winning entry's top-5 classification error in percent.

    Top-5 error: the share of test images whose correct label is *not* among the entry's five
    best guesses (1,000 possible labels).
    """

    year: int
    top5_error: float
    team: str
    method: str
    source: str
    note: str = ""


IMAGENET_RESULTS = (
    ImageNetResult(2010, 28.2, "NEC-UIUC", N_("hand-made image features + linear classifiers"),
                   ILSVRC_SOURCE),
    ImageNetResult(2011, 25.8, "XRCE",
                   N_("hand-made image features (Fisher vectors) + linear classifiers"),
                   ILSVRC_SOURCE),
    ImageNetResult(2012, 16.4, "SuperVision",
                   N_("AlexNet, a deep convolutional network trained on GPUs"),
                   ILSVRC_SOURCE + "; " + ALEXNET_SOURCE,
                   note=N_("entry trained on the challenge's own data; a variant that also used "
                           "extra ImageNet images reached 15.3 % (Krizhevsky et al. 2012)")),
    ImageNetResult(2013, 11.7, "Clarifai", N_("deep convolutional network"), ILSVRC_SOURCE),
    ImageNetResult(2014, 6.7, "GoogLeNet", N_("22-layer convolutional network (Inception)"),
                   ILSVRC_SOURCE + "; " + GOOGLENET_SOURCE),
    ImageNetResult(2015, 3.6, "MSRA", N_("ResNet, a 152-layer residual network"), RESNET_SOURCE,
                   note=N_("3.57 % in the paper")),
)

#: Results from other fields, stated in the text only (one number each, not a series).
OTHER_RESULTS = (
    {"year": 2016, "field": T_("speech recognition"),
     "result": T_("5.9 % word error rate on the Switchboard part of the NIST 2000 test set, the "
                  "same as the error the team measured for professional transcribers"),
     "source": "W. Xiong et al., \"Achieving Human Parity in Conversational Speech Recognition\", "
               "Microsoft Research, arXiv:1610.05256, 2016; IEEE/ACM Trans. Audio, Speech and "
               "Language Processing, 2017"},
)


# ----------------------------------------------------------------------------------------------
# The timeline of hype and winters
# ----------------------------------------------------------------------------------------------
AIMA = ("S. Russell, P. Norvig, Artificial Intelligence: A Modern Approach (3rd ed. 2010, 4th ed. "
        "2020), section 1.3, The history of AI")
CREVIER = "D. Crevier, AI: The Tumultuous History of the Search for Artificial Intelligence, 1993"
#: Minsky's best-known prediction, as Life magazine quoted it (Chollet's chapter 1 quotes it too).
LIFE_1970 = ("B. Darrach, \"Meet Shaky, the first electronic person\", Life, 20 November 1970 "
             "(quoting Marvin Minsky); quoted in " + BOOK)


@dataclass(frozen=True)
class Event:
    """A milestone: what people expected at the time, and what happened next (paraphrased)."""

    year: int
    title: str
    short: str          # a label of a few words for the figure
    kind: str           # "hype", "winter" or "breakthrough" (a key: see KIND_NAMES)
    expected: str
    happened: str
    source: str


#: How a table names each kind of event (the kinds themselves are keys, never translated).
KIND_NAMES = {"hype": N_("hype"), "winter": N_("winter"), "breakthrough": N_("breakthrough")}

EVENTS = (
    Event(1956, N_("Dartmouth workshop"), N_("Dartmouth workshop"), "hype",
          N_("The organisers' proposal guessed that every feature of learning and intelligence "
             "could be described precisely enough for a machine to imitate it, and that a small "
             "group working for one summer could make real progress."),
          N_("The meeting gave the field its name, artificial intelligence. Programs soon proved "
             "theorems and played checkers, but the general intelligence hoped for did not "
             "arrive."),
          "J. McCarthy, M. Minsky, N. Rochester, C. Shannon, \"A Proposal for the Dartmouth "
          "Summer Research Project on Artificial Intelligence\", 1955; " + AIMA),
    Event(1958, N_("Perceptron (Rosenblatt)"), N_("perceptron"), "hype",
          N_("A machine that adjusts its own weights from examples. Newspaper reports presented "
             "it as the first step towards computers that would see, talk and even be aware of "
             "themselves."),
          N_("Perceptrons learned simple visual patterns, but one layer of adjustable weights "
             "can only separate classes with a straight line (or plane). Nobody yet knew how to "
             "train several layers."),
          "F. Rosenblatt, \"The perceptron: a probabilistic model for information storage and "
          "organization in the brain\", Psychological Review 65(6), 1958; \"New Navy Device "
          "Learns by Doing\", The New York Times, 8 July 1958"),
    Event(1969, N_("Perceptrons (Minsky & Papert)"), N_("Perceptrons (book)"), "winter",
          N_("Perceptrons, machines that learn their weights from examples, were one of the "
             "hopes of the 1960s: given time, they might learn to recognise almost anything."),
          N_("Minsky and Papert's book was a mathematical analysis of the limits of single-layer "
             "perceptrons: one layer of adjustable weights cannot compute some simple functions, "
             "such as XOR (is exactly one of two inputs on?). It cooled neural-network research "
             "for more than a decade. It did not cause the first AI winter, which hit symbolic "
             "AI (see 1973)."),
          "M. Minsky, S. Papert, Perceptrons: An Introduction to Computational Geometry, MIT "
          "Press, 1969; " + AIMA),
    Event(1973, N_("Lighthill report: the first winter"), N_("Lighthill report"), "winter",
          N_("Symbolic AI had over-promised. In 1970 Marvin Minsky told Life magazine that in "
             "three to eight years there would be a machine with the general intelligence of an "
             "average human being. Governments funded AI expecting general problem solvers, "
             "automatic translation and robots within a few years."),
          N_("James Lighthill's report for the British Science Research Council judged that AI "
             "had not met its grand goals: methods that worked on toy problems blew up on real "
             "ones. Funding was cut in Britain and, around the same time, in the United States: "
             "the first AI winter (roughly 1974-1980), which followed the over-promises of "
             "symbolic AI."),
          "J. Lighthill, \"Artificial Intelligence: A General Survey\", Science Research Council, "
          "1973; " + LIFE_1970 + "; " + AIMA),
    Event(1980, N_("Expert systems (XCON/R1)"), N_("expert systems (XCON)"), "hype",
          N_("Capture an expert's know-how as hundreds or thousands of if-then rules and sell "
             "it. DEC's XCON (first called R1) configured computer orders and was reported to "
             "save the company millions of dollars a year; companies everywhere built expert "
             "systems."),
          N_("The rule bases kept growing and became expensive to maintain: every new product or "
             "exception needed new rules written by hand, and the systems broke on cases their "
             "authors had not foreseen."),
          "J. McDermott, \"R1: A Rule-Based Configurer of Computer Systems\", Artificial "
          "Intelligence 19(1), 1982; " + AIMA),
    Event(1986, N_("Backpropagation popularised"), N_("backprop popularised"), "breakthrough",
          N_("With a way to compute how every weight in a many-layer network should change, "
             "networks could learn their own internal representations."),
          N_("Small multi-layer networks learned useful features, but computers were slow and "
             "labelled data sets small, so for years they did not beat simpler methods on big "
             "problems."),
          "D. E. Rumelhart, G. E. Hinton, R. J. Williams, \"Learning representations by "
          "back-propagating errors\", Nature 323, 533-536, 1986"),
    Event(1987, N_("Lisp machine market collapses: the second winter"), N_("Lisp machines "
                                                                           "collapse"),
          "winter",
          N_("Expert systems ran on special Lisp machines, and a whole industry was built around "
             "them."),
          N_("Cheaper general-purpose workstations and PCs caught up, the specialised hardware "
             "market collapsed in 1987, and many AI companies failed: the second AI winter (the "
             "late 1980s to the early 1990s)."),
          AIMA + "; " + CREVIER),
    Event(1989, N_("LeNet reads zip codes (LeCun et al.)"), N_("LeNet"), "breakthrough",
          N_("A convolutional network trained with backpropagation could read handwritten digits "
             "directly from pixels."),
          N_("It worked: by the late 1990s a descendant read several million bank cheques a day. "
             "But it stayed a niche, while other methods dominated machine learning in the 2000s."),
          "Y. LeCun et al., \"Backpropagation Applied to Handwritten Zip Code Recognition\", "
          "Neural Computation 1(4), 541-551, 1989; Y. LeCun et al., \"Gradient-Based Learning "
          "Applied to Document Recognition\", Proceedings of the IEEE 86(11), 1998"),
    Event(2012, N_("AlexNet wins ImageNet"), N_("AlexNet"), "breakthrough",
          N_("Hand-designed image features plus a classifier were the state of the art; the best "
             "entry of 2011 missed about one image in four."),
          N_("A deep convolutional network trained on GPUs cut the error from 25.8 % to 16.4 %. "
             "From then on every winning entry was a deep network, and deep learning spread to "
             "speech, translation and games."),
          ALEXNET_SOURCE + "; " + ILSVRC_SOURCE),
    Event(2020, N_("Today (the 2020s)"), N_("today"), "hype",
          N_("Very large networks trained on huge data sets write text, make images and code. "
             "Some predict human-level AI soon; others warn that expectations again run ahead of "
             "what the systems can do."),
          N_("Not known yet. The book's chapter 1 expects that the short term may disappoint "
             "while the long term looks bright. What do you think?"),
          BOOK),
)

#: The two AI winters as (first year, last year, name, source); the dates are conventional and
#: approximate (sources disagree by a few years on when each ended).
WINTERS = (
    (1974, 1980, N_("first AI winter"), AIMA),
    (1987, 1993, N_("second AI winter"), AIMA + "; " + CREVIER),
)

#: Hand-chosen (year, enthusiasm) points for the mood band. NOT DATA: a sketch of the story told
#: by the sources above (high hopes, winters, revival), drawn so the events have somewhere to sit.
MOOD_KEY_POINTS = ((1950, 0.25), (1956, 0.55), (1964, 0.85), (1969, 0.72), (1974, 0.30),
                   (1979, 0.25), (1984, 0.80), (1987, 0.62), (1990, 0.30), (1993, 0.25),
                   (2000, 0.33), (2007, 0.40), (2012, 0.70), (2016, 0.88), (2025, 0.98))


def illustrative_mood(years):
    """The hand-drawn enthusiasm curve at ``years`` (between 0 and 1). An illustration, not data."""
    try:
        years = np.asarray(years, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"years must be a number or an array of numbers such as 1969 or "
                        f"np.arange(1950, 2026), got {years!r}.") from None
    xs, ys = zip(*MOOD_KEY_POINTS)
    return np.interp(years, xs, ys)


def _year(year):
    year = positive_int(year, "year")
    return year


def event_at(year):
    """The latest event in or before ``year`` (the first event for earlier years)."""
    year = _year(year)
    chosen = EVENTS[0]
    for event in EVENTS:
        if event.year <= year:
            chosen = event
    return chosen


def winter_at(year):
    """The winter ``(start, end, name, source)`` that ``year`` falls in, or None."""
    year = _year(year)
    for winter in WINTERS:
        if winter[0] <= year <= winter[1]:
            return winter
    return None


# ----------------------------------------------------------------------------------------------
# Glossary and the map to Keras and PyTorch
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GlossaryEntry:
    english: str
    korean: str
    notebook: int       # the notebook that teaches the term
    meaning: str


GLOSSARY = (
    GlossaryEntry("artificial intelligence", "인공지능", 1,
                  N_("the effort to automate intellectual tasks that people normally do")),
    GlossaryEntry("symbolic AI", "심볼릭 AI", 1,
                  N_("AI built from rules that a person writes by hand")),
    GlossaryEntry("expert system", "전문가 시스템", 1,
                  N_("a large set of hand-written if-then rules capturing an expert's know-how")),
    GlossaryEntry("machine learning", "머신러닝", 2,
                  N_("giving data and answers and letting the computer find the rules")),
    GlossaryEntry("training", "훈련", 2,
                  N_("the process of finding the rules (the weights) from examples")),
    GlossaryEntry("answers", "해답", 2,
                  N_("the expected outputs (labels) that come with the training data")),
    GlossaryEntry("measure (of error)", "측정값", 2,
                  N_("a number saying how far the predictions are from the answers")),
    GlossaryEntry("representation", "표현", 3,
                  N_("a way of looking at (encoding) the data, e.g. RGB or HSV for colours")),
    GlossaryEntry("coordinate change", "좌표 변환", 3,
                  N_("a new representation of points; the right one makes a simple rule enough")),
    GlossaryEntry("learning", "학습", 3,
                  N_("searching automatically, guided by the measure, for a better "
                     "representation")),
    GlossaryEntry("deep learning", "딥러닝", 5,
                  N_("learning many successive layers of representations")),
    GlossaryEntry("layer", "층", 5,
                  N_("one step of a network: turns one representation into the next")),
    GlossaryEntry("neural network", "신경망", 5,
                  N_("a stack of layers; mathematics, not a model of the brain")),
    GlossaryEntry("weight", "가중치", 6,
                  N_("the numbers that define what a layer does; training changes them")),
    GlossaryEntry("loss function", "손실 함수", 6,
                  N_("the differentiable measure of error the network is trained to make small")),
    GlossaryEntry("optimizer", "옵티마이저", 6,
                  N_("the rule that changes the weights using the loss's gradients")),
    GlossaryEntry("backpropagation", "역전파", 6,
                  N_("the chain rule run backwards to get every weight's gradient")),
    GlossaryEntry("AI winter", "AI 겨울", 8,
                  N_("a period of disappointment and cut funding after over-high expectations")),
)


def glossary_markdown():
    """The glossary as a markdown table with a relative link to the notebook of every term."""
    lines = [_("| term | 한국어 | meaning | notebook |"), "|---|---|---|---|"]
    for g in GLOSSARY:
        lines.append(f"| {g.english} | {g.korean} | {_(g.meaning)} | "
                     f"{notebook_link(g.notebook)} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class ApiPair:
    helpers: str        # dotted name inside the helpers package
    keras: str
    pytorch: str
    note: str = ""


API_MAP = (
    ApiPair("helpers.models.Sequential", "keras.Sequential", "torch.nn.Sequential",
            N_("layers applied in order")),
    ApiPair("helpers.layers.Dense", "keras.layers.Dense", "torch.nn.Linear",
            N_("helpers and Keras store W as (inputs, outputs); PyTorch stores (outputs, inputs)")),
    ApiPair("helpers.layers.ReLU", "keras.layers.ReLU", "torch.nn.ReLU",
            N_("also Sigmoid and Tanh; Keras also accepts activation=\"relu\" in Dense")),
    ApiPair("helpers.losses.MeanSquaredError", "keras.losses.MeanSquaredError",
            "torch.nn.MSELoss", ""),
    ApiPair("helpers.losses.BinaryCrossEntropy", "keras.losses.BinaryCrossentropy",
            "torch.nn.BCEWithLogitsLoss", N_("for raw scores: from_logits=True in helpers and "
                                             "Keras")),
    ApiPair("helpers.losses.SoftmaxCrossEntropy",
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
            "torch.nn.CrossEntropyLoss", N_("takes raw scores and integer labels")),
    ApiPair("helpers.optimizers.SGD", "keras.optimizers.SGD", "torch.optim.SGD",
            N_("also RMSprop and Adam; same update rules")),
    ApiPair("helpers.models.Sequential.compile", "model.compile", "(none)",
            N_("in PyTorch you simply keep a loss object and an optimizer object")),
    ApiPair("helpers.models.Sequential.fit", "model.fit",
            N_("a hand-written training loop"),
            N_("per batch: zero_grad(), loss = loss_fn(model(x), y), loss.backward(), step()")),
    ApiPair("helpers.models.Sequential.train_step", "model.train_on_batch",
            N_("one pass of that loop"), N_("forward, loss, backward, update")),
    ApiPair("helpers.models.Sequential.evaluate", "model.evaluate",
            N_("a loop under torch.no_grad()"), ""),
    ApiPair("helpers.models.Sequential.predict", "model.predict", "model(x)", ""),
    ApiPair("helpers.gradcheck.numerical_gradient", "(none)", "torch.autograd.gradcheck",
            N_("finite differences to check gradients")),
    ApiPair("helpers.autograd.Value", "tf.GradientTape", "torch.autograd",
            N_("records operations, then applies the chain rule backwards (loss.backward()); "
               "GradientTape belongs to TensorFlow, the library under Keras")),
)


def resolve_helpers_name(dotted):
    """The object a dotted ``helpers....`` name refers to (raises AttributeError/ImportError)."""
    import importlib

    parts = dotted.split(".")
    if parts[0] != "helpers":
        raise ValueError(f"{dotted!r} is not a name inside the helpers package.")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(f"cannot import {dotted!r}")


def _cell(text):
    """Code in backticks, prose as it is (translated), "(none)" as a dash."""
    if text == "(none)":
        return "—"
    return _(text) if " " in text else f"`{text}`"


def api_map_markdown():
    """The map from helpers to Keras and PyTorch as a markdown table."""
    lines = [_("| course `helpers` | Keras | PyTorch | note |"), "|---|---|---|---|"]
    for p in API_MAP:
        note = _(p.note) if p.note else ""
        lines.append(f"| {_cell(p.helpers)} | {_cell(p.keras)} | {_cell(p.pytorch)} | {note} |")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------
# Tables for display in a notebook
# ----------------------------------------------------------------------------------------------
class Table:
    """A list of records shown as HTML in a notebook and as aligned text elsewhere."""

    def __init__(self, records, caption=""):
        self.records = [dict(r) for r in records]
        self.caption = caption

    def __repr__(self):
        if not self.records:
            return _("(empty table)")
        keys = list(self.records[0])
        widths = {k: max(text_width(k), *(text_width(r[k]) for r in self.records)) for k in keys}
        lines = ["  ".join(pad(k, widths[k]) for k in keys)]
        lines += ["  ".join(pad(r[k], widths[k]) for k in keys) for r in self.records]
        if self.caption:
            lines.append(self.caption)
        return "\n".join(line.rstrip() for line in lines)

    def _repr_html_(self):
        if not self.records:
            return f"<p>{html.escape(_('(empty table)'))}</p>"
        head = "".join(f"<th>{html.escape(k)}</th>" for k in self.records[0])
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{html.escape(str(v))}</td>"
                                        for v in r.values()) + "</tr>" for r in self.records)
        caption = (f"<caption style='caption-side:bottom; text-align:left'>"
                   f"{html.escape(self.caption)}</caption>" if self.caption else "")
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def imagenet_table():
    """The ImageNet results as a table, with the sources underneath."""
    records = [{_("year"): str(r.year), _("winning top-5 error (%)"): f"{r.top5_error:.1f}",
                _("team"): r.team, _("method"): _(r.method)} for r in IMAGENET_RESULTS]
    caption = _("Estimated human error: {human:.1f} %. Sources: 2010-2014 and the human "
                "estimate, Russakovsky et al. (IJCV 2015); 2015, He et al. (CVPR 2016)."
                ).format(human=HUMAN_TOP5_ESTIMATE)
    return Table(records, caption)


def events_table():
    """The timeline events (year, event, kind, source) as a table."""
    return Table([{_("year"): str(e.year), _("event"): _(e.title),
                   _("kind"): _(KIND_NAMES[e.kind]), _("source"): e.source} for e in EVENTS])


def other_results_table():
    """The results from other fields (:data:`OTHER_RESULTS`) as a table (year, field, result,
    source)."""
    return Table([{_("year"): str(row["year"]), _("field"): _(row["field"]),
                   _("result"): _(row["result"]), _("source"): row["source"]}
                  for row in OTHER_RESULTS])
