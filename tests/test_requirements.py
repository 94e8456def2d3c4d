"""Every third-party package the code imports is declared: the site's in requirements/base.in, the
tests' and development tools' in requirements/dev.in (production installs base only)."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {path.parent.name for path in ROOT.glob("*/__init__.py")} | {path.stem for path in ROOT.glob("*.py")}
# Code that production never runs: it may use the development requirements.
DEV_ONLY = {"tests", "benchmarks", "demo"}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(filename):
    names = set()
    for line in (ROOT / "requirements" / filename).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[\s\[<>=!~;]", line)[0]))
    return names


def imported_modules(folder):
    """Top-level names of the absolute imports in the folder's Python files."""
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules - LOCAL - set(sys.stdlib_module_names)


def undeclared(folders, requirements):
    distributions = packages_distributions()
    missing = set()
    for folder in folders:
        for module in imported_modules(folder):
            names = {normalise(name) for name in distributions.get(module, [module])}
            if not names & requirements:
                missing.add(f"{folder.name}: {module} ({', '.join(sorted(names))})")
    return sorted(missing)


def test_the_site_imports_only_runtime_requirements():
    apps = [ROOT / name for name in sorted(LOCAL - DEV_ONLY) if (ROOT / name).is_dir()]
    assert ROOT / "nasn" in apps
    assert undeclared(apps, declared("base.in")) == []


@pytest.mark.parametrize("folder", sorted(DEV_ONLY))
def test_tests_and_tools_import_only_declared_requirements(folder):
    if not (ROOT / folder).is_dir():
        pytest.skip(f"no {folder}/ folder")
    assert undeclared([ROOT / folder], declared("base.in") | declared("dev.in")) == []
