"""A colour picture generated on the spot (no download), for notebook 03's RGB-versus-HSV tasks.

The picture is a pile of coloured discs on a grey background. Every disc is drawn from one colour
*family* (red, orange, ..., grey), defined by ranges of hue, saturation and value, so the right
answer for each task is known pixel by pixel:

- "red pixels": the pixels of the red family. In RGB a box of thresholds finds them (red high,
  green and blue low). In HSV it is awkward: red sits where the hue circle is cut (hue 0 and hue
  1 are the same red), so one hue interval catches only half of them.
- "vivid pixels": pixels of a strongly coloured family (saturation at least 0.5, whatever the
  hue). In HSV a single threshold on saturation finds them; in RGB no box of thresholds can,
  because vivid colours point in every direction of the RGB cube.

The idea that one colour task is easy in RGB and another in HSV is from François Chollet,
*Deep Learning with Python*, chapter 1.
"""
import numbers

import numpy as np

from .i18n import N_, _
from .representations import hsv_to_rgb, rgb_to_hsv
from .validation import positive_int

__all__ = ["FAMILIES", "VIVID_SATURATION", "SPACES", "TASKS", "ColourPicture", "colour_picture",
           "select", "mask_scores", "desaturate"]

#: Colour families: (hue range, saturation range, value range). Hue is a fraction of a turn;
#: red's range crosses 0, so half of its discs have hue near 1 and half near 0.
FAMILIES = {
    "red": ((-0.025, 0.025), (0.75, 1.0), (0.7, 1.0)),
    "orange": ((0.07, 0.10), (0.75, 1.0), (0.8, 1.0)),
    "yellow": ((0.14, 0.17), (0.7, 0.95), (0.85, 1.0)),
    "green": ((0.28, 0.40), (0.6, 0.95), (0.45, 0.85)),
    "blue": ((0.57, 0.66), (0.6, 0.95), (0.55, 0.95)),
    "purple": ((0.76, 0.84), (0.55, 0.9), (0.5, 0.85)),
    "navy": ((0.60, 0.68), (0.7, 0.95), (0.3, 0.45)),
    "pink": ((0.94, 1.02), (0.2, 0.35), (0.85, 1.0)),
    "beige": ((0.08, 0.13), (0.12, 0.3), (0.7, 0.92)),
    "pale blue": ((0.54, 0.60), (0.15, 0.3), (0.75, 0.95)),
    "charcoal": ((0.0, 1.0), (0.0, 0.1), (0.15, 0.35)),
    "grey": ((0.0, 1.0), (0.0, 0.08), (0.3, 0.85)),
}
#: A family is vivid when its saturation is at least this (all its saturations are, or none).
VIVID_SATURATION = 0.5
#: Channel names of each colour space, in order.
SPACES = {"RGB": (N_("red"), N_("green"), N_("blue")),
          "HSV": (N_("hue"), N_("saturation"), N_("value"))}
#: The two tasks: what to select, and which families are the right answer.
TASKS = {N_("red pixels"): ("red",),
         N_("vivid pixels"): tuple(k for k, v in FAMILIES.items() if v[1][0] >= VIVID_SATURATION)}


class ColourPicture:
    """The generated picture: ``rgb`` and ``hsv`` (height, width, 3) arrays in [0, 1], ``family``
    (the family index of each pixel, in the order of :data:`FAMILIES`) and ``targets`` (task name
    → boolean mask of the pixels that task should select)."""

    def __init__(self, rgb, family):
        self.rgb = rgb
        self.hsv = rgb_to_hsv(rgb)
        self.family = family
        names = list(FAMILIES)
        self.targets = {task: np.isin(family, [names.index(f) for f in members])
                        for task, members in TASKS.items()}

    def pixels(self, space):
        """The picture in ``space`` ("RGB" or "HSV")."""
        return {"RGB": self.rgb, "HSV": self.hsv}[_space(space)]

    def __repr__(self):
        h, w = self.family.shape
        shares = ", ".join(f"{_(t)}: {m.mean():.0%}" for t, m in self.targets.items())
        return "ColourPicture " + _("{w}×{h} pixels ({shares})").format(w=w, h=h,
                                                                        shares=shares)


def _space(space):
    if space not in SPACES:
        raise ValueError(_("unknown colour space {space!r}; use 'RGB' or 'HSV'.")
                         .format(space=space))
    return space


def _draw(rng, family, n):
    """``n`` colours of one family as HSV rows (hue wrapped into [0, 1))."""
    (h0, h1), (s0, s1), (v0, v1) = FAMILIES[family]
    hsv = np.column_stack([rng.uniform(h0, h1, n) % 1.0, rng.uniform(s0, s1, n),
                           rng.uniform(v0, v1, n)])
    return hsv


def colour_picture(height=90, width=120, n_discs=34, seed=0):
    """Generate the picture: a grey background with ``n_discs`` coloured discs, each of one family.

    Families take turns so every one appears, red discs alternate between hue just below 1 and
    just above 0, and each pixel's colour wobbles a little inside its family's ranges.
    """
    height = positive_int(height, "height", minimum=20)
    width = positive_int(width, "width", minimum=20)
    n_discs = positive_int(n_discs, "n_discs", minimum=len(FAMILIES))
    rng = np.random.default_rng(seed)
    names = list(FAMILIES)
    family = np.full((height, width), names.index("grey"))
    yy, xx = np.mgrid[0:height, 0:width]
    scale = min(height, width)
    order = [names[i % len(names)] for i in range(n_discs)]
    # red twice as often as the others, so it is a sizeable share of the picture
    order = [name for f in order for name in ((f, "red") if f == "grey" else (f,))]
    discs = []
    for name in rng.permutation(order):
        cy, cx = rng.uniform(0, height), rng.uniform(0, width)
        radius = rng.uniform(0.09, 0.2) * scale
        inside = (yy - cy) ** 2 + (xx - cx) ** 2 <= radius ** 2
        family[inside] = names.index(name)       # later discs cover earlier ones
        discs.append((inside, name))
    hsv = np.zeros((height, width, 3))
    hsv[...] = _draw(rng, "grey", 1)[0]          # background: a soft grey gradient
    hsv[..., 2] = np.clip(0.45 + 0.35 * xx / width, 0, 1)
    red_turn = 0
    for inside, name in discs:
        visible = inside & (family == names.index(name))
        if not visible.any():
            continue
        colour = _draw(rng, name, 1)[0]
        if name == "red":   # alternate the two sides of the cut in the hue circle
            colour[0] = rng.uniform(0.975, 0.995) if red_turn % 2 == 0 else rng.uniform(0.0, 0.02)
            red_turn += 1
        hsv[visible] = colour
    # a small wobble per pixel, kept inside each family's ranges
    wobble = rng.normal(0.0, 0.02, hsv.shape) * np.array([0.2, 1.0, 1.0])
    noisy = hsv + wobble
    for k, name in enumerate(names):
        where = family == k
        (h0, h1), (s0, s1), (v0, v1) = FAMILIES[name]
        noisy[where, 1] = np.clip(noisy[where, 1], s0, s1)
        noisy[where, 2] = np.clip(noisy[where, 2], min(v0, 0.4), v1)
        if name != "grey":
            hue = noisy[where, 0]
            centre = hsv[where, 0]
            noisy[where, 0] = np.where(np.abs(hue - centre) < 0.01, hue, centre)
    noisy[..., 0] %= 1.0
    noisy = np.clip(noisy, 0.0, 1.0)
    return ColourPicture(np.clip(hsv_to_rgb(noisy), 0.0, 1.0), family)


def _ranges(ranges, space):
    names = SPACES[_space(space)]
    if isinstance(ranges, dict):
        by_letter = {n[0].upper(): n for n in names}
        unknown = [k for k in ranges if str(k).upper()[:1] not in by_letter
                   or (len(str(k)) > 1 and str(k).lower() not in names)]
        if unknown:
            raise ValueError(_("unknown channel(s) {unknown} for {space}; use {letters} (or "
                               "{names}).").format(unknown=unknown, space=space,
                                                   letters=[n[0].upper() for n in names],
                                                   names=list(names)))
        given = {by_letter[str(k).upper()[0]]: v for k, v in ranges.items()}
        ranges = [given.get(n, (0.0, 1.0)) for n in names]
    ranges = list(ranges)
    if len(ranges) != 3:
        raise ValueError(_("give one (low, high) pair per channel of {space} {names}; got "
                           "{n}.").format(space=space, names=names, n=len(ranges)))
    out = []
    for name, pair in zip(names, ranges):
        try:
            low, high = pair
        except (TypeError, ValueError):
            raise TypeError(_("the range for {name} must be a pair (low, high), e.g. (0.2, "
                              "1.0); got {pair!r}.").format(name=_(name), pair=pair)) from None
        for v in (low, high):
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise TypeError(_("the range for {name} must hold numbers, got {pair!r}.")
                                .format(name=_(name), pair=pair))
        if low > high:
            raise ValueError(_("the range for {name} goes from {low} down to {high}; write the "
                               "smaller number first.").format(name=_(name), low=low, high=high))
        out.append((float(low), float(high)))
    return out


def select(pixels, ranges, space="RGB"):
    """The pixels whose three channels all lie inside ``ranges`` (a box of thresholds).

    ``pixels`` is an image array (..., 3) already in ``space``, or a :class:`ColourPicture`.
    ``ranges`` is three (low, high) pairs in channel order, or a dict such as
    ``{"R": (0.6, 1.0), "G": (0.0, 0.3)}`` (channels left out keep the full range 0..1).
    """
    bounds = _ranges(ranges, space)
    if isinstance(pixels, ColourPicture):
        pixels = pixels.pixels(space)
    pixels = np.asarray(pixels, dtype=np.float64)
    if pixels.shape[-1:] != (3,):
        raise ValueError(_("pixels must have 3 channels in the last axis; got shape {shape}.")
                         .format(shape=pixels.shape))
    mask = np.ones(pixels.shape[:-1], dtype=bool)
    for k, (low, high) in enumerate(bounds):
        mask &= (pixels[..., k] >= low) & (pixels[..., k] <= high)
    return mask


def mask_scores(mask, target):
    """How well a selection matches the right answer.

    Returns a dict: ``caught`` (target pixels selected), ``missed``, ``wrong`` (selected but not
    target), ``n_target`` and ``overlap``, the number of pixels both selected and target divided
    by the number either selected or target (1.0 only for a perfect selection).
    """
    mask = np.asarray(mask, dtype=bool)
    target = np.asarray(target, dtype=bool)
    if mask.shape != target.shape:
        raise ValueError(_("mask has shape {shape} but the target has shape {target}; select "
                           "from the same picture.").format(shape=mask.shape,
                                                            target=target.shape))
    caught = int(np.sum(mask & target))
    union = int(np.sum(mask | target))
    return {"caught": caught, "missed": int(np.sum(target & ~mask)),
            "wrong": int(np.sum(mask & ~target)), "n_target": int(target.sum()),
            "overlap": caught / union if union else 1.0}


def desaturate(rgb, amount):
    """Wash the colours out: multiply every pixel's saturation by ``1 - amount`` (via HSV)."""
    if isinstance(amount, bool) or not isinstance(amount, numbers.Real) or not 0 <= amount <= 1:
        raise ValueError(_("amount must be a number between 0 (unchanged) and 1 (grey), got "
                           "{amount!r}.").format(amount=amount))
    hsv = rgb_to_hsv(rgb)
    hsv[..., 1] *= 1.0 - amount
    return hsv_to_rgb(hsv)
