"""The builder never gives one IRI two items (a repeated item id would be refused by the shapes)."""
from __future__ import annotations

from dataclasses import replace

from graph.build import build_document
from graph.fixtures import seed_facts
from graph.vocab import CANCU
from graph.writer import validate


def test_a_repeated_item_id_gets_its_own_iri():
    f = seed_facts()
    t = f.tasks
    again = replace(t[2], kind="heading", start=t[3].start, end=t[3].end, text=t[3].text)  # "II.1.1" again
    dg = build_document(replace(f, tasks=t + (again,)))
    assert validate(dg) == [] == validate(dg.graph)
    items = [s for s in dg.graph.subjects(CANCU.itemNumber, None) if str(dg.graph.value(s, CANCU.itemNumber)) == "II.1.1"]
    assert sorted(str(i).rsplit("/", 1)[-1] for i in items) == ["ii.1.1", "ii.1.1-2"]


def test_item_d_and_item_dd_differ():
    f = seed_facts()
    t = f.tasks
    d = replace(t[2], id="II.1.1.d", parent="II.1.1")
    dd = replace(t[3], id="II.1.1.đ", parent="II.1.1")
    dg = build_document(replace(f, tasks=t + (d, dd)))
    assert validate(dg) == [] == validate(dg.graph)
