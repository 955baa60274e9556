"""Checkers for notebook 05, layers of representations.

One way of counting depth everywhere: a network's depth is the number of its Dense layers, the
layers with weights (activations such as tanh or ReLU have none and are not counted). So
mlp([2, 2, 2, 2, 2]) has depth 4 and the spiral's 2-32-32-32-2 network has depth 4.
Answers are read with the course's reading rules: "162" like 162, "2-44-44-2" like [2, 44, 44, 2].
A choice may also be written the Korean way: "b번", "보기 b".
"""
import re

from ..depth import count_mlp_params
from ..i18n import N_, _
from ..layers import Dense
from ..models import Sequential
from .feedback import (AnswerError, NO_ANSWER as _NO_ANSWER, checker, correct, not_yet,
                       read_items, read_number, read_text, short)

__all__ = ["check_deep_meaning", "check_param_count", "check_budget_shape",
           "PARAM_COUNT_SIZES", "BUDGET"]

#: Exercise 2 asks for the number of weights and biases of mlp(PARAM_COUNT_SIZES).
PARAM_COUNT_SIZES = (2, 10, 10, 2)
#: Exercise 3's budget: the parameter count of the reference spiral network, 2-32-32-32-2 (depth 4).
BUDGET = count_mlp_params([2, 32, 32, 32, 2])


_MEANINGS = {
    "a": (N_("the model reaches a deeper understanding of the data than older methods"),
          N_("'Deep' says nothing about understanding: a network understands nothing, it "
             "computes. Look at what the word counts in the strip of panels above.")),
    "b": (N_("the model is a stack of many successive layers, each producing a new "
             "representation of its input"), None),
    "c": (N_("the model works the way the layers of the brain's cortex do"),
          N_("The brain comparison is misleading: a layer is a matrix product plus a squashing "
             "function. Networks are maths, not brains.")),
    "d": (N_("the model was trained on a very large amount of data"),
          N_("Lots of data helps, but 'deep' is about the model's shape, not the data's size.")),
}


def _letter(answer):
    """'b' from "b", " B ", "(b)", "b)", the Korean "b번" or "보기 b", or the sentence of
    choice (b) itself."""
    if isinstance(answer, str):
        text = read_text(answer).strip(" .")
        text = re.sub(r"^보기\s*|\s*번$", "", text)
        found = re.fullmatch(r"\(?([a-z])\)?", text)
        if found:
            return found.group(1)
        for letter, (sentence, _why) in _MEANINGS.items():
            if text.lstrip("(abcd) ").strip() == read_text(sentence):
                return letter
    return None


@checker
def check_deep_meaning(answer):
    """Exercise 1: which sentence says what the 'deep' in deep learning means? ('a' to 'd')."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Answer with one letter, for example answer = 'a'."))
    letter = _letter(answer)
    if letter not in _MEANINGS:
        return not_yet(_("{value} is not one of the choices.").format(value=short(answer)),
                       _("Answer with one of the letters 'a', 'b', 'c' or 'd'."))
    if letter == "b":
        return correct(_("'Deep' counts the successive layers of representations. We count the "
                         "Dense layers, the layers with weights: the 2-2-2-2-2 network has "
                         "four, so its depth is 4, and each is one learned change of "
                         "coordinates, drawn in the strip of panels above."))
    return not_yet(_("({letter}) says that {meaning}.").format(
                       letter=letter, meaning=_(_MEANINGS[letter][0])),
                   _(_MEANINGS[letter][1]))


@checker
def check_param_count(answer):
    """Exercise 2: how many numbers (weights and biases) does mlp([2, 10, 10, 2]) learn?"""
    sizes = list(PARAM_COUNT_SIZES)
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Count each Dense layer's weights (inputs × outputs) "
                                        "and biases (one per output), then add the layers up."))
    try:
        answer = read_number(answer)
    except AnswerError as error:
        raise AnswerError(error.message, _("Answer with a whole number.")) from None
    if not answer.is_integer():
        return not_yet(_("{value:g} is not a whole number; a count of weights and biases "
                         "is.").format(value=answer), _("Answer with a whole number."))
    answer = int(answer)
    expected = count_mlp_params(sizes)
    weights_only = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    if answer == expected:
        return correct(_("{n}: Dense(2, 10) has 2×10 + 10 = 30, Dense(10, 10) has "
                         "10×10 + 10 = 110 and Dense(10, 2) has 10×2 + 2 = 22. The tanh or ReLU "
                         "layers between them learn nothing, which is why depth counts only the "
                         "Dense layers: this network has depth 3.").format(n=expected))
    if answer == weights_only:
        return not_yet(_("{n} counts the weights but not the biases.").format(n=answer),
                       _("Each Dense layer also learns one bias per output unit (the b in "
                         "x @ W + b)."))
    if answer == sum(sizes):
        return not_yet(_("{n} counts the units (neurons), not the numbers the network "
                         "learns.").format(n=answer),
                       _("The learned numbers are the connections between layers (a weight for "
                         "every input-output pair) plus the biases."))
    if answer == weights_only + sum(sizes):
        return not_yet(_("{n} gives a bias to the input units too.").format(n=answer),
                       _("Only the units a Dense layer produces have a bias; the 2 input "
                         "coordinates do not."))
    return not_yet(_("{n} is not the number of weights and biases of mlp({sizes}).").format(
                       n=answer, sizes=sizes),
                   _("Add up, for each Dense(n_in, n_out): n_in × n_out weights plus n_out "
                     "biases. You can check yourself with helpers.mlp(...).count_params()."))


def _sizes_of(answer):
    """Layer sizes from a list such as [2, 8, 8, 2], from text ("2-8-8-2", "[2, 8, 8, 2]") or
    from a Sequential model; None if the answer is none of these."""
    if isinstance(answer, Sequential):
        dense = [layer for layer in answer.layers if isinstance(layer, Dense)]
        if not dense:
            return None
        return [dense[0].n_in] + [layer.n_out for layer in dense]
    if isinstance(answer, str):
        answer = re.sub(r"\s*[-x×]\s*", ",", answer.strip().strip("()[]"))
    try:
        sizes = [read_number(s) for s in read_items(answer, max_items=100)]
    except AnswerError:
        return None
    if len(sizes) < 2 or not all(s.is_integer() and s > 0 for s in sizes):
        return None
    return [int(s) for s in sizes]


@checker
def check_budget_shape(answer):
    """Exercise 3: the widest [2, w, w, 2] (two hidden layers of equal width) within BUDGET."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Answer with a list of layer sizes such as "
                                        "[2, 20, 20, 2]."))
    sizes = _sizes_of(answer)
    if sizes is None:
        return not_yet(_("{value} is not a list of layer sizes.").format(value=short(answer)),
                       _("Answer with a list of positive whole numbers such as [2, 20, 20, 2]."))
    if len(sizes) != 4:
        return not_yet(_("{sizes} has {hidden} hidden layer(s) (depth {depth}: its Dense "
                         "layers); the task asks for two hidden layers (depth 3).").format(
                           sizes=sizes, hidden=len(sizes) - 2, depth=len(sizes) - 1),
                       _("Use the shape [2, w, w, 2]: input 2, two hidden layers of w units, "
                         "output 2."))
    if sizes[0] != 2 or sizes[-1] != 2:
        return not_yet(_("{sizes} does not start and end with 2.").format(sizes=sizes),
                       _("The spiral has 2 input coordinates and 2 classes: [2, w, w, 2]."))
    if sizes[1] != sizes[2]:
        return not_yet(_("the two hidden layers of {sizes} have different widths.").format(
                           sizes=sizes),
                       _("Give both hidden layers the same width w."))
    params = count_mlp_params(sizes)
    if params > BUDGET:
        return not_yet(_("{sizes} has {params} parameters, over the budget of {budget}.").format(
                           sizes=sizes, params=params, budget=BUDGET),
                       _("Make w smaller; helpers.depth.count_mlp_params([2, w, w, 2]) counts "
                         "for you."))
    if count_mlp_params([2, sizes[1] + 1, sizes[1] + 1, 2]) <= BUDGET:
        return not_yet(_("{sizes} has {params} parameters: within the budget of {budget}, but "
                         "one more unit per layer would still fit.").format(
                           sizes=sizes, params=params, budget=BUDGET),
                       _("Try larger w until the count goes over the budget, then step back "
                         "by one."))
    return correct(_("{sizes} has {params} parameters, the most a two-hidden-layer shape "
                     "(depth 3, one fewer Dense layer than the budget's network) can have "
                     "within {budget}: the parameter count grows with w² (the w×w weights "
                     "between the hidden layers), so one more unit per layer costs {more} "
                     "more.").format(sizes=sizes, params=params, budget=BUDGET,
                                     more=count_mlp_params([2, sizes[1] + 1, sizes[1] + 1, 2])
                                     - params))
