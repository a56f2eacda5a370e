"""Vision simulations on synthetic images: each does what it says, and no more."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.simulation import colour_vision, filters
from widgets.simulation.filters import ORDER, SimulationSettings, apply_simulations

WHITE, BLACK = 250, 20


def text_like(height: int = 120, width: int = 160, seed: int = 3) -> np.ndarray:
    """Dark strokes, a few pixels wide, on a light page: lots of fine detail."""
    rng = np.random.default_rng(seed)
    image = np.full((height, width, 3), WHITE, dtype=np.uint8)
    for top in range(4, height - 10, 12):
        for left in rng.integers(0, width - 3, size=width // 6):
            image[top:top + 8, left:left + 2] = BLACK
    return image


def colourful(height: int = 120, width: int = 160) -> np.ndarray:
    """Text-like, with red, green and blue headings across it."""
    image = text_like(height, width)
    headings = ((10, (200, 30, 30)), (40, (30, 160, 60)), (70, (40, 60, 220)))
    for row, colour in headings:
        image[row:row + 12, 10:-10] = colour
    return image


def luminance(image: np.ndarray) -> np.ndarray:
    pixels = image.astype(np.float64)
    return pixels @ np.array([0.2126, 0.7152, 0.0722])


def neighbour_energy(image: np.ndarray) -> float:
    """Sum of squared differences between neighbouring pixels: high-frequency energy."""
    lum = luminance(image)
    return float((np.diff(lum, axis=0) ** 2).sum() + (np.diff(lum, axis=1) ** 2).sum())


def single(name: str, image: np.ndarray, strength: float, **options) -> np.ndarray:
    return apply_simulations(image, SimulationSettings({name: strength}, **options))


# ------------------------------------------------------------------ every one


@pytest.mark.parametrize("name", ORDER)
def test_strength_zero_is_the_identity(name):
    image = text_like()
    assert single(name, image, 0.0) is image
    assert single(name, image, 0.0).tobytes() == text_like().tobytes()


@pytest.mark.parametrize("name", ORDER)
def test_each_simulation_changes_the_image_and_keeps_its_shape(name):
    image = colourful()
    out = single(name, image, 0.6)
    assert out.shape == image.shape and out.dtype == np.uint8
    assert np.abs(out.astype(int) - image).mean() > 0.5, f"{name} at 0.6 shows"
    assert np.array_equal(image, colourful()), "the input is never changed in place"


@pytest.mark.parametrize("name", ORDER)
def test_float_images_come_back_as_float(name):
    image = colourful()
    out = single(name, image.astype(np.float32) / 255.0, 0.5)
    assert out.dtype == np.float32 and 0.0 <= out.min() and out.max() <= 1.0
    as_bytes = single(name, image, 0.5)
    assert np.abs(out * 255.0 - as_bytes).max() <= 1.0


def test_an_image_that_is_not_rgb_is_refused():
    with pytest.raises(ValueError, match="HxWx3"):
        filters.blur(np.zeros((10, 10), dtype=np.uint8), 0.5)


# ------------------------------------------------------------------ optics


def test_blur_lowers_fine_detail_more_as_strength_rises():
    image = text_like()
    energies = [neighbour_energy(single("blur", image, s))
                for s in (0.0, 0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 0.8, 1.0)]
    assert all(a > b for a, b in zip(energies, energies[1:], strict=False)), energies
    assert energies[-1] < energies[0] * 0.1


def test_blur_keeps_the_average_brightness():
    image = text_like()
    for strength in (0.1, 0.5, 1.0):
        assert abs(luminance(single("blur", image, strength)).mean()
                   - luminance(image).mean()) < 2.0


def test_reduced_contrast_narrows_the_luminance_range():
    image = text_like()
    ranges = []
    for strength in (0.0, 0.3, 0.6, 1.0):
        lum = luminance(single("contrast", image, strength))
        ranges.append(lum.max() - lum.min())
    assert all(a > b for a, b in zip(ranges, ranges[1:], strict=False)), ranges
    assert ranges[-1] < ranges[0] * 0.2


def test_glare_lifts_dark_areas_most_near_bright_ones():
    image = np.full((160, 240, 3), 10, dtype=np.uint8)
    image[60:100, 100:140] = 255  # a bright window in a dark room
    out = luminance(single("glare", image, 1.0))
    before = luminance(image)
    near, far = out[80, 150], out[5, 5]  # 10 px right of the window; a far corner
    assert near > before[80, 150] + 20, "bloom beside the bright area"
    assert far > before[5, 5], "a veil over the whole field"
    assert near > far + 10
    assert out[80, 120] >= 254, "the bright area stays bright"


def test_glare_keeps_white_white():
    white = np.full((40, 60, 3), 255, dtype=np.uint8)
    assert (single("glare", white, 1.0) == 255).all()


# ------------------------------------------------------------------ field loss


def grey_card(height: int = 120, width: int = 160) -> np.ndarray:
    return np.full((height, width, 3), 200, dtype=np.uint8)


def test_central_loss_darkens_the_centre_not_the_edge():
    out = luminance(single("central", grey_card(), 0.6))
    assert out[60, 80] < 100, "the middle is dark"
    assert out[2, 2] == pytest.approx(200, abs=1)
    assert out[60, 2] == pytest.approx(200, abs=1)


def test_central_loss_follows_a_focus_point():
    out = luminance(single("central", grey_card(), 0.6, focus=(30, 30)))
    assert out[30, 30] < 100
    assert out[100, 140] == pytest.approx(200, abs=1)


def test_central_loss_grows_with_strength():
    dark = [(luminance(single("central", grey_card(), s)) < 150).mean() for s in (0.2, 0.5, 0.9)]
    assert dark[0] < dark[1] < dark[2]


def test_peripheral_loss_darkens_the_edge_not_the_centre():
    out = luminance(single("peripheral", grey_card(), 0.7))
    assert out[60, 80] == pytest.approx(200, abs=1)
    assert out[2, 2] < 60 and out[118, 158] < 60
    weaker = luminance(single("peripheral", grey_card(), 0.3))
    assert (weaker < 150).mean() < (out < 150).mean(), "less is left at higher strength"


@pytest.mark.parametrize("side", ["left", "right"])
def test_hemianopia_darkens_one_half(side):
    out = luminance(single("hemianopia", grey_card(), 1.0, hemianopia_side=side))
    left, right = out[:, :70].mean(), out[:, 90:].mean()
    lost, kept = (left, right) if side == "left" else (right, left)
    assert lost < 40
    assert kept == pytest.approx(200, abs=1)


def test_patchy_loss_is_the_same_for_the_same_seed_and_not_for_another():
    image = text_like(160, 240)
    first = single("patchy", image, 0.6, seed=7)
    again = single("patchy", image, 0.6, seed=7)
    other = single("patchy", image, 0.6, seed=8)
    assert np.array_equal(first, again), "stable between frames: no flicker"
    assert not np.array_equal(first, other)


def test_patchy_blotches_stay_put_when_the_content_scrolls():
    page = np.repeat(np.linspace(150, 255, 200, dtype=np.uint8)[:, None, None], 240, axis=1)
    page = np.repeat(page, 3, axis=2)  # a light page whose shade changes down its length
    frame_a, frame_b = page[:160], page[40:]
    lost_a = luminance(single("patchy", frame_a, 0.8)) < 60
    lost_b = luminance(single("patchy", frame_b, 0.8)) < 60
    overlap = (lost_a & lost_b).sum() / max(lost_a.sum(), 1)
    assert overlap > 0.9, "blotches belong to the eye, not the page"


@pytest.mark.parametrize("strength", [0.2, 0.5, 1.0])
def test_patchy_loss_covers_about_the_stated_fraction(strength):
    card = grey_card(300, 400)
    out = luminance(single("patchy", card, strength))
    covered = (out < 120).mean()  # past half-way from grey to the lost level
    assert covered == pytest.approx(filters.patchy_fraction(strength), abs=0.05)


# ------------------------------------------------------------------ colour


# Severity 1.0 rows as published by Machado, Oliveira and Fernandes (2009).
PUBLISHED_FULL_SEVERITY = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}


@pytest.mark.parametrize("kind", sorted(PUBLISHED_FULL_SEVERITY))
def test_full_severity_matrices_are_the_published_ones(kind):
    matrix = colour_vision.machado_matrix(kind, 1.0)
    assert np.allclose(matrix, PUBLISHED_FULL_SEVERITY[kind], atol=1e-6)


def test_severity_between_steps_is_interpolated():
    low = colour_vision.machado_matrix("deuteranopia", 0.5)
    high = colour_vision.machado_matrix("deuteranopia", 0.6)
    middle = colour_vision.machado_matrix("deuteranopia", 0.55)
    assert np.allclose(middle, (low + high) / 2)
    # The published 0.5 step: first row.
    assert np.allclose(low[0], [0.547494, 0.607765, -0.155259])
    assert np.allclose(colour_vision.machado_matrix("protanopia", 0.0), np.eye(3))


def test_every_published_matrix_keeps_white_white():
    for kind, table in colour_vision.MACHADO_2009.items():
        for step in table:
            assert np.allclose(np.asarray(step).sum(axis=1), 1.0, atol=2e-3), kind


@pytest.mark.parametrize("kind", colour_vision.KINDS)
@pytest.mark.parametrize("severity", [0.3, 0.75, 1.0])
def test_white_and_greys_stay_put(kind, severity):
    greys = np.array([[[v, v, v] for v in (0, 64, 128, 200, 255)]], dtype=np.uint8)
    out = filters.colour_deficiency(greys, kind, severity)
    assert np.abs(out.astype(int) - greys).max() <= 1


def test_pure_red_under_protanopia_is_a_dark_yellow_brown():
    red = np.array([[[255, 0, 0]]], dtype=np.uint8)
    r, g, b = filters.colour_deficiency(red, "protanopia", 1.0)[0, 0]
    # Linear (1, 0, 0) -> (0.152, 0.115, -0.004) by the published first column,
    # which is sRGB (109, 95, 0): dim, olive-brown.
    assert abs(int(r) - 109) <= 1 and abs(int(g) - 95) <= 1 and b == 0


@pytest.mark.parametrize("kind", ["protanopia", "deuteranopia"])
def test_red_and_green_become_hard_to_tell_apart(kind):
    pair = np.array([[[200, 40, 40], [40, 140, 40]]], dtype=np.uint8)  # red and green
    out = filters.colour_deficiency(pair, kind, 1.0).astype(float)
    pair = pair.astype(float)
    hue_gap_before = abs((pair[0, 0, 0] - pair[0, 0, 1]) - (pair[0, 1, 0] - pair[0, 1, 1]))
    hue_gap_after = abs((out[0, 0, 0] - out[0, 0, 1]) - (out[0, 1, 0] - out[0, 1, 1]))
    assert hue_gap_after < hue_gap_before * 0.3


def test_tritanopia_moves_blue_and_keeps_red():
    colours = np.array([[[0, 0, 255], [255, 0, 0]]], dtype=np.uint8)
    out = filters.colour_deficiency(colours, "tritanopia", 1.0).astype(int)
    assert out[0, 0, 2] < 200 and out[0, 0, 1] > 100, "blue turns teal"
    # Red keeps its red; the published 0.0047 of blue is sRGB 15.
    assert out[0, 1, 0] == 255 and abs(out[0, 1, 2] - 15) <= 1


def test_unknown_deficiency_is_refused():
    with pytest.raises(ValueError, match="unknown colour-vision deficiency"):
        colour_vision.machado_matrix("achromatopsia", 1.0)


# ------------------------------------------------------------------ combined


def test_combined_simulations_follow_the_documented_order():
    image = text_like()
    settings = SimulationSettings({"contrast": 0.5, "blur": 0.3, "peripheral": 0.5})
    expected = filters.peripheral_loss(
        filters.reduce_contrast(filters.blur(image, 0.3), 0.5), 0.5)
    assert np.abs(apply_simulations(image, settings).astype(int) - expected).max() <= 1
    assert settings.active() == ("blur", "contrast", "peripheral")


def test_two_colour_deficiencies_compose_into_one_matrix():
    image = text_like()
    image[:, :, 0] = np.linspace(0, 255, image.shape[1], dtype=np.uint8)
    both = apply_simulations(image, SimulationSettings({"protanopia": 1.0, "tritanopia": 0.5}))
    one_then_other = filters.colour_deficiency(
        filters.colour_deficiency(image, "protanopia", 1.0), "tritanopia", 0.5)
    assert np.abs(both.astype(int) - one_then_other).max() <= 2


def test_field_losses_together_darken_the_union_of_their_areas():
    card = grey_card(200, 300)
    settings = SimulationSettings({"peripheral": 0.5, "hemianopia": 1.0, "patchy": 0.5})
    together = luminance(apply_simulations(card, settings)) < 120
    apart = [luminance(single(name, card, settings.strengths[name])) < 120
             for name in ("peripheral", "hemianopia", "patchy")]
    union = apart[0] | apart[1] | apart[2]
    assert (together == union).mean() > 0.98


def test_settings_refuse_an_unknown_simulation():
    with pytest.raises(ValueError, match="unknown simulation"):
        SimulationSettings().with_strength("dyslexia", 0.5)
