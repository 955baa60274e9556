"""Record the scoreboard's accuracies in helpers/scores.json.

    .venv/bin/python tools/record_scores.py

Every row registered by the package is computed afresh (its models are trained with their
fixed seeds) and written down. Run it after changing a model, a data set or a row; the tests
(tests/test_scoreboard.py) fail until the recorded numbers match what the rows compute.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import scoreboard  # noqa: E402


def main():
    scores = {scoreboard.row_key(row): row.recomputed for row in scoreboard.rows()}
    old = json.loads(scoreboard.RECORDED_FILE.read_text(encoding="utf-8")) \
        if scoreboard.RECORDED_FILE.exists() else {}
    scoreboard.RECORDED_FILE.write_text(json.dumps(scores, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    changed = sorted(k for k in scores.keys() | old.keys() if scores.get(k) != old.get(k))
    print(f"recorded {len(scores)} rows in {scoreboard.RECORDED_FILE}; "
          f"{len(changed)} changed" + "".join(f"\n  {k}: {old.get(k)} -> {scores.get(k)}"
                                              for k in changed))


if __name__ == "__main__":
    main()
