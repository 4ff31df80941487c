"""Offline evaluation of the site's search: every question of tests/browser/search_questions.yml,
ranked by a candidate engine under Node, scored top-3 by page (the browser tests measure the same
in Chromium, through the real search box).

    python -m torchsheet.search_eval                     # torchsheet's engine on the current docs
    python -m torchsheet.search_eval --site SITE         # ... on a built site's index
    python -m torchsheet.search_eval --site SITE --engine material   # Material's own lunr worker

Only the tuned questions' misses are listed; the held-out part is reported as a figure alone
(`--show-held-out` lists its misses too: not while tuning).

    python -m torchsheet.search_eval --apis              # API names (tests/browser/api_lookups.txt)

`--apis` asks for each API name a practitioner types and reports two figures per part (listed and
held out): coverage, the names some page's code uses at all, and findability, those of them whose
top 3 results hold a page that uses them. The answers are computed from the pages' code
(`api_answers`), so a recipe added later counts without editing the list.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "browser" / "search_questions.yml"
API_LOOKUPS = ROOT / "tests" / "browser" / "api_lookups.txt"
HELD_OUT_MARK = "# --- held out"
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


def load_api_lookups(path: Path = API_LOOKUPS) -> list[Question]:
    """The API names, one per line; those after the held-out mark are held out. Their answers
    are filled in by `api_answers`."""
    names, held = [], False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith(HELD_OUT_MARK):
            held = True
        if line and not line.startswith("#"):
            names.append(Question(line, [], held))
    return names


def identifier(name: str) -> str:
    """What a page's code must use for it to answer an API name: its last dotted part."""
    return name.rstrip("()").split(".")[-1]


def code_by_page(project) -> dict[str, str]:
    """Each nav page's code (its blocks, or a walkthrough's source), by URL path."""
    from .search import index_pages_from_nav

    code = {}
    for page in index_pages_from_nav(project):
        path = project.docs / page.src
        if path.suffix == ".md":
            code[page.url] = "\n".join(b.code for b in project.read_quietly(path))
        else:
            code[page.url] = path.read_text(encoding="utf-8")
    return code


def api_answers(questions: list[Question], code: dict[str, str]) -> list[Question]:
    """Each API name with the pages whose code uses its identifier as a whole word."""
    answered = []
    for question in questions:
        word = re.compile(rf"(?<!\w){re.escape(identifier(question.q))}(?!\w)")
        pages = [url for url, text in code.items() if word.search(text)]
        answered.append(Question(question.q, pages, question.held_out))
    return answered


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


def api_score(questions, results, top=3, show_held_out=False):
    """Coverage (some page uses the name) and top-3 findability of the covered names, per part."""
    report = {}
    for part, held in (("listed", False), ("held-out", True)):
        asked = [(q, r) for q, r in zip(questions, results, strict=True) if q.held_out == held]
        shown = [(q, r) for q, r in asked if q.answers]
        found = [(q, r) for q, r in shown if any(p in q.answers for p, _ in r["pages"][:top])]
        report[part] = (len(asked), len(shown), len(found))
        print(
            f"API names, {part}: {len(shown)}/{len(asked)} = {len(shown) / max(1, len(asked)):.1%}"
            f" used in some page's code; of those, {len(found)}/{len(shown)} ="
            f" {len(found) / max(1, len(shown)):.1%} with such a page in the top {top}"
        )
        if not held or show_held_out:
            missing = [q.q for q, _ in asked if not q.answers]
            if missing:
                print("   on no page:", " ".join(missing))
            for q, r in shown:
                if (q, r) not in found:
                    got = ", ".join(p for p, _ in r["pages"][:top]) or "nothing"
                    print(f"   miss {q.q!r}: used on {' '.join(q.answers[:4])}; got {got}")
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (its search index and worker)")
    parser.add_argument("--engine", choices=["torchsheet", "material"], default="torchsheet")
    parser.add_argument("--index", type=Path, help="an index file instead of --site's")
    parser.add_argument("--show-held-out", action="store_true")
    parser.add_argument("--apis", action="store_true", help="API names instead of questions")
    args = parser.parse_args(argv)

    if args.apis:
        from .project import Project

        questions = api_answers(load_api_lookups(), code_by_page(Project(ROOT)))
    else:
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
    if args.apis:
        api_score(questions, out["results"], show_held_out=args.show_held_out)
    else:
        score(questions, out["results"], urls, args.show_held_out)


if __name__ == "__main__":
    main()
