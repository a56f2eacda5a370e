"""Vision simulations as pure numpy image functions (no Qt), for training only.

Every function takes an HxWx3 RGB image, uint8 (0..255) or float32 (0..1),
and a strength from 0 (no change: the very same array comes back) to 1, and
returns an image of the same shape and type. Work is done on uint8 with
float32 inside; float32 input is rounded to 8 bits first.

These are approximations for training, not what any one pupil sees: real
sight loss varies from person to person, from day to day and with light.

The simulations, and the fixed order in which ``apply_simulations`` combines
them (``ORDER``):

1. Colour vision (``protanopia``, ``deuteranopia``, ``tritanopia``): the
   matrices of Machado, Oliveira and Fernandes (2009), strength = severity,
   applied in linear light. First, because the matrices are defined on the
   display's own colours, and there they are exact table look-ups.
2. ``blur`` (acuity loss) and 3. ``glare`` (veiling light plus bloom around
   bright areas): the eye's optics, before the light reaches the retina.
4. ``contrast``: reduced contrast sensitivity, towards mid grey.
5. Field losses, last because they say where in the field of view things
   are lost, whatever was seen there: ``central`` (a soft, dark, blurred
   scotoma as in macular degeneration, at the centre or at a focus point),
   ``peripheral`` (tunnel vision), ``hemianopia`` (the left or right half)
   and ``patchy`` (seeded blotches as in diabetic retinopathy, stable from
   frame to frame).

There is deliberately no "dyslexia simulator" (letters that jump or swap):
dyslexia is a difference in processing language, not in sight, and such
effects mislead rather than train.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from widgets.simulation import colour_vision, resample

COLOUR_KINDS = colour_vision.KINDS
ORDER = (
    "protanopia", "deuteranopia", "tritanopia",
    "blur", "glare", "contrast",
    "central", "peripheral", "hemianopia", "patchy",
)
# Grey that lost parts of the field fade to (not pure black: a scotoma is
# usually described as a dark smudge rather than a hole).
LOST_LEVEL = 28.0
BLUR_MAX_SIGMA = 10.0  # pixels at full strength, at pixel_scale 1
CONTRAST_KEPT_AT_FULL = 0.15
PATCHY_MAX_FRACTION = 0.45


# ------------------------------------------------------------------ helpers


def _as_uint8(image: np.ndarray) -> tuple[np.ndarray, bool]:
    """The image as uint8, and whether it came in as float (0..1)."""
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError("expected an HxWx3 RGB image")
    if image.dtype == np.uint8:
        return image, False
    scaled = np.clip(np.asarray(image, dtype=np.float32), 0.0, 1.0) * np.float32(255.0)
    scaled += np.float32(0.5)
    return scaled.astype(np.uint8), True


def _back(result: np.ndarray, was_float: bool) -> np.ndarray:
    if not was_float:
        return result
    return result.astype(np.float32) * np.float32(1.0 / 255.0)


def _smoothstep(edge0: float, edge1: float, values: np.ndarray) -> np.ndarray:
    t = np.clip((values - np.float32(edge0)) / np.float32(max(edge1 - edge0, 1e-6)), 0.0, 1.0)
    return (t * t * (np.float32(3.0) - np.float32(2.0) * t)).astype(np.float32)


# Pixels per block in per-pixel work: a block's float32 copies stay in the
# CPU cache, which roughly halves the time of a full-HD pass.
_BLOCK_PIXELS = 32768


def fade_towards(image: np.ndarray, weight, target) -> np.ndarray:
    """uint8 ``image`` moved towards ``target`` by ``weight``: image + weight * (target - image).

    ``weight`` (0..1) is HxW, W (one per column) or a scalar; ``target``
    (0..255) is HxWx3 or a scalar. Worked through in blocks of rows.
    """
    height, width = image.shape[:2]
    weight = np.asarray(weight, dtype=np.float32)
    target = np.asarray(target, dtype=np.float32)
    out = np.empty_like(image)
    rows = max(1, _BLOCK_PIXELS // max(width, 1))
    work = np.empty((min(rows, height), width, 3), dtype=np.float32)
    delta = np.empty_like(work)
    column_weight = weight[:, None] if weight.ndim == 1 else weight
    for top in range(0, height, rows):
        bottom = min(top + rows, height)
        count = bottom - top
        here, change = work[:count], delta[:count]
        np.copyto(here, image[top:bottom], casting="unsafe")
        np.subtract(target[top:bottom] if target.ndim == 3 else target, here, out=change)
        change *= weight[top:bottom, :, None] if weight.ndim == 2 else column_weight
        here += change
        here += np.float32(0.5)  # round; weights in 0..1 keep values in range
        np.copyto(out[top:bottom], here, casting="unsafe")
    return out


def _focus_point(shape, focus) -> tuple[float, float]:
    height, width = shape[:2]
    if focus is None:
        return (width - 1) / 2.0, (height - 1) / 2.0
    return float(focus[0]), float(focus[1])


def _radial_distance(height: int, width: int, cx: float, cy: float) -> np.ndarray:
    dx2 = (np.arange(width, dtype=np.float32) - np.float32(cx)) ** 2
    dy2 = (np.arange(height, dtype=np.float32) - np.float32(cy)) ** 2
    return np.sqrt(dy2[:, None] + dx2[None, :])


# ------------------------------------------------------------------ colour


def colour_deficiency(image: np.ndarray, kind: str, strength: float) -> np.ndarray:
    """Protanopia, deuteranopia or tritanopia; strength is Machado's severity (0..1)."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    matrix = colour_vision.machado_matrix(kind, strength)
    return _back(colour_vision.simulate_matrix(pixels, matrix), was_float)


# ------------------------------------------------------------------ optics


def blur_sigma(strength: float, pixel_scale: float = 1.0) -> float:
    """Blur standard deviation in pixels: ``BLUR_MAX_SIGMA`` x strength^1.5.

    The curve gives the low half of the slider to mild blur, where print is
    hard but possible to read, which is where most of the teaching is.
    """
    return max(0.0, min(strength, 1.0)) ** 1.5 * BLUR_MAX_SIGMA * pixel_scale


def blur(image: np.ndarray, strength: float, pixel_scale: float = 1.0) -> np.ndarray:
    """Acuity loss: an approximately Gaussian blur that grows with strength."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    return _back(resample.blur(pixels, blur_sigma(strength, pixel_scale)), was_float)


def _luminance(pixels: np.ndarray) -> np.ndarray:
    """Rec. 709 luma of float32 or uint8 RGB, as float32 in the input's units."""
    return (pixels[..., 0] * np.float32(0.2126) + pixels[..., 1] * np.float32(0.7152)
            + pixels[..., 2] * np.float32(0.0722)).astype(np.float32)


def glare_light(pixels: np.ndarray, strength: float, pixel_scale: float = 1.0) -> np.ndarray:
    """The scattered light (HxW float32, 0..255) that glare adds over a uint8 image.

    Two parts, worked out on an image an eighth of the size: a veil, even
    over the field, that grows with the frame's mean brightness; and bloom,
    a wide blur of the bright areas (above about 70% luminance), so dark
    parts next to bright ones are lifted most.
    """
    height, width = pixels.shape[:2]
    factor = max(1, min(8, height // 2, width // 2))
    small = _luminance(resample.block_mean(pixels, factor))
    bright = np.clip((small - np.float32(180.0)) / np.float32(75.0), 0.0, 1.0)
    # Bloom at two widths: a close halo and a wider haze (box blurs twice ~ Gaussian).
    bloom = np.zeros_like(bright)
    for reach, share in ((12.0, 0.6), (40.0, 0.4)):
        radius = max(1, int(round(reach * pixel_scale / factor)))
        bloom += resample.box_blur_2d(resample.box_blur_2d(bright, radius), radius) * share
    veil = float(small.mean()) / 255.0
    light = (np.float32(0.6) * bloom + np.float32(0.3 * veil)) * np.float32(255.0 * strength)
    return resample.upsample(light[..., None], height, width, factor, dtype=np.float32)[..., 0]


def glare(image: np.ndarray, strength: float, pixel_scale: float = 1.0) -> np.ndarray:
    """Glare: scattered light laid over the view (a screen blend, so white stays white)."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    light = glare_light(pixels, strength, pixel_scale)
    # A screen blend: x + light * (1 - x/255), i.e. x moved towards white by light/255.
    light *= np.float32(1.0 / 255.0)
    return _back(fade_towards(pixels, np.clip(light, 0.0, 1.0, out=light), 255.0), was_float)


@lru_cache(maxsize=256)
def _contrast_table(strength: float) -> np.ndarray:
    kept = 1.0 - (1.0 - CONTRAST_KEPT_AT_FULL) * min(strength, 1.0)
    levels = 127.5 + (np.arange(256) - 127.5) * kept
    table = np.round(levels).astype(np.uint8)
    table.setflags(write=False)
    return table


def reduce_contrast(image: np.ndarray, strength: float) -> np.ndarray:
    """Reduced contrast sensitivity: every level pulled towards mid grey (15% kept at full)."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    table = _contrast_table(round(float(strength), 3))
    return _back(np.take(table, pixels), was_float)


# ------------------------------------------------------------------ field loss


def central_radius(shape, strength: float) -> float:
    """Radius in pixels of the central scotoma: up to 28% of the shorter side."""
    return max(0.0, min(strength, 1.0)) * 0.28 * min(shape[:2])


@lru_cache(maxsize=16)
def _disc_weights(radius: int) -> np.ndarray:
    """A (2r+1)^2 patch: 1 in the middle 60% of the radius, easing to 0 at the edge."""
    distance = _radial_distance(2 * radius + 1, 2 * radius + 1, radius, radius)
    weights = 1.0 - _smoothstep(0.6 * radius, radius, distance)
    weights.setflags(write=False)
    return weights


def central_loss(image: np.ndarray, strength: float, focus=None) -> np.ndarray:
    """Central field loss: a soft, dark, blurred patch at the centre or at ``focus`` (x, y)."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    radius = int(round(central_radius(pixels.shape, strength)))
    if radius < 1:
        return image
    height, width = pixels.shape[:2]
    cx, cy = (int(round(v)) for v in _focus_point(pixels.shape, focus))
    top, bottom = max(cy - radius, 0), min(cy + radius + 1, height)
    left, right = max(cx - radius, 0), min(cx + radius + 1, width)
    if top >= bottom or left >= right:
        return image
    weights = _disc_weights(radius)[top - (cy - radius):bottom - (cy - radius),
                                    left - (cx - radius):right - (cx - radius)]
    region = pixels[top:bottom, left:right]
    # What is "seen" in the scotoma: shapes smeared out and darkened.
    smeared = resample.blur(np.ascontiguousarray(region), max(2.0, radius / 5.0))
    target = smeared.astype(np.float32) * np.float32(0.3) + np.float32(0.7 * LOST_LEVEL)
    out = pixels.copy()
    out[top:bottom, left:right] = fade_towards(region, weights, target)
    return _back(out, was_float)


@lru_cache(maxsize=8)
def _peripheral_weights(height: int, width: int, strength: float, cx: float,
                        cy: float) -> np.ndarray:
    reach = np.hypot(height, width) / 2.0
    clear = reach * (1.0 - 0.85 * strength)  # radius of the field that is left
    weights = _smoothstep(clear * 0.65, clear, _radial_distance(height, width, cx, cy))
    weights.setflags(write=False)
    return weights


def peripheral_weights(shape, strength: float, focus=None) -> np.ndarray:
    """HxW weights (0 seen .. 1 lost) for tunnel vision of the given strength."""
    cx, cy = _focus_point(shape, focus)
    return _peripheral_weights(shape[0], shape[1], round(float(strength), 3),
                               round(cx, 1), round(cy, 1))


def peripheral_loss(image: np.ndarray, strength: float, focus=None) -> np.ndarray:
    """Peripheral field loss (tunnel vision): the edges fade to dark; less is left with strength."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    weights = peripheral_weights(pixels.shape, strength, focus)
    return _back(fade_towards(pixels, weights, LOST_LEVEL), was_float)


def hemianopia_weights(shape, strength: float, side: str = "left", focus=None) -> np.ndarray:
    """Weights along the width (W,) for losing the ``side`` half of the field."""
    if side not in ("left", "right"):
        raise ValueError("hemianopia side must be 'left' or 'right'")
    width = shape[1]
    cx, _cy = _focus_point(shape, focus)
    columns = np.arange(width, dtype=np.float32)
    band = max(2.0, 0.02 * width)  # a soft edge at the midline, not a ruler-sharp line
    lost = _smoothstep(cx - band, cx + band, columns)
    if side == "left":
        lost = 1.0 - lost
    return (lost * np.float32(min(strength, 1.0))).astype(np.float32)


def hemianopia(image: np.ndarray, strength: float, side: str = "left", focus=None) -> np.ndarray:
    """Hemianopia: the left or right half of the view (of the focus point) fades to dark."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    weights = hemianopia_weights(pixels.shape, strength, side, focus)
    return _back(fade_towards(pixels, weights, LOST_LEVEL), was_float)


def patchy_fraction(strength: float) -> float:
    """Share of the view covered by blotches at this strength (up to 45%)."""
    return max(0.0, min(strength, 1.0)) * PATCHY_MAX_FRACTION


_SPOT_STEP = 8  # spots are drawn at an eighth of full size, then smoothed and stretched
_SPOT_SPAN = 4096  # spots are laid out once over a 4096 px square, whatever the view's size
_SPOT_COUNT = 8000
_SPOT_RADII = (8.0, 60.0)  # pixels, smallest and largest


@lru_cache(maxsize=4)
def _spots(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Centres (x, y) and radii of the seed's spots, in the order they appear."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, _SPOT_SPAN, _SPOT_COUNT)
    y = rng.uniform(0, _SPOT_SPAN, _SPOT_COUNT)
    radius = np.exp(rng.uniform(*np.log(_SPOT_RADII), _SPOT_COUNT))
    return x, y, radius


@lru_cache(maxsize=8)
def _patchy_weights(height: int, width: int, strength: float, seed: int) -> np.ndarray:
    """Spots added in the seed's order until they cover the strength's share of the view.

    A stronger setting keeps every spot of a weaker one and adds more; the
    spots belong to the field of view, so scrolling never moves them.
    """
    step = _SPOT_STEP
    rows, cols = -(-height // step), -(-width // step)
    mask = np.zeros((rows, cols), dtype=bool)
    wanted = patchy_fraction(strength) * height * width / (step * step)
    x, y, radius = _spots(seed)
    inside = (x + radius > 0) & (x - radius < width) & (y + radius > 0) & (y - radius < height)
    covered = 0
    for index in np.flatnonzero(inside):
        if covered >= wanted:
            break
        # In small-grid units: small pixel j covers full pixels [step*j, step*j + step).
        cx, cy = (x[index] - step / 2 + 0.5) / step, (y[index] - step / 2 + 0.5) / step
        reach = radius[index] / step
        top, bottom = max(int(cy - reach), 0), min(int(cy + reach) + 2, rows)
        left, right = max(int(cx - reach), 0), min(int(cx + reach) + 2, cols)
        if top >= bottom or left >= right:
            continue
        dy = (np.arange(top, bottom) - cy)[:, None]
        dx = (np.arange(left, right) - cx)[None, :]
        spot = dy * dy + dx * dx <= reach * reach
        region = mask[top:bottom, left:right]
        covered += int((spot & ~region).sum())
        region |= spot
    soft = resample.box_blur_2d(mask.astype(np.float32), 1)
    full = resample.upsample(soft[..., None], height, width, step, dtype=np.float32)[..., 0]
    weights = _smoothstep(0.2, 0.8, full)  # soft edges, centred on the spots' outlines
    weights.setflags(write=False)
    return weights


def patchy_weights(shape, strength: float, seed: int = 2009) -> np.ndarray:
    """HxW weights of the blotches: the same for the same size, strength and seed."""
    return _patchy_weights(shape[0], shape[1], round(float(strength), 3), int(seed))


def patchy_loss(image: np.ndarray, strength: float, seed: int = 2009) -> np.ndarray:
    """Patchy loss: dark blotches covering ``patchy_fraction(strength)`` of the view."""
    if strength <= 0:
        return image
    pixels, was_float = _as_uint8(image)
    weights = patchy_weights(pixels.shape, strength, seed)
    return _back(fade_towards(pixels, weights, LOST_LEVEL), was_float)


# ------------------------------------------------------------------ together


@dataclass
class SimulationSettings:
    """Which simulations are on, how strongly, and their options.

    ``strengths`` maps a name in ``ORDER`` to 0..1 (missing or 0 means off).
    ``focus`` is the (x, y) pixel the central loss, tunnel and hemianopia are
    centred on; None means the middle of the image. ``pixel_scale`` is the
    device pixel ratio, so blur looks the same on a high-DPI screen.
    """

    strengths: dict[str, float] = field(default_factory=dict)
    focus: tuple[float, float] | None = None
    hemianopia_side: str = "left"
    seed: int = 2009
    pixel_scale: float = 1.0

    def active(self) -> tuple[str, ...]:
        """Names switched on, in the order they are applied."""
        return tuple(name for name in ORDER if self.strengths.get(name, 0.0) > 0)

    def with_strength(self, name: str, strength: float) -> SimulationSettings:
        """A copy with one simulation set (0 turns it off)."""
        if name not in ORDER:
            raise ValueError(f"unknown simulation {name!r}")
        strengths = dict(self.strengths)
        strengths[name] = max(0.0, min(float(strength), 1.0))
        return replace(self, strengths=strengths)


def apply_simulations(image: np.ndarray, settings: SimulationSettings) -> np.ndarray:
    """Every active simulation in ``ORDER``; with none active, the same array comes back."""
    active = settings.active()
    if not active:
        return image
    pixels, was_float = _as_uint8(image)
    strength = settings.strengths
    colour = [kind for kind in COLOUR_KINDS if kind in active]
    if colour:
        # Matrices in linear light compose: one pass however many are on.
        matrix = np.eye(3)
        for kind in colour:
            matrix = colour_vision.machado_matrix(kind, strength[kind]) @ matrix
        pixels = colour_vision.simulate_matrix(pixels, matrix)
    if "blur" in active:
        pixels = blur(pixels, strength["blur"], settings.pixel_scale)
    if "glare" in active:
        pixels = glare(pixels, strength["glare"], settings.pixel_scale)
    if "contrast" in active:
        pixels = reduce_contrast(pixels, strength["contrast"])
    if "central" in active:
        pixels = central_loss(pixels, strength["central"], settings.focus)
    # The other field losses share one target, so their weights merge into a
    # single pass: lost = 1 - (1 - a)(1 - b)(1 - c).
    kept = None
    if "peripheral" in active:
        kept = 1.0 - peripheral_weights(pixels.shape, strength["peripheral"], settings.focus)
    if "hemianopia" in active:
        side = 1.0 - hemianopia_weights(pixels.shape, strength["hemianopia"],
                                        settings.hemianopia_side, settings.focus)[None, :]
        kept = side if kept is None else kept * side
    if "patchy" in active:
        spots = 1.0 - patchy_weights(pixels.shape, strength["patchy"], settings.seed)
        kept = spots if kept is None else kept * spots
    if kept is not None:
        lost = 1.0 - np.broadcast_to(kept, pixels.shape[:2])
        pixels = fade_towards(pixels, lost, LOST_LEVEL)
    return _back(pixels, was_float)
