"""Read YAML files so that every mapping remembers the line it starts on.

Validation messages then point at `data/glossary.yml:42`, not just at the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handbook.load.build_errors import Problems


class LineDict(dict):
    """A mapping loaded from YAML, with the 1-based line where it starts."""

    line: int = 0


# libyaml (C) when PyYAML has it: about 10x faster on a large glossary.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    # Why: YAML would turn an unquoted 2022-08-22 into a date object, and an impossible one
    # such as 2022-02-30 into a bare ValueError with no line. Dates stay text; the date
    # column type checks them with a proper message.
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, display_path: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text; a syntax error becomes a Problem (with its line) and the result None.

    `first_line` is the file line the text starts on (2 for front matter after '---').
    """
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark else None
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.add(
            display_path,
            "",
            "",
            f"invalid YAML ({reason})",
            "correct the syntax near that line (indentation, quotes, a missing ':')",
            line=line,
        )
        return None


def read_yaml(path: Path, display_path: str, problems: Problems) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(
            display_path,
            "",
            "",
            "the file does not exist",
            "create it (see README, 'How the data is laid out')",
        )
        return None
    return parse_yaml(text, display_path, problems)
