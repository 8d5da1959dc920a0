#!/usr/bin/env python3
"""Run a conformance script under the real libraries and print every SQL statement
(with its parameters) that SQLAlchemy sends to SQLite. Used to obtain the exact
expected strings for ormlab's core::sql / core::orm tests.

Usage: /work/venv/bin/python tools/capture_sql.py SCRIPT.py > SCRIPT.sql
"""
import io
import os
import sys
import contextlib

sys.path.insert(0, "/work/shared/conformance")
import oracle  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

OUT = sys.stdout


@event.listens_for(Engine, "before_cursor_execute")
def _capture(conn, cursor, statement, parameters, context, executemany):
    OUT.write("----- " + ("executemany " if executemany else "") + repr(parameters) + "\n")
    OUT.write(statement + "\n")


def main(path):
    ns = oracle.make_namespace(filename=os.path.basename(path))
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            oracle.exec_file(path, ns)
        except Exception as e:  # noqa: BLE001
            OUT.write(f"!!!!! {type(e).__name__}: {e}\n")


if __name__ == "__main__":
    main(sys.argv[1])
