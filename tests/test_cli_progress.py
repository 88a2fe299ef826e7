"""Issue 26 item 10: long work says how far it is, and a taken port is said so before any address."""

from __future__ import annotations

import socket

import click
import pytest

from frontline import cli


def test_jsonl_inputs_are_counted_for_a_total(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("one article", encoding="utf-8")
    assert cli._count_inputs([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]) == 4


def test_a_line_a_minute_when_not_a_terminal(capsys):
    advance = cli._every_minute("ingesting", 10, period=0.0)
    for _ in range(3):
        advance(None)
    err = capsys.readouterr().err
    assert "ingesting: 3/10" in err and "min left" in err


def test_a_taken_port_is_said_so():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(click.ClickException, match="in use by another program"):
            cli._listen("127.0.0.1", port)


def test_why_an_input_failed_is_said_without_v(capsys):
    from frontline.models import Article
    failures: list = []
    tick = cli._noting_failures(lambda result: None, failures)
    for status, error in (("ok", None), ("failed", "binary file, not text")):
        tick(type("R", (), {"article": Article("x", status, None, path="in/bad.txt", error=error)})())
    cli._say_failures(failures, "f.db")
    err = capsys.readouterr().err
    assert "failed: in/bad.txt: binary file, not text" in err and "status=failed" in err


def test_a_failure_names_its_input_once_and_no_password(capsys):
    from frontline.models import Article
    failed = Article("x", "failed", None, path="in.jsonl:12", error="in.jsonl:12: 'published' 1753-01-01 is not plausible")
    cli._say_failures([failed], "postgresql://reader:s3cret-pass@db.example/frontline")
    err = capsys.readouterr().err
    assert "failed: in.jsonl:12: 'published'" in err and err.count("in.jsonl:12") == 1
    assert "s3cret-pass" not in err
