"""Real Word lists for the Word export: bullets and numbers Word's list tools work with.

Each list in the lesson gets its own list in Word, so a numbered list starts
again at 1 rather than carrying on from the one before. The bullet is drawn
in the profile's font (not the Symbol font of Word's own bullet list, which
a computer without it shows as a box), and the number or bullet hangs 1.6 em
to the left of the text, as in the lesson view. No Qt here.
"""

from __future__ import annotations

from lessons.lesson_docx_styles import TWIPS_PER_PT, hex_of


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _child(parent, tag: str, **attributes):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), str(value))
    parent.append(element)
    return element


class Lists:
    """The lists of one python-docx ``Document``."""

    def __init__(self, document, family: str, size_pt: float, colour: str) -> None:
        self.numbering = document.part.numbering_part.element
        used = [int(a.get(_qn("w:abstractNumId")))
                for a in self.numbering.findall(_qn("w:abstractNum"))]
        first = max(used, default=-1) + 1
        indent = round(size_pt * 1.6 * TWIPS_PER_PT)
        self._abstract = {
            False: self._define(first, "bullet", "\u2022", family, indent, colour),
            True: self._define(first + 1, "decimal", "%1.", family, indent, colour),
        }

    def _define(self, number: int, kind: str, text: str, family: str, indent: int,
                colour: str) -> int:
        abstract = _child(self.numbering, "w:abstractNum", abstractNumId=number)
        _child(abstract, "w:multiLevelType", val="singleLevel")
        level = _child(abstract, "w:lvl", ilvl=0)
        _child(level, "w:start", val=1)
        _child(level, "w:numFmt", val=kind)
        _child(level, "w:lvlText", val=text)
        _child(level, "w:lvlJc", val="left")
        _child(_child(level, "w:pPr"), "w:ind", left=indent, hanging=indent)
        fonts = _child(level, "w:rPr")
        _child(fonts, "w:rFonts", ascii=family, hAnsi=family, eastAsia=family, cs=family)
        _child(fonts, "w:color", val=hex_of(colour))
        # Every abstract definition comes before the first list that uses one.
        first_num = self.numbering.find(_qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        return number

    def new_list(self, ordered: bool) -> int:
        """A new list (its ``numId``): numbered from 1, or bulleted."""
        ids = [int(n.get(_qn("w:numId"))) for n in self.numbering.findall(_qn("w:num"))]
        num_id = max(ids, default=0) + 1
        num = _child(self.numbering, "w:num", numId=num_id)
        _child(num, "w:abstractNumId", val=self._abstract[ordered])
        if ordered:
            override = _child(num, "w:lvlOverride", ilvl=0)
            _child(override, "w:startOverride", val=1)
        return num_id


def number_paragraph(paragraph, num_id: int) -> None:
    """Make ``paragraph`` an item of list ``num_id``."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id
