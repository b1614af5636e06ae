#!/usr/bin/env python3
"""Loads callhook event logs into ClickHouse's engine (chdb) the way Operating.md says.

The table is the `CREATE TABLE telephony.call_events` block of Operating.md ("Scaling out"),
read from the file itself so the test checks what operators copy; each line is flattened as the
Vector transform of the shipping section does (`from.number` -> `from_number`, `raw` and `query`
as JSON text). Each log is inserted on its own, so each is a part of its own and rows repeated
across instances collapse only through ReplacingMergeTree (`FINAL`).

    clickhouse_load.py Operating.md a/events.jsonl b/events.jsonl

prints one JSON object: rows, rows_final, duplicate_keys_final, ids_final, call_ids_final.
Exits 3 when chdb is not installed, so the caller can skip.
"""
import json
import os
import re
import sys

try:
    from chdb import session
except ImportError:
    print("chdb is not installed (pip install chdb)", file=sys.stderr)
    sys.exit(3)


def table_sql(doc_path):
    text = open(doc_path, encoding="utf-8").read()
    match = re.search(r"```sql\n(CREATE TABLE telephony\.call_events.*?)```", text, re.S)
    if not match:
        sys.exit("no CREATE TABLE telephony.call_events block in " + doc_path)
    return match.group(1)


def row(event):
    # What the Vector remap of Operating.md does, field for field.
    out = dict(event)
    out["from_number"] = (event.get("from") or {}).get("number")
    out["from_name"] = (event.get("from") or {}).get("name")
    out["to_number"] = (event.get("to") or {}).get("number")
    out["to_name"] = (event.get("to") or {}).get("name")
    out["source_addr"] = (event.get("source") or {}).get("addr")
    out["source_user_agent"] = (event.get("source") or {}).get("user_agent")
    out["raw"] = json.dumps(event.get("raw"), separators=(",", ":"))
    out["query"] = None if event.get("query") is None else json.dumps(event["query"], separators=(",", ":"))
    for name in ("from", "to", "source"):
        out.pop(name, None)
    return out


def main():
    # Paths first: the engine may change the working directory.
    doc, logs = os.path.abspath(sys.argv[1]), [os.path.abspath(p) for p in sys.argv[2:]]
    db = session.Session()
    db.query("CREATE DATABASE IF NOT EXISTS telephony")
    db.query(table_sql(doc))
    settings = "SETTINGS date_time_input_format = 'best_effort', input_format_skip_unknown_fields = 0"
    for log in logs:
        with open(log, encoding="utf-8") as f:
            rows = [json.dumps(row(json.loads(line))) for line in f if line.strip()]
        if rows:
            db.query("INSERT INTO telephony.call_events " + settings + " FORMAT JSONEachRow\n" + "\n".join(rows))

    def values(sql):
        return [json.loads(line) for line in str(db.query(sql, "JSONEachRow")).splitlines() if line.strip()]

    result = {
        "rows": values("SELECT count() AS n FROM telephony.call_events")[0]["n"],
        "rows_final": values("SELECT count() AS n FROM telephony.call_events FINAL")[0]["n"],
        "duplicate_keys_final": [r["key"] for r in values(
            "SELECT key FROM telephony.call_events FINAL GROUP BY vendor, key HAVING count() > 1")],
        "ids_final": [r["id"] for r in values("SELECT toString(id) AS id FROM telephony.call_events FINAL")],
        "call_ids_final": [r["call_id"] for r in values("SELECT call_id FROM telephony.call_events FINAL")],
    }
    # The query Operating.md shows after the table must run too.
    values("SELECT vendor, call_id, argMin(outcome, received_at) AS first FROM telephony.call_events FINAL "
           "WHERE type = 'call.hangup' GROUP BY vendor, call_id")
    print(json.dumps(result, sort_keys=True))


main()
