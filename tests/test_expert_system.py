"""Tests for helpers.expert_system: forward chaining over facts.

Forward chaining is checked against traces derived by hand and against a plain fixed-point
closure written here.
"""
import itertools

import numpy as np
import pytest

from helpers.expert_system import ANIMAL_RULES, PENGUIN_RULE, KnowledgeBase


# -- forward chaining --------------------------------------------------------------------------

def closure(rule_list, facts):
    """Reference: everything that follows, by applying all rules until nothing changes."""
    known = set(facts)
    while True:
        new = {r.conclusion for r in rule_list if set(r.conditions) <= known} - known
        if not new:
            return known
        known |= new


def test_tiger_trace_derived_by_hand():
    result = KnowledgeBase(ANIMAL_RULES).run({"has_hair", "eats_meat", "tawny", "black_stripes"})
    assert result.fired == ["R1", "R5", "R9"]
    assert result.derived == ["mammal", "carnivore", "tiger"]
    assert result.conflicts == []
    assert "step 3: R9 fires (carnivore and tawny and black_stripes) -> tiger" in repr(result)


def test_circular_rules_terminate():
    # R4 (flies and lays_eggs -> bird) and R12 (bird -> flies) feed each other
    result = KnowledgeBase(ANIMAL_RULES).run(["flies", "lays_eggs"])
    assert result.fired == ["R4"]
    assert result.facts == {"flies", "lays_eggs", "bird"}


def test_penguin_rule_creates_a_conflict():
    kb = KnowledgeBase(ANIMAL_RULES)
    facts = {"has_feathers", "swims", "black_and_white"}
    assert kb.run(facts).conflicts == []
    kb.add(PENGUIN_RULE)
    result = kb.run(facts)
    assert result.fired == ["R3", "R12", "R13", "R15"]
    assert result.conflicts == ["flies"]
    assert "CONFLICT" in repr(result)
    assert ("R12", "R15", "contradicts") in kb.interactions()


def test_run_reaches_the_same_facts_as_a_plain_closure():
    rng = np.random.default_rng(0)
    names = [f"f{i}" for i in range(8)]
    for trial in range(30):
        kb = KnowledgeBase()
        for i in range(int(rng.integers(1, 12))):
            conditions = rng.choice(names, size=int(rng.integers(1, 3)), replace=False)
            kb.add(f"R{i}: if {' and '.join(conditions)} then {rng.choice(names)}")
        start = set(rng.choice(names, size=2, replace=False))
        result = kb.run(start)
        assert result.facts == closure(kb.rules, start)
        assert len(result.fired) == len(set(result.fired))      # each rule fires at most once


def test_interactions_and_dependencies_counted_by_hand():
    kb = KnowledgeBase(["A: if a then b", "B: if b then c", "C: if b and c then d",
                        "D: if x then not d"])
    assert sorted(kb.interactions()) == sorted([("A", "B", "feeds"), ("A", "C", "feeds"),
                                                ("B", "C", "feeds"),
                                                ("C", "D", "contradicts")])
    assert kb.depends_on("a") == ["A", "B", "C"]
    assert kb.depends_on("x") == ["D"]
    assert KnowledgeBase(ANIMAL_RULES + (PENGUIN_RULE,)).depends_on("flies") == \
        ["R4", "R12", "R13", "R14", "R15"]


def test_interactions_match_pairwise_definition_on_the_animal_base():
    kb = KnowledgeBase(ANIMAL_RULES + (PENGUIN_RULE,))
    expected = 0
    for a, b in itertools.permutations(kb.rules, 2):
        expected += a.conclusion in b.conditions
    for a, b in itertools.combinations(kb.rules, 2):
        expected += {a.conclusion, b.conclusion} in ({"flies", "not flies"},)
    assert len(kb.interactions()) == expected == 22


def test_knowledge_base_errors():
    kb = KnowledgeBase(ANIMAL_RULES)
    with pytest.raises(TypeError, match="letter by letter"):
        kb.run("has_hair")
    with pytest.raises(ValueError, match="not a fact name"):
        kb.run({"has hair"})
    with pytest.raises(ValueError, match="already a rule named 'R1'"):
        kb.add("R1: if a then b")
    with pytest.raises(ValueError, match="cannot read the rule"):
        kb.add("R99: a implies b")
    with pytest.raises(ValueError, match="no rule named 'R42'"):
        kb.remove("R42")
    with pytest.raises(TypeError, match="must be text"):
        kb.add(42)
    removed = kb.remove("R12")
    assert removed.conclusion == "flies" and len(kb) == len(ANIMAL_RULES) - 1
    assert KnowledgeBase(["if a then b"]).rules[0].name == "R1"
