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
    test_command = 'python -m pip install "nox[uv]" && python -m nox -s tests'
    assert test_command in readme and test_command in (ROOT / ".ci" / "run").read_text()
    assert test_command in (ROOT / ".github" / "workflows" / "ci.yml").read_text()


def test_the_site_is_published_from_main_only_after_every_check_passed():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    jobs = workflow["jobs"]
    deploy = jobs["deploy"]
    assert set(deploy["needs"]) == set(jobs) - {"deploy"}  # lint, tests, docs, browser
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert any("gh-pages" in step.get("run", "") for step in deploy["steps"])  # Colab reads it
    # least privilege: nothing by default, read-only jobs, one writer
    assert workflow["permissions"] == {}
    writers = {name for name, job in jobs.items() if "write" in job["permissions"].values()}
    assert writers == {"deploy"}
    # the site the deploy publishes is the one the docs job built and checked
    uploads = [s for s in jobs["docs"]["steps"] if "upload-artifact" in s.get("uses", "")]
    downloads = [s for s in deploy["steps"] if "download-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["name"] == downloads[0]["with"]["name"] == "site"


def test_actions_are_pinned_and_checkouts_keep_no_credentials():
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        workflow = yaml.safe_load(path.read_text())
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                uses = step.get("uses")
                if uses:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", uses), f"{path.name}: {uses}"
                if uses and uses.startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_pre_commit_config_is_valid_yaml():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "codespell"} <= hooks


def test_the_compat_workflow_measures_each_release_read_only():
    """Scheduled, one job per measured release (torchsheet/compat.py MEASURED), nothing written."""
    from torchsheet.compat import MEASURED

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "compat.yml").read_text())
    assert workflow_sessions("compat.yml") == {"compat"} <= nox_sessions()
    assert "schedule" in workflow[True]  # YAML 1.1 reads the key `on` as True
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert tuple(job["strategy"]["matrix"]["release"]) == MEASURED
    uploads = [s for s in job["steps"] if "upload-artifact" in s.get("uses", "")]
    assert uploads and "compat/torch-" in uploads[0]["with"]["path"]
