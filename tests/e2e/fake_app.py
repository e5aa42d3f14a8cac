"""Run the app on the in-memory FakeKG: ``streamlit run tests/e2e/fake_app.py`` (development aid)."""
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from graph import api  # noqa: E402
from e2e.fake_kg import FakeKG  # noqa: E402

api.open_graph = lambda location=None, read_only=False: FakeKG(location, read_only)
runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
