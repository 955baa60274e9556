"""The benchmark's report states issue 14's engine target (Sequential.fit at most 0.75x the time
of scikit-learn's MLPClassifier at the same accuracy) and judges it from the numbers given."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def run():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MACHINE = {"cpu": "test CPU", "cpu_count": 2, "python": "3.11", "numpy": "2", "blas": "blas",
           "platform": "test"}


def engine(ours_ms, sklearn_ms, ours_accuracy=0.958, sklearn_accuracy=0.960):
    def entry(ms, accuracy, ratio, low, high):
        return {"seconds_per_epoch": {"median": ms / 1000, "min": ms / 1000,
                                      "max": ms / 1000, "n": 7},
                "test_accuracy": accuracy, "ratio_to_sklearn": ratio,
                "ratio_per_round": {"median": ratio, "min": low, "max": high, "n": 7}}

    ratio = ours_ms / sklearn_ms
    return {"setup": "digits", "helpers": entry(ours_ms, ours_accuracy, ratio, ratio - 0.02,
                                                ratio + 0.03),
            "helpers (train_step loop)": entry(ours_ms, ours_accuracy, ratio, ratio, ratio),
            "scikit-learn": entry(sklearn_ms, sklearn_accuracy, 1.0, 1.0, 1.0)}


def target_line(text):
    lines = [line for line in text.splitlines() if "issue 14" in line]
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize("ours_ms, sklearn_ms, verdict", [
    (5.6, 8.5, "met (0.659x)"), (6.4, 8.5, "NOT met (0.753x)"), (6.0, 8.0, "met (0.750x)"),
    (7.6, 9.1, "NOT met (0.835x)")])
def test_the_fit_target_is_judged_from_the_ratio(run, ours_ms, sklearn_ms, verdict):
    line = target_line(run.report({"machine": MACHINE, "engine": engine(ours_ms, sklearn_ms)}))
    assert "0.75x" in line and line.endswith(verdict)


def test_a_faster_fit_that_loses_accuracy_does_not_meet_the_target(run):
    results = {"machine": MACHINE, "engine": engine(5.0, 8.5, ours_accuracy=0.90)}
    assert "NOT met" in target_line(run.report(results))


def test_the_table_shows_each_rounds_ratio(run):
    text = run.report({"machine": MACHINE, "engine": engine(5.6, 8.5)})
    row = next(line for line in text.splitlines() if line.startswith("| helpers |"))
    assert row.endswith("| 0.64–0.69 |"), row
    assert "7 round(s)" in text
