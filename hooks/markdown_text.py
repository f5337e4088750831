"""Put text from the data files into generated Markdown without it turning into markup."""

from __future__ import annotations

import re

from markdown_scan import rewrite_prose

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|$])")


# Control characters never belong in prose, and Python-Markdown uses two of them (STX, ETX)
# to mark its placeholders: one in a term name made its heading vanish (found by hypothesis).
# Validation rejects them (field_reader.py); removing them here keeps generated pages whole.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_markdown(text: str) -> str:
    """Plain data text (a name, a title) shown literally in Markdown."""
    text = (
        " ".join(CONTROL_CHARACTER.sub("", text).split()).replace("&", "&amp;").replace("<", "&lt;")
    )
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def inert_markdown(text: str) -> str:
    """Markdown from data, with raw HTML and links disarmed: emphasis, code and math still work.

    Definitions are written by contributors; a `<script>` or `[x](javascript:...)` in one must
    reach the reader as text, never as markup.
    """
    text = CONTROL_CHARACTER.sub("", text)
    return rewrite_prose(text, lambda prose: prose.replace("<", "&lt;").replace("[", "\\["))


def yaml_scalar(text: str) -> str:
    """Text as a single-quoted YAML scalar, for generated front matter."""
    return "'" + " ".join(text.split()).replace("'", "''") + "'"
