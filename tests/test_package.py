"""helpers/__init__.py: what importing the package sets for the whole process.

Each check runs in a fresh Python, so that it sees the settings before and after the import."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_fresh(code):
    """Run ``code`` in a new interpreter (from the repository) and return what it printed as
    JSON."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_cycle_collector_runs_less_often_but_still_frees_cycles():
    seen = run_fresh("""
import gc, json, weakref
before = gc.get_threshold()
import helpers
after = gc.get_threshold()

class Node:
    pass

node = Node()
node.itself = node                 # a cycle: only the collector can free it
alive = weakref.ref(node)
del node
kept = [[] for _ in range(after[0] + 1000)]     # enough new objects for one collection
print(json.dumps({"before": before, "after": after, "freed": alive() is None}))
""")
    assert seen["after"][0] == max(seen["before"][0], 20_000)
    assert seen["after"][1:] == seen["before"][1:]     # the older generations as Python has them
    assert seen["freed"]


def test_a_higher_threshold_set_before_the_import_is_kept():
    seen = run_fresh("""
import gc, json
gc.set_threshold(50_000, 20, 30)
import helpers
print(json.dumps(gc.get_threshold()))
""")
    assert seen == [50_000, 20, 30]


def test_numpy_multiplies_on_one_thread():
    seen = run_fresh("""
import json
import helpers
from threadpoolctl import threadpool_info
print(json.dumps([pool["num_threads"] for pool in threadpool_info()
                  if pool["user_api"] == "blas"]))
""")
    assert seen and set(seen) == {1}
