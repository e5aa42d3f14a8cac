"""Citations found in the 9 gazette PDFs against those found in the matching gazette .txt files.

    .venv/bin/python bench/pdf_check.py [PDF_FOLDER] [TXT_FOLDER]

For each PDF: the numbered citations (symbols, with repeats) extracted from the PDF's text layer,
compared as multisets with those extracted from the .txt of the same stem. Prints per document
the share of the .txt citations also found in the PDF, and the total.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def symbols(facts) -> collections.Counter:
    return collections.Counter(c.symbol for c in facts.citations if c.kind == "numbered" and c.symbol)


def main() -> int:
    bulk = ROOT.parent / "shared" / "corpus" / "bulk"
    pdfs = Path(sys.argv[1]) if len(sys.argv) > 1 else bulk / "pdf"
    txts = Path(sys.argv[2]) if len(sys.argv) > 2 else bulk / "txt"
    if not pdfs.is_dir():
        print(f"skipped: {pdfs} is not there (../shared is needed for this check)")
        return 0
    from ingest import extract, read

    hit = total = 0
    for pdf in sorted(pdfs.glob("*.pdf")):
        txt = txts / (pdf.stem + ".txt")
        fp = extract(read(pdf))
        ft = extract(read(txt))
        a, b = symbols(fp), symbols(ft)
        common = sum((a & b).values())
        hit += common
        total += sum(b.values())
        share = common / max(1, sum(b.values()))
        print(f"{pdf.name}: pdf {sum(a.values())} txt {sum(b.values())} common {common} -> {share:.3f}"
              f"  own {fp.document.type!r} {fp.document.symbol!r}"
              + (f"  only-txt {dict(b - a)}" if b - a else "") + (f"  only-pdf {dict(a - b)}" if a - b else ""))
    print(f"citations of the .txt found in the PDF: {hit}/{total} = {hit / max(1, total):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
