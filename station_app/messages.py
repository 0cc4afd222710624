"""Sentences the core shows people: Simplified Chinese templates the window can translate.

Core code never imports Qt, yet what it says (a refusal, a validation reason, a line of a roster
report, an indicator's name) reaches the window, which may be in English. So core code writes

    raise FieldError("phone", msg("手机号码应为 11 位数字，现为 {count} 位。", count=len(digits)))

``msg`` looks the literal template up through the translator the window installed with
:func:`set_translator` (Qt's, context ``"core"``), then fills in the parameters. Without one (the
``station`` command, tests of the core) the Chinese template is used as is.

Names fixed at import time (an indicator's name, a table's title) are marked with :func:`N_`, kept
in Chinese, and translated where they are shown with :func:`translate`. When the same Chinese needs
two English texts (办结 as an indicator, "Closed", and as a verb, "close it"), the mark carries a
disambiguation, ``N_("办结", "action verb")``, and so does :func:`translate` where it is shown.

``scripts/translations.py update`` collects every literal passed to ``msg`` and ``N_`` in the core
(``scripts/core_messages.py``) so that lupdate puts them in the .ts file; a template must
therefore be a string literal, not a variable or an f-string.

Text stored in the database or written to files (ledgers, printed documents, bundles, the log)
stays Chinese: it is the station's record, not the window's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

CONTEXT = "core"

Translator = Callable[[str, str | None], str]  # (template, disambiguation) -> translation

_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    """Translate core templates with ``translator`` from now on (``None``: Chinese as written)."""
    global _translator
    _translator = translator


def translate(text: str, disambiguation: str | None = None) -> str:
    """``text`` (a template marked with :func:`msg` or :func:`N_`) in the window's language."""
    if _translator is None or not text:
        return text
    return _translator(text, disambiguation) or text


def translate_name(names: Mapping[str, str], code: str | None) -> str:
    """The name ``names`` (a table of names marked with :func:`N_`) gives ``code``, in the window's
    language; a code the table does not know as it is, and no code as ``""``."""
    if not code:
        return ""
    return translate(names[code]) if code in names else code


def msg(template: str, /, **params: object) -> str:
    """The sentence ``template`` (a literal) in the window's language, with ``params`` filled in."""
    text = translate(template)
    return text.format(**params) if params else text


def N_(text: str, disambiguation: str | None = None) -> str:  # noqa: N802 - gettext's name
    """Mark ``text`` for translation where it is shown (with :func:`translate`, given the same
    ``disambiguation``, a literal, if any); returns ``text``."""
    return text
