"""Benchmark: print the course's performance figures against their targets.

    make bench                      # or: .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --only 01_neural_networks

For each chapter in _toc.yml: its execution time on this machine and the key
figures it promises (read from the values the chapter glues into its
text). Then import times: ``import dlcourse`` alone (which must not load
TensorFlow) and the modules a chapter's set-up cell imports (TensorFlow
included), the epochs of a training run killed and resumed (they must add up to
the epochs asked for), and the time of ``dlcourse.training.fit`` relative to a plain
``model.fit`` on the same model and data. Exits with 1 if any figure misses
its target.

To add a row for a new chapter, add its stem, seconds and glued figures to
CHAPTERS; each figure's target is the chapter's own assert on what it glues
(OWN_TARGETS only for figures a chapter asserts in another form).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Per chapter: the most seconds it may take on 2 CPU cores, and the glued
# figures to report. Each figure's least value is read from the chapter's own
# `assert <glued expression> >= N` (or `== N`): see asserted_targets.
CHAPTERS: dict[str, dict] = {
    "01_neural_networks": {"seconds": 45, "figures": ("test_accuracy",)},
    "02_activations": {"seconds": 45, "figures": ("moons_relu",)},
    "03_training": {"seconds": 45, "figures": ("scratch_accuracy", "gradient_digits")},
    "04_cnn": {"seconds": 60, "figures": ("aug_accuracy",)},
    "05_rnn": {"seconds": 60, "figures": ("rnn_skill",)},
    "06_gan": {"seconds": 90, "figures": ("ring_modes", "digit_present", "digit_confidence",
                                          "gan_compiled_speedup")},
    "07_applications": {"seconds": 60, "figures": ("datasets_loaded",)},
    "07a_images": {"seconds": 60, "figures": ("faces_cnn_accuracy",)},
    "07b_language": {"seconds": 60, "figures": ("best_deep_accuracy",)},
    "07c_recommendation": {"seconds": 60, "figures": ("rmse_gain",)},
    "07d_medicine_sensors": {"seconds": 60, "figures": ("test_sensitivity", "sensor_accuracy")},
    "07e_challenges": {"seconds": 60, "figures": ("clean_accuracy", "hunger_full")},
    "appendix_scaling": {"seconds": 90, "figures": (
        "single_accuracy", "mirrored_accuracy", "accuracy_margin", "pipeline_speedup")},
}
# The only least values stated here: figures a chapter asserts in another
# form than the one it glues, and targets stricter than the chapter's.
OWN_TARGETS: dict[str, float] = {
    "moons_relu": 0.97,            # 02 asserts it as relu_score
    "hunger_full": 0.95,           # 07e asserts it as network[full]
    "rnn_skill": 0.4,              # 1 - best_ratio; 05 asserts best_ratio <= 0.6
    "rmse_gain": 0.15,             # 1 - factorization / mean; 07c asserts <= 0.85 x mean
    "mirrored_accuracy": 0.9,      # appendix asserts it through the accuracy gap
    "accuracy_margin": 0.0,        # 1 - gap in points; appendix asserts gap <= 1
    "gan_compiled_speedup": 20,    # the bench wants more than the chapter's 10
}
_GLUE = re.compile(r'^glue\("(?P<name>\w+)",\s*(?P<expr>.+?),\s*display=', re.MULTILINE)
_ASSERT = re.compile(r"^assert\s+(?P<expr>.+?)\s*(?:>=|==)\s*(?P<least>[0-9][0-9_.]*)\s*(?:,|$|and\b)",
                     re.MULTILINE)
_WRAPPER = re.compile(r"^(?:float|int|np\.floor)\((?P<inner>.*)\)$")


def _unwrapped(expression: str) -> list[str]:
    """An expression and what it wraps: float(np.floor(x)) -> [that, np.floor(x), x]."""
    forms = [expression.strip()]
    while match := _WRAPPER.match(forms[-1]):
        forms.append(match["inner"].strip())
    return forms


def asserted_targets(page: Path) -> dict[str, float]:
    """The least value of each glued figure that the chapter asserts directly.

    A figure ``glue("name", expr, ...)`` gets N from a line ``assert expr >= N``
    (or ``== N``; ``expr`` may be what a float(...) or np.floor(...) wraps).
    """
    text = page.read_text(encoding="utf-8")
    asserted = {m["expr"].strip(): float(m["least"].replace("_", "")) for m in _ASSERT.finditer(text)}
    targets = {}
    for glue in _GLUE.finditer(text):
        found = [asserted[form] for form in _unwrapped(glue["expr"]) if form in asserted]
        if found:
            targets[glue["name"]] = found[0]
    return targets


def figure_targets(page: Path) -> dict[str, float | None]:
    """Each figure the bench reports for a chapter, with its least value (None: no target found)."""
    asserted = asserted_targets(page)
    names = CHAPTERS.get(page.stem, {}).get("figures", ())
    return {name: OWN_TARGETS.get(name, asserted.get(name)) for name in names}


DEFAULT_SECONDS = 60          # for a chapter without an entry above
IMPORT_SECONDS = 0.5          # import dlcourse: no TensorFlow on this path
SETUP_IMPORT_SECONDS = 6.0    # what a chapter's set-up cell imports
SETUP_IMPORTS = "import dlcourse.data, dlcourse.models, dlcourse.plotting, dlcourse.training"
FIT_OVERHEAD = 1.03
HELP_SECONDS = 1.0            # `dlcourse --help`: no TensorFlow on this path
MEMORY_RATIO = 1.5            # fit and accuracy against model.fit and model.predict, peak memory


def run_chapter(path: Path) -> tuple[float, dict[str, float], str]:
    """Execute a chapter as ``dlcourse run`` does; return seconds, glued numbers and the message."""
    from dlcourse.tools.chapters import execute_chapter, glued

    run = execute_chapter(path, root=ROOT)
    numbers = {}
    for name, text in glued(run.notebook.cells).items():
        try:
            numbers[name] = float(text)
        except ValueError:
            pass  # a glued figure or table, not a number
    return run.seconds, numbers, run.message


def import_seconds(statement: str = "import dlcourse", repeats: int = 5) -> float:
    """Best of a few fresh-process runs of an import statement."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(repeats)
    ]
    return min(runs)


def command_seconds(argv: list[str], repeats: int = 3) -> float:
    """Median wall time of running a command."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fit_overhead(repeats: int = 3, epochs: int = 30) -> tuple[float, float, float]:
    """Median seconds of plain model.fit and of dlcourse's fit, and their ratio.

    Both train the same freshly built model (same seed) on the penguins,
    with the same epochs, batch size and validation split; runs alternate so
    that drift in the machine's speed hits both alike.
    """
    from dlcourse.data import load_penguins
    from dlcourse.models import build_mlp
    from dlcourse.training import fit, set_seed

    data = load_penguins()
    settings = {"epochs": epochs, "batch_size": 32, "validation_split": 0.2}

    def fresh_model():
        set_seed(0)
        return build_mlp(data.n_features, hidden_units=(16, 8), output_units=3,
                         output_activation="softmax")

    plain, ours = [], []
    for _ in range(repeats + 1):  # the first round warms up TensorFlow
        model = fresh_model()
        start = time.perf_counter()
        model.fit(data.x_train, data.y_train, verbose=0, **settings)
        plain.append(time.perf_counter() - start)
        model = fresh_model()
        start = time.perf_counter()
        fit(model, data.x_train, data.y_train, **settings)
        ours.append(time.perf_counter() - start)
    plain_s, ours_s = statistics.median(plain[1:]), statistics.median(ours[1:])
    return plain_s, ours_s, ours_s / plain_s


# A training run for resume_after_kill: logs each finished epoch, slowly
# enough to be killed mid-way, and resumes from checkpoint_dir.
RESUME_SCRIPT = """
import sys, time
from pathlib import Path
import keras
from dlcourse.data import load_penguins
from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed
log, checkpoint, pause = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
class Log(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        log.open("a").write(f"{epoch}\\n")
        time.sleep(pause)
set_seed(0)
data = load_penguins()
model = build_mlp(data.n_features, (16,), output_units=3, output_activation="softmax")
fit(model, data.x_train, data.y_train, epochs=%d, checkpoint_dir=checkpoint, callbacks=[Log()])
"""
RESUME_EPOCHS = 8


def resume_after_kill() -> tuple[int, int]:
    """Kill a training run after a few epochs, run it again: (epochs run in all, epochs asked)."""
    import signal
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        script, log = folder / "train.py", folder / "epochs.log"
        script.write_text(RESUME_SCRIPT % RESUME_EPOCHS)
        run = [sys.executable, str(script), str(log), str(folder / "checkpoint")]
        first = subprocess.Popen(run + ["0.5"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while (not log.exists() or len(log.read_text().split()) < 3) and time.monotonic() < deadline:
            time.sleep(0.1)
        first.send_signal(signal.SIGKILL)
        first.wait()
        saved = json.loads((folder / "checkpoint" / "dlcourse-fit-state" / "training_metadata.json").read_text())["epoch"]
        log.write_text("")
        subprocess.run(run + ["0"], check=True, capture_output=True)
        return saved + len(log.read_text().split()), RESUME_EPOCHS


Row = tuple[str, str, str, bool]  # figure, value, target, whether it meets the target


def chapter_rows(only: list[str] | None) -> list[Row]:
    """Execute each chapter of _toc.yml (or those in ``only``): its time and glued figures."""
    from dlcourse.tools.book import toc_notebooks

    rows: list[Row] = []
    for page in toc_notebooks(ROOT):
        if only and page.stem not in only:
            continue
        print(f"running {page} ...", file=sys.stderr, flush=True)
        seconds, glued, message = run_chapter(ROOT / page)
        if message != "ok":
            print(f"  {message}", file=sys.stderr, flush=True)
        limit = CHAPTERS.get(page.stem, {}).get("seconds", DEFAULT_SECONDS)
        rows.append((f"{page.stem}: execution", f"{seconds:.1f} s", f"<= {limit} s", seconds <= limit))
        for name, least in figure_targets(ROOT / page).items():
            value = glued.get(name)
            shown = "missing" if value is None else f"{value:.4g}"
            target = "no target" if least is None else f">= {least:g}"
            rows.append((f"{page.stem}: {name}", shown, target,
                         None not in (value, least) and value >= least))
    return rows


def import_rows() -> list[Row]:
    """Import times, and the time of `dlcourse --help` (none of them may load TensorFlow)."""
    rows: list[Row] = []
    seconds = import_seconds()
    rows.append(("import dlcourse", f"{seconds:.3f} s", f"<= {IMPORT_SECONDS} s", seconds <= IMPORT_SECONDS))
    seconds = import_seconds(SETUP_IMPORTS, repeats=3)
    rows.append(("a chapter's set-up imports", f"{seconds:.2f} s", f"<= {SETUP_IMPORT_SECONDS} s",
                 seconds <= SETUP_IMPORT_SECONDS))
    seconds = command_seconds([sys.executable, "-m", "dlcourse", "--help"])
    rows.append(("dlcourse --help", f"{seconds:.2f} s", f"<= {HELP_SECONDS} s", seconds <= HELP_SECONDS))
    return rows


def training_rows(repeats: int) -> list[Row]:
    """Epochs across a kill and a resume, and fit against model.fit."""
    print("killing and resuming a training run ...", file=sys.stderr, flush=True)
    total, asked = resume_after_kill()
    rows: list[Row] = [("epochs run across a kill and a resume", f"{total}", f"= {asked}", total == asked)]
    print("timing fit against model.fit ...", file=sys.stderr, flush=True)
    plain_s, ours_s, ratio = fit_overhead(repeats=repeats)
    rows.append(("model.fit (penguins, 30 epochs)", f"{plain_s:.2f} s", "", True))
    rows.append(("dlcourse.training.fit, same run", f"{ours_s:.2f} s", "", True))
    rows.append(("fit / model.fit", f"{ratio:.3f}", f"<= {FIT_OVERHEAD}", ratio <= FIT_OVERHEAD))
    return rows


def memory_rows() -> list[Row]:
    """Peak memory of fit and accuracy against plain Keras on the same data, fresh processes."""
    from dlcourse.tools.memory import peak_memory

    print("measuring peak memory ...", file=sys.stderr, flush=True)
    rows: list[Row] = []
    for ours, theirs, label in (("fit", "keras-fit", "fit / model.fit"),
                                ("accuracy", "keras-predict", "accuracy / model.predict")):
        _, ours_peak = peak_memory(ours)
        _, their_peak = peak_memory(theirs)
        ratio = ours_peak / their_peak
        rows.append((f"{label}, peak memory", f"{ours_peak:.0f}/{their_peak:.0f} MiB", "", True))
        rows.append((f"{label}, peak ratio", f"{ratio:.2f}", f"<= {MEMORY_RATIO}",
                     ratio <= MEMORY_RATIO))
    return rows


def print_table(rows: list[Row]) -> None:
    """The figures, their values and targets, ok or MISSED; then the machine."""
    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure':<{width}}  {'value':>10}  {'target':>10}  status")
    print("-" * (width + 32))
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>10}  {target:>10}  {'ok' if ok else 'MISSED'}")
    print(f"\n{os.cpu_count()} CPU cores; Python {sys.version.split()[0]}")


def main(argv: list[str] | None = None) -> int:
    """Run every measure, print the table; 1 if any figure misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", metavar="CHAPTER",
                        help="chapter stems to run (default: all in _toc.yml)")
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds of the fit comparison")
    args = parser.parse_args(argv)

    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    rows = (chapter_rows(args.only) + import_rows() + training_rows(args.repeats)
            + memory_rows())
    print_table(rows)
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
