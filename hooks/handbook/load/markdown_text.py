"""Put text from the data files into generated Markdown without it turning into markup."""

from __future__ import annotations

import re

from handbook.load.markdown_scan import rewrite_prose

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
    return rewrite_prose(text, _disarm_prose)


# The math syntaxes arithmatex reads (mkdocs.yml): braces inside them are LaTeX, not markup.
_MATH = re.compile(r"(\$\$.*?\$\$|\$[^$\n]+\$|\\begin\{(\w+\*?)\}.*?\\end\{\2\})", re.DOTALL)


def _disarm_prose(prose: str) -> str:
    """No raw HTML, no links, and no attribute lists: `{onclick=...}` or `{ #term-x }` after a
    line would otherwise set an event handler or steal a glossary anchor (found by hypothesis)."""
    pieces = _MATH.split(prose)
    out = []
    for index in range(0, len(pieces), 3):  # split gives text, math, inner group, text, ...
        out.append(_no_html_or_links(pieces[index]).replace("{", "\\{"))
        if index + 1 < len(pieces):
            out.append(_no_html_or_links(pieces[index + 1]))  # math_svg unescapes the &lt;
    return "".join(out)


def _no_html_or_links(text: str) -> str:
    return text.replace("<", "&lt;").replace("[", "\\[")


def yaml_scalar(text: str) -> str:
    """Text as a single-quoted YAML scalar, for generated front matter."""
    return "'" + " ".join(text.split()).replace("'", "''") + "'"
