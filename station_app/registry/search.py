"""Finding complaints again by any fragment of their text."""

from __future__ import annotations

from station_app.registry.listing import ComplaintFilter, ComplaintRow, list_complaints

DEFAULT_LIMIT = 50


def search_complaints(text: str, limit: int = DEFAULT_LIMIT) -> list[ComplaintRow]:
    """Complaints whose text contains every word of ``text``, newest first."""
    if not text.strip():
        return []
    return list_complaints(ComplaintFilter(text=text), limit=limit).rows
