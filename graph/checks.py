"""The SHACL shapes (graph/shapes.ttl) compiled to plain Python checks over a document's triples.

pySHACL on every document was the largest cost of an ingest; these checks give the same verdict in
a few milliseconds. :func:`compile_shapes` reads ``shapes.ttl`` once and turns each constraint into
a small check; a constraint it does not know makes it fail loudly (so the shapes cannot grow a rule
the fast checks would silently skip). ``tests/test_checks.py`` runs pySHACL and these checks over
the golden corpus and over corrupted graphs, and requires the same violations (focus node and
path) from both.

Supported: ``sh:targetClass``; on a node shape ``sh:nodeKind sh:IRI`` and ``sh:class``; on a
property shape (a predicate path) ``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (with the
lexical form checked, so ``"2025-02-31"^^xsd:date`` fails as in pySHACL), ``sh:class``,
``sh:nodeKind sh:IRI``, ``sh:pattern``, ``sh:in``, ``sh:minLength``, ``sh:minInclusive``,
``sh:lessThan`` and ``sh:message``. Classes are matched by ``rdf:type`` in the document's graph
(the graphs hold no ``rdfs:subClassOf``). One check goes beyond SHACL Core: an annotation's target
``<document#char=start,end>`` must be a stretch of the text of record of a source document of the
same graph (``start < end <=`` its length); pySHACL over the golden corpus cannot see it, the
tests corrupt spans to hold it.

:func:`enforce` is the guard of the writer: a graph that breaks a shape loses the offending triples
(a value of the wrong kind, the extra values past ``sh:maxCount``) or the offending node (one
missing a required value), each with an :class:`graph.build.Issue`; only a broken source document
itself (no text of record) is a refusal.

>>> from graph.build import build_document, Lit, V
>>> from graph.fixtures import seed_facts
>>> dg = build_document(seed_facts(), ingested_at="2026-03-01T08:00:00+00:00")
>>> check(dg.triples)
[]
>>> bad = dg.triples + ((dg.document, V.eli_date_document, Lit("2026-02-31", V.xsd_date)),)
>>> [(v.path.rsplit("#", 1)[-1], v.message) for v in check(bad)]
[('date_document', 'a document has at most one date, an xsd:date')]
>>> kept, issues, fatal = enforce(bad)
>>> len(kept) == len(dg.triples), [str(i) for i in issues], fatal
(True, ["dropped date_document of the document: a document has at most one date, an xsd:date ('2026-02-31')"], [])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from .build import Issue, Lit, V
from .ids import last_segment, span_of

__all__ = ["Violation", "compile_shapes", "check", "problems", "enforce", "SHAPES"]

SHAPES = Path(__file__).with_name("shapes.ttl")

SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str | None        # None: a constraint on the node itself
    value: object           # the offending value (None for counts and node constraints)
    constraint: str         # the SHACL constraint component's local name: "maxCount", "class" …
    message: str

    def __str__(self) -> str:
        short = last_segment(self.path.rsplit("#", 1)[-1]) if self.path else ""
        return f"{self.focus}{' ' + short if short else ''}: {self.message}"


# ---------------------------------------------------------------- lexical forms, as pySHACL (rdflib) reads them

_DATE = re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?")
_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def _is_date(v: str) -> bool:
    if not _DATE.fullmatch(v):
        return False
    try:
        date.fromisoformat(v[:10])
        return True
    except ValueError:
        return False


def _is_datetime(v: str) -> bool:
    if not _DATETIME.fullmatch(v):
        return False
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


_INTEGER = re.compile(r"[+-]?\d+")
_GYEAR = re.compile(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?")
_GYEARMONTH = re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?")
_LEXICAL = {
    XSD + "string": lambda v: True,
    XSD + "integer": lambda v: _INTEGER.fullmatch(v) is not None,
    XSD + "boolean": lambda v: v in ("true", "false", "1", "0"),
    XSD + "date": _is_date,
    XSD + "dateTime": _is_datetime,
    XSD + "gYear": lambda v: _GYEAR.fullmatch(v) is not None,
    XSD + "gYearMonth": lambda v: _GYEARMONTH.fullmatch(v) is not None,
}
_XSD_INTEGER = XSD + "integer"


def _datatype(o) -> str | None:
    if type(o) is str:
        return None
    if o.lang:
        return RDF_LANGSTRING
    return o.datatype or XSD + "string"


def _number(o):
    if type(o) is str or o.lang or o.datatype != _XSD_INTEGER or _INTEGER.fullmatch(o.value) is None:
        return None
    return int(o.value)


# ---------------------------------------------------------------- the compiled shapes

@dataclass(frozen=True)
class _Property:
    path: str
    message: str | None
    rules: tuple  # ((component, argument), …)


@dataclass(frozen=True)
class _Shape:
    name: str
    target: str
    node_rules: tuple     # ((component, argument), …)
    message: str | None
    properties: tuple[_Property, ...]


_NODE_COMPONENTS = {"nodeKind", "class"}
_PROPERTY_COMPONENTS = {"minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "in", "minLength",
                        "minInclusive", "lessThan"}
_DEFAULT_MESSAGES = {
    "minCount": "Less than {} values", "maxCount": "More than {} values", "datatype": "Value is not of datatype {}",
    "class": "Value does not have class {}", "nodeKind": "Value is not of node kind {}",
    "pattern": "Value does not match pattern {}", "in": "Value is not in the allowed list",
    "minLength": "Value is shorter than {} characters", "minInclusive": "Value is not >= {}",
    "lessThan": "Value is not < value of {}",
}


@lru_cache(maxsize=4)
def compile_shapes(path: str | Path = SHAPES) -> tuple[_Shape, ...]:
    """Read the shapes once and compile them; raises ``ValueError`` on a constraint not supported."""
    from rdflib import RDF, Graph, URIRef
    from rdflib.collection import Collection
    g = Graph().parse(str(path), format="turtle")
    sh = lambda name: URIRef(SH + name)  # noqa: E731

    def arg(component, o):
        if component in ("minCount", "maxCount", "minLength"):
            return int(o)
        if component == "minInclusive":
            return int(o)
        if component == "pattern":
            return re.compile(str(o))
        if component == "in":
            return frozenset(Lit(str(x)) if not isinstance(x, URIRef) else str(x) for x in Collection(g, o))
        if component == "nodeKind":
            if o != sh("IRI"):
                raise ValueError(f"{path}: sh:nodeKind {o} is not supported by the fast checks")
            return "IRI"
        return str(o)

    def rules_of(node, allowed: set[str], skip: set[str]) -> tuple:
        out = []
        for p, o in g.predicate_objects(node):
            if p == RDF.type:
                continue
            name = str(p)[len(SH):] if str(p).startswith(SH) else None
            if name in skip:
                continue
            if name not in allowed:
                raise ValueError(f"{path}: {p} on {node} is not supported by the fast checks")
            out.append((name, arg(name, o)))
        return tuple(sorted(out, key=lambda r: r[0]))

    shapes = []
    for s in sorted(set(g.subjects(RDF.type, sh("NodeShape"))), key=str):
        props = []
        for ps in g.objects(s, sh("property")):
            p = g.value(ps, sh("path"))
            if not isinstance(p, URIRef):
                raise ValueError(f"{path}: a property path other than a predicate is not supported ({p})")
            msg = g.value(ps, sh("message"))
            message = str(msg) if msg is not None else None
            rules = tuple((comp, a, message or _DEFAULT_MESSAGES[comp].format(a))
                          for comp, a in rules_of(ps, _PROPERTY_COMPONENTS, {"path", "message", "name", "description"}))
            props.append(_Property(str(p), message, rules))
        targets = list(g.objects(s, sh("targetClass")))
        if len(targets) != 1:
            raise ValueError(f"{path}: {s} needs exactly one sh:targetClass for the fast checks")
        msg = g.value(s, sh("message"))
        message = str(msg) if msg is not None else None
        shapes.append(_Shape(str(s), str(targets[0]),
                             tuple((comp, a, message or _DEFAULT_MESSAGES[comp].format(a)) for comp, a in
                                   rules_of(s, _NODE_COMPONENTS, {"targetClass", "property", "message", "name"})),
                             message, tuple(props)))
    return tuple(shapes)


# ---------------------------------------------------------------- checking

# what the span check reads: each annotation's target, each source document's text of record
_SPAN_PATHS = frozenset((V.oa_hasTarget, V.cancu_sourceText))


@lru_cache(maxsize=8)
def _paths(shapes, spans: bool = False) -> frozenset:
    """The predicates the shapes (and, with ``spans``, the span check) read values of."""
    out = set(_SPAN_PATHS) if spans else set()
    for shape in shapes:
        for prop in shape.properties:
            out.add(prop.path)
            out.update(a for comp, a, _ in prop.rules if comp == "lessThan")
    return frozenset(out)


SPAN_MESSAGE = "an annotation's target is a span of its document's text of record (start < end <= its length)"


def check(triples, shapes: tuple[_Shape, ...] | None = None, *, spans: bool = True) -> list[Violation]:
    """Every violation of the shapes by these triples (a document's graph); with ``spans``, also
    every annotation whose target span (``<document#char=start,end>``) is not a stretch of the text
    of record of a source document of the graph (a check SHACL Core cannot state)."""
    shapes = shapes if shapes is not None else compile_shapes()
    paths = _paths(shapes, spans)
    values: dict[tuple, list] = {}
    types: dict[str, set] = {}
    rdf_type = V.rdf_type
    for t in dict.fromkeys(triples):  # a graph is a set: a repeated triple counts once
        s, p, o = t
        if p == rdf_type:
            ts = types.get(o)
            if ts is None:
                types[o] = {s}
            else:
                ts.add(s)
        if p in paths:
            vs = values.get((s, p))
            if vs is None:
                values[(s, p)] = [o]
            else:
                vs.append(o)
    out: list[Violation] = []
    empty: list = []
    for shape in shapes:
        focuses = types.get(shape.target, ())
        for comp, a, msg in shape.node_rules:
            for focus in focuses:
                if (comp == "nodeKind" and type(focus) is not str) or \
                        (comp == "class" and focus not in types.get(a, ())):
                    out.append(Violation(focus, None, None, comp, msg))
        for prop in shape.properties:
            path = prop.path
            for comp, a, msg in prop.rules:
                if comp == "minCount":
                    for focus in focuses:
                        if len(values.get((focus, path), empty)) < a:
                            out.append(Violation(focus, path, None, comp, msg))
                elif comp == "maxCount":
                    for focus in focuses:
                        if len(values.get((focus, path), empty)) > a:
                            out.append(Violation(focus, path, None, comp, msg))
                elif comp == "lessThan":
                    for focus in focuses:
                        others = values.get((focus, a), empty)
                        for v in values.get((focus, path), empty):
                            x = _number(v)
                            if any(x is None or _number(w) is None or not x < _number(w) for w in others):
                                out.append(Violation(focus, path, v, comp, msg))
                else:
                    ok = _value_check(comp, a, types)
                    for focus in focuses:
                        for v in values.get((focus, path), empty):
                            if not ok(v):
                                out.append(Violation(focus, path, v, comp, msg))
    if spans:
        out.extend(_span_violations(values, types))
    return out



def _span_violations(values: dict, types: dict) -> list[Violation]:
    """Annotations whose target is not a span of the text of a source document of this graph."""
    out = []
    length: dict[str, int | None] = {}
    for ann in types.get(V.oa_Annotation, ()):
        for target in values.get((ann, V.oa_hasTarget), ()):
            if type(target) is not str:
                continue  # a literal target is the shape's violation
            span = span_of(target)
            if span is None:
                continue  # so is a target of another form
            doc, start, end = span
            if doc not in length:
                if doc not in types.get(V.cancu_SourceDocument, ()):
                    length[doc] = None
                else:  # a text of record missing, doubled or not a literal is the source's own violation
                    texts = values.get((doc, V.cancu_sourceText), ())
                    length[doc] = len(texts[0].value) if len(texts) == 1 and type(texts[0]) is not str else -1
            n = length[doc]
            if n == -1:
                continue
            if n is None or not start < end <= n:
                out.append(Violation(ann, V.oa_hasTarget, target, "span", SPAN_MESSAGE))
    return out


def _value_check(comp: str, a, types):
    """A test of one value node for one constraint."""
    if comp == "datatype":
        lexical = _LEXICAL.get(a, lambda _: True)
        if a == XSD + "string":
            return lambda v: type(v) is not str and not v.lang and v.datatype in (None, a)
        return lambda v: type(v) is not str and not v.lang and v.datatype == a and lexical(v.value)
    if comp == "class":
        members = types.get(a, frozenset())
        return lambda v: type(v) is str and v in members
    return lambda v: _value_ok(comp, a, v, types)


def _value_ok(comp: str, a, v, types) -> bool:
    if comp == "datatype":
        return _datatype(v) == a and _LEXICAL.get(a, lambda _: True)(v.value)
    if comp == "class":
        return type(v) is str and v in types.get(a, ())
    if comp == "nodeKind":
        return type(v) is str
    if comp == "pattern":
        return bool(a.search(v if type(v) is str else v.value))
    if comp == "in":
        return (v if type(v) is str else Lit(v.value, v.datatype if v.datatype != XSD + "string" else None,
                                               v.lang)) in a
    if comp == "minLength":
        return len(v if type(v) is str else v.value) >= a
    if comp == "minInclusive":
        n = _number(v)
        return n is not None and n >= a
    raise AssertionError(comp)


def problems(triples) -> list[str]:
    """The violations as sorted lines (the form :func:`graph.writer.validate` gives)."""
    return sorted({str(v) for v in check(triples)})


# ---------------------------------------------------------------- the guard: drop what breaks the shapes

_SOURCE_PROPS = frozenset((V.cancu_sourcePath, V.cancu_sourceText, V.cancu_sha256, V.prov_generatedAtTime))


def _what(node: str, documents: set[str]) -> str:
    if node in documents:
        return "the document"
    return last_segment(node) if "/ann/" not in node else node.split("/ann/", 1)[1]


def enforce(triples, rounds: int = 6) -> tuple[tuple, list[Issue], list[str]]:
    """The triples without what breaks the shapes: ``(kept, issues, fatal)``. ``fatal`` lists the
    problems that cannot be dropped (the source document itself broken); empty when the kept
    triples conform."""
    issues: list[Issue] = []
    triples = tuple(triples)
    for _ in range(rounds):
        violations = check(triples)
        if not violations:
            return triples, issues, []
        sources = {s for s, p, o in triples if p == V.rdf_type and o == V.cancu_SourceDocument}
        fatal = [str(v) for v in violations if v.focus in sources and (v.path in _SOURCE_PROPS or v.path is None)]
        if fatal:
            return triples, issues, sorted(set(fatal))
        drop_triples: set = set()
        drop_nodes: set = set()
        extra: dict[tuple, int] = {}
        for v in violations:
            what = f"{last_segment(v.path.rsplit('#', 1)[-1]) if v.path else 'node'} of {_what(v.focus, sources)}"
            if v.constraint == "maxCount":
                extra[(v.focus, v.path)] = 1
                issues.append(Issue("dropped", what, f"{v.message} (the first value kept)"))
            elif v.value is not None:
                drop_triples.add((v.focus, v.path, v.value))
                shown = v.value if type(v.value) is str else v.value.value
                issues.append(Issue("dropped", what, f"{v.message} ({str(shown)[:60]!r})"))
            else:
                if v.focus in sources:
                    return triples, issues, [str(v)]
                drop_nodes.add(v.focus)
                issues.append(Issue("dropped", what, v.message))
        kept, seen = [], {}
        for t in triples:
            s, p, o = t
            if t in drop_triples or s in drop_nodes or o in drop_nodes:
                continue
            if (s, p) in extra:
                n = seen.get((s, p), 0)
                seen[(s, p)] = n + 1
                if n >= extra[(s, p)]:
                    continue
            kept.append(t)
        triples = tuple(kept)
    rest = problems(triples)
    return triples, issues, rest
