"""Draw the figures that the pages' programs compute, as SVG under docs/assets/figures/.

    python tools/make_figures.py              # redraw every figure (make figures)
    python tools/make_figures.py --only gans  # one module of tools/figures/
    python tools/make_figures.py --check      # exit 1 if a committed figure is stale

Each module in tools/figures/ names a page (PAGE), the title of that page's program (CODE) and
the file it draws (SVG), and has `draw(ns, fig)`. The program is the one the suite runs and
readers download: the page's blocks with that title, joined (hooks: load/page_programs.py). It
runs here in a fresh namespace, and `draw` plots what it left in its globals, so a figure shows
what the page's code computes and nothing else.

Figures are committed, not drawn at build time: Matplotlib stays out of the build, and the
build stays as fast as before. tests/test_figures.py redraws them and fails, naming the figure,
when one no longer matches its program (a stale figure). Output is byte-for-byte reproducible
with the pinned Matplotlib and NumPy: no dates, fixed ids, text kept as text.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import runpy
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from project import PROJECT

from handbook.load.article_records import scan_article
from handbook.load.build_errors import Problems

FIGURE_MODULES = PROJECT / "tools" / "figures"
FIGURES_DIR = PROJECT / "docs" / "assets" / "figures"
DOCS = PROJECT / "docs"
FIGURE_SIZE = (6.4, 3.2)  # inches; the SVG scales to the column
STYLE = {
    "svg.fonttype": "none",  # text as <text>: small, selectable, read by screen readers
    "svg.hashsalt": "handbook",  # fixed element ids, so a redraw is byte-identical
    # Large type: on a phone the figure is about 360 px wide, so 13 pt text shows at about
    # 10 px (a tap enlarges it to 1,000 px, handbook.js).
    "font.size": 13,
    "font.family": "sans-serif",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 13,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "savefig.transparent": False,  # a white card; dark mode inverts it (handbook.css)
}


class FigureError(Exception):
    """A figure module or its program cannot be used; the message says which and how to fix."""


@dataclass(frozen=True)
class FigureSpec:
    module: str  # tools/figures/<module>.py
    page: str  # relative to docs/
    code: str  # the program's title
    svg: str  # file name under docs/assets/figures/
    draw: object

    @property
    def output(self) -> Path:
        return FIGURES_DIR / self.svg


def figure_specs(only: str | None = None) -> list[FigureSpec]:
    specs = []
    for path in sorted(FIGURE_MODULES.glob("*.py")):
        if path.stem.startswith("_") or (only and path.stem != only):
            continue
        module = _load(path)
        missing = [name for name in ("PAGE", "CODE", "SVG", "draw") if not hasattr(module, name)]
        if missing:
            raise FigureError(
                f"tools/figures/{path.name}: {', '.join(missing)} missing. Fix: define PAGE "
                "(the page, relative to docs/), CODE (its program's title), SVG (the file to "
                "write) and draw(ns, fig)."
            )
        specs.append(FigureSpec(path.stem, module.PAGE, module.CODE, module.SVG, module.draw))
    if only and not specs:
        raise FigureError(f"no module tools/figures/{only}.py")
    return specs


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"handbook_figure_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def program_source(page: str, code: str) -> str:
    """The page's program `code`, as the build reads and publishes it (load/article_records.py)."""
    path = DOCS / page
    if not path.is_file():
        raise FigureError(f"docs/{page}: no such page (named by a module in tools/figures/)")
    article = scan_article(page, path.read_text(encoding="utf-8"), Problems())
    programs = {program.name: program for program in article.programs}
    if code not in programs:
        raise FigureError(
            f'docs/{page}: no program titled "{code}". Fix: title its blocks '
            f'```python title="{code}" or correct CODE in the figure module.'
        )
    return programs[code].source


def run_program(source: str, name: str) -> dict:
    """The program's globals after it ran as a script (its assertions included)."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / name
        script.write_text(source, encoding="utf-8")
        try:
            return runpy.run_path(str(script), run_name="__main__")
        except Exception as error:  # the program's own failure, told as the program's
            frames = [
                f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(script)
            ]
            line = f" at line {frames[-1].lineno} ({frames[-1].line})" if frames else ""
            raise FigureError(
                f"{name} failed{line}: {type(error).__name__}: {error}. Fix the program on its "
                "page; pytest tests/test_page_programs.py runs it alone."
            ) from None


def render(spec: FigureSpec, namespace: dict) -> bytes:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(STYLE):
        fig = plt.figure(figsize=FIGURE_SIZE)
        try:
            spec.draw(namespace, fig)
            fig.tight_layout()  # labels inside the picture, whatever the module drew
            buffer = io.BytesIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    return compact_svg(buffer.getvalue().decode("utf-8")).encode("utf-8")


_DECIMALS = re.compile(r"(?<![\w#.])-?\d+\.\d{2,}")
_ID = re.compile(r' id="([^"]+)"')
_ATTRIBUTE = re.compile(r'(?<=\s)[\w:-]+="[^"]*"')


def compact_svg(svg: str) -> str:
    """Matplotlib's SVG without what a browser does not need: a figure counts in its page's
    100 KB budget, and this halves it. Coordinates keep one decimal (a tenth of a point on a
    460-point-wide figure), unreferenced ids, the metadata, the doctype and the indentation go,
    and text asks for the reader's sans-serif font (Matplotlib names DejaVu Sans, which few
    devices have, so browsers would fall back to a serif). Text is left exactly as drawn."""
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = _ATTRIBUTE.sub(  # in attribute values only: the text of tick labels stays exact
        lambda attribute: _DECIMALS.sub(lambda n: f"{float(n.group(0)):.1f}", attribute.group(0)),
        svg,
    )
    referenced = set(re.findall(r"#([\w.-]+)", svg))
    svg = _ID.sub(lambda match: match.group(0) if match.group(1) in referenced else "", svg)
    svg = re.sub(r"font-family: [^;\"]+", "font-family: sans-serif", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    return re.sub(r">\s+<", "><", svg).strip() + "\n"


def draw_figure(spec: FigureSpec) -> bytes:
    namespace = run_program(program_source(spec.page, spec.code), spec.code)
    return render(spec, namespace)


def shown(path: Path) -> str:
    """A path as messages name it: relative to the project when it is inside."""
    return path.relative_to(PROJECT).as_posix() if path.is_relative_to(PROJECT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one module of tools/figures/ (its name without .py)")
    parser.add_argument("--check", action="store_true", help="report stale figures, write none")
    args = parser.parse_args(argv)
    try:
        specs = figure_specs(args.only)
        stale = []
        for spec in specs:
            svg = draw_figure(spec)
            where = shown(spec.output)
            if args.check:
                if not spec.output.is_file() or spec.output.read_bytes() != svg:
                    stale.append(f"{where} (tools/figures/{spec.module}.py, docs/{spec.page})")
                continue
            FIGURES_DIR.mkdir(parents=True, exist_ok=True)
            spec.output.write_bytes(svg)
            print(f"{where}: {len(svg) / 1000:.1f} KB")
    except FigureError as error:
        print(error, file=sys.stderr)
        return 1
    if stale:
        print("Stale figures (they no longer match their page's program); run make figures:")
        print("\n".join(f"  {line}" for line in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
