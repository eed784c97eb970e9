"""The court kit: each court's guides as a tagged PDF, CMS-ready HTML and an embeddable checker.

``COURT=ID make kit`` (``python -m checker.site kit --court ID``) writes ``build/kit/ID/``;
without a court, every court's kit and ``build/kit/all/``. The kit reads the same Markdown and
records as the site (:mod:`.guides`) and adds no renderer of its own for rules or court facts:

- :mod:`.guides`: the kit's pages, rendered as every engine renders them, minus what only a web
  page can hold;
- :mod:`.pdf`: the printable guides, all in one and each alone (Chromium, tagged, with an
  outline and page numbers; each drawing a ``Figure`` with ``/Alt``);
- :mod:`.fragments`: each guide in the tags Drupal's Basic HTML format keeps;
- :mod:`.drawings`: the screens' drawings the guides show, as SVG files for the fragments;
- :mod:`.embed`: the versioned checker files, their SRI hashes, the standalone checker page;
- :mod:`.readme`: the webmaster's README;
- :mod:`.make`: writes a kit and verifies every file in it.
"""

from checker.site.kit.guides import KIT_PAGES, KitError
from checker.site.kit.make import ALL, KIT_DIR, Kit, make_kit, make_kits

__all__ = ["ALL", "KIT_DIR", "KIT_PAGES", "Kit", "KitError", "make_kit", "make_kits"]
