"""A profile's clear-print look as the styles and page of a Word document.

Everything a teacher might want to change for the whole sheet lives in a
named style (Normal, Heading 1-3, List Paragraph, Quote, Caption, Task,
Picture, Table Text and the Key Word character style), not on each
paragraph, so restyling the sheet in Word is one change. The sizes and gaps
are those of the lesson view and the PDF (widgets/lesson_document.py): headings
at 1.6, 1.35 and 1.15 times the body size, a paragraph's space after it, 40%
of that between list items and table rows.

Word's units: sizes in half-points, spacing in twentieths of a point
("twips"), border widths in eighths of a point. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.contrast import contrast_ratio
from lessons.profile import Colours, Profile

TWIPS_PER_PT = 20
EMU_PER_PT = 12700
MM_PER_PT = 25.4 / 72
A4_PT = (210 / MM_PER_PT, 297 / MM_PER_PT)
MARGIN_PT = 20 / MM_PER_PT  # 2 cm, as the PDF
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15}  # as the lesson view
KEY_WORD, TASK, PICTURE, TABLE_TEXT = "Key Word", "Task", "Picture", "Table Text"
LIST, QUOTE, CAPTION = "List Paragraph", "Quote", "Caption"
# The average width of a character of running text in a sans-serif font, in em,
# spaces included: the estimate used when no one measured the font (no Qt here).
ESTIMATED_CHAR_EM = 0.5
# In the sample text the PDF measures lines with, 11 of 62 characters are spaces.
SPACE_SHARE = 11 / 62
# The order Word requires inside a run's properties (ECMA-376 CT_RPr).
RUN_PROPERTY_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)
_THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_THEME_COLOUR_ATTRIBUTES = ("themeColor", "themeShade", "themeTint")


@dataclass(frozen=True)
class Look:
    """The numbers a profile gives a Word document (``colours`` may be print colours)."""

    profile: Profile
    colours: Colours

    @property
    def size(self) -> float:
        return self.profile.font_size_pt

    @property
    def bold_body(self) -> bool:
        """Word has bold or not: a weight of 600 (semi-bold) or more is bold."""
        return self.profile.font_weight >= 600

    @property
    def gap_pt(self) -> float:
        """The space after a paragraph, in points."""
        return self.profile.paragraph_spacing_em * self.size

    @property
    def alignment(self) -> str:
        """Left, centre or right; never justified (see lessons/lesson_docx.py)."""
        return self.profile.alignment if self.profile.alignment in ("centre", "right") else "left"

    def letter_twips(self, size_pt: float) -> int:
        """The profile's letter spacing for text of ``size_pt``, in twips."""
        return round(self.profile.letter_spacing_em * size_pt * TWIPS_PER_PT)

    def space_twips(self, size_pt: float) -> int:
        """Extra width of a space: letter plus word spacing, as Qt adds both to it."""
        em = self.profile.letter_spacing_em + self.profile.word_spacing_em
        return round(em * size_pt * TWIPS_PER_PT)

    def key_word_colours(self) -> tuple[str, str]:
        """(text colour, shading) of a key word; shading "" when not highlighted."""
        c = self.colours
        if self.profile.highlight_vocabulary:
            best = max((c.text, c.background), key=lambda x: contrast_ratio(x, c.highlight))
            return best, c.highlight
        return c.link, ""


def estimated_char_width_pt(profile: Profile) -> float:
    """A line-length estimate without measuring the font: average character width, in points."""
    em = ESTIMATED_CHAR_EM + profile.letter_spacing_em + profile.word_spacing_em * SPACE_SHARE
    return em * profile.font_size_pt


def text_width_pt(profile: Profile, char_width_pt: float) -> float:
    """How wide the text column is: the page less 2 cm margins, or less for the line length."""
    width = A4_PT[0] - 2 * MARGIN_PT
    if profile.max_line_chars > 0:
        width = min(width, profile.max_line_chars * char_width_pt)
    return width


def hex_of(colour: str) -> str:
    """``#1a2b3c`` as Word writes it: ``1A2B3C``."""
    return colour.lstrip("#").upper()


# ----- low-level run and paragraph properties ------------------------------------------------


def _element(tag: str, **attributes):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def set_run_child(rPr, tag: str, **attributes) -> None:  # noqa: N803 - Word's name
    """Put ``<tag attributes/>`` in a run's properties, in the order Word requires."""
    old = rPr.find(_qn(tag))
    if old is not None:
        rPr.remove(old)
    later = RUN_PROPERTY_ORDER[RUN_PROPERTY_ORDER.index(tag) + 1:]
    rPr.insert_element_before(_element(tag, **attributes), *later)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def set_fonts(rPr, family: str) -> None:  # noqa: N803 - Word's name
    """Ask for ``family`` for every script, dropping the theme fonts that would win over it."""
    fonts = rPr.get_or_add_rFonts()
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(_qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_qn(f"w:{attribute}"), family)


def set_colour(rPr, colour: str) -> None:  # noqa: N803 - Word's name
    """The text colour; a theme colour would override it in Word, so none is kept."""
    set_run_child(rPr, "w:color", val=hex_of(colour))


def _character(rPr, look: Look, size_pt: float, colour: str, bold: bool) -> None:  # noqa: N803
    """Font, size, weight, colour and letter spacing; never italic, underlined or capitals."""
    set_fonts(rPr, look.profile.font_family)
    for tag in ("w:b", "w:bCs"):
        set_run_child(rPr, tag, val="1" if bold else "0")
    for tag in ("w:i", "w:iCs", "w:caps", "w:smallCaps"):
        set_run_child(rPr, tag, val="0")
    set_colour(rPr, colour)
    set_run_child(rPr, "w:spacing", val=look.letter_twips(size_pt))
    half_points = round(size_pt * 2)
    set_run_child(rPr, "w:sz", val=half_points)
    set_run_child(rPr, "w:szCs", val=half_points)
    set_run_child(rPr, "w:u", val="none")


# ----- styles ----------------------------------------------------------------------------


def _style(document, name: str, kind: str = "paragraph"):
    """The style called ``name``, added (based on Normal) when the template has none."""
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles[name]
    except KeyError:
        style_type = WD_STYLE_TYPE.CHARACTER if kind == "character" else WD_STYLE_TYPE.PARAGRAPH
        style = document.styles.add_style(name, style_type)
        if kind == "paragraph":
            style.base_style = document.styles["Normal"]
        style.quick_style = True
        return style


def _paragraph(style, look: Look, *, before: float = 0.0, after: float | None = None,
               indent_pt: float = 0.0, alignment: str | None = None,
               line: float | None = None, keep_with_next: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(look.gap_pt if after is None else after)
    # Word's "Multiple" line spacing (1.5 lines), what teachers know and what the BDA
    # means by 1.5; Word's single line is a little more than the font size, so the
    # lines are never closer than the profile asks.
    fmt.line_spacing = look.profile.line_height if line is None else line
    fmt.left_indent = Pt(indent_pt)
    fmt.first_line_indent = Pt(0)
    fmt.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT}[alignment or look.alignment]
    fmt.keep_with_next = keep_with_next
    contextual = style.element.pPr.find(_qn("w:contextualSpacing"))
    if contextual is not None:  # it would take away the space between list items
        style.element.pPr.remove(contextual)


def apply_styles(document, look: Look) -> None:
    """Restyle ``document`` (fresh from lessons.word_document) for ``look``."""
    styles = document.styles.element
    for fonts in styles.iter(_qn("w:rFonts")):
        for attribute in _THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(_qn(f"w:{attribute}"), None)
    for colour in styles.iter(_qn("w:color")):
        for attribute in _THEME_COLOUR_ATTRIBUTES:
            colour.attrib.pop(_qn(f"w:{attribute}"), None)
    c, size = look.colours, look.size
    defaults = styles.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    set_fonts(defaults, look.profile.font_family)

    normal = document.styles["Normal"]
    _character(normal.element.get_or_add_rPr(), look, size, c.text, look.bold_body)
    _paragraph(normal, look)
    for level, scale in HEADING_SCALE.items():
        heading = document.styles[f"Heading {level}"]
        _character(heading.element.get_or_add_rPr(), look, size * scale, c.heading, True)
        gap = look.gap_pt
        _paragraph(heading, look, before=gap * 0.75 * scale, after=gap * 0.5,
                   keep_with_next=True)
    _paragraph(_style(document, LIST), look, after=look.gap_pt * 0.4)
    _paragraph(_style(document, TABLE_TEXT), look, after=look.gap_pt * 0.4)
    for name in (TASK, QUOTE):
        style = _style(document, name)
        _character(style.element.get_or_add_rPr(), look, size, c.text, look.bold_body)
        _paragraph(style, look, indent_pt=size * 1.5)
    caption = _style(document, CAPTION)
    _character(caption.element.get_or_add_rPr(), look, size, c.text, look.bold_body)
    _paragraph(caption, look, alignment="centre")
    # A picture's line is the picture: "1.5 lines" would put half a picture of space above it.
    _paragraph(_style(document, PICTURE), look, after=look.gap_pt * 0.25, alignment="centre",
               line=1.0, keep_with_next=True)
    _key_word_style(document, look)
    _table_grid(document, look)


def _key_word_style(document, look: Look) -> None:
    """Key words are bold, and marked by more than colour: the view's dotted underline or
    the profile's highlight."""
    style = _style(document, KEY_WORD, kind="character")
    rPr = style.element.get_or_add_rPr()  # noqa: N806 - Word's name
    for tag in ("w:b", "w:bCs"):
        set_run_child(rPr, tag, val="1")
    colour, shading = look.key_word_colours()
    set_colour(rPr, colour)
    if shading:
        set_run_child(rPr, "w:shd", val="clear", color="auto", fill=hex_of(shading))
    elif not look.profile.suppress_underline:
        set_run_child(rPr, "w:u", val="dotted")


def _table_grid(document, look: Look) -> None:
    """Table Grid's lines in the text colour (black lines vanish on a black page)."""
    style = document.styles["Table Grid"]
    p_pr = style.element.find(_qn("w:pPr"))
    if p_pr is not None:  # Table Text sets the spacing inside tables
        style.element.remove(p_pr)
    eighths = max(4, min(48, round(max(0.75, look.size / 12) * 8)))
    for border in style.element.iter(_qn("w:tblBorders")):
        for line in border:
            line.set(_qn("w:color"), hex_of(look.colours.text))
            line.set(_qn("w:sz"), str(eighths))
    padding = round(look.size * 0.4 * TWIPS_PER_PT)
    for margins in style.element.iter(_qn("w:tblCellMar")):
        for side in margins:
            side.set(_qn("w:w"), str(padding))


# ----- the page ------------------------------------------------------------------------------


def apply_page(document, look: Look, width_pt: float) -> None:
    """A4 margins that centre a ``width_pt`` text column; the page colour; "Page 1 of 3"."""
    from docx.shared import Pt

    side = (A4_PT[0] - width_pt) / 2
    for section in document.sections:
        section.left_margin = section.right_margin = Pt(side)
        section.top_margin = section.bottom_margin = Pt(MARGIN_PT)
        section.header_distance = section.footer_distance = Pt(MARGIN_PT / 2)
        _footer(section, look)
    background = _element("w:background", color=hex_of(look.colours.background))
    document.element.insert(0, background)
    # Word shows the page colour only when the settings say so (it never prints it
    # unless "Print background colours and images" is ticked in its options).
    settings = document.settings.element
    zoom = settings.find(_qn("w:zoom"))
    shape = _element("w:displayBackgroundShape")
    if zoom is not None:
        zoom.addnext(shape)
    else:
        settings.insert(0, shape)


def _footer(section, look: Look) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Normal's gaps would make the footer tall enough to push the text up.
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    size = Pt(max(9.0, min(14.0, look.size * 0.75)))  # as the PDF's footer
    parts = ("Page ", "PAGE", " of ", "NUMPAGES")
    for index, part in enumerate(parts):
        if index % 2 == 0:
            paragraph.add_run(part).font.size = size
            continue
        field = _element("w:fldSimple", instr=f" {part} ")
        run = paragraph.add_run("1")  # what shows until Word works the number out
        run.font.size = size
        field.append(run._r)
        paragraph._p.append(field)
