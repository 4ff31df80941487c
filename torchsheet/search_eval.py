"""Offline evaluation of the site's search: every question of tests/browser/search_questions.yml,
ranked by a candidate engine under Node, scored top-3 by page (the browser tests measure the same
in Chromium, through the real search box).

    python -m torchsheet.search_eval                     # torchsheet's engine on the current docs
    python -m torchsheet.search_eval --site SITE         # ... on a built site's index
    python -m torchsheet.search_eval --site SITE --engine material   # Material's own lunr worker

Only the tuned questions' misses are listed; the held-out part is reported as a figure alone
(`--show-held-out` lists its misses too: not while tuning).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "browser" / "search_questions.yml"
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"

# Runs a worker script under Node with a fake worker scope: SETUP with the index, then each query.
NODE_RUNNER = r"""
const fs = require("fs"), vm = require("vm")
const [worker, indexFile, queriesFile] = process.argv.slice(2)
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"))
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"))
let listener = null, last = null
const scope = {
  addEventListener: (type, fn) => { if (type === "message") listener = fn },
  postMessage: message => { last = message },
  console, setTimeout, clearTimeout, URL, TextDecoder, TextEncoder,
}
scope.self = scope
scope.onmessage = null
vm.createContext(scope)
vm.runInContext(fs.readFileSync(worker, "utf8"), scope)
const send = async data => {  // a worker may answer later (Material's is async)
  last = null
  ;(listener || scope.onmessage)({ data })
  for (let i = 0; last === null && i < 100000; i++) await new Promise(r => setImmediate(r))
  return last
}
;(async () => {
const started = Date.now()
await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
const setup = Date.now() - started
const out = []
for (const q of queries) {
  const t0 = process.hrtime.bigint()
  await send({ type: 2, data: q })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const items = (last && last.data && last.data.items) || []
  out.push({ ms, pages: items.map(group => {
    const page = group.find(doc => !doc.location.includes("#")) || group[0]
    return [page.location.split("#")[0], group.filter(d => d.location.includes("#"))
      .map(d => d.title.replace(/<[^>]+>/g, ""))]
  }) })
}
process.stdout.write(JSON.stringify({ setup, results: out }))
})()
"""


@dataclass
class Question:
    q: str
    answers: list[str]
    held_out: bool


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Question(i["q"], list(i["a"]), bool(i.get("held_out"))) for i in data["questions"]]


def answered_by(answer: str, url: str) -> bool:
    """An answer is a page's URL path; one that ends in / also takes the pages under it."""
    url = url.lstrip("/")
    return url == answer or (answer.endswith("/") and url.startswith(answer))


def available(question: Question, urls: set[str]) -> bool:
    return any(answered_by(a, u) for a in question.answers for u in urls)


def run_node(worker: Path, index: Path, queries: list[str]) -> dict:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise SystemExit("node is not installed: apt-get install nodejs")
    with tempfile.TemporaryDirectory() as tmp:
        runner = Path(tmp, "run.js")
        runner.write_text(NODE_RUNNER, encoding="utf-8")
        qfile = Path(tmp, "queries.json")
        qfile.write_text(json.dumps(queries), encoding="utf-8")
        done = subprocess.run(
            [node, str(runner), str(worker), str(index), str(qfile)],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout)


def material_worker(site: Path) -> Path:
    found = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not found:
        raise SystemExit(f"{site}: no Material search worker")
    return found[0]


def site_urls(index: dict) -> set[str]:
    if "torchsheet" in index.get("config", {}):
        return {p[0] for p in index["config"]["torchsheet"]["pages"]}
    return {d["location"].split("#")[0] for d in index["docs"]}


def score(questions, results, urls, show_held_out=False, top=3):
    report = {}
    for part, held in (("tuned", False), ("held-out", True)):
        asked = [(q, r) for q, r in zip(questions, results, strict=True) if q.held_out == held]
        live = [(q, r) for q, r in asked if available(q, urls)]
        hits = [
            (q, r)
            for q, r in live
            if any(answered_by(a, p) for a in q.answers for p, _ in r["pages"][:top])
        ]
        misses = [(q, r) for q, r in live if (q, r) not in hits]
        report[part] = (len(hits), len(live), len(asked) - len(live))
        print(
            f"{part}: top-{top} {len(hits)}/{len(live)} = {len(hits) / max(1, len(live)):.1%}"
            f" ({len(asked) - len(live)} pending: their pages are not on the site yet)"
        )
        if not held or show_held_out:
            for q, r in misses:
                got = ", ".join(p for p, _ in r["pages"][:3]) or "nothing"
                print(f"   miss {q.q!r}: want {' '.join(q.answers)}; got {got}")
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (its search index and worker)")
    parser.add_argument("--engine", choices=["torchsheet", "material"], default="torchsheet")
    parser.add_argument("--index", type=Path, help="an index file instead of --site's")
    parser.add_argument("--show-held-out", action="store_true")
    args = parser.parse_args(argv)

    questions = load_questions()
    with tempfile.TemporaryDirectory() as tmp:
        if args.index:
            index_file = args.index
        elif args.site:
            index_file = args.site / "search" / "search_index.json"
        else:
            from .project import Project
            from .search import (
                build_index,
                dumps,
                index_pages_from_nav,
                load_synonyms,
                site_separator,
            )

            project = Project(ROOT)
            index_file = Path(tmp, "index.json")
            index = build_index(
                project, index_pages_from_nav(project), site_separator(project), load_synonyms()
            )
            index_file.write_text(dumps(index), encoding="utf-8")
        worker = material_worker(args.site) if args.engine == "material" else WORKER
        index = json.loads(index_file.read_text(encoding="utf-8"))
        size = index_file.stat().st_size
        started = time.perf_counter()
        out = run_node(worker, index_file, [q.q for q in questions])
    urls = site_urls(index)
    print(
        f"{args.engine} engine, index {size / 1024:.0f} KB"
        f" ({len(index['docs'])} documents); setup {out['setup']} ms; "
        f"query median {sorted(r['ms'] for r in out['results'])[len(out['results']) // 2]:.2f} ms,"
        f" max {max(r['ms'] for r in out['results']):.1f} ms; total {time.perf_counter() - started:.1f} s"
    )
    score(questions, out["results"], urls, args.show_held_out)


if __name__ == "__main__":
    main()
