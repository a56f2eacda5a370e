"""What a Word document's page headers and footers held, to say they were left out.

A lesson has no pages, so the importer does not take a document's headers
and footers (the school's name, "Page 2", "Do not remove from the lab"); a
teacher should still hear that they were there, in case something in them
matters. :func:`headers_and_footers_note` says so in one sentence, and says
nothing when every header and footer is empty. No Qt here.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_KINDS = ("header", "first_page_header", "even_page_header",
          "footer", "first_page_footer", "even_page_footer")
_SHOWN = 3  # texts quoted in the note; the rest are counted
_LONGEST = 60  # characters of each text quoted


def headers_and_footers_note(document) -> str | None:
    """One sentence naming the non-empty headers and footers of a python-docx
    ``document`` that were left out, or None when there are none."""
    texts: list[str] = []
    kinds: set[str] = set()
    pictures = False
    for section in document.sections:
        for kind in _KINDS:
            part = getattr(section, kind)
            # A header "linked to the previous section" has no content of its own
            # (and asking for its element would add an empty one).
            if part.is_linked_to_previous:
                continue
            element = part._element
            found = [text for text in (_paragraph_text(p) for p in element.iter(f"{_W}p")
                                       if not _in_paragraph(p)) if text]
            drawn = any(True for _ in element.iter(f"{_W}drawing", f"{_W}pict"))
            if found or drawn:
                kinds.add("footer" if kind.endswith("footer") else "header")
                texts.extend(text for text in found if text not in texts)
                pictures = pictures or drawn
    if not kinds:
        return None
    both = len(kinds) == 2
    names = "page header and footer" if both else f"page {kinds.pop()}"
    quoted = [f"“{_shortened(text)}”" for text in texts[:_SHOWN]]
    if len(texts) > _SHOWN:
        quoted.append(f"{len(texts) - _SHOWN} more")
    if pictures:
        quoted.append("a picture")
    return (f"The document's {names} {'were' if both else 'was'} left out, as a "
            f"lesson has no pages ({', '.join(quoted)}); put anything pupils need from "
            f"{'them' if both else 'it'} in the lesson's text.")


def _paragraph_text(paragraph) -> str:
    """The text of a ``w:p`` as it shows, a page number field's last value included."""
    pieces = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab"):
        pieces.append((node.text or "") if node.tag == f"{_W}t" else " ")
    return " ".join("".join(pieces).split())


def _in_paragraph(paragraph) -> bool:
    """Whether a ``w:p`` is inside another (a text box's): read with the one around it."""
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag == f"{_W}p":
            return True
        parent = parent.getparent()
    return False


def _shortened(text: str) -> str:
    return text if len(text) <= _LONGEST else text[:_LONGEST - 1].rstrip() + "…"
