"""Formats JSON values with the installed AWS CLI's own formatters, for the parity test.

stdin: [{"value": ..., "format": "json"|"text"|"table", "color": "on"|"off"}]
stdout: a JSON list of the texts the CLI would print (null where it raises).
"""
import io
import json
import sys
from types import SimpleNamespace

from awscli.formatter import get_formatter

cases = json.load(sys.stdin)
results = []
for case in cases:
    value = case["value"]
    # The value reaches the formatter the way a --query result does: the response is a dict
    # (as every AWS answer is) and the "query" returns the value.
    query = SimpleNamespace(search=lambda _response, value=value: value)
    args = SimpleNamespace(query=query, color=case.get("color", "off"))
    stream = io.StringIO()
    try:
        get_formatter(case["format"], args)("GetIdentityCenterAuthToken", {}, stream)
        results.append(stream.getvalue())
    except Exception:  # the CLI would crash on this value; the test expects idc-tui to throw too
        results.append(None)
json.dump(results, sys.__stdout__)
