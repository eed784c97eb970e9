"""The site's settings from the environment, read in this one place and passed down.

The command line (``python -m checker.site``) and the MkDocs plugin read them once with
:meth:`Settings.from_env`; every other module takes the values as arguments. An engine renders
the pages in its own process, so the Markdown extension reads them here too, when MkDocs builds
it (the environment is the one channel from ``make`` to that process).

====================== ====================================================================
variable               what it sets
====================== ====================================================================
``COURT``              the court id to build or kit (``--court`` overrides it)
``PACER_HELP_COURTS_CSV`` another copy of the court data (relative paths: the project folder)
``PACER_HELP_WIDGET``  ``off`` renders the rules list without the live password checker
``CHECKER_VERIFY``     ``0`` turns off the plugin's checks under ``mkdocs serve``
``SITE_URL``           the address the site is published at (links from a kit to the site)
``CHROMIUM``           the Chromium the kit prints PDFs with
``KIT_FILES_URL``      where a court puts the kit's files on its site (the fragments' images)
``SOURCE_DATE_EPOCH``  the build date (read by :func:`checker.facts.build_date`, core)
====================== ====================================================================
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass

COURT = "COURT"
COURTS_CSV = "PACER_HELP_COURTS_CSV"
WIDGET = "PACER_HELP_WIDGET"
VERIFY = "CHECKER_VERIFY"
SITE_URL = "SITE_URL"
CHROMIUM = "CHROMIUM"
KIT_FILES_URL = "KIT_FILES_URL"
# Where the kit's README has a Drupal site's webmaster upload the kit's files.
DEFAULT_KIT_FILES_URL = "/sites/default/files/pacer-help/"


class SettingsError(ValueError):
    """A setting with a value it cannot take; the message names the variable and what it takes."""


@dataclass(frozen=True)
class Settings:
    court: str = ""
    courts_csv: str = ""
    widget: bool = True
    verify: bool = True
    site_url: str = ""
    chromium: str = ""
    kit_files_url: str = DEFAULT_KIT_FILES_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        widget = env.get(WIDGET, "on").strip().lower()
        if widget not in ("on", "off", ""):
            raise SettingsError(f"{WIDGET}: expected 'on' or 'off', got {widget!r}")
        return cls(
            court=env.get(COURT, "").strip(),
            courts_csv=env.get(COURTS_CSV, "").strip(),
            widget=widget != "off",
            verify=env.get(VERIFY, "1") != "0",
            site_url=env.get(SITE_URL, "").strip(),
            chromium=env.get(CHROMIUM, "").strip(),
            kit_files_url=_files_url(env.get(KIT_FILES_URL, "").strip()),
        )

    def chromium_path(self) -> str:
        """The Chromium to print with: ``CHROMIUM``, else Debian's ``chromium`` on the PATH."""
        return self.chromium or shutil.which("chromium") or "/usr/bin/chromium"


def _files_url(value: str) -> str:
    """A folder on the court's site: a path from its root (``/files/pacer/``) or an https
    address; Drupal's Basic HTML shows only images from the site itself, so a path is best."""
    if not value:
        return DEFAULT_KIT_FILES_URL
    if not value.startswith(("/", "https://")) or value.startswith("//"):
        raise SettingsError(
            f"{KIT_FILES_URL}: expected a path from the site's root (/sites/default/files/"
            f"pacer-help/) or an https:// address, got {value!r}"
        )
    return value if value.endswith("/") else value + "/"
