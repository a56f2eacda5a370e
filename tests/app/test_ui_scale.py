"""Interface size: the style's sizes and the application font (app/ui_scale.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory

from app.ui_scale import (
    ScaledStyle,
    apply_ui_scale,
    base_point_size,
    clamp_scale,
    current_scale,
    scaled_icon_size,
)


def test_the_style_scales_icon_and_control_sizes_but_not_spacing(qapp):
    plain = QStyleFactory.create("Fusion")
    scaled = ScaledStyle("Fusion", scale=2.0)
    for metric in (QStyle.PixelMetric.PM_SmallIconSize, QStyle.PixelMetric.PM_ToolBarIconSize,
                   QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_ScrollBarExtent):
        assert scaled.pixelMetric(metric) == round(plain.pixelMetric(metric) * 2.0)
    spacing = QStyle.PixelMetric.PM_LayoutHorizontalSpacing
    assert scaled.pixelMetric(spacing) == plain.pixelMetric(spacing)
    scaled.scale = 1.0
    assert scaled.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) == plain.pixelMetric(
        QStyle.PixelMetric.PM_SmallIconSize)


def test_the_application_font_scales_and_comes_back_exactly(qapp):
    base = base_point_size()
    try:
        assert apply_ui_scale(1.75) == 1.75
        assert QApplication.font().pointSizeF() == pytest.approx(base * 1.75)
        assert current_scale() == pytest.approx(1.75)
        assert apply_ui_scale(0.5) == 1.0, "never smaller than 100%"
    finally:
        apply_ui_scale(1.0)
    assert QApplication.font().pointSizeF() == base


def test_limits_and_icon_sizes():
    assert clamp_scale(3) == 2.5 and clamp_scale(0.1) == 1.0 and clamp_scale(1.3) == 1.3
    assert scaled_icon_size(1.0) == 24 and scaled_icon_size(2.5) == 60
