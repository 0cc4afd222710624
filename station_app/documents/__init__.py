"""The papers a station prints: their content as plain data, built from the database (no Qt).

The GUI lays a :class:`DocumentContent` out on A4 paper (``station_app.gui.reports.printing``).
"""

from station_app.documents.capitals import amount_in_capitals
from station_app.documents.content import (
    OUTPUT_REASONS,
    PRINTED,
    SAVED_PDF,
    DocumentNotAvailable,
    document_content,
    document_output,
    printable_documents,
    record_printed,
)
from station_app.documents.issuer import (
    ACCEPTANCE_NOTICE,
    FOLLOW_UP_RECORD,
    KINDS_IN_ORDER,
    MEDIATION_AGREEMENT,
    MEDIATION_NOTICE,
    NOT_ACCEPTED_NOTICE,
    OFFICE_TITLES,
    REGISTRATION,
    TERMINATION_NOTICE,
    TITLES,
    Issuer,
    issuer_of,
)
from station_app.documents.model import DocumentContent  # the blocks: documents.model

__all__ = [
    "ACCEPTANCE_NOTICE",
    "FOLLOW_UP_RECORD",
    "KINDS_IN_ORDER",
    "MEDIATION_AGREEMENT",
    "MEDIATION_NOTICE",
    "NOT_ACCEPTED_NOTICE",
    "OFFICE_TITLES",
    "OUTPUT_REASONS",
    "PRINTED",
    "REGISTRATION",
    "SAVED_PDF",
    "TERMINATION_NOTICE",
    "TITLES",
    "DocumentContent",
    "DocumentNotAvailable",
    "Issuer",
    "amount_in_capitals",
    "document_content",
    "document_output",
    "issuer_of",
    "printable_documents",
    "record_printed",
]
