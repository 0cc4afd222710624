"""DESIGN.md's layers, checked on the imports themselves (``ast``), not on words.

Every module of ``station_app`` is parsed; every ``import``/``from … import`` counts, at any depth
(inside functions, ``if TYPE_CHECKING:`` blocks and ``try:`` too). The rules:

- **The window holds no storage.** A GUI module (``station_app/gui/**``) never imports
  ``station_app.store`` nor ``peewee``: it calls core functions and read models that return plain
  data.
- **The core never reaches the window.** A core module (everything in ``station_app`` outside
  ``gui/``) never imports ``station_app.gui`` nor ``PySide6``/``shiboken6``. The only exception is
  the one command that needs the window's printing, ``station document``
  (``station_app/commands/documents.py``), which imports ``station_app.gui.reports.printing`` and Qt
  inside the function that writes the PDF, so that every other command starts without Qt.
  ``station-app --selftest`` tests the window and therefore lives in the window
  (``station_app/gui/app/selftest.py``).
- **The window uses the core's public names.** A GUI module never imports a private (underscore)
  name, or a private module, of the core.
- **No circles.** The graph of imports between the modules of ``station_app`` has no circle; a
  circle is reported with the imports that tie it.

``KNOWN_EXCEPTIONS`` lists what another branch is removing right now; each entry must still be
needed (a test fails when an exception has become stale, so the list only ever shrinks).
Besides, the window holds no SQL and no openpyxl (a pattern over its lines, kept from before).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "station_app"
GUI = PACKAGE / "gui"

# the detail window is being rewritten on branch `dossier`, which removes these
KNOWN_STORE_IMPORTS_IN_GUI = frozenset({})
KNOWN_CIRCLES = frozenset({})
# core modules allowed to import the window lazily, inside a function
CORE_REACHING_GUI = frozenset({"station_app.commands.documents"})

QT_PACKAGES = ("PySide6", "shiboken6")


@dataclass(frozen=True)
class Import:
    importer: str  # module name
    target: str  # what is imported: a module, or module.name for ``from module import name``
    module: str  # the module part
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "forms" not in path.relative_to(PACKAGE).parts[:-1]
    }


def imports_of(name: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(name, alias.name, alias.name, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = name.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                found.append(Import(name, f"{module}.{alias.name}", module, node.lineno))
    return found


def all_imports() -> list[Import]:
    return [found for name, path in source_files().items() for found in imports_of(name, path)]


def is_gui(name: str) -> bool:
    return name == "station_app.gui" or name.startswith("station_app.gui.")


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def imported_module(found: Import, modules: set[str]) -> str | None:
    """The module of station_app an import loads (``from pkg import module`` loads the module)."""
    if found.target in modules:
        return found.target
    if found.module in modules:
        return found.module
    return None


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: first line}, between the modules of station_app.

    Importing ``a.b.c`` also runs ``a/__init__`` and ``a/b/__init__``: those count as imported too,
    except the packages the importer itself lives in (they are already being imported).
    """
    modules = set(source_files())
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for found in all_imports():
        target = imported_module(found, modules)
        if target is None:
            continue
        parts = target.split(".")
        for size in range(1, len(parts) + 1):
            loaded = ".".join(parts[:size])
            if loaded not in modules or loaded == found.importer:
                continue
            if size < len(parts) and within(found.importer, loaded):
                continue
            graph[found.importer].setdefault(loaded, found.line)
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def describe(component: list[str], graph: dict[str, dict[str, int]]) -> str:
    ties = [
        f"{source} -> {target} (line {graph[source][target]})"
        for source in component
        for target in sorted(graph[source])
        if target in component
    ]
    return "circle: " + "; ".join(ties)


def test_the_window_imports_no_storage() -> None:
    offenders = {
        (found.importer, found.module)
        for found in all_imports()
        if is_gui(found.importer)
        and (within(found.module, "station_app.store") or within(found.module, "peewee"))
    }
    assert sorted(offenders - KNOWN_STORE_IMPORTS_IN_GUI) == []
    stale = KNOWN_STORE_IMPORTS_IN_GUI - offenders
    assert sorted(stale) == [], "no longer needed: remove from KNOWN_STORE_IMPORTS_IN_GUI"


def test_the_core_never_imports_the_window_or_qt() -> None:
    offenders = [
        f"{found.importer}:{found.line} imports {found.module}"
        for found in all_imports()
        if not is_gui(found.importer)
        and found.importer not in CORE_REACHING_GUI
        and (
            within(found.module, "station_app.gui")
            or any(within(found.module, qt) for qt in QT_PACKAGES)
        )
    ]
    assert offenders == []


def test_the_exempt_entry_points_reach_the_window_only_inside_functions() -> None:
    for name in CORE_REACHING_GUI:
        tree = ast.parse(source_files()[name].read_text("utf-8"))
        top_level = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
        for node in top_level:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for module in names:
                assert not within(module, "station_app.gui"), f"{name}:{node.lineno}"
                assert not any(within(module, qt) for qt in QT_PACKAGES), f"{name}:{node.lineno}"


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_the_window_uses_only_public_names_of_the_core() -> None:
    offenders = [
        f"{found.importer}:{found.line} imports {found.target}"
        for found in all_imports()
        if is_gui(found.importer)
        and within(found.module, "station_app")
        and not within(found.module, "station_app.gui")
        and any(is_private(part) for part in found.target.split("."))
    ]
    assert offenders == []


def test_no_import_circles() -> None:
    graph = import_graph()
    found = circles(graph)
    unexpected = [describe(c, graph) for c in found if frozenset(c) not in KNOWN_CIRCLES]
    assert unexpected == []
    stale = KNOWN_CIRCLES - {frozenset(c) for c in found}
    assert sorted(map(sorted, stale)) == [], "no longer a circle: remove from KNOWN_CIRCLES"


# the bottom of the workflow: the states (and the finished ones) and the official calendar, which
# the registry, reports, roster and documents use; they build on nothing above them
LOW_LEVEL = {
    "station_app.workflow.states": {
        "station_app.codes",
        "station_app.errors",
        "station_app.messages",
    },
    "station_app.workflow.working_days": {"station_app.errors", "station_app.messages"},
}


def test_the_states_and_the_calendar_build_on_nothing_above_them() -> None:
    graph = import_graph()
    for name, allowed in LOW_LEVEL.items():
        above = set(graph[name]) - allowed - {"station_app", "station_app.workflow"}
        assert sorted(above) == [], name


def test_the_graph_sees_imports_inside_functions_and_finds_a_circle(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "def late():\n    from station_app.gui.reports import printing\n    import peewee\n",
        "utf-8",
    )
    found = imports_of("station_app.probe", source)
    assert [(f.target, f.line) for f in found] == [
        ("station_app.gui.reports.printing", 2),
        ("peewee", 3),
    ]
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}
    assert circles(graph) == [["a", "b", "c"]]
    assert (
        describe(["a", "b", "c"], graph)
        == "circle: a -> b (line 1); b -> c (line 2); c -> a (line 3)"
    )


def test_the_graph_knows_the_real_imports() -> None:
    graph = import_graph()
    assert "station_app.store.models" in graph["station_app.registry.complaints"]
    assert "station_app.gui.reports.printing" in graph["station_app.commands.documents"]


# peewee queries and transactions, raw SQL, and spreadsheet writing belong to the core
FORBIDDEN = re.compile(
    r"\.select\(|\.get_or_none\(|\.get_by_id\(|\.insert_many\(|execute_sql\(|\.atomic\(|"
    r"\bimport sqlite3\b|\bopenpyxl\b|\bSELECT\s|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b"
)


def test_gui_modules_hold_no_sql_and_no_openpyxl() -> None:
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        if "forms" in path.parts:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if FORBIDDEN.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_a_query() -> None:
    assert FORBIDDEN.search("rows = Complaint.select().where(Complaint.id == 1)")
    assert FORBIDDEN.search('db.execute_sql("SELECT 1")')
    assert not FORBIDDEN.search("self.table.selectRow(0)")
