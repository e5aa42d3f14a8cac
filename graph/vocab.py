"""The RDF vocabulary as code: standard terms reused, our own terms only where none exists.

Reused (see ../shared/research/anchors-model-ux.md, part A):

- ELI (``eli:``) for documents and the relations between them: ``eli:LegalResource`` (legal
  normative documents), ``eli:Work`` (plans, letters, Party documents), ``eli:cites``,
  ``eli:based_on`` ("Căn cứ"), ``eli:applies`` ("thực hiện"; never the deprecated
  ``eli:implements``), ``eli:type_document``, ``eli:id_local``, ``eli:date_document``,
  ``eli:passed_by``, ``eli:has_part``/``eli:is_part_of`` (sections and items).
- W3C ORG (``org:``) for bodies and units (``org:Organization``).
- PROV-O (``prov:``) for ingestion runs, Web Annotation (``oa:``) for the source span of every
  extracted fact: an ``oa:Annotation`` whose ``oa:hasTarget`` is the span itself, an RFC 5147
  fragment IRI ``<document#char=start,end>`` of the document's text of record (``cancu:sourceText``).
  Stores written before used an ``oa:SpecificResource`` with a ``TextPositionSelector`` and a
  ``TextQuoteSelector`` (12 triples a fact, not 3); :func:`graph.store.upgrade_evidence` rewrites them.
- SKOS for the scheme of document types, DCTERMS for titles.

Ours (``cancu:``): ``Task``, ``leadUnit``, ``supportUnit``, ``reportTo`` (the recipient of a
task's report, deliberately not ``org:reportsTo``, which is an org-chart line), ``deadline``,
``derivesFrom`` (a task → the document it requires action because of), ``details`` (a decree
details a law), ``mentionsUnit`` (a unit named in an item without a role) and a few bookkeeping
properties (``sourcePath``, ``sourceText``, ``itemNumber`` …).

Every IRI of the project is minted from :data:`ID` (instances) and :data:`CANCU` (terms); no
other module writes an ``http`` string.
"""
from __future__ import annotations

from typing import NamedTuple

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, URIRef

__all__ = ["ELI", "ORG", "OA", "PROV", "SKOS", "DCTERMS", "RDF", "RDFS", "XSD", "OWL", "SCHEMA",
           "CANCU", "ID", "GRAPH", "PREFIXES", "bind", "sparql_prefixes", "DOC_TYPES", "Relation", "RELATIONS",
           "curie", "REL_LABELS", "EDGE_TYPES", "ROLES", "ROLE_PROPS", "DERIVING", "DERIVE_PATH", "RELATION_WORDS",
           "NODE_TYPES"]


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (1.5): the terms we use."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    Work: URIRef
    LegalResource: URIRef
    WorkSubdivision: URIRef
    LegalResourceSubdivision: URIRef
    ResourceType: URIRef
    cites: URIRef
    based_on: URIRef
    applies: URIRef
    amends: URIRef
    repeals: URIRef
    changes: URIRef
    related_to: URIRef
    has_part: URIRef
    is_part_of: URIRef
    passed_by: URIRef
    type_document: URIRef
    id_local: URIRef
    number: URIRef
    date_document: URIRef
    title: URIRef


class ORG(DefinedNamespace):
    """W3C Organization Ontology."""

    _NS = Namespace("http://www.w3.org/ns/org#")
    _fail = True

    Organization: URIRef
    OrganizationalUnit: URIRef
    subOrganizationOf: URIRef
    identifier: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    motivatedBy: URIRef
    identifying: URIRef
    describing: URIRef


class SCHEMA(DefinedNamespace):
    """schema.org, for alignment only."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Action: URIRef
    agent: URIRef
    participant: URIRef


class CANCU(DefinedNamespace):
    """cancu's own terms, used only where no standard term exists."""

    _NS = Namespace("https://cancu.vn/def#")
    _fail = True

    # classes
    Task: URIRef            # one numbered item of a plan (⊑ prov:Entity, aligned with schema:Action)
    SourceDocument: URIRef  # a document whose text was ingested (⊑ eli:Work)
    DocTypeScheme: URIRef   # the skos:ConceptScheme of document types
    # task properties
    leadUnit: URIRef        # "chủ trì": Task → org:Organization (⊑ schema:agent)
    supportUnit: URIRef     # "phối hợp": Task → org:Organization (⊑ schema:participant)
    reportTo: URIRef        # "báo cáo …": Task → org:Organization; NOT org:reportsTo
    mentionsUnit: URIRef    # a unit named inside the item without an extracted role
    deadline: URIRef        # normalised deadline (xsd:date / gYearMonth / gYear / string keyword)
    deadlineText: URIRef    # the deadline as printed
    derivesFrom: URIRef     # Task → the document it cites (⊑ prov:wasDerivedFrom)
    itemNumber: URIRef      # "II.2.1"
    itemKind: URIRef        # task | assignment | objective | scope | funding | context | heading | article | row | field | provision
    inheritedLead: URIRef   # the lead unit comes from the heading
    # document-to-document
    details: URIRef         # "quy định chi tiết": a decree details a law (⊑ eli:related_to)
    guides: URIRef          # "hướng dẫn"
    replaces: URIRef        # "thay thế" (⊑ eli:changes)
    # documents
    issuerName: URIRef      # the issuer as printed ("UBND tỉnh")
    signer: URIRef
    jurisdiction: URIRef    # slug of the issuing body's jurisdiction ("vn", "bac-ninh" …)
    sourcePath: URIRef      # the file ingested
    sourceText: URIRef      # the text of record
    sha256: URIRef
    sourceFormat: URIRef
    ingested: URIRef        # true on documents whose text we hold
    # annotations
    citedAs: URIRef         # the symbol as cited (on an oa:Annotation of a citation)
    repaired: URIRef        # what was repaired in the fact an annotation quotes ("270/QD-TTg → 270/QĐ-TTg")
    section: URIRef         # section id where a citation occurs
    # ingestion runs
    tripleCount: URIRef
    sourceKey: URIRef       # meta graph: the file a document's graph came from (a re-ingested file replaces it)
    contentHash: URIRef     # meta graph: digest of a graph's triples without its ingestion time
    writerLease: URIRef     # meta graph: an endpoint writer's claim (single writer per endpoint)
    storeVersion: URIRef    # changes on every write (cache keys)
    extractor: URIRef


ID = Namespace("https://cancu.vn/id/")          # instances: documents, units, tasks, annotations
GRAPH = Namespace("https://cancu.vn/graph/")    # named graphs, one per source document

PREFIXES = {
    "eli": ELI._NS, "org": ORG._NS, "oa": OA._NS, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS,
    "schema": SCHEMA._NS, "cancu": CANCU._NS, "id": ID, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
}


def bind(g) -> None:
    """Bind our prefixes on an rdflib Graph/Dataset."""
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)


def sparql_prefixes() -> str:
    """``PREFIX`` lines for every prefix, to prepend to queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# Document types: slug → (Vietnamese label, English label, legal normative?)
DOC_TYPES: dict[str, tuple[str, str, bool]] = {
    "hien-phap": ("Hiến pháp", "Constitution", True),
    "luat": ("Luật", "Law", True),
    "bo-luat": ("Bộ luật", "Code", True),
    "phap-lenh": ("Pháp lệnh", "Ordinance", True),
    "nghi-quyet": ("Nghị quyết", "Resolution", True),
    "nghi-dinh": ("Nghị định", "Decree", True),
    "thong-tu": ("Thông tư", "Circular", True),
    "quyet-dinh": ("Quyết định", "Decision", True),
    "chi-thi": ("Chỉ thị", "Directive", False),
    "ke-hoach": ("Kế hoạch", "Plan", False),
    "chuong-trinh": ("Chương trình", "Programme", False),
    "cong-van": ("Công văn", "Official letter", False),
    "cong-dien": ("Công điện", "Official dispatch", False),
    "thong-bao": ("Thông báo", "Notice", False),
    "quy-dinh": ("Quy định", "Regulation", False),
    "ket-luan": ("Kết luận", "Conclusion", False),
    "huong-dan": ("Hướng dẫn", "Guidance", False),
    "de-an": ("Đề án", "Scheme", False),
    "van-ban-hop-nhat": ("Văn bản hợp nhất", "Consolidated text", True),
    "quy-che": ("Quy chế", "Rules", False),
    "van-ban": ("Văn bản", "Document", False),
}

class Relation(NamedTuple):
    """One kind of link of the graph: its property, labels, and what it joins."""

    prop: URIRef
    vi: str         # label shown to officers
    en: str
    joins: str      # "documents" (document → document), "role" (task → unit), "other"


# Every link of the graph, in the order legends and filters list them. The SPARQL fragments
# (prefixed names), the labels, the document relations, the roles and the derivation path below
# are all read from this one table.
RELATIONS: dict[str, Relation] = {
    "cites": Relation(ELI.cites, "Dẫn chiếu", "cites", "documents"),
    "based_on": Relation(ELI.based_on, "Căn cứ", "based on", "documents"),
    "applies": Relation(ELI.applies, "Thực hiện", "applies", "documents"),
    "details": Relation(CANCU.details, "Quy định chi tiết", "details", "documents"),
    "guides": Relation(CANCU.guides, "Hướng dẫn", "guides", "documents"),
    "lead": Relation(CANCU.leadUnit, "Chủ trì", "leads", "role"),
    "support": Relation(CANCU.supportUnit, "Phối hợp", "supports", "role"),
    "report_to": Relation(CANCU.reportTo, "Báo cáo", "reports to", "role"),
    "mentions": Relation(CANCU.mentionsUnit, "Nêu tên", "mentions", "role"),
    "derives_from": Relation(CANCU.derivesFrom, "Xuất phát từ", "derives from", "other"),
    "has_part": Relation(ELI.has_part, "Gồm", "has part", "other"),
    "passed_by": Relation(ELI.passed_by, "Ban hành bởi", "passed by", "other"),
    "amends": Relation(ELI.amends, "Sửa đổi, bổ sung", "amends", "documents"),
    "replaces": Relation(CANCU.replaces, "Thay thế", "replaces", "documents"),
    "repeals": Relation(ELI.repeals, "Bãi bỏ", "repeals", "documents"),
}


def curie(iri) -> str:
    """A prefixed name for an IRI in one of our namespaces (else the IRI in ``<>``).

    >>> curie(ELI.cites), curie("urn:x")
    ('eli:cites', '<urn:x>')
    """
    iri = str(iri)
    for p, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and p != "id":
            return f"{p}:{iri[len(str(ns)):]}"
    return f"<{iri}>"


# Relations between documents: key → (property, Vietnamese label, English label)
REL_LABELS: dict[str, tuple[URIRef, str, str]] = {
    k: (r.prop, r.vi, r.en) for k, r in RELATIONS.items() if r.joins == "documents"}

# The explorable graph (graph.view, graph.neighbourhood): edge type → (prefixed property, Vietnamese label).
EDGE_TYPES: dict[str, tuple[str, str]] = {k: (curie(r.prop), r.vi) for k, r in RELATIONS.items()}

# A task's units by role (the names used in worklists and answers) → the relation holding it
ROLES: dict[str, str] = {"lead": "lead", "support": "support", "report_to": "report_to", "mentioned": "mentions"}
ROLE_PROPS: dict[str, str] = {role: curie(RELATIONS[rel].prop) for role, rel in ROLES.items()}

# "Derives from": a task cites the document, or cites a document that details, applies or guides
# it, transitively (the SPARQL path of these relations)
DERIVING = ("details", "applies", "guides")
DERIVE_PATH = "(" + "|".join(curie(RELATIONS[k].prop) for k in DERIVING) + ")"

# The words the extractor uses for a relation read from a subject ("implements" …) → relation key
RELATION_WORDS = {"implements": "applies", "applies": "applies", "thuc hien": "applies", "based_on": "based_on",
                  "details": "details", "guides": "guides", "amends": "amends", "replaces": "replaces",
                  "repeals": "repeals", "cites": "cites"}

NODE_TYPES = {"Document": "Văn bản", "CitedDocument": "Văn bản được dẫn chiếu", "Unit": "Đơn vị",
              "Task": "Nhiệm vụ"}
