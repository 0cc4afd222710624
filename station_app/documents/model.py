"""What a printed document is made of, as plain data: the GUI lays it out on A4 paper.

A document is a title, a numbered reference (``<complaint number>-<doc code>``), the station's
name and a body of blocks: paragraphs, bordered form tables, a row of signature lines, the
station's seal line. A document handed to several parties (the mediation agreement) lists its
``copies``; each copy is printed on its own page with its label. The signatures and seal that end a
paper are printed on the page of the paragraph before them (:meth:`DocumentContent.closing_start`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]

BLANK_DATE = "＿＿＿＿年＿＿月＿＿日"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text; ``indent`` indents its first line by two characters."""

    text: str
    indent: bool = True
    align: Align = "left"
    bold: bool = False


@dataclass(frozen=True)
class Cell:
    """One cell of a form table. A ``label`` cell names the field beside or below it;
    ``lines`` is the least height in lines (room to write by hand)."""

    text: str = ""
    label: bool = False
    colspan: int = 1
    rowspan: int = 1
    lines: int = 1
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """A bordered form table; ``widths`` are the columns' shares of the line, in percent."""

    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class Signature:
    """A line to sign on: ``签字：_____`` with a date line beneath (``date`` pre-printed or blank)."""

    role: str
    date: str = BLANK_DATE


@dataclass(frozen=True)
class SignatureRow:
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class Seal:
    """The issuer's name with ``（盖章）`` and the date, at the right under the text."""

    organisation: str
    date: str
    note: str = ""  # a line beneath: 受委托单位：… on an office's paper


@dataclass(frozen=True)
class Chart:
    """A bar chart printed as a picture: one bar per label (``values`` in the unit's integers),
    a second bar beside each when ``compare`` is given (the previous period)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""
    series: str = ""  # the values' name in the legend
    compare: tuple[float, ...] = ()
    compare_series: str = ""


Block = Paragraph | Table | SignatureRow | Seal | Chart


@dataclass(frozen=True)
class DocumentContent:
    kind: str
    title: str
    reference: str
    station_name: str
    complaint_number: str
    body: tuple[Block, ...]
    copies: tuple[str, ...] = ()  # one copy per label, each on its own page; () = one copy
    letter: bool = False  # a notice addressed to someone (larger type), not a form
    reference_label: str = "编号："
    page_footer: str = "第 {page} 页  共 {pages} 页"  # the paper is Chinese whatever the window
    issuer_note: str = ""  # under the issuer's name: （受委托：<station>） on an office's paper
    # citations the rule set marks "verify": shown on the print preview, never printed
    verify_notes: tuple[str, ...] = ()

    def closing_start(self) -> int | None:
        """Where the closing begins: the index in ``body`` of the last paragraph before the
        signature lines and seal that end the paper. Printed, the closing stays on one page (the
        paragraph moves over with the signatures), so that no signature block stands alone on a
        page. None when the paper does not end in signatures after a paragraph."""
        end = len(self.body)
        while end and isinstance(self.body[end - 1], SignatureRow | Seal):
            end -= 1
        if end == len(self.body) or not end or not isinstance(self.body[end - 1], Paragraph):
            return None
        return end - 1

    def plain_text(self) -> str:
        """Every word the document prints (one copy), for search and tests."""
        head = [self.station_name, self.issuer_note] if self.issuer_note else [self.station_name]
        lines = [*head, self.title, self.reference, *self.copies]
        for block in self.body:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(cell.text for row in block.rows for cell in row)
            elif isinstance(block, SignatureRow):
                lines.extend(s.role for s in block.signatures)
            elif isinstance(block, Chart):
                lines.append(block.title)
            else:
                lines.extend((f"{block.organisation}（盖章）", block.date))
                if block.note:
                    lines.append(block.note)
        return "\n".join(lines)
