"""Record the reference networks' weights (helpers/reference_weights.npz) and the scoreboard's
accuracies (helpers/scores.json).

    .venv/bin/python tools/record_scores.py

The reference networks that notebooks only look up are trained afresh by their recipes, then
every row registered by the package is computed (its models trained with their fixed seeds) and
written down. Run it after changing a model, a recipe, a data set or a row; the tests
(tests/test_networks.py, tests/test_scoreboard.py) fail until the records match what the code
computes.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from helpers import networks, scoreboard  # noqa: E402


def record_networks():
    arrays = {}
    for name in networks.RECORDED:
        arrays[f"{name}/recipe"] = np.array(networks.recipe_text(name))
        for i, weights in enumerate(networks.train(name).get_weights()):
            arrays[f"{name}/{i}"] = weights
    with open(networks.WEIGHTS_FILE, "wb") as file:
        np.savez_compressed(file, **arrays)
    networks.running_example_network.cache_clear()
    networks.spiral_network.cache_clear()
    networks.digits_network.cache_clear()
    print(f"recorded the weights of {', '.join(networks.RECORDED)} in {networks.WEIGHTS_FILE}")


def main():
    record_networks()
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
