"""Colour-vision deficiency matrices of Machado, Oliveira and Fernandes (2009).

Machado, G. M., Oliveira, M. M. and Fernandes, L. A. F. (2009) "A
physiologically-based model for simulation of color vision deficiency",
IEEE Transactions on Visualization and Computer Graphics 15(6), 1291-1298.

The authors published one 3x3 matrix per deficiency for each severity from
0.0 to 1.0 in steps of 0.1 (their supplementary table; also in Machado's 2010
thesis). Severity 1.0 is the dichromat: protanopia, deuteranopia, tritanopia.
The numbers below were checked against two independent public copies of that
table (the colour-science library's ``CVD_MATRICES_MACHADO2010`` and
DaltonLens-Python), which agree to the sixth decimal place.

The matrices act on *linear* RGB (sRGB primaries with the transfer curve
removed), which is how the paper derives them (from cone fundamentals and the
display's spectral primaries) and how the documented implementations apply
them. So ``simulate_matrix`` decodes sRGB to linear light, multiplies, and
encodes again. Between the published steps the matrix is interpolated
linearly, as DaltonLens does.

No Qt here: these are plain numpy functions, table-tested.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

KINDS = ("protanopia", "deuteranopia", "tritanopia")

# Rows are the output R, G, B; columns the input R, G, B (linear light).
# Index i holds severity i / 10. Severity 0.0 is the identity.
_IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))

MACHADO_2009: dict[str, tuple[tuple[tuple[float, float, float], ...], ...]] = {
    "protanopia": (
        _IDENTITY,
        ((0.856167, 0.182038, -0.038205), (0.029342, 0.955115, 0.015544),
         (-0.002880, -0.001563, 1.004443)),
        ((0.734766, 0.334872, -0.069637), (0.051840, 0.919198, 0.028963),
         (-0.004928, -0.004209, 1.009137)),
        ((0.630323, 0.465641, -0.095964), (0.069181, 0.890046, 0.040773),
         (-0.006308, -0.007724, 1.014032)),
        ((0.539009, 0.579343, -0.118352), (0.082546, 0.866121, 0.051332),
         (-0.007136, -0.011959, 1.019095)),
        ((0.458064, 0.679578, -0.137642), (0.092785, 0.846313, 0.060902),
         (-0.007494, -0.016807, 1.024301)),
        ((0.385450, 0.769005, -0.154455), (0.100526, 0.829802, 0.069673),
         (-0.007442, -0.022190, 1.029632)),
        ((0.319627, 0.849633, -0.169261), (0.106241, 0.815969, 0.077790),
         (-0.007025, -0.028051, 1.035076)),
        ((0.259411, 0.923008, -0.182420), (0.110296, 0.804340, 0.085364),
         (-0.006276, -0.034346, 1.040622)),
        ((0.203876, 0.990338, -0.194214), (0.112975, 0.794542, 0.092483),
         (-0.005222, -0.041043, 1.046265)),
        ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
         (-0.003882, -0.048116, 1.051998)),
    ),
    "deuteranopia": (
        _IDENTITY,
        ((0.866435, 0.177704, -0.044139), (0.049567, 0.939063, 0.011370),
         (-0.003453, 0.007233, 0.996220)),
        ((0.760729, 0.319078, -0.079807), (0.090568, 0.889315, 0.020117),
         (-0.006027, 0.013325, 0.992702)),
        ((0.675425, 0.433850, -0.109275), (0.125303, 0.847755, 0.026942),
         (-0.007950, 0.018572, 0.989378)),
        ((0.605511, 0.528560, -0.134071), (0.155318, 0.812366, 0.032316),
         (-0.009376, 0.023176, 0.986200)),
        ((0.547494, 0.607765, -0.155259), (0.181692, 0.781742, 0.036566),
         (-0.010410, 0.027275, 0.983136)),
        ((0.498864, 0.674741, -0.173604), (0.205199, 0.754872, 0.039929),
         (-0.011131, 0.030969, 0.980162)),
        ((0.457771, 0.731899, -0.189670), (0.226409, 0.731012, 0.042579),
         (-0.011595, 0.034333, 0.977261)),
        ((0.422823, 0.781057, -0.203881), (0.245752, 0.709602, 0.044646),
         (-0.011843, 0.037423, 0.974421)),
        ((0.392952, 0.823610, -0.216562), (0.263559, 0.690210, 0.046232),
         (-0.011910, 0.040281, 0.971630)),
        ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
         (-0.011820, 0.042940, 0.968881)),
    ),
    "tritanopia": (
        _IDENTITY,
        ((0.926670, 0.092514, -0.019184), (0.021191, 0.964503, 0.014306),
         (0.008437, 0.054813, 0.936750)),
        ((0.895720, 0.133330, -0.029050), (0.029997, 0.945400, 0.024603),
         (0.013027, 0.104707, 0.882266)),
        ((0.905871, 0.127791, -0.033662), (0.026856, 0.941251, 0.031893),
         (0.013410, 0.148296, 0.838294)),
        ((0.948035, 0.089490, -0.037526), (0.014364, 0.946792, 0.038844),
         (0.010853, 0.193991, 0.795156)),
        ((1.017277, 0.027029, -0.044306), (-0.006113, 0.958479, 0.047634),
         (0.006379, 0.248708, 0.744913)),
        ((1.104996, -0.046633, -0.058363), (-0.032137, 0.971635, 0.060503),
         (0.001336, 0.317922, 0.680742)),
        ((1.193214, -0.109812, -0.083402), (-0.058496, 0.979410, 0.079086),
         (-0.002346, 0.403492, 0.598854)),
        ((1.257728, -0.139648, -0.118081), (-0.078003, 0.975409, 0.102594),
         (-0.003316, 0.501214, 0.502102)),
        ((1.278864, -0.125333, -0.153531), (-0.084748, 0.957674, 0.127074),
         (-0.000989, 0.601151, 0.399838)),
        ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
         (0.004733, 0.691367, 0.303900)),
    ),
}

# Linear values are looked up at this many levels on the way back to sRGB:
# fine enough that every one of the 256 output codes is reachable.
_ENCODE_LEVELS = 4096


def machado_matrix(kind: str, severity: float) -> np.ndarray:
    """The 3x3 matrix for ``kind`` at ``severity`` (0..1), interpolated between steps."""
    if kind not in MACHADO_2009:
        raise ValueError(f"unknown colour-vision deficiency {kind!r}; choose from {KINDS}")
    severity = float(np.clip(severity, 0.0, 1.0))
    table = MACHADO_2009[kind]
    low = min(int(np.floor(severity * 10.0 + 1e-9)), 9)
    weight = severity * 10.0 - low
    lower = np.asarray(table[low], dtype=np.float64)
    upper = np.asarray(table[low + 1], dtype=np.float64)
    return (1.0 - weight) * lower + weight * upper


def srgb_to_linear(values: np.ndarray) -> np.ndarray:
    """sRGB-encoded values in 0..1 to linear light (IEC 61966-2-1)."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(values: np.ndarray) -> np.ndarray:
    """Linear light in 0..1 to sRGB-encoded values (IEC 61966-2-1)."""
    values = np.clip(np.asarray(values, dtype=np.float64), 0.0, 1.0)
    return np.where(values <= 0.0031308, values * 12.92, 1.055 * values ** (1 / 2.4) - 0.055)


@lru_cache(maxsize=1)
def decode_table() -> np.ndarray:
    """uint8 sRGB code -> linear light, as float32 (256 entries)."""
    return srgb_to_linear(np.arange(256) / 255.0).astype(np.float32)


@lru_cache(maxsize=1)
def encode_table() -> np.ndarray:
    """Linear light quantised to ``_ENCODE_LEVELS`` steps -> uint8 sRGB code."""
    linear = np.arange(_ENCODE_LEVELS) / (_ENCODE_LEVELS - 1)
    return np.round(linear_to_srgb(linear) * 255.0).astype(np.uint8)


# Pixels per block of work. Small enough that each block stays in the CPU's
# cache and that OpenBLAS runs the 3x3 product on one thread: its threads
# help nothing at this size, and waking them on a busy two-core machine cost
# tens of milliseconds a frame.
_BLOCK_PIXELS = 16384


def simulate_matrix(image: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 3x3 linear-RGB matrix to an HxWx3 sRGB image (uint8 or float32 0..1).

    Returns the same dtype. uint8 goes through look-up tables (decode, a 3x3
    product, quantised encode), block by block, so a full-HD frame costs a
    few passes over memory rather than per-pixel powers.
    """
    height, width = image.shape[:2]
    # Scale the matrix so the product lands straight on encode-table indices.
    scaled = np.asarray(matrix, dtype=np.float32).T * np.float32(_ENCODE_LEVELS - 1)
    if image.dtype != np.uint8:
        linear = srgb_to_linear(image).astype(np.float32).reshape(-1, 3)
        mixed = np.clip(linear @ scaled / np.float32(_ENCODE_LEVELS - 1), 0.0, 1.0)
        return linear_to_srgb(mixed).astype(np.float32).reshape(height, width, 3)
    source = np.ascontiguousarray(image).reshape(-1, 3)
    out = np.empty_like(source)
    decode, encode = decode_table(), encode_table()
    block = min(_BLOCK_PIXELS, source.shape[0])
    linear = np.empty((block, 3), dtype=np.float32)
    mixed = np.empty((block, 3), dtype=np.float32)
    indices = np.empty((block, 3), dtype=np.intp)
    for start in range(0, source.shape[0], block):
        count = min(block, source.shape[0] - start)
        np.take(decode, source[start:start + count], out=linear[:count])
        np.matmul(linear[:count], scaled, out=mixed[:count])
        np.clip(mixed[:count], 0, _ENCODE_LEVELS - 1, out=mixed[:count])
        mixed[:count] += np.float32(0.5)
        # intp indices: np.take converts anything narrower first, which costs more.
        np.copyto(indices[:count], mixed[:count], casting="unsafe")
        np.take(encode, indices[:count], out=out[start:start + count])
    return out.reshape(height, width, 3)
