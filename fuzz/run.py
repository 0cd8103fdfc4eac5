"""Coverage-guided fuzzing of Chronique's entry points with atheris (libFuzzer).

    python fuzz/run.py --seconds 300            # all targets, one input picks one by its first byte
    python fuzz/run.py --seconds 60 --target quotes

Starts from the saved corpus (``fuzz/corpus``); new interesting inputs go to a scratch corpus folder
(``--work``, default a temporary one). A crash writes ``crash-*`` into ``fuzz/crashers`` — keep it
there: the tests replay every file of that folder. Prints the number of inputs tried.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _child(target: str, argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["chronique"]):
        sys.path.insert(0, str(HERE))
        sys.path.insert(0, str(ROOT))
        import targets

    one = targets.dispatch if target == "all" else targets.TARGETS[target]
    atheris.Setup(argv, one)
    atheris.Fuzz()


def run(seconds: int, target: str = "all", work: str | None = None) -> tuple[int, int, str]:
    """Fuzz for ``seconds``; returns (exit code, inputs tried, libFuzzer's output)."""
    scratch = work or tempfile.mkdtemp(prefix="chronique-fuzz-")
    crashers = HERE / "crashers"
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        target,
        scratch,
        str(HERE / "corpus"),
        f"-max_total_time={seconds}",
        "-timeout=30",
        "-rss_limit_mb=4096",
        "-max_len=20000",
        f"-artifact_prefix={crashers}/",
        "-print_final_stats=1",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    output = proc.stdout + proc.stderr
    found = re.findall(r"stat::number_of_executed_units:\s*(\d+)", output) or re.findall(
        r"Done (\d+) runs", output
    )
    return proc.returncode, int(found[-1]) if found else 0, output


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[2], [sys.argv[0], *sys.argv[3:]])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--target", default="all")
    parser.add_argument("--work", default=None, help="folder for new corpus entries")
    args = parser.parse_args()
    code, tried, output = run(args.seconds, args.target, args.work)
    if code != 0:
        print(output[-4000:], file=sys.stderr)
    print(f"target {args.target}: {tried} inputs in {args.seconds} s, exit code {code}")
    sys.exit(code)


if __name__ == "__main__":
    main()
