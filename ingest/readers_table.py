"""How tables become text, the same for ``.docx``, ``.doc`` and ``.html``.

Each table row is one line; its cells are joined by :data:`CELL_SEP`. A cell that spans
several columns or rows (a merged cell) is written once, where it starts. The paragraphs
inside one cell are joined by :data:`CELL_PARA_SEP` so that a row stays on one line.
"""
from __future__ import annotations

import re

CELL_SEP = " | "
CELL_PARA_SEP = " "

_SPACES = re.compile(r"[ \t\u00a0]+")


def cell_text(paragraphs) -> str:
    """One cell's paragraphs (and line breaks) as one line; blanks dropped, spaces collapsed."""
    parts = [_SPACES.sub(" ", line).strip() for p in paragraphs for line in p.split("\n")]
    return CELL_PARA_SEP.join(p for p in parts if p)


def row_line(cells) -> str:
    """One row's cell texts as one line (trailing empty cells dropped; an empty row gives '')."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()  # trailing empty cells say nothing; leading and inner ones keep columns aligned
    return CELL_SEP.join(cells)
