"""The glossary's short definitions as one script, `window.hbTerms = {"term-id": "short"}`,
for the definition shown when a reader hovers, focuses or taps a glossary link.

One file for the whole site instead of an attribute on every link: it is fetched once, on the
first such gesture, and cached for every later page (about 1.3 KB less on each long article);
a script rather than JSON so that it loads from file:// in the offline edition.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from handbook.load.handbook_models import Term


def term_tips_script(terms: Iterable[Term]) -> str:
    tips = {term.anchor: term.short for term in terms}
    text = json.dumps(tips, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    safe = text.replace("</", "<\\/")  # a definition can never close the script element
    return f"window.hbTerms={safe};\n"
