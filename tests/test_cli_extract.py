"""`cancu extract` as ../shared/contract.md says: one file → one JSON object; several files or a
folder → JSON Lines in path order, a failing file → an error line, the rest go on, exit 1."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"


def cancu(*args):
    exe = ROOT / ".venv" / "bin" / "cancu"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "cancu.cli"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)


def test_one_file_is_one_json_object():
    p = cancu("extract", str(SEED), "--format", "json")
    assert p.returncode == 0, p.stderr
    o = json.loads(p.stdout)
    assert o["schema"] == "cancu.extract/1"
    assert o["source"]["format"] == "txt" and o["source"]["chars"] == len(SEED.read_text(encoding="utf-8"))
    for key in ("document", "citations", "units", "tasks", "relations"):
        assert key in o
    c = o["citations"][0]
    for key in ("start", "end", "text", "kind", "type", "symbol", "date", "issuer", "subject", "resolved", "section"):
        assert key in c
    t = o["tasks"][0]
    for key in ("id", "kind", "start", "end", "text", "cites", "lead", "support", "report_to", "deadline"):
        assert key in t


def test_folder_gives_json_lines_and_error_lines(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")
    shutil.copy(SEED, tmp_path / "c.txt")
    p = cancu("extract", str(tmp_path), "--format", "jsonl")
    assert p.returncode == 1
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [Path(x["source"]["path"]).name for x in lines] == ["a.txt", "b.txt", "c.txt"]
    assert "error" in lines[1] and "empty" in lines[1]["error"]
    assert lines[0]["citations"] and lines[2]["citations"]
    err = p.stderr.strip().splitlines()
    assert len(err) == 1 and "b.txt" in err[0] and "Traceback" not in p.stderr


def test_text_format_prints_the_text_of_record():
    p = cancu("extract", str(SEED), "--format", "text")
    assert p.returncode == 0 and p.stdout.rstrip("\n") == SEED.read_text(encoding="utf-8").rstrip("\n")


def test_missing_path_is_one_line_and_exit_1(tmp_path):
    p = cancu("extract", str(tmp_path / "nope.txt"))
    assert p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and "nope.txt" in p.stderr


def test_usage_error_is_exit_2():
    p = cancu("extract")
    assert p.returncode == 2


def test_json_lines_survive_line_separators(tmp_path):
    (tmp_path / "x.txt").write_text("Kế hoạch số 32/KH-UBND\u2028ngày 31/01/2026\u0085.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Nghị định số 59/2023/NĐ-CP.", encoding="utf-8")
    p = cancu("extract", str(tmp_path), "--format", "jsonl")
    lines = p.stdout.splitlines()  # str.splitlines breaks on U+2028 too: the records must not hold it raw
    assert len(lines) == 2 and all(json.loads(x)["citations"] for x in lines)
