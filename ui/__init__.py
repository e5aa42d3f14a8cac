"""The Streamlit app's pieces: pages, the i18n table, render helpers, the cached data door.

Nothing here computes over the graph: every fact comes from :mod:`graph.api` through
:mod:`ui.data`; this package only lays out and renders.
"""
