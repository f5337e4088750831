"""BibTeX entries, escaped once for every writer (the pages' "Cite this page", the published
references.bib)."""

from __future__ import annotations

import re

# Characters BibTeX or LaTeX read as commands; each becomes its escaped form.
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    # Not \{ and \}: BibTeX counts braces even after a backslash, so a lone one would break
    # the entry.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group(0)], text)


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str, str]]) -> str:
    """One entry. Each field is (name, value, how): 'text' escaped; 'title' escaped and
    braced twice so styles keep its capitals; 'group' braced twice so an organisation is one
    author, not a first and last name; 'raw' as given (URLs)."""
    width = max(len(name) for name, _, _ in fields)
    lines = [f"@{kind}{{{key},"]
    for name, value, how in fields:
        if how == "raw":
            shown = f"{{{value}}}"
        elif how in ("title", "group"):
            shown = f"{{{{{escape(value)}}}}}"
        else:
            shown = f"{{{escape(value)}}}"
        lines.append(f"  {name.ljust(width)} = {shown},")
    lines.append("}")
    return "\n".join(lines) + "\n"
