"""cancu: the command-line front of the ingest and graph packages."""
