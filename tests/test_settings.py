"""Settings: defaults ← TOML file ← CHRONIQUE_* variables ← command-line options."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.errors import ChroniqueError
from chronique.settings import Settings, load_settings


def test_layers_override_in_order(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[chronique]\ndb = "from-file.db"\nbatch_size = 50\n', encoding="utf-8")
    s = load_settings(config, env={"CHRONIQUE_BATCH_SIZE": "10", "CHRONIQUE_LEARNED_MIN_SHARE": "0.2"})
    assert (s.db, s.batch_size, s.learned_min_share) == ("from-file.db", 10, 0.2)
    assert s.with_overrides(db="cli.db", report_path=None).db == "cli.db"
    assert load_settings(env={}) == Settings()


def test_bad_settings_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ChroniqueError, match=r"batch_size"):
        load_settings(env={"CHRONIQUE_BATCH_SIZE": "many"})
    bad = tmp_path / "bad.toml"
    bad.write_text("db = [unclosed", encoding="utf-8")
    with pytest.raises(ChroniqueError, match=r"bad\.toml"):
        load_settings(bad, env={})
    with pytest.raises(ChroniqueError, match="unknown setting"):
        Settings().with_overrides(colour="blue")
