"""The profile's look in PowerPoint's XML (DrawingML): runs, paragraphs, table cells, master.

Every run carries its font, size, weight, colour and letter spacing itself
(``a:rPr``), so the slides look the same whatever PowerPoint's theme says;
the master, its layouts and the theme are set to the profile as well (page
colour, fonts, text colours, no shrinking of text), so a slide or text box a
teacher adds looks like the rest.

PowerPoint's units: sizes and spacing in hundredths of a point, positions in
EMU (12,700 to the point), percentages in thousandths. No Qt here.
"""

from __future__ import annotations

import re

from lessons.lesson_docx_styles import EMU_PER_PT, Look, hex_of
from lessons.lesson_pptx_layout import (
    CELL_X_EM,
    CELL_Y_EM,
    INSET_X,
    INSET_Y,
    LIST_GAP,
    SLIDE_PT,
    Para,
    Run,
    Sizes,
)

LANGUAGE = "en-GB"
BULLET = "\u2022"
_SPACES = re.compile(r"( +)")
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _sub(parent, tag: str, **attributes):
    from lxml import etree
    from pptx.oxml.ns import qn

    element = etree.SubElement(parent, qn(tag))
    for name, value in attributes.items():
        element.set(name, str(value))
    return element


def _colour(parent, tag: str, colour: str) -> None:
    _sub(_sub(parent, tag), "a:srgbClr", val=hex_of(colour))


class Writer:
    """Writes runs and paragraphs in one profile's look."""

    def __init__(self, look: Look, sizes: Sizes) -> None:
        self.look, self.sizes = look, sizes
        self.profile = look.profile
        self.family = look.profile.font_family

    def run_properties(self, parent, size: float, *, colour: str, bold: bool = False,
                       italic: bool = False, underline: str = "none", highlight: str = "",
                       spacing: float | None = None, tag: str = "a:rPr"):
        """``a:rPr`` (or ``a:endParaRPr``) in the order DrawingML requires."""
        letter = self.profile.letter_spacing_em * size if spacing is None else spacing
        properties = _sub(parent, tag, lang=LANGUAGE, sz=round(size * 100),
                          b="1" if bold else "0", i="1" if italic else "0", u=underline,
                          spc=round(letter * 100), cap="none", dirty="0")
        _colour(properties, "a:solidFill", colour)
        if highlight:
            _colour(properties, "a:highlight", highlight)
        for font in ("a:latin", "a:ea", "a:cs"):
            _sub(properties, font, typeface=self.family)
        return properties

    def runs(self, paragraph, runs: tuple[Run, ...], size: float, *, colour: str,
             bold: bool = False) -> None:
        """The runs of a paragraph; each space its own run when the profile widens them."""
        profile = self.profile
        key_colour, shading = self.look.key_word_colours()
        for run in runs:
            pieces = _SPACES.split(run.text) if profile.word_spacing_em > 0 else [run.text]
            for piece in pieces:
                if not piece:
                    continue
                underline = run.underline and not profile.suppress_underline
                mark = "sng" if underline else "none"
                if run.key_word and not shading and not profile.suppress_underline:
                    mark = "dotted"
                spacing = None
                if piece[0] == " " and len(pieces) > 1:
                    em = profile.letter_spacing_em + profile.word_spacing_em
                    spacing = em * size
                element = _sub(paragraph, "a:r")
                self.run_properties(
                    element, size, colour=key_colour if run.key_word else colour,
                    bold=bold or run.bold or run.key_word or self.sizes.bold,
                    italic=run.italic and not profile.suppress_italics, underline=mark,
                    highlight=shading if run.key_word else "", spacing=spacing)
                _sub(element, "a:t").text = piece

    def paragraph(self, body, para: Para, *, colour: str | None = None,
                  bold: bool = False, after: float | None = None):
        """Add ``para`` to a text body (``p:txBody`` or ``a:txBody``) as an ``a:p``."""
        size = para.size or self.sizes.body
        colour = colour or self.look.colours.text
        paragraph = _sub(body, "a:p")
        indent = para.indent(size)
        properties = _sub(paragraph, "a:pPr", marL=emu(indent), algn={
            "left": "l", "centre": "ctr", "right": "r"}[self.look.alignment])
        if para.kind in ("bullet", "number"):
            properties.set("indent", str(-emu(indent)))
        else:
            properties.set("indent", "0")
        _sub(_sub(properties, "a:lnSpc"), "a:spcPct",
             val=round((self.sizes.title_line_height if para.heading
                        else self.profile.line_height) * 100000))
        _sub(_sub(properties, "a:spcBef"), "a:spcPts", val=0)
        gap = para.after if after is None else after
        _sub(_sub(properties, "a:spcAft"), "a:spcPts", val=min(158400, round(gap * 100)))
        if para.kind in ("bullet", "number"):
            _colour(properties, "a:buClr", colour)
            _sub(properties, "a:buSzPct", val=100000)
            _sub(properties, "a:buFont", typeface=self.family)
            if para.kind == "number":
                _sub(properties, "a:buAutoNum", type="arabicPeriod", startAt=para.number)
            else:
                _sub(properties, "a:buChar", char=BULLET)
        else:
            _sub(properties, "a:buNone")
        self.runs(paragraph, para.runs, size, colour=colour, bold=bold)
        self.run_properties(paragraph, size, colour=colour, bold=bold or self.sizes.bold,
                            tag="a:endParaRPr")
        return paragraph

    def text_body(self, body, paras, *, colour: str | None = None, bold: bool = False,
                  anchor: str = "t") -> None:
        """Replace the paragraphs of ``body`` with ``paras``; no autofit, PowerPoint's insets."""
        from pptx.oxml.ns import qn

        for old in body.findall(qn("a:p")):
            body.remove(old)
        body_properties = body.find(qn("a:bodyPr"))
        for child in list(body_properties):
            body_properties.remove(child)
        for name, value in (("wrap", "square"), ("lIns", emu(INSET_X)), ("rIns", emu(INSET_X)),
                            ("tIns", emu(INSET_Y)), ("bIns", emu(INSET_Y)),
                            ("anchor", anchor), ("rtlCol", "0")):
            body_properties.set(name, str(value))
        _sub(body_properties, "a:noAutofit")  # never shrink the text to fit
        for para in paras:
            self.paragraph(body, para, colour=colour, bold=bold)

    def slide_number(self, slide, number: int, box: tuple[float, float, float, float]) -> None:
        """The slide's number at ``box`` (left, top, width, height in points), in the
        text colour: PowerPoint's own slide-number field in a slide-number placeholder,
        so it follows when the teacher moves slides about, and an importer passes it by."""
        tree = slide.shapes._spTree
        shape = _sub(tree, "p:sp")
        names = _sub(shape, "p:nvSpPr")
        _sub(names, "p:cNvPr", id=max((int(e.get("id")) for e in tree.iter()
                                       if e.tag.endswith("}cNvPr")), default=1) + 1,
             name=f"Slide Number {number}")
        _sub(_sub(names, "p:cNvSpPr"), "a:spLocks", noGrp="1")
        _sub(_sub(names, "p:nvPr"), "p:ph", type="sldNum", sz="quarter", idx="12")
        frame = _sub(_sub(shape, "p:spPr"), "a:xfrm")
        left, top, width, height = box
        _sub(frame, "a:off", x=emu(left), y=emu(top))
        _sub(frame, "a:ext", cx=emu(width), cy=emu(height))
        body = _sub(shape, "p:txBody")
        _sub(body, "a:bodyPr", wrap="none", lIns=0, rIns=0, tIns=0, bIns=0, anchor="ctr")
        _sub(body, "a:lstStyle")
        paragraph = _sub(body, "a:p")
        _sub(paragraph, "a:pPr", algn="r")
        field = _sub(paragraph, "a:fld", id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                     type="slidenum")
        size, colour = self.sizes.slide_number, self.look.colours.text
        self.run_properties(field, size, colour=colour, bold=self.sizes.bold, spacing=0.0)
        _sub(field, "a:t").text = str(number)
        self.run_properties(paragraph, size, colour=colour, tag="a:endParaRPr", spacing=0.0)

    def cell(self, cell, runs: tuple[Run, ...], *, header: bool) -> None:
        """A table cell: its text, margins, page-coloured fill and lines in the text colour."""
        from pptx.oxml.ns import qn

        body = cell._tc.get_or_add_txBody()
        for old in body.findall(qn("a:p")):
            body.remove(old)
        self.paragraph(body, Para(runs), bold=header, after=0)
        old = cell._tc.find(qn("a:tcPr"))
        if old is not None:
            cell._tc.remove(old)
        size = self.sizes.body
        properties = _sub(cell._tc, "a:tcPr", marL=emu(CELL_X_EM * size),
                          marR=emu(CELL_X_EM * size), marT=emu(CELL_Y_EM * size),
                          marB=emu(CELL_Y_EM * size))
        line = emu(max(1.0, size / 16))
        for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
            border = _sub(properties, side, w=line, cap="flat", cmpd="sng", algn="ctr")
            _colour(border, "a:solidFill", self.look.colours.text)
        _colour(properties, "a:solidFill", self.look.colours.background)


# ----- the master, its layouts and the theme --------------------------------------------------


def set_up_presentation(presentation, look: Look, sizes: Sizes) -> None:
    """16:9 slides, and a master, layouts and theme in the profile's fonts and colours."""
    from pptx.oxml.ns import qn
    from pptx.util import Emu

    old_width = presentation.slide_width
    presentation.slide_width = Emu(emu(SLIDE_PT[0]))
    presentation.slide_height = Emu(emu(SLIDE_PT[1]))
    stretch = presentation.slide_width / old_width
    master = presentation.slide_master
    for owner in (master, *presentation.slide_layouts):
        for shape in owner.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = round(shape.left * stretch), round(shape.width * stretch)
    parts = [master.element, presentation.part._element,
             *(layout.element for layout in presentation.slide_layouts)]
    for part in parts:
        for element in part.iter():
            if isinstance(element.tag, str) and element.get("lang"):
                element.set("lang", LANGUAGE)
            if element.tag == qn("a:normAutofit"):  # a teacher's new slides never shrink text
                element.tag = qn("a:noAutofit")
    fill = master.background.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(look.colours.background)
    _text_styles(master.element, look, sizes)
    _theme(master, look)


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_of(colour))


def _text_styles(master, look: Look, sizes: Sizes) -> None:
    """The master's title and body styles: the profile's font, colours, size; left aligned."""
    from pptx.oxml.ns import qn

    styles = master.find(qn("p:txStyles"))
    for name, colour, size, bold in (("p:titleStyle", look.colours.heading, sizes.title, True),
                                     ("p:bodyStyle", look.colours.text, sizes.body,
                                      sizes.bold)):
        for level in styles.find(qn(name)):
            if not level.tag.endswith("pPr"):
                continue
            level.set("algn", "l")
            character = level.find(qn("a:defRPr"))
            if character is None:
                continue
            character.set("sz", str(round(size * 100)))
            character.set("b", "1" if bold else "0")
            for fill in character.findall(qn("a:solidFill")):
                for child in list(fill):
                    fill.remove(child)
                _sub(fill, "a:srgbClr", val=hex_of(colour))
            for tag in ("a:latin", "a:ea", "a:cs"):
                font = character.find(qn(tag))
                if font is not None:
                    font.set("typeface", look.profile.font_family)
            spacing = level.find(qn("a:spcBef"))
            if spacing is not None:
                for child in list(spacing):
                    spacing.remove(child)
                _sub(spacing, "a:spcPts", val=0)
                gap = _sub(level, "a:spcAft")
                spacing.addnext(gap)
                _sub(gap, "a:spcPts", val=round(sizes.gap * LIST_GAP * 100))


def _theme(master, look: Look) -> None:
    """The theme's fonts and its text, page and link colours are the profile's."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    ns = {"a": _A}
    family = look.profile.font_family
    for latin in theme.xpath("//a:majorFont/a:latin | //a:minorFont/a:latin", namespaces=ns):
        latin.set("typeface", family)
    c = look.colours
    for name, colour in (("dk1", c.text), ("lt1", c.background), ("dk2", c.heading),
                         ("hlink", c.link)):
        for slot in theme.xpath(f"//a:clrScheme/a:{name}", namespaces=ns):
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{_A}}}srgbClr").set("val", hex_of(colour))
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
