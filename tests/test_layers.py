"""The sub-packages of accord import one way only: each may use those declared below it here.

A lower layer that imports a higher one (the store calling the resolver, the API importing the
pages) fails this test, so the layering of README.md ("How it works") cannot erode unseen.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "accord"

# What each sub-package may import, besides itself. `record` (the declared fact schema) and
# `lexicon` (the one loader of the bundled data files) are below everything; the resolver keeps
# its knowledge base in the store's tables; `pipeline` runs extraction (through `scale`),
# linking and writing; the pages sit above the JSON API.
ALLOWED: dict[str, set[str]] = {
    "record": set(),
    "lexicon": set(),
    "ingest": {"record"},
    "nlp": {"ingest", "lexicon", "record"},
    "relevance": {"lexicon", "nlp"},
    "extract": {"ingest", "lexicon", "nlp", "record", "relevance"},
    "eval": {"ingest", "lexicon", "record", "relevance"},
    "store": {"ingest", "record", "relevance"},
    "resolve": {"lexicon", "nlp", "record", "store"},
    "scale": {"extract", "ingest", "nlp", "record", "relevance", "resolve"},
    "pipeline": {"ingest", "record", "relevance", "resolve", "scale", "store"},
    "query": {"record", "resolve", "store"},
    "export": {"record", "store"},
    "api": {"export", "extract", "ingest", "nlp", "pipeline", "query", "record", "resolve", "store"},
    "web": {"api", "query", "resolve", "store"},
    "bench": {"extract", "ingest", "nlp", "pipeline", "query", "relevance", "scale", "store"},
    "cli": {
        "api", "bench", "eval", "export", "extract", "ingest", "pipeline",
        "query", "record", "resolve", "scale", "store", "web",
    },
}  # fmt: skip


def imported_packages(source: str, module: tuple[str, ...]) -> set[str]:
    """The accord sub-packages a module imports, at any depth (in functions, under TYPE_CHECKING).

    `module` is the module's dotted name as parts, which relative imports count up from.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            package = module[: len(module) - node.level]  # the module's own name counts as one level
            names = [".".join((*package, node.module or ""))]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        found |= {name.split(".")[1] for name in names if name.startswith("accord.")}
    return found


def package_of(path: Path) -> str:
    return path.relative_to(SOURCE).parts[0].removesuffix(".py")


def test_every_subpackage_is_declared() -> None:
    packages = {package_of(p) for p in SOURCE.glob("*") if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(ALLOWED)


def test_declared_layers_have_no_cycle() -> None:
    order: list[str] = []
    while len(order) < len(ALLOWED):
        ready = [p for p, uses in ALLOWED.items() if p not in order and uses <= set(order)]
        assert ready, f"a cycle among {sorted(set(ALLOWED) - set(order))}"
        order += sorted(ready)


def test_imports_follow_the_declared_layers() -> None:
    wrong = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.parent == SOURCE:
            continue
        package = package_of(path)
        module = path.relative_to(SOURCE.parent).with_suffix("").parts
        used_packages = imported_packages(path.read_text(encoding="utf-8"), module)
        for used in sorted(used_packages - {package} - ALLOWED[package]):
            wrong.append(f"{path.relative_to(SOURCE)} imports accord.{used}")
    assert not wrong, "\n".join(wrong)


def test_relative_and_lazy_imports_are_seen() -> None:
    source = "from ..resolve import kb\nfrom . import db\n\ndef f():\n    import accord.web.app\n"
    assert imported_packages(source, ("accord", "store", "writer")) == {"resolve", "store", "web"}
