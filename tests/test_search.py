"""The search index (torchsheet/search.py) and the ranking worker (search-worker.js, under Node):
fast checks, no browser and no build. The question set itself runs in tests/browser/test_search.py
(and offline with `python -m torchsheet.search_eval`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from torchsheet.project import Project
from torchsheet.search import (
    IndexPage,
    build_index,
    load_synonyms,
    percent_to_markdown,
    plain,
    slugify,
)
from torchsheet.search_eval import Question, api_answers, identifier, load_api_lookups

ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"


def test_plain_text_of_markdown():
    assert plain("Use [`torch.cat`](joining.md#cat) **now**") == "Use torch.cat now"
    assert plain("| `cat` | joins |") == "cat ; joins"
    assert plain("|---|---|") == ""
    assert plain("- `x.view(-1)` &amp; more") == "x.view(-1) & more"


def test_slugs_are_python_markdown_toc_ids():
    assert slugify("`cat`: join along an existing dimension") == (
        "cat-join-along-an-existing-dimension"
    )
    assert slugify("Trying to backward through the graph a second time") == (
        "trying-to-backward-through-the-graph-a-second-time"
    )


def test_percent_notebook_becomes_markdown():
    text = percent_to_markdown("# %% [markdown]\n# # Title\n# Some text\n\n# %%\nx = 1\n")
    assert "# Title" in text and "```python\nx = 1\n```" in text


def test_index_of_real_pages():
    project = Project(ROOT)
    pages = [
        IndexPage("tensors/joining.md", "tensors/joining/", "Join and split", "Tensors"),
        IndexPage("errors/shapes.md", "errors/shapes/", "Shape errors", "Errors and pitfalls"),
    ]
    index = build_index(project, pages, r"[\s\-]+", load_synonyms())
    docs = index["docs"]
    headings = [d["h"] for d in docs if d["p"] == 0]
    assert any("cat" in h for h in headings), headings
    assert "See also" not in headings  # links to other pages: their words are not this page's
    cat = next(d for d in docs if d["p"] == 0 and d["h"].startswith("cat"))
    assert cat["a"] == slugify(cat["h"])
    assert "torch.cat" in cat["c"] and "import torch" not in cat["c"]
    errors = " ".join(d.get("e", "") for d in docs)
    assert "mat1 and mat2 shapes cannot be multiplied" in errors  # outputs' error lines


# ---- the ranking, on a tiny index -------------------------------------------------------------

TINY = {
    "config": {
        "lang": ["en"],
        "separator": r"[\s\-]+",
        "pipeline": [],
        "fields": {},
        "torchsheet": {
            "version": 1,
            "pages": [
                ["tensors/joining/", "Join and split", "Tensors", "Join and split", 1.0],
                ["tensors/reshaping/", "Reshape and permute", "Tensors", "Reshape", 1.0],
                ["training/loop/", "The training loop", "Training", "The training loop", 1.0],
                ["errors/shapes/", "Shape errors", "Errors", "Shape errors", 1.0],
            ],
            "synonyms": [["cat", "concatenate", "join"], ["unsqueeze", "add a dimension"]],
        },
    },
    "docs": [
        {"p": 0, "a": "", "h": "", "t": "Put tensors together and cut them apart."},
        {"p": 0, "a": "cat", "h": "cat: join along a dimension", "c": "torch.cat([a, b], dim=0)"},
        {"p": 0, "a": "stack", "h": "stack: a new dimension", "c": "torch.stack([a, b])"},
        {"p": 1, "a": "", "h": "", "t": "Change the shape of a tensor."},
        {"p": 1, "a": "unsqueeze", "h": "unsqueeze", "c": "x.unsqueeze(0)"},
        {"p": 1, "a": "view", "h": "view and reshape", "c": "x.view(2, 3)\ny = x.reshape(-1)"},
        {"p": 2, "a": "", "h": "", "t": "The canonical loop."},
        {"p": 2, "a": "zero", "h": "Zero the gradients", "c": "optimizer.zero_grad()"},
        {"p": 3, "a": "", "h": "", "t": "Errors about shapes."},
        {
            "p": 3,
            "a": "mat1",
            "h": "mat1 and mat2 shapes cannot be multiplied",
            "e": "RuntimeError mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)",
        },
    ],
}

RUN = """
const { Engine, stem, terms } = require(process.argv[1])
const engine = new Engine(JSON.parse(process.argv[2]))
const out = {}
for (const q of JSON.parse(process.argv[3])) {
  const result = engine.material(q)
  out[q] = result.items.map(group => group.map(d => d.location))
}
out.__terms = terms("torch.nn.functional.one_hot CrossEntropyLoss").map(([t]) => t)
out.__stems = ["tensors", "shuffling", "normalise", "padded"].map(stem)
process.stdout.write(JSON.stringify(out))
"""


@pytest.fixture(scope="module")
def ranked():
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs)")
    queries = [
        "how to concatenate two tensors",
        "unsquezze",
        "zero_grads",
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x3136 and 784x128)",
        "add a dimension",
        "resha",
        "nothing here matches xyzzy",
    ]
    done = subprocess.run(
        [node, "-e", RUN, str(WORKER), json.dumps(TINY), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def top(ranked, query) -> str:
    return ranked[query][0][0] if ranked[query] else ""


def test_identifiers_are_indexed_whole_and_split(ranked):
    t = ranked["__terms"]
    assert {"torch.nn.functional.one_hot", "one_hot", "one", "hot"} <= set(t), t
    assert {"crossentropyloss", "cross", "entropy", "loss"} <= set(t), t


def test_stemmer(ranked):
    assert ranked["__stems"] == ["tensor", "shuffl", "normaliz", "pad"]


def test_synonyms_find_the_sites_word(ranked):
    assert top(ranked, "how to concatenate two tensors") == "tensors/joining/"
    assert top(ranked, "add a dimension") == "tensors/reshaping/"


def test_misspelled_api_names(ranked):
    assert top(ranked, "unsquezze") == "tensors/reshaping/"
    assert top(ranked, "zero_grads") == "training/loop/"


def test_a_pasted_error_finds_its_entry(ranked):
    query = "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x3136 and 784x128)"
    group = ranked[query][0]
    assert group[0] == "errors/shapes/" and "errors/shapes/#mat1" in group


def test_a_word_being_typed_is_completed(ranked):
    assert top(ranked, "resha") == "tensors/reshaping/"


def test_no_match_no_result(ranked):
    assert ranked["nothing here matches xyzzy"] == []


def test_an_api_name_is_answered_by_pages_whose_code_uses_it_whole():
    assert identifier("torch.nn.functional.grid_sample") == "grid_sample"
    assert identifier("tensor.scatter_add_") == "scatter_add_"
    code = {
        "a/": "out = x.scatter_add_(0, index, src)\nnn.LSTMCell(4, 8)",
        "b/": "x.scatter_add(0, index, src)  # concatenate\nnn.LSTM(4, 8)",
    }
    asked = [Question(q, [], False) for q in ("tensor.scatter_add_", "nn.LSTM", "cat", "nn.GRU")]
    answers = {q.q: q.answers for q in api_answers(asked, code)}
    assert answers == {"tensor.scatter_add_": ["a/"], "nn.LSTM": ["b/"], "cat": [], "nn.GRU": []}


def test_the_api_list_has_a_held_out_part_and_no_repeats():
    names = load_api_lookups()
    listed = [n.q for n in names if not n.held_out]
    held = [n.q for n in names if n.held_out]
    assert len(listed) >= 500 and len(held) >= 200, (len(listed), len(held))
    assert len(set(listed + held)) == len(listed + held), "a name is listed twice"
