"""The legal-reference knowledge graph: RDF in a real store, networkx views, questions."""
