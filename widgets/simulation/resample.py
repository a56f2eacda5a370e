"""Fast blurs for the vision simulations, in numpy alone.

A full-HD frame has six million samples, so every pass over it costs a few
milliseconds: these helpers make as few full-size passes as they can.

* ``blur`` approximates a Gaussian blur of a given sigma. Small sigmas use
  one or two separable three-tap passes at full size. Larger ones average
  f x f blocks (integer sums, read once), smooth the small image with a
  three-tap kernel, and spread it back with bilinear interpolation, done
  columns first (on the small image) and then rows by phase, so the
  full-size work is two passes written straight into uint8.
  Block averaging adds a variance of about f^2/12 and linear interpolation
  about f^2/6; the small-image kernel supplies the rest.
* ``box_blur_2d`` is a running-sum box blur for small single-channel maps
  (glare, masks), whatever the radius.

Images are HxWxC uint8 (or float32 in 0..255 where stated). No Qt here.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

# Sigma (pixels) from which the block-average path takes over.
_BLOCK_FROM_SIGMA = 1.0
# Largest block: f*f*255 must fit uint16 for the integer block sums.
_MAX_FACTOR = 16


def block_factor(sigma: float) -> int:
    """The block size used for ``sigma`` (1 means full-size passes)."""
    if sigma < _BLOCK_FROM_SIGMA:
        return 1
    if sigma < 1.8:
        return 2
    return min(int(sigma / 0.6), _MAX_FACTOR)


def block_mean(image: np.ndarray, factor: int) -> np.ndarray:
    """Mean of each ``factor`` x ``factor`` block, as float32.

    The image need not divide evenly: a last, narrower block on the bottom or
    right is the mean of the pixels it has.
    """
    height, width = image.shape[:2]
    full_rows, full_cols = height // factor, width // factor
    rows, cols = full_rows * factor, full_cols * factor
    extra_rows, extra_cols = height - rows, width - cols
    wide = np.uint16 if image.dtype == np.uint8 and factor <= _MAX_FACTOR else np.float32
    # Rows first: each slice is whole contiguous rows, so this pass streams.
    summed = np.empty((full_rows + (extra_rows > 0),) + image.shape[1:], dtype=wide)
    np.copyto(summed[:full_rows], image[0:rows:factor], casting="unsafe")
    for dy in range(1, factor):
        summed[:full_rows] += image[dy:rows:factor]
    if extra_rows:
        tail = image[rows:].sum(axis=0, dtype=np.float32) * np.float32(factor / extra_rows)
        np.copyto(summed[-1], np.round(tail), casting="unsafe")
    out = np.empty((summed.shape[0], full_cols + (extra_cols > 0)) + image.shape[2:],
                   dtype=np.float32)
    columns = summed[:, 0:cols:factor].copy()
    for dx in range(1, factor):
        columns += summed[:, dx:cols:factor]
    out[:, :full_cols] = columns
    if extra_cols:
        out[:, -1] = summed[:, cols:].sum(axis=1, dtype=np.float32) * np.float32(
            factor / extra_cols)
    out *= np.float32(1.0 / (factor * factor))
    return out


def three_tap(image: np.ndarray, variance: float, axis: int) -> np.ndarray:
    """One pass of the kernel [a, 1-2a, a] along ``axis`` (edges repeated); float32 in and out.

    The kernel's variance is 2a, so ``variance`` up to 2/3 keeps it single-peaked.
    """
    weight = np.float32(min(max(variance, 0.0), 2.0 / 3.0) / 2.0)
    if weight == 0 or image.shape[axis] < 2:
        return image
    moved = np.moveaxis(image, axis, 0)
    out = np.empty_like(moved)
    # out = (1-2a) x + a (left + right)
    np.add(moved[:-2], moved[2:], out=out[1:-1])
    np.add(moved[0], moved[1], out=out[0])
    np.add(moved[-1], moved[-2], out=out[-1])
    out *= weight
    out += moved * np.float32(1.0 - 2.0 * weight)
    return np.moveaxis(out, 0, axis)


def smooth(image: np.ndarray, variance: float) -> np.ndarray:
    """Separable smoothing with the given variance, in passes of at most 1/2 each."""
    if variance <= 0:
        return image
    passes = int(np.ceil(variance / 0.5))
    for _ in range(passes):
        for axis in (0, 1):
            image = three_tap(image, variance / passes, axis)
    return image


@lru_cache(maxsize=32)
def _interpolation(n_out: int, n_in: int, factor: int):
    """Source indices and weights for stretching ``n_in`` samples to ``n_out`` (pixel centres)."""
    position = np.clip((np.arange(n_out) + 0.5) / factor - 0.5, 0, n_in - 1)
    first = np.floor(position).astype(np.intp)
    second = np.minimum(first + 1, n_in - 1)
    weight = (position - first).astype(np.float32)
    for array in (first, second, weight):
        array.setflags(write=False)
    return first, second, weight


def upsample(small: np.ndarray, height: int, width: int, factor: int,
             dtype=np.uint8) -> np.ndarray:
    """Bilinear stretch of HxWxC float32 ``small`` by ``factor`` to exactly height x width.

    Columns are interpolated on the small image; rows are then filled phase by
    phase (every ``factor``-th output row shares one weight), which keeps the
    full-size work to two streaming passes. Rows or columns beyond the
    stretched size repeat the edge.
    """
    rows_in, cols_in, channels = small.shape
    first, second, weight = _interpolation(width, cols_in, factor)
    columns = np.take(small, first, axis=1)
    step = np.take(small, second, axis=1)
    step -= columns
    step *= weight[None, :, None]
    columns += step
    if dtype == np.uint8:
        columns += np.float32(0.5)  # so the truncating cast below rounds
    # Differences to the next and previous small row (edges clamp to zero).
    ahead = np.zeros_like(columns)
    np.subtract(columns[1:], columns[:-1], out=ahead[:-1])
    behind = np.zeros_like(columns)
    behind[1:] = ahead[:-1]
    out = np.empty((height, width, channels), dtype=dtype)
    scratch = np.empty_like(columns)
    for phase in range(factor):
        offset = (phase + 0.5) / factor - 0.5
        rows = out[phase:rows_in * factor:factor]
        count = rows.shape[0]
        if count == 0:
            continue
        source = ahead if offset >= 0 else behind
        np.multiply(source[:count], np.float32(offset), out=scratch[:count])
        np.add(columns[:count], scratch[:count], out=rows, casting="unsafe")
    filled = min(rows_in * factor, height)
    if filled < height:  # only when the small image has fewer rows than it should
        out[filled:] = out[filled - 1]
    return out


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """An approximately Gaussian blur of standard deviation ``sigma`` pixels; uint8 in and out."""
    if sigma <= 0:
        return image
    height, width = image.shape[:2]
    factor = min(block_factor(sigma), max(1, min(height, width) // 2))
    if factor == 1:
        work = smooth(image.astype(np.float32), sigma * sigma)
        work += np.float32(0.5)
        return work.astype(np.uint8)
    small = block_mean(image, factor)
    # What block averaging and interpolation leave to do, in small-image pixels.
    remaining = (sigma * sigma - factor * factor / 4.0) / (factor * factor)
    small = smooth(small, remaining)
    return upsample(small, height, width, factor)


def box_blur_2d(values: np.ndarray, radius: int) -> np.ndarray:
    """Box blur of a 2-D float array, (2r+1) wide, edges repeated; cost independent of r."""
    if radius <= 0:
        return values
    out = values
    for axis in (0, 1):
        padded = np.pad(out, [(radius + 1, radius) if a == axis else (0, 0) for a in (0, 1)],
                        mode="edge")
        total = np.cumsum(padded, axis=axis, dtype=np.float64)
        size = out.shape[axis]
        upper = np.take(total, np.arange(2 * radius + 1, 2 * radius + 1 + size), axis=axis)
        lower = np.take(total, np.arange(0, size), axis=axis)
        out = ((upper - lower) / (2 * radius + 1)).astype(np.float32)
    return out
