"""Lint .github/: workflows and issue forms against the schemas vendored in check-jsonschema
(no network), plus the project's own rules: every `make` target a workflow calls exists, and
every action is pinned to a version.

actionlint would be the usual tool, but its PyPI wrapper downloads a binary from GitHub at
install time, which fails on machines that only reach package registries.

    python tools/lint_workflows.py [.github]
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from project import PROJECT

MAKE_CALL = re.compile(r"\bmake\s+([a-z][\w-]*)")
USES = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+(\.\d+)*$")


def schema_problems(files: list[Path], schema: str) -> list[str]:
    if not files:
        return []
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True
    )
    if result.returncode == 0:
        return []
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def makefile_targets(makefile: Path) -> set[str]:
    return set(re.findall(r"^([a-zA-Z][\w-]*):", makefile.read_text(), re.MULTILINE))


def rule_problems(workflow: Path, targets: set[str]) -> list[str]:
    problems = []
    document = yaml.safe_load(workflow.read_text())
    for job_name, job in (document.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps") or [], start=1):
            where = f"{workflow.name}: job '{job_name}' step {index}"
            uses = step.get("uses")
            if uses and not USES.match(uses):
                problems.append(
                    f"{where}: action '{uses}' is not pinned to a version (owner/name@vN)"
                )
            for target in MAKE_CALL.findall(step.get("run") or ""):
                if target not in targets:
                    problems.append(f"{where}: 'make {target}' is not a target in the Makefile")
    return problems


def lint(github: Path, makefile: Path) -> list[str]:
    workflows = sorted((github / "workflows").glob("*.yml"))
    forms = sorted(
        path for path in (github / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml"
    )
    problems = schema_problems(workflows, "vendor.github-workflows")
    problems += schema_problems(forms, "vendor.github-issue-forms")
    configs = [path for path in (github / "ISSUE_TEMPLATE").glob("config.yml")]
    problems += schema_problems(configs, "vendor.github-issue-config")
    targets = makefile_targets(makefile)
    for workflow in workflows:
        problems += rule_problems(workflow, targets)
    return problems


def main(argv: list[str] | None = None) -> int:
    github = Path((argv or sys.argv[1:] or [str(PROJECT / ".github")])[0])
    problems = lint(github, PROJECT / "Makefile")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
