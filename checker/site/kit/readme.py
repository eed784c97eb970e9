"""The kit's README: what each file is, where it goes in Drupal, how to make the kit again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker import __version__
from checker.facts import us_date
from checker.site.kit.drawings import DRAWINGS_DIR
from checker.site.kit.embed import CHECKER_PAGE, PAGE_STYLES, iframe_snippet, script_snippet
from checker.site.kit.guides import Guide
from checker.widget import CONTENT_SECURITY_POLICY, sri, versioned_names


def readme(
    *,
    edition_title: str,
    kit_id: str,
    pdf_name: str,
    guides: Sequence[Guide],
    guide_pdfs: Sequence[str],
    drawings: Sequence[str],
    files_url: str,
    files: dict[str, bytes],
    built: dt.date,
    facts_checked: dt.date | None,
) -> str:
    script, stylesheet = versioned_names()
    command = "make kit" if kit_id == "all" else f"COURT={kit_id} make kit"
    fragments = "\n".join(
        f"  - `fragments/{guide.slug}.html`: {guide.title}" for guide in guides
    )
    checked = us_date(facts_checked) if facts_checked else "no dated facts"
    by_page = {guide.name: name for guide, name in zip(guides, guide_pdfs, strict=True)}
    example = by_page.get("link.md") or next(iter(by_page.values()), pdf_name)
    one_each = "\n".join(
        f"  - `{name}`: {guide.title}" for guide, name in zip(guides, guide_pdfs, strict=True)
    )
    drawn = f"{files_url}{DRAWINGS_DIR}/"
    drawings_file = (
        f"""- `{DRAWINGS_DIR}/`: the drawings of PACER's and CM/ECF's screens that the fragments
  show, {len(drawings)} SVG files (the PDFs hold them already). Each fragment's images point to
  `{drawn}`.
"""
        if drawings
        else ""
    )
    drawings_step = (
        f"""1. **The drawings first.** Upload the files of `{DRAWINGS_DIR}/` to `{drawn}` on the
   site (for example with a file manager module, or to the server's files folder), so the
   guides' images find them. Drupal's Basic HTML shows only images from the site itself. For
   another folder, make the kit again with `KIT_FILES_URL=/that/folder/ {command}`.
"""
        if drawings
        else ""
    )
    step = 2 if drawings else 1
    return f"""# {edition_title}

Made on {us_date(built)} by PACER Help. Facts last checked against their sources:
{checked} (the oldest check of any fact in these guides). Password checker version {__version__}.

## What each file is

- `{pdf_name}`: all the guides in one printable file, a tagged PDF (headings, lists and tables
  are tagged; it has bookmarks, a title and page numbers). It holds these guides, in this order:
{chr(10).join(f"  {number}. {guide.title}" for number, guide in enumerate(guides, 1))}
- one printable file per guide, tagged like the one above, for a page about that guide alone:
{one_each}
- `fragments/`: each guide as HTML for a CMS page body. They use only the tags Drupal's standard
  "Basic HTML" text format keeps, so nothing is lost on save:
{fragments}
{drawings_file}- `{script}` and `{stylesheet}`: the password checker's script (the rules are
  inside it) and its stylesheet. A version's files never change, so a page can pin them by
  their hash.
- `{CHECKER_PAGE}` and `{PAGE_STYLES}`: the checker on a page of its own, to embed with an
  `<iframe>` where the CMS strips scripts, or to link to. Without JavaScript it lists the rules.

## Where each goes in Drupal

{drawings_step}{step}. **A guide on a page.** Create a page (for example **Content** >
   **Add content** > **Basic page**). Use the guide's title as the page title. In **Body**,
   choose the **Basic HTML** text format, select **Source**, paste the content of the guide's
   fragment file, and save. Headings start at level 2, below the page title.
{step + 1}. **The PDFs.** Upload each guide's PDF as a file (for example as a **Document** in
   **Media**, or in a file field), and link to it from that guide's page: the link guide's page
   to `{example}`, say. Upload `{pdf_name}` too where a page lists all the guides.
{step + 2}. **The checker.** Upload `{CHECKER_PAGE}`, `{PAGE_STYLES}`, `{script}` and
   `{stylesheet}` to one folder of the site, for example `{files_url}`. Then either:
   - embed the page where the text format allows `<iframe>` (Full HTML, or a custom block):

     ```html
     {iframe_snippet(files_url + CHECKER_PAGE)}
     ```

   - or, where editors have only Basic HTML, link to `{CHECKER_PAGE}` from the upgrade guide;
   - or, in a theme template or a Full HTML field that keeps scripts, add the checker itself.
     The `integrity` and `crossorigin` attributes make the browser refuse a file that is not
     exactly this version:

     ```html
     {script_snippet(files, files_url).replace(chr(10), chr(10) + "     ")}
     ```

The Subresource Integrity hashes (also printed by `python -m checker widget --sri`):

- `{script}`: `{sri(files[script])}`
- `{stylesheet}`: `{sri(files[stylesheet])}`

Everything in this kit works on pages sent with this Content-Security-Policy header, and with
the checker page framed by a page from another address:

```
Content-Security-Policy: {CONTENT_SECURITY_POLICY}
```

## Making the kit again

Make the kit again whenever PACER Help changes a rule or a fact, and before the facts are due to
be checked again. In a copy of PACER Help, run `{command}`. It checks every file it writes against
the password rules and stops, naming the file and the sentence, if anything disagrees. Then
replace the pasted guides and the PDF. If the checker's version changed, upload its new files
and update the snippet (pages that still pin the old version keep working).
"""
