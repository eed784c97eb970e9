"""The report formats CI tools read, each in its own module, registered in :mod:`..report`.

- :mod:`.sarif`: SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps);
- :mod:`.junit`: JUnit XML, one test case per file or page, for CI test reports;
- :mod:`.step_summary`: every finding as Markdown, for GitHub's step summary (its annotations
  show only ten of a kind per step).

Each takes the run's :class:`~..findings.Outcome` and returns the report as text.
"""
