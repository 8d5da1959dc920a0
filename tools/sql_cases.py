#!/usr/bin/env python3
"""Generate src/core/orm/testdata/expected_sql.txt: the exact SQL text and parameters
that real SQLAlchemy 2.0.58 / Flask-SQLAlchemy 3.1.1 send to SQLite for each test case
used by ormlab's core::sql and core::orm tests.

Usage: /work/venv/bin/python tools/sql_cases.py > src/core/orm/testdata/expected_sql.txt

Format: `=== <case>` then, per captured statement, `--- <params as JSON>` and the SQL
text verbatim (which may span lines); a line `=== end` closes the file.
"""
import glob
import io
import json
import os
import re
import sys
import contextlib

sys.path.insert(0, "/work/shared/conformance")
import oracle  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

CAPTURE = None


@event.listens_for(Engine, "before_cursor_execute")
def _capture(conn, cursor, statement, parameters, context, executemany):
    if CAPTURE is None:
        return
    if statement.startswith("PRAGMA"):
        return
    if executemany and isinstance(parameters, list):
        for p in parameters:
            CAPTURE.append((statement, list(p)))
    else:
        CAPTURE.append((statement, list(parameters)))


def jsonable(v):
    if isinstance(v, bytes):
        return {"blob": v.hex()}
    return v


def emit(name, stmts):
    print(f"=== {name}")
    for sql, params in stmts:
        print("--- " + json.dumps([jsonable(p) for p in params]))
        print(sql.strip("\n"))


def run(name, ns, code):
    global CAPTURE
    CAPTURE = []
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, ns)
    stmts, CAPTURE = CAPTURE, None
    emit(name, stmts)


def corpus_ddl():
    """create_all / drop_all of every corpus script's models (code before db.create_all())."""
    for path in sorted(glob.glob("/work/shared/conformance/scripts/*.py")):
        src = open(path).read()
        m = re.search(r"^db\.create_all\(\)", src, re.M)
        if not m:
            continue
        num = os.path.basename(path)[:2]
        ns = oracle.make_namespace()
        with contextlib.redirect_stdout(io.StringIO()):
            exec(src[: m.start()], ns)
        run(f"ddl_{num}_create", ns, "db.create_all()")
        run(f"ddl_{num}_drop", ns, "db.drop_all()")
    for path in sorted(glob.glob("/work/shared/conformance/migrations/*/models_*.py")):
        ns = oracle.make_namespace()
        with contextlib.redirect_stdout(io.StringIO()):
            exec(open(path).read(), ns)
        d = os.path.basename(os.path.dirname(path))[:2]
        v = os.path.basename(path)[len("models_"):-3]
        run(f"ddl_m{d}_{v}_create", ns, "db.create_all()")


def names():
    from flask_sqlalchemy.model import camel_to_snake_case
    print("=== tablenames")
    for n in ["User", "UserRole", "HTTPRequest", "OAuth2Token", "ABC", "Post2Tag", "userProfile",
              "HTTPRequestLog", "UserAPIKey", "Product_Item", "BlogPost", "A", "aB", "_Private",
              "My2FAToken", "XMLHttpRequest", "Äpfel", "CamelCaseX", "ID", "IDs", "getHTTP2Response"]:
        print(f"--- {n}")
        print(camel_to_snake_case(n))


MODELS = open(os.path.join(os.path.dirname(__file__), "sql_cases_models.py")).read()
CASES = open(os.path.join(os.path.dirname(__file__), "sql_cases_queries.py")).read()


def queries():
    ns = oracle.make_namespace()
    with contextlib.redirect_stdout(io.StringIO()):
        exec(MODELS, ns)
    run("cases_create_all", ns, "db.create_all()")
    for block in CASES.split("\n# case ")[1:]:
        name, _, code = block.partition("\n")
        run(name.strip(), ns, code)
        ns["db"].session.rollback()


def main():
    corpus_ddl()
    names()
    queries()
    print("=== end")


if __name__ == "__main__":
    main()
