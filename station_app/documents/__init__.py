"""The papers a station prints: their content as plain data, built from the database (no Qt).

The GUI lays a :class:`DocumentContent` out on A4 paper (``station_app.gui.printing``).
"""

from station_app.documents.capitals import amount_in_capitals
from station_app.documents.content import (
    ACCEPTANCE_NOTICE,
    FOLLOW_UP_RECORD,
    MEDIATION_AGREEMENT,
    NOT_ACCEPTED_NOTICE,
    OUTPUT_REASONS,
    PRINTED,
    REGISTRATION,
    SAVED_PDF,
    TERMINATION_NOTICE,
    TITLES,
    DocumentNotAvailable,
    document_content,
    document_output,
    printable_documents,
    record_printed,
)
from station_app.documents.model import (
    Block,
    Cell,
    DocumentContent,
    Paragraph,
    Seal,
    Signature,
    SignatureRow,
    Table,
)

__all__ = [
    "ACCEPTANCE_NOTICE",
    "FOLLOW_UP_RECORD",
    "MEDIATION_AGREEMENT",
    "NOT_ACCEPTED_NOTICE",
    "OUTPUT_REASONS",
    "PRINTED",
    "REGISTRATION",
    "SAVED_PDF",
    "TERMINATION_NOTICE",
    "TITLES",
    "Block",
    "Cell",
    "DocumentContent",
    "DocumentNotAvailable",
    "Paragraph",
    "Seal",
    "Signature",
    "SignatureRow",
    "Table",
    "amount_in_capitals",
    "document_content",
    "document_output",
    "printable_documents",
    "record_printed",
]
