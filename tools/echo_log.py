#!/usr/bin/env python3
"""Run a playground script under the real libraries and print SQLAlchemy's echo log the
way `ormlab run --sql-log` prints its SQL log: each statement, then its parameters
(the echo's `[generated in ...]` / `[cached since ...]` prefix dropped), with
`BEGIN (implicit)` / `COMMIT` / `ROLLBACK` lines; the PRAGMA statements of
`create_all()` are left out. The script's own stdout is discarded.

Usage: /work/venv/bin/python tools/echo_log.py SCRIPT.py

Runs with PYTHONHASHSEED=0 like oracle.py (SQLAlchemy iterates sets of attribute names in
places, e.g. the order of a refresh's immediate loads).
"""
import contextlib
import io
import logging
import os
import sys

sys.path.insert(0, "/work/shared/conformance")
import oracle  # noqa: E402

OUT = sys.stdout


class EchoLines(logging.Handler):
    """Collects the engine's echo records as plain lines."""

    def __init__(self):
        super().__init__()
        self.skip_params = False

    def emit(self, record):
        if record.msg == "[%s] %r":
            if not self.skip_params:
                OUT.write(repr(record.args[1]) + "\n")
            self.skip_params = False
            return
        text = record.getMessage()
        if text.startswith("PRAGMA "):
            self.skip_params = True
            return
        OUT.write(text + "\n")


def main(path):
    logger = logging.getLogger("sqlalchemy.engine")
    logger.setLevel(logging.INFO)
    logger.addHandler(EchoLines())
    logger.propagate = False
    ns = oracle.make_namespace(filename=os.path.basename(path))
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            oracle.exec_file(path, ns)
        except Exception as e:  # noqa: BLE001
            OUT.write(f"!!!!! {type(e).__name__}: {e}\n")


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    main(sys.argv[1])
