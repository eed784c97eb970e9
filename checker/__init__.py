"""PACER username and password rules as data, and the engine that applies them.

>>> from checker import check
>>> check(password="Tr1cky!Passw0rdz").ok
True
"""

# The package's version (pyproject.toml reads it from here): the embeddable checker's files are
# named after it, and a released version's files never change (checker/data/widget-releases.toml).
__version__ = "0.1.0"

from checker.engine import FAIL, PASS, SKIP, FieldError, Report, Result, check
from checker.rulesets import (
    DEFAULT_RULESET,
    FIELDS,
    RULESETS,
    Rule,
    RuleSet,
    UnknownRuleSet,
    differences,
    get_ruleset,
)

__all__ = [
    "DEFAULT_RULESET",
    "FAIL",
    "FIELDS",
    "PASS",
    "RULESETS",
    "SKIP",
    "FieldError",
    "Report",
    "Result",
    "Rule",
    "RuleSet",
    "UnknownRuleSet",
    "__version__",
    "check",
    "differences",
    "get_ruleset",
]
