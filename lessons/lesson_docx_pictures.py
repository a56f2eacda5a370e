"""Pictures in the Word export: the profile's size, alt text Word and screen readers see.

PNG, JPEG, GIF, BMP and TIFF files go into the document as they are. Word
takes an SVG drawing only with a PNG copy beside it for older programs
(Office 2016 and later show the SVG itself, sharp at any size), and making
that PNG needs something that can draw SVG, which ``lessons/`` (no Qt) has
not: the caller passes a :class:`PictureSource` (app/docx_export.py's is
Qt's SVG renderer). Without one, an SVG becomes the line "[Picture: alt
text]", as the lesson view shows a picture it cannot load.

A picture is as wide as the lesson view shows it: its natural size at 96
pixels to the inch times the profile's image scale, never wider than the text
or taller than most of the page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from lessons.lesson_docx_styles import A4_PT, EMU_PER_PT, MARGIN_PT

WORD_TAKES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}
PRINT_DPI = 200  # the PNG copy of a drawing: sharp on a school laser printer
LARGEST_PNG = 3000  # pixels on the longer side, so one drawing cannot swell the file
MOST_OF_THE_PAGE = 0.8  # of the text height, leaving room for the caption below
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


class PictureSource(Protocol):
    """Draws pictures Word cannot take as they are (SVG)."""

    def natural_size(self, path: Path) -> tuple[float, float] | None:
        """Width and height in pixels at 96 to the inch, or None when it cannot be read."""

    def png(self, path: Path, width: int, height: int) -> bytes | None:
        """The picture drawn ``width`` by ``height`` pixels as PNG bytes, or None."""


@dataclass(frozen=True)
class Placed:
    """A picture in the document: its shown size in points and whether it is vector art."""

    width_pt: float
    height_pt: float
    vector: bool


def shown_size(natural: tuple[float, float], scale: float, text_width_pt: float,
               ) -> tuple[float, float]:
    """The picture's size on the page in points: natural times ``scale``, fitted to the text."""
    width = natural[0] * 72 / 96 * scale
    height = natural[1] * 72 / 96 * scale
    most = (A4_PT[1] - 2 * MARGIN_PT) * MOST_OF_THE_PAGE
    fit = min(1.0, text_width_pt / width if width else 1.0, most / height if height else 1.0)
    return width * fit, height * fit


def add_picture(run, path: Path, alt: str, scale: float, text_width_pt: float,
                source: PictureSource | None) -> Placed | None:
    """Put the picture at ``path`` in ``run`` with ``alt`` as its alt text; None if it cannot."""
    from docx.shared import Emu

    suffix = path.suffix.lower()
    svg = None
    if suffix in WORD_TAKES:
        from docx.image.image import Image

        try:
            blob = path.read_bytes()
            image = Image.from_blob(blob)
        except Exception:  # noqa: BLE001 - python-docx raises several kinds for a bad file
            return None
        natural = (image.px_width, image.px_height)
        width, height = shown_size(natural, scale, text_width_pt)
    else:
        natural = source.natural_size(path) if source is not None else None
        if not natural or min(natural) <= 0:
            return None
        width, height = shown_size(natural, scale, text_width_pt)
        factor = min(PRINT_DPI / 72, LARGEST_PNG / max(width, height))
        blob = source.png(path, max(1, round(width * factor)), max(1, round(height * factor)))
        if not blob:
            return None
        if suffix == ".svg":
            try:
                svg = path.read_bytes()
            except OSError:
                svg = None
    run.add_picture(io.BytesIO(blob), width=Emu(round(width * EMU_PER_PT)),
                    height=Emu(round(height * EMU_PER_PT)))
    inline = run._r.xpath(".//wp:inline")[-1]
    properties = inline.xpath("./wp:docPr")[0]
    properties.set("descr", alt)
    properties.set("name", f"{path.stem}{path.suffix}")
    if svg is not None:
        _add_svg(run.part, inline, svg)
    return Placed(width, height, svg is not None)


def _add_svg(document_part, inline, svg: bytes) -> None:
    """Give the picture its SVG original (Office 2016+); the PNG stays for other programs."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.parts.image import ImagePart

    package = document_part.package
    part = ImagePart(package.next_partname("/word/media/image%d.svg"), "image/svg+xml", svg)
    rel_id = document_part.relate_to(part, RT.IMAGE)
    blip = inline.xpath(".//a:blip")[0]
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", SVG_EXTENSION)
    from lxml import etree

    svg_blip = etree.SubElement(extension, f"{{{SVG_NAMESPACE}}}svgBlip",
                                nsmap={"asvg": SVG_NAMESPACE})
    svg_blip.set(qn("r:embed"), rel_id)
    extensions.append(extension)
    blip.append(extensions)
