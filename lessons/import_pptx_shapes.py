"""What the PowerPoint importer reads from a slide's shapes (lessons/import_pptx.py).

The title placeholder, the order shapes read in, which shapes are pictures
and which are left out (charts, SmartArt, media), a picture's alt text and
decorative mark, a table's header row, and a paragraph's runs and bullet,
read from python-pptx's objects and the DrawingML beneath them. No Qt here.
"""

from __future__ import annotations

import re

from lessons.model import Span

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_ROW = 457_200  # half an inch: shapes whose tops are closer than this read as one row
# PowerPoint and python-pptx put a picture's file name where its alt text goes.
_FILE_NAME = re.compile(r"\S+\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)", re.IGNORECASE)


# -- shapes ----------------------------------------------------------------------


def title_shape(slide):
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shape in slide.placeholders:
        if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE,
                                             PP_PLACEHOLDER.VERTICAL_TITLE):
            return shape
    return None


def title_text(slide) -> str:
    title = title_shape(slide)
    return " ".join(title.text_frame.text.split()) if title is not None else ""


def reading_order(shapes) -> list:
    """Shapes from the top down, and left to right within a row (tops within :data:`_ROW`)."""
    placed = sorted(shapes, key=lambda shape: (shape.top or 0, shape.left or 0))
    rows: list[list] = []
    for shape in placed:
        if rows and (shape.top or 0) - (rows[-1][0].top or 0) < _ROW:
            rows[-1].append(shape)
        else:
            rows.append([shape])
    return [shape for row in rows for shape in sorted(row, key=lambda s: s.left or 0)]


def shape_kind(shape):
    try:
        return shape.shape_type
    except NotImplementedError:  # python-pptx cannot name every shape (an ink drawing)
        return None


def is_picture(shape) -> bool:
    from pptx.shapes.picture import Picture
    from pptx.shapes.placeholder import PlaceholderPicture

    return isinstance(shape, (Picture, PlaceholderPicture))


def left_out_as(shape, kind) -> str:
    """What a shape Lesson Lab cannot show is, for the notes ("A chart"); "" for others."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if getattr(shape, "has_chart", False) and shape.has_chart:
        return "A chart"
    if kind == MSO_SHAPE_TYPE.MEDIA:
        return "A video or sound"
    if kind in (MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT, MSO_SHAPE_TYPE.LINKED_OLE_OBJECT):
        return "An embedded object"
    uri = shape.element.xpath("./a:graphic/a:graphicData/@uri")
    if uri and uri[0].endswith("/diagram"):
        return "A SmartArt diagram (and its text)"
    return ""


def pictures_in(shapes):
    """(SHA-1, shape) of every picture among ``shapes``, groups included."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape_kind(shape) == MSO_SHAPE_TYPE.GROUP:
            yield from pictures_in(shape.shapes)
        elif is_picture(shape):
            try:
                yield shape.image.sha1, shape
            except (AttributeError, KeyError, ValueError):
                continue


def picture_properties(shape):
    found = shape.element.xpath("./*[1]/p:cNvPr")
    return found[0] if found else None


def alt_text(properties) -> str:
    """The picture's alt text; "" for none, or for only its file name (which says nothing)."""
    if properties is None:
        return ""
    alt = " ".join((properties.get("descr") or properties.get("title") or "").split())
    return "" if _FILE_NAME.fullmatch(alt) else alt


def is_decorative(properties) -> bool:
    if properties is None:
        return False
    marks = properties.findall(f"{A}extLst/{A}ext/{_DECORATIVE}")
    return any(mark.get("val") in ("1", "true") for mark in marks)


# -- tables ----------------------------------------------------------------------


def has_header_row(table) -> bool:
    """Whether the first row is the table's header (see the module docstring)."""
    first = table._tbl.tr_lst[0]
    if table.first_row or all_bold(first):
        return True
    if table._tbl.xpath("./a:tblPr/a:tableStyleId"):
        return False  # the style paints the table, and first_row says if it has a header
    fills = [{fill(cell) for cell in row.tc_lst} for row in table._tbl.tr_lst]
    return len(fills[0]) == 1 and None not in fills[0] and not any(
        fills[0] & later for later in fills[1:])


def all_bold(row) -> bool:
    runs = [run for run in row.xpath("./a:tc/a:txBody/a:p/a:r") if "".join(
        run.xpath("./a:t/text()")).strip()]
    return bool(runs) and all(on(run.find(A + "rPr"), "b") for run in runs)


def fill(cell) -> str | None:
    """The colour a cell is filled with, as the file gives it; None for none."""
    colour = cell.xpath("./a:tcPr/a:solidFill/*/@val")
    return colour[0] if colour else None


# -- text ------------------------------------------------------------------------


def raw_spans(paragraph) -> list[Span]:
    """The paragraph's runs as they are; a line break (Shift+Enter) as a new line."""
    spans: list[Span] = []
    for child in paragraph._p:
        if child.tag == A + "br":
            spans.append(Span("\n"))
        elif child.tag == A + "r":  # not fields: slide numbers and dates
            text = "".join(child.xpath("./a:t/text()"))
            properties = child.find(A + "rPr")
            if text:
                spans.append(Span(text, bold=on(properties, "b"), italic=on(properties, "i"),
                                  underline=underlined(properties)))
    return spans


def on(properties, name: str) -> bool:
    return properties is not None and properties.get(name) in ("1", "true")


def underlined(properties) -> bool:
    return properties is not None and properties.get("u") not in (None, "none")


def list_kind(paragraph, bulleted: bool) -> tuple[bool | None, bool]:
    """(True numbered, False bulleted or None neither; whether it is the placeholder's bullet)."""
    properties = paragraph._p.find(A + "pPr")
    own = properties if properties is not None else ()
    tags = {child.tag for child in own}
    if A + "buNone" in tags:
        return None, False
    if A + "buAutoNum" in tags:
        return True, False
    if A + "buChar" in tags or A + "buBlip" in tags:
        # LibreOffice writes out the bullet a content placeholder gives anyway.
        return False, bulleted
    return (False, True) if bulleted else (None, False)
