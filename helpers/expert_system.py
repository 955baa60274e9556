"""Symbolic AI on facts: a tiny forward-chaining expert system.

The expert systems of the 1970s and 1980s (MYCIN, XCON, ...) held an expert's know-how as
if-then rules over named facts: "if mammal and eats_meat then carnivore". A
:class:`KnowledgeBase` holds such rules; :meth:`KnowledgeBase.run` applies them again and again
to the facts it is given until nothing new follows (*forward chaining*) and returns an
:class:`Inference` with a trace of which rule fired when, and any contradictions. Notebook 01 uses
it to show why such systems become hard to maintain as rules are added.

Rules over numbers (a classifier a person writes) are in ``helpers.rule_lists``.
"""
import re
from dataclasses import dataclass

from .i18n import _

__all__ = ["Implication", "KnowledgeBase", "Inference", "ANIMAL_RULES", "PENGUIN_RULE"]

_FACT = re.compile(r"^(not )?[A-Za-z_][A-Za-z0-9_]*$")


def _fact(text, where):
    if not isinstance(text, str):
        raise TypeError(_("{where}: a fact must be a string such as 'has_hair', got {type}.")
                        .format(where=where, type=type(text).__name__))
    text = " ".join(text.split())
    if not _FACT.match(text):
        raise ValueError(_("{where}: {fact!r} is not a fact name; use one word made of "
                           "letters, digits and _, such as 'has_hair', optionally preceded by "
                           "'not '.").format(where=where, fact=text))
    return text


def _negation(fact):
    return fact[4:] if fact.startswith("not ") else "not " + fact


@dataclass(frozen=True)
class Implication:
    """A named rule over facts: if all ``conditions`` are known, conclude ``conclusion``."""

    name: str
    conditions: tuple
    conclusion: str

    def text(self):
        """The rule in the words :meth:`KnowledgeBase.add` reads (always English: data)."""
        return f"{self.name}: if {' and '.join(self.conditions)} then {self.conclusion}"

    def shown(self):
        """The rule as a learner reads it, in the language the package speaks."""
        return f"{self.name}: " + _("if {conditions} then {label}").format(
            conditions=_and(self.conditions), label=self.conclusion)


def _and(facts):
    """Facts joined with "and", in the language the package speaks."""
    facts = list(facts)
    text = facts[0] if facts else ""
    for fact in facts[1:]:
        text = _("{first} and {second}").format(first=text, second=fact)
    return text


def _rule_where(name):
    return _("rule {name}").format(name=name)


_IMPLICATION = re.compile(r"^\s*(?:(?P<name>[A-Za-z0-9_]+)\s*:\s*)?if\s+(?P<when>.+?)\s+then\s+"
                          r"(?P<then>.+?)\s*$", re.IGNORECASE)


class Inference:
    """What one run of a :class:`KnowledgeBase` found: facts, the firing trace, conflicts."""

    def __init__(self, given, trace):
        self.given = tuple(given)
        self.trace = list(trace)          # (rule, conclusion) in the order they fired
        self.facts = set(self.given) | {fact for _, fact in self.trace}

    @property
    def fired(self):
        """Names of the rules that fired, in order."""
        return [rule.name for rule, _ in self.trace]

    @property
    def derived(self):
        """The new facts, in the order they were concluded."""
        return [fact for _, fact in self.trace]

    @property
    def conflicts(self):
        """Facts concluded both ways (``f`` and ``not f``), sorted."""
        return sorted(f for f in self.facts if not f.startswith("not ") and "not " + f in
                      self.facts)

    def __repr__(self):
        given = ", ".join(self.given) if self.given else _("(nothing)")
        lines = [_("given: {facts}").format(facts=given)]
        for step, (rule, fact) in enumerate(self.trace, start=1):
            lines.append(_("step {step}: {rule} fires ({conditions}) -> {fact}").format(
                step=step, rule=rule.name, conditions=_and(rule.conditions), fact=fact))
        if not self.trace:
            lines.append(_("no rule fires"))
        for fact in self.conflicts:
            lines.append(_("CONFLICT: both {fact!r} and 'not {name}' were concluded")
                         .format(fact=fact, name=fact))
        return "\n".join(lines)


class KnowledgeBase:
    """If-then rules over facts, used by forward chaining.

    :meth:`run` starts from the given facts and repeats one step: find the first rule (in the
    order the rules were added) whose conditions are all known and whose conclusion is new, and
    add that conclusion. It stops when no rule adds anything. A fact ``"not f"`` is an ordinary
    fact; knowing both ``f`` and ``not f`` is reported as a conflict.
    """

    def __init__(self, rules=()):
        self.rules = []
        if isinstance(rules, (str, Implication)):
            rules = [rules]
        for rule in rules:
            self.add(rule)

    def add(self, rule):
        """Add a rule, as text (``"R1: if has_hair then mammal"``) or an :class:`Implication`."""
        if isinstance(rule, str):
            match = _IMPLICATION.match(rule)
            if match is None:
                raise ValueError(_("cannot read the rule {rule!r}; write it as 'NAME: if FACT "
                                   "and FACT then FACT', e.g. 'R1: if has_hair then mammal'.")
                                 .format(rule=rule))
            name = match["name"] or f"R{len(self.rules) + 1}"
            conditions = re.split(r"\s+and\s+", match["when"].strip(), flags=re.IGNORECASE)
            rule = Implication(name, tuple(_fact(c, _rule_where(name)) for c in conditions),
                               _fact(match["then"], _rule_where(name)))
        elif isinstance(rule, Implication):
            rule = Implication(rule.name, tuple(_fact(c, _rule_where(rule.name))
                                                for c in rule.conditions),
                               _fact(rule.conclusion, _rule_where(rule.name)))
        else:
            raise TypeError(_("a rule must be text like 'R1: if has_hair then mammal', got "
                              "{type}.").format(type=type(rule).__name__))
        if any(r.name == rule.name for r in self.rules):
            raise ValueError(_("there is already a rule named {name!r}; give the new rule "
                               "another name.").format(name=rule.name))
        self.rules.append(rule)
        return self

    def remove(self, name):
        """Delete the rule called ``name`` and return it."""
        for i, rule in enumerate(self.rules):
            if rule.name == name:
                return self.rules.pop(i)
        raise ValueError(_("there is no rule named {name!r}; the rules are {names}.")
                         .format(name=name, names=", ".join(r.name for r in self.rules)))

    def __len__(self):
        return len(self.rules)

    def run(self, facts):
        """Forward-chain from ``facts`` (a set or list of strings); returns an Inference.

        Every step adds a new fact and there are only as many possible conclusions as rules, so
        the loop always stops, even when rules feed each other in a circle.
        """
        if isinstance(facts, str) or not hasattr(facts, "__iter__"):
            raise TypeError(_("facts must be a set or list of strings, e.g. {{'has_hair', "
                              "'eats_meat'}} (a single string would be read letter by "
                              "letter).").format())
        given = []
        for fact in facts:
            fact = _fact(fact, "facts")
            if fact not in given:
                given.append(fact)
        known, trace = set(given), []
        while True:
            for rule in self.rules:                  # scan in order ...
                if rule.conclusion not in known and all(c in known for c in rule.conditions):
                    known.add(rule.conclusion)       # ... fire the first rule that adds a fact
                    trace.append((rule, rule.conclusion))
                    break                            # ... and start the scan again
            else:
                break                                # a whole scan added nothing: stop
        return Inference(sorted(given), trace)

    def interactions(self):
        """Pairs of rules that affect each other: ``(a, b, kind)`` with kind

        - ``"feeds"``: a's conclusion is one of b's conditions (b may fire because a did);
        - ``"contradicts"``: a and b conclude ``f`` and ``not f``.
        """
        pairs = []
        for i, a in enumerate(self.rules):
            for j, b in enumerate(self.rules):
                if i != j and a.conclusion in b.conditions:
                    pairs.append((a.name, b.name, "feeds"))
                if i < j and b.conclusion == _negation(a.conclusion):
                    pairs.append((a.name, b.name, "contradicts"))
        return pairs

    def depends_on(self, fact):
        """Names of the rules whose firing can depend on ``fact``, directly or via other rules."""
        fact = _fact(fact, "depends_on")
        needed, found = {fact}, []
        changed = True
        while changed:
            changed = False
            for rule in self.rules:
                if rule.name not in found and needed & set(rule.conditions):
                    found.append(rule.name)
                    needed.add(rule.conclusion)
                    changed = True
        order = [r.name for r in self.rules]
        return sorted(found, key=order.index)

    def lines(self):
        """The rules as a learner reads them, in the language the package speaks."""
        return [rule.shown() for rule in self.rules]

    def __repr__(self):
        head = _("KnowledgeBase with {n} rules:").format(n=len(self.rules))
        return "\n".join([head] + ["  " + line for line in self.lines()])


#: A small animal-identification knowledge base in the style of the classic textbook
#: expert systems (e.g. P. H. Winston, *Artificial Intelligence*, 1992); the rules are ours.
ANIMAL_RULES = (
    "R1: if has_hair then mammal",
    "R2: if gives_milk then mammal",
    "R3: if has_feathers then bird",
    "R4: if flies and lays_eggs then bird",
    "R5: if mammal and eats_meat then carnivore",
    "R6: if mammal and pointed_teeth and claws then carnivore",
    "R7: if mammal and hoofs then ungulate",
    "R8: if carnivore and tawny and dark_spots then cheetah",
    "R9: if carnivore and tawny and black_stripes then tiger",
    "R10: if ungulate and long_neck and dark_spots then giraffe",
    "R11: if ungulate and white and black_stripes then zebra",
    "R12: if bird then flies",
    "R13: if bird and swims and black_and_white then penguin",
    "R14: if bird and flies and long_wings then albatross",
)

#: The exception every bird expert knows, added later: it contradicts R12 for penguins.
PENGUIN_RULE = "R15: if penguin then not flies"
