"""The package reads as the pipeline: imports point one way, and no module borrows another's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import helpers

SRC = Path(helpers.__file__).parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _imports(path: Path, known: dict[str, Path]) -> list[tuple[str, str, int, bool]]:
    """(module imported, name, line, at module level) for every ``helpers`` import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "helpers":
            for alias in node.names:
                target = f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                out.append((target, alias.name, node.lineno, id(node) in top))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "helpers":
                    out.append((alias.name, "", node.lineno, id(node) in top))
    return out


def test_no_import_cycles_between_modules():
    known = _modules()
    graph: dict[str, set[str]] = {m: set() for m in known}
    for name, path in known.items():
        for target, _, _, _ in _imports(path, known):
            if target in known and target != name and not name.startswith(target + "."):
                graph[name].add(target)  # a module importing its own package's __init__ is no edge
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in seen:
                visit(nxt, [*stack, nxt])
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node, [node])


def test_no_private_names_cross_modules():
    known = _modules()
    borrowed = [f"{path.name}:{line} imports {name} from {target}"
                for module, path in known.items() for target, name, line, _ in _imports(path, known)
                if name.startswith("_") and target != module]  # fmt: skip
    assert not borrowed, borrowed


#: The one import kept inside a function on purpose: training (torch) stays out of the run time.
LAZY = {("cli.py", "helpers.ml.finetune")}


def test_project_imports_sit_at_the_top_of_their_module():
    known = _modules()
    inside = [f"{path.relative_to(SRC)}:{line} {target}"
              for path in known.values() for target, _, line, top in _imports(path, known)
              if not top and (str(path.relative_to(SRC)), target) not in LAZY]  # fmt: skip
    assert not inside, inside
