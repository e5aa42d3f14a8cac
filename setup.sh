#!/usr/bin/env bash
# Set up cancu on a fresh machine: a virtual environment with the locked dependencies, the
# project installed, and the embedded seed plan ingested into the default store (data/store).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.lock
.venv/bin/python -m pip install -q --no-deps -e .
# the embedded default dataset: the seed plan (idempotent: re-ingesting replaces it)
.venv/bin/cancu ingest data/seed --quiet || echo "setup: seed not ingested (graph store not available yet)" >&2
echo "cancu is ready: .venv/bin/streamlit run app.py"
