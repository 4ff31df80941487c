"""Each guard of the pipeline, shown catching a deliberately broken page in tests/broken_examples/.

The broken project is copied into a temporary directory and the real collector runs on it (in
process, so torch is not imported again). Every check asserts the failure names the file and the
line, and says how to fix it.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

BROKEN = Path(__file__).parent / "broken_examples"


@dataclass
class Run:
    """The outcome of one inner pytest run: counts per outcome, and its terminal output."""

    outcomes: Counter
    stdout: pytest.LineMatcher
    ret: int

    def assert_outcomes(self, **expected: int) -> None:
        assert {k: v for k, v in self.outcomes.items() if v} == expected, self.stdout.str()


class _Outcomes:
    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.outcome != "passed":
            if report.when == "call" or report.skipped or report.failed:
                self.counts[report.outcome] += 1

    def pytest_deselected(self, items) -> None:
        self.counts["deselected"] += len(items)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the broken example project, as the current directory.

    Its folder is named "project" so `-k` in these tests cannot match the test's own name.
    """
    root = tmp_path / "project"
    shutil.copytree(BROKEN, root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def broken(project: Path, capsys: pytest.CaptureFixture):
    """Run the real collector on the broken project, in this process.

    (Not pytester's in-process run: it restores sys.modules afterwards, and torch's lazily
    imported submodules cannot be imported twice in one process.)
    """

    def run(*args: str) -> Run:
        outcomes = _Outcomes()
        capsys.readouterr()
        ret = pytest.main(
            [
                "-p",
                "torchsheet.pytest_plugin",
                "-p",
                "tests.standins",
                "-p",
                "no:cacheprovider",
                "-p",
                "no:unraisableexception",
                "--rootdir",
                str(project),
                "-c",
                os.devnull,
                *args,
            ],
            plugins=[outcomes],
        )
        captured = capsys.readouterr()
        output = captured.out + captured.err
        return Run(outcomes.counts, pytest.LineMatcher(output.splitlines()), int(ret))

    return run


def test_inline_code_in_a_python_block_fails_naming_the_line(broken):
    result = broken("docs/inline_block.md")
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "docs/inline_block.md:6: code written inline in a python block (lines 6, 7: "
            "'import torch' ...). Fix: move it into a section of snippets/inline_block.py *"
            '--8<-- "snippets/inline_block.py:name".'
        ]
    )
    # Said once, not once per line. Count in the failure report only: pytest's short summary
    # repeats the message (all of it where CI is set, cut to the width elsewhere).
    lines = result.stdout.lines
    cut = next((i for i, line in enumerate(lines) if "short test summary info" in line), len(lines))
    assert sum("code written inline" in line for line in lines[:cut]) == 1


def test_orphan_section_fails_naming_module_and_line(broken):
    result = broken("snippets/examples.py")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "snippets/examples.py:39: section 'orphan' is not included by any page*Fix: include it*",
            '    --8<-- "snippets/examples.py:orphan"',
        ]
    )
    # the sections that pages do include are not reported
    assert "'prints_six'" not in result.stdout.str()


def test_code_outside_sections_fails(broken, project):
    module = project / "snippets" / "examples.py"
    line = len(module.read_text().splitlines()) + 2
    module.write_text(module.read_text() + "\nprint('loose code')\n")
    result = broken("snippets/examples.py", "-k", "sections")
    result.stdout.fnmatch_lines([f"snippets/examples.py:{line}: code outside any section*Fix:*"])


def test_missing_section_and_missing_file_fail_the_tests(broken):
    result = broken("docs/missing_section.md")
    result.assert_outcomes(failed=2, skipped=2)
    result.stdout.fnmatch_lines(
        [
            "docs/missing_section.md:4: section 'no_such_section' is not in snippets/examples.py "
            "(its sections: datasets, downloads, draws, orphan, prints_six, raises, reads_numbers, warns). Fix: add*",
            "docs/missing_section.md:8: snippet file 'snippets/no_such_module.py' does not exist. Fix:*",
        ]
    )


def test_missing_section_fails_the_site_build(project):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pymdownx.snippets import SnippetMissingError

    for page in (project / "docs").glob("*.md"):
        if page.name != "missing_section.md":
            page.unlink()
    config = load_config(config_file=str(project / "mkdocs.yml"))
    with pytest.raises(SnippetMissingError, match="no_such_section"):
        build(config)


def test_wrong_output_fails_with_a_diff(broken):
    result = broken("docs/wrong_output.md")
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "docs/wrong_output.md:3 [[]cpu pass[]] -- code from snippets/examples.py, section 'prints_six'",
            "the printed output differs from the Output fence on the page:",
            "--- shown on docs/wrong_output.md (Output fence at line 8)",
            "+++ printed by the block (cpu pass)",
            "-5.0",
            "+6.0",
            "Fix: correct the recipe, or if the new output is right, run",
            "    nox -s tests -- --update-outputs docs/wrong_output.md:3",
        ]
    )


def test_update_outputs_rewrites_the_output_fence(broken, project):
    broken("docs/wrong_output.md", "--update-outputs").assert_outcomes(passed=1, skipped=1)
    assert '```text title="Output"\n6.0\n```' in (project / "docs/wrong_output.md").read_text()
    broken("docs/wrong_output.md").assert_outcomes(passed=1, skipped=1)


def test_warning_fails_the_block_naming_the_snippet_line(broken):
    result = broken("docs/warns.md")
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "the block raised 1 warning(s); readers would see them:",
            "  DeprecationWarning: this API is deprecated",
            "    raised at snippets/examples.py:12 (included by docs/warns.md:3)",
            "Fix: *",
        ]
    )


def test_network_use_fails_the_block(broken):
    result = broken("docs/network.md")
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "the block tried to reach the network (look up 'download.pytorch.org'). The tests run "
            "offline. Fix: if a reader's run downloads it, say so in the fence title*",
            "    at snippets/examples.py:18 (included by docs/network.md:3)",
        ]
    )


def test_exception_keeps_its_type_and_points_at_the_snippet_line(broken):
    result = broken("docs/raises.md")
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "docs/raises.md:3 [[]cpu pass[]] -- code from snippets/examples.py, section 'raises'",
            "Traceback (most recent call last):",
            "  snippets/examples.py:24 (included by docs/raises.md:3)",
            "    torch.zeros(2, 3).view(7)",
            "RuntimeError: shape '[[]7[]]' is invalid for input of size 6",
        ]
    )


def test_module_runs_as_a_script_and_its_failures_are_reported(broken):
    result = broken("snippets/examples.py", "--scripts")
    result.assert_outcomes(failed=2)  # [script] here, [sections] for the orphan
    result.stdout.fnmatch_lines(
        ["snippets/examples.py[[]script[]]: the block tried to reach the network*"]
    )


def test_hidden_directives_are_refused(broken, project):
    (project / "docs" / "hidden.md").write_text(
        "# Hidden\n\n<!--pytest.mark.skip-->\n```python\n"
        '--8<-- "snippets/examples.py:prints_six"\n```\n'
    )
    result = broken("docs/hidden.md")
    result.stdout.fnmatch_lines(
        [
            "docs/hidden.md:3: hidden directive '<!--pytest.mark.skip-->': readers cannot see it. Fix:*"
        ]
    )
    assert result.ret != 0


def test_every_python_fence_flavour_is_collected(broken, project):
    fences = ["python", "py", 'python title="A title"', 'python hl_lines="1"', "{.python .extra}"]
    shown = '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n6.0\n```\n\n'
    body = "".join(
        f'```{info}\n--8<-- "snippets/examples.py:prints_six"\n```\n\n{shown}' for info in fences
    )
    (project / "docs" / "flavours.md").write_text("# Flavours\n\n" + body)
    broken("docs/flavours.md").assert_outcomes(passed=5, skipped=5)


def test_continued_block_runs_after_the_one_above(broken, project):
    module = project / "snippets" / "examples.py"
    module.write_text(
        module.read_text()
        + "\n# --8<-- [start:define]\nanswer = 6 * 7\n# --8<-- [end:define]\n"
        + "\n# --8<-- [start:use]\nprint(answer)\n# --8<-- [end:use]\n"
    )
    page = project / "docs" / "continued.md"
    page.write_text(
        '# Continued\n\n```python\n--8<-- "snippets/examples.py:define"\n```\n\n'
        '```python title="Continued: print it"\n--8<-- "snippets/examples.py:use"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n42\n```\n'
    )
    broken("docs/continued.md").assert_outcomes(passed=2, skipped=2)
    # without the title, the second block runs alone, as a reader pasting it would: NameError
    page.write_text(page.read_text().replace(' title="Continued: print it"', ""))
    result = broken("docs/continued.md")
    result.assert_outcomes(passed=1, failed=1, skipped=2)
    result.stdout.fnmatch_lines(["NameError: name 'answer' is not defined"])


def test_not_run_title_skips_with_the_visible_reason(broken, project):
    (project / "docs" / "skipped.md").write_text(
        '# Skipped\n\n```bash title="Not run by the tests: installs packages"\npip install torch\n```\n'
    )
    result = broken("docs/skipped.md", "-rs")
    result.assert_outcomes(skipped=2)
    result.stdout.fnmatch_lines(["*docs/skipped.md:3: Not run by the tests: installs packages*"])


def test_blocks_start_from_fresh_torch_state(broken, project):
    module = project / "snippets" / "examples.py"
    module.write_text(
        module.read_text()
        + "\n# --8<-- [start:change_state]\nimport torch\n\ntorch.set_default_dtype(torch.float64)\n"
        "torch.set_grad_enabled(False)\n# --8<-- [end:change_state]\n"
        "\n# --8<-- [start:read_state]\nimport torch\n\nprint(torch.get_default_dtype(), "
        "torch.is_grad_enabled())\n# --8<-- [end:read_state]\n"
    )
    (project / "docs" / "state.md").write_text(
        '# State\n\n```python\n--8<-- "snippets/examples.py:change_state"\n```\n\n'
        '```python\n--8<-- "snippets/examples.py:read_state"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\ntorch.float32 True\n```\n'
    )
    broken("docs/state.md").assert_outcomes(passed=2, skipped=2)


def test_cuda_pass_is_collected_and_skipped_with_its_reason_without_a_gpu(broken):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: the CUDA pass runs for real")
    result = broken("docs/wrong_output.md", "-rs", "-m", "cuda")
    result.assert_outcomes(skipped=1, deselected=1)
    result.stdout.fnmatch_lines(["*CUDA pass: torch.cuda.is_available() is False on this machine*"])


def test_a_picture_the_block_does_not_draw_fails(broken):
    result = broken("docs/figures.md", "-m", "cpu")
    result.assert_outcomes(passed=1, failed=1, deselected=2)  # drawn.png is drawn; six.png not
    result.stdout.fnmatch_lines(
        [
            "docs/figures.md:18: the page shows figures/six.png, but the block above "
            "(docs/figures.md:9) did not write six.png. Fix: save the picture*"
        ]
    )


def test_needs_data_runs_the_maker_first_in_the_same_directory(broken):
    result = broken("docs/needs_data.md", "-m", "cpu")
    result.assert_outcomes(passed=1, failed=1, deselected=2)
    result.stdout.fnmatch_lines(
        [
            "docs/needs_data.md:12: 'Needs data: nosuch' names no data maker. Fix: use one of "
            "numbers (sections of snippets/data/tiny_datasets.py)*"
        ]
    )


def test_each_block_runs_in_its_own_scratch_directory(broken, project):
    """A file a block writes is gone for the next block: nothing leaks between blocks."""
    (project / "docs" / "scratch.md").write_text(
        '# Scratch\n\n```python\n--8<-- "snippets/examples.py:draws"\n```\n\n'
        '```python\n--8<-- "snippets/examples.py:reads_numbers"\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text title=\"Output\"\n['1']\n```\n"
    )
    result = broken("docs/scratch.md", "-m", "cpu")
    result.assert_outcomes(passed=1, failed=1, deselected=2)
    result.stdout.fnmatch_lines(["*FileNotFoundError*data/numbers.txt*"])
    assert not (project / "drawn.png").exists()


def test_a_saved_script_runs_from_the_shell_block_under_it(broken, project):
    _add_sections(project, sum_script="print(sum([1.0, 2.0, 3.0]))  # no torch: a quick process\n")
    (project / "docs" / "script.md").write_text(
        '# Script\n\n```python title="Save as: six.py"\n--8<-- "snippets/examples.py:sum_script"\n'
        '```\n\n```bash title="Continued: run it"\npython six.py\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n6.0\n```\n'
    )
    result = broken("docs/script.md", "-m", "cpu", "-rs")
    result.assert_outcomes(passed=1, skipped=1, deselected=2)
    result.stdout.fnmatch_lines(["*docs/script.md:3: the script runs in docs/script.md:7*"])


def test_update_outputs_leaves_an_example_output_alone(broken, project):
    page = project / "docs" / "example.md"
    text = (
        '# Example\n\n```python\n--8<-- "snippets/examples.py:prints_six"\n```\n\n'
        'A sample (it varies):\n\n```text title="Example output: times vary"\n6.0 in 3 us\n```\n'
    )
    page.write_text(text)
    result = broken("docs/example.md", "-m", "cpu", "--update-outputs")
    result.assert_outcomes(passed=1, deselected=1)
    assert page.read_text() == text


def test_a_failing_block_id_can_be_pasted_back_to_rerun_it(broken):
    """The id in a failure (docs/x.md:3[cpu]) selects that block; without [pass], both passes."""
    broken("docs/wrong_output.md:3[cpu]").assert_outcomes(failed=1)
    broken("docs/wrong_output.md:3").assert_outcomes(failed=1, skipped=1)


# --- chains of "Continued" blocks: what each part needs, the chain needs -----------------------


def _add_sections(project: Path, **sections: str) -> None:
    module = project / "snippets" / "examples.py"
    text = module.read_text()
    for name, code in sections.items():
        text += f"\n# --8<-- [start:{name}]\n{code}# --8<-- [end:{name}]\n"
    module.write_text(text)


def test_a_continued_chain_runs_the_data_makers_of_every_part(broken, project):
    """The first block needs data; the block that continues it needs none of its own."""
    _add_sections(project, count_numbers="print(len(file.name))\n")
    (project / "docs" / "chain_data.md").write_text(
        '# Chain\n\n```python title="Needs data: numbers"\n'
        '--8<-- "snippets/examples.py:reads_numbers"\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text title=\"Output\"\n['1', '2', '3']\n```\n\n"
        '```python title="Continued: count"\n--8<-- "snippets/examples.py:count_numbers"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n16\n```\n'
    )
    broken("docs/chain_data.md", "-m", "cpu").assert_outcomes(passed=2, deselected=2)


def test_a_shell_block_cannot_continue_plain_python(broken, project):
    """It would silently drop the Python (the shell cannot run it): refused, with the fix."""
    (project / "docs" / "chain_shell.md").write_text(
        '# Chain\n\n```python\n--8<-- "snippets/examples.py:prints_six"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n6.0\n```\n\n'
        '```bash title="Continued: and then"\necho done\n```\n'
    )
    result = broken("docs/chain_shell.md", "-m", "cpu")
    result.assert_outcomes(passed=1, failed=1, deselected=2)
    result.stdout.fnmatch_lines(
        [
            "docs/chain_shell.md:12: a shell block titled 'Continued' under a plain Python block "
            "(docs/chain_shell.md:3): the shell cannot run that Python*Fix: title the Python "
            'block "Save as: NAME.py"*'
        ]
    )


def test_a_block_continuing_a_cuda_block_is_skipped_in_the_cpu_pass(broken, project):
    """Continuing a "Needs CUDA" block needs CUDA too: the CPU pass must not run its code."""
    _add_sections(project, on_gpu="import torch\n\nx = torch.ones(2, device='cuda')\n")
    _add_sections(project, use_it="print(x.sum().item())\n")
    (project / "docs" / "chain_cuda.md").write_text(
        '# Chain\n\n```python title="Needs CUDA: a tensor on the GPU"\n'
        '--8<-- "snippets/examples.py:on_gpu"\n```\n\n'
        '```python title="Continued: sum it"\n--8<-- "snippets/examples.py:use_it"\n```\n'
    )
    result = broken("docs/chain_cuda.md", "-m", "cpu", "-rs")
    result.assert_outcomes(skipped=2, deselected=2)
    result.stdout.fnmatch_lines(
        [
            "*docs/chain_cuda.md:7 continues docs/chain_cuda.md:3, which needs CUDA "
            "(Needs CUDA: a tensor on the GPU)*"
        ]
    )


def test_unknown_directive_is_refused_naming_the_known_ones(broken, project):
    (project / "docs" / "typo.md").write_text(
        '# Typo\n\n```python title="Needs GPU: big"\n--8<-- "snippets/examples.py:prints_six"\n```\n'
    )
    result = broken("docs/typo.md", "-m", "cpu")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(
        ['*title "Needs GPU: big": "Needs GPU" is not a directive. Known: Continued, Needs CUDA*']
    )


def test_a_download_runs_after_its_stand_in(broken, project):
    """'Downloads: NAME' puts the test stand-in where the library looks before the block runs."""
    _add_sections(
        project,
        load_weights=(
            "from torchvision.models import ResNet18_Weights, resnet18\n\n"
            "model = resnet18(weights=ResNet18_Weights.DEFAULT)\n"
            "print(model.fc.out_features)\n"
        ),
    )
    (project / "docs" / "download.md").write_text(
        '# Download\n\n```python title="Downloads: ResNet18_Weights.DEFAULT"\n'
        '--8<-- "snippets/examples.py:load_weights"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n1000\n```\n'
    )
    broken("docs/download.md", "-m", "cpu").assert_outcomes(passed=1, deselected=1)
    page = project / "docs" / "download.md"
    page.write_text(page.read_text().replace(' title="Downloads: ResNet18_Weights.DEFAULT"', ""))
    result = broken("docs/download.md", "-m", "cpu")  # without the title: the network, refused
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*the block tried to reach the network*"])


def test_dataset_downloads_run_offline_on_stand_ins(broken, project):
    """`download=True` on the page; the stand-ins have the real names, formats and lengths."""
    (project / "docs" / "datasets.md").write_text(
        '# Datasets\n\n```python title="Downloads: MNIST, FashionMNIST, CIFAR10"\n'
        '--8<-- "snippets/examples.py:datasets"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n'
        "MNIST True 60000 (28, 28) 10\nMNIST False 10000 (28, 28) 10\n"
        "FashionMNIST True 60000 (28, 28) 10\nFashionMNIST False 10000 (28, 28) 10\n"
        "CIFAR10 True 50000 (32, 32) 10\nCIFAR10 False 10000 (32, 32) 10\n```\n"
    )
    broken("docs/datasets.md", "-m", "cpu").assert_outcomes(passed=1, deselected=1)
    from torchvision.datasets import cifar, utils

    assert cifar.check_integrity is utils.check_integrity  # the stand-in's patch was undone


def test_the_preview_knows_which_outputs_the_tests_verified(broken, project):
    """Passing blocks are noted in a ledger; a block whose code or output changed since is not
    in it, so `nox -s serve` flags it (overrides/hooks/preview.py)."""
    from torchsheet import verified
    from torchsheet.project import Project

    page = project / "docs" / "wrong_output.md"
    page.write_text(page.read_text().replace("5.0", "6.0"))
    assert verified.known(project) is None  # the tests never ran here: nothing to flag
    broken("docs/wrong_output.md", "-m", "cpu").assert_outcomes(passed=1, deselected=1)
    ledger = verified.known(project)
    blocks = Project(project).blocks(page)
    assert ledger and verified.unverified(blocks, ledger) == []
    page.write_text(page.read_text().replace("6.0", "7.0"))  # the shown output changed
    assert [b.id for b in verified.unverified(Project(project).blocks(page), ledger)] == [
        "docs/wrong_output.md:3"
    ]


# --- "Before torch X.Y" lines and the compatibility pass (torchsheet/compat.py) ---------------


def test_a_before_torch_block_is_skipped_on_a_newer_torch_with_its_title(broken, project):
    """What to write on an older release: skipped here (visibly), run where torch is older."""
    (project / "docs" / "before.md").write_text(
        '# Before\n\n```python title="Before torch 2.0: the old way"\n'
        '--8<-- "snippets/examples.py:prints_six"\n```\n\n'
        '```python title="Before torch 99.0: runs on any torch older than 99.0"\n'
        '--8<-- "snippets/examples.py:prints_six"\n```\n'
    )
    result = broken("docs/before.md", "-m", "cpu", "-rs")
    result.assert_outcomes(passed=1, skipped=1, deselected=2)
    result.stdout.fnmatch_lines(
        [
            "*docs/before.md:3: Before torch 2.0: the old way (for releases before 2.0; this is torch *)"
        ]
    )


def test_a_before_torch_block_shows_no_output_and_names_a_release(broken, project):
    page = project / "docs" / "before.md"
    page.write_text(
        '# Before\n\n```python title="Before torch 2.0: the old way"\n'
        '--8<-- "snippets/examples.py:prints_six"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n```text title="Output"\n6.0\n```\n'
    )
    result = broken("docs/before.md", "-m", "cpu")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(
        ["*docs/before.md:3: a 'Before torch 2.0' block shows an Output fence*Fix: remove*"]
    )
    page.write_text(page.read_text().replace("Before torch 2.0:", "Before torch:"))
    result = broken("docs/before.md", "-m", "cpu")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(
        ['*"Before torch" needs a release and what to write on older ones. Fix: *']
    )


def test_the_compat_pass_records_instead_of_failing(broken, project):
    """--compat-record: a differing output, an exception and a warning are recorded (expected
    failures naming them), keyed by the block's fingerprint; a Needs-CUDA block is skipped."""
    import json

    from torchsheet import compat

    (project / "docs" / "cuda_only.md").write_text(
        '# CUDA\n\n```python title="Needs CUDA: on the GPU"\n'
        '--8<-- "snippets/examples.py:prints_six"\n```\n'
    )
    pages = ["docs/wrong_output.md", "docs/raises.md", "docs/warns.md", "docs/cuda_only.md"]
    result = broken(*pages, "-m", "cpu", "-rxs", "--compat-record", "compat/torch-{torch}.json")
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(skipped=4, deselected=4)  # 3 expected failures, 1 skipped
    result.stdout.fnmatch_lines(["*XFAIL*docs/raises.md:3*fails: RuntimeError: shape*"])
    (written,) = (project / "compat").glob("torch-*.json")
    data = json.loads(written.read_text())
    records = {record[0]: record[1:] for record in data["blocks"].values()}
    assert records == {
        "docs/wrong_output.md:3": ["differs", "line 1: shows '5.0', prints '6.0'"],
        "docs/raises.md:3": ["fails", "RuntimeError: shape '[7]' is invalid for input of size 6"],
        "docs/warns.md:3": ["warns", "DeprecationWarning: this API is deprecated"],
        "docs/cuda_only.md:3": ["skipped", "docs/cuda_only.md:3: Needs CUDA: on the GPU"],
    }
    assert data["counts"] == {"same": 0, "differs": 1, "fails": 1, "warns": 1, "skipped": 1}
    assert data["torch"] == written.stem.removeprefix("torch-") and data["wall_s"] > 0
    # the key is what the block runs and claims: a different shown output, another key
    page = project / "docs" / "wrong_output.md"
    fingerprints = set(data["blocks"])
    page.write_text(page.read_text().replace("5.0", "6.0"))
    from torchsheet.project import Project

    (block,) = Project(project).blocks(page)
    assert compat.fingerprint(block) not in fingerprints


def test_a_block_that_prints_must_show_its_output(broken, project):
    (project / "docs" / "silent.md").write_text(
        '# Silent\n\n```python\n--8<-- "snippets/examples.py:prints_six"\n```\n\nNo output.\n'
    )
    result = broken("docs/silent.md", "-m", "cpu")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(
        ["*docs/silent.md:3: the block prints, but the page shows no output under it. Fix: add*"]
    )
