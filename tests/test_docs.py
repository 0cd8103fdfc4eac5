"""The README stays true: its two commands, every command and every setting are documented."""

from __future__ import annotations

import re
from dataclasses import fields

from chronique.cli import app
from chronique.settings import Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    run_cmd, test_cmd = shell_blocks()[:2]
    assert run_cmd.endswith("chronique run samples/")
    assert "pytest" in test_cmd
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci.splitlines()
    assert README.index(run_cmd) < 600  # they come first


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    for name in names:
        assert f"### `chronique {name}" in README, f"command {name} is not documented in the README"


def test_every_setting_is_documented() -> None:
    for f in fields(Settings):
        assert f"| `{f.name}` |" in README, f"setting {f.name} is not documented in the README"
