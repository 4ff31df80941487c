"""CI definitions stay in step: the GitHub workflows are valid YAML and run the same nox
sessions as .ci/run, and every session they name exists in noxfile.py."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SESSION = re.compile(r"\bnox (?:-R )?-s (\w+)")


def nox_sessions() -> set[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(d) for d in node.decorator_list)
    }


def workflow_sessions(name: str) -> set[str]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    assert workflow["jobs"], f"{name}: no jobs"
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    return {m for run in runs for m in SESSION.findall(run)}


def test_workflows_run_the_same_sessions_as_ci_run():
    ci_run = set(SESSION.findall((ROOT / ".ci" / "run").read_text()))
    assert ci_run == {"tests", "docs", "lint", "browser"}
    assert workflow_sessions("ci.yml") == ci_run
    assert workflow_sessions("gpu.yml") == {"tests"}
    assert ci_run <= nox_sessions()


def test_readme_names_existing_sessions_and_ci_runs_its_test_command():
    readme = (ROOT / "README.md").read_text()
    assert set(SESSION.findall(readme)) <= nox_sessions()
    test_command = "python -m pip install nox && python -m nox -s tests"
    assert test_command in readme and test_command in (ROOT / ".ci" / "run").read_text()


def test_pre_commit_config_is_valid_yaml():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "codespell"} <= hooks
