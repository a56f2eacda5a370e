"""What a Word document's styles say about its paragraphs and runs, looked up once per style.

python-docx finds a paragraph's or run's style by searching the whole style
sheet (and, for the default style, every style in it) on each call: about a
millisecond each, several times for every run, so a long document took
minutes to import. :class:`DocxStyles` asks once per style and remembers.
"""

from __future__ import annotations


class DocxStyles:
    """The styles of one python-docx ``Document``, asked once per style."""

    def __init__(self, document) -> None:
        self.part = document.part
        self._names: dict[str | None, str] = {}
        self._numbering: dict[str | None, tuple[str | None, str]] = {}
        self._run_styles: dict[tuple[str | None, str], bool | None] = {}

    def _paragraph_style(self, style_id: str | None):
        from docx.enum.style import WD_STYLE_TYPE

        try:
            return self.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        except (KeyError, ValueError):
            return None

    def paragraph_name(self, paragraph) -> str:
        """The paragraph's style name in lower case ("" when it has none)."""
        style_id = paragraph._p.style
        if style_id not in self._names:
            style = self._paragraph_style(style_id)
            self._names[style_id] = (style.name or "").strip().lower() if style else ""
        return self._names[style_id]

    def numbering(self, paragraph) -> tuple[str | None, str]:
        """(numId, ilvl) from the paragraph's own numbering, else its style's."""
        own = _numbering_of(paragraph._p)
        if own is not None:
            return own
        style_id = paragraph._p.style
        if style_id not in self._numbering:
            found = None
            style = self._paragraph_style(style_id)
            while found is None and style is not None:
                found = _numbering_of(style.element)
                style = style.base_style
            self._numbering[style_id] = found or (None, "0")
        return self._numbering[style_id]

    def run_has(self, run, attribute: str) -> bool:
        """Whether a run is bold/italic/underlined: its own setting, else its character style's.

        A paragraph style's formatting (the italic of ``Quote``, the bold of a
        heading) is how that kind of paragraph looks, not emphasis, so it is
        not carried over.
        """
        value = getattr(run.font, attribute)
        if value is not None:
            return bool(value)
        key = (run._r.style, attribute)
        if key not in self._run_styles:
            from docx.enum.style import WD_STYLE_TYPE

            style = self.part.get_style(key[0], WD_STYLE_TYPE.CHARACTER)
            while value is None and style is not None:
                value = getattr(style.font, attribute)
                style = style.base_style
            self._run_styles[key] = value
        return bool(self._run_styles[key])


def _numbering_of(element) -> tuple[str, str] | None:
    """(numId, ilvl) set directly on a paragraph or style element, or None."""
    num_ids = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not num_ids:
        return None
    levels = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    return num_ids[0], levels[0] if levels else "0"
