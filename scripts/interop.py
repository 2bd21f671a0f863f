"""Runs Airbyte's published source-vitally connector (from PyPI) against one of our servers.

    .interop/venv/bin/python scripts/interop.py LABEL BASE_URL TOKEN

The connector's manifest has no base-URL setting (url_base is https://rest.vitally.io/resources/),
so it is overridden at run time: the installed manifest is read, its url_base replaced in memory,
and the same declarative source is built from that. No connector file is changed or copied.
Prints check, discover, and per stream the records and pages read and the records that do not
match the connector's own JSON schema. Exit status 1 when check or read fails.
"""

import collections
import contextlib
import json
import logging
import pathlib
import sys
import tempfile

import jsonschema
import requests
import yaml
from airbyte_cdk.entrypoint import AirbyteEntrypoint
from airbyte_cdk.sources.declarative.manifest_declarative_source import ManifestDeclarativeSource
import source_vitally


def source_for(base_url):
    manifest = yaml.safe_load((pathlib.Path(source_vitally.__file__).parent / "manifest.yaml").read_text())
    manifest["definitions"]["base_requester"]["url_base"] = base_url.rstrip("/") + "/resources/"
    return ManifestDeclarativeSource(source_config=manifest)


def messages(source, args, log):
    """The connector's messages; its own log lines (printed to stdout by the CDK) go to `log`."""
    with contextlib.redirect_stdout(log):
        entrypoint = AirbyteEntrypoint(source)
        loggers = [logging.getLogger()] + [l for l in logging.Logger.manager.loggerDict.values() if isinstance(l, logging.Logger)]
        for handler in (h for l in loggers for h in l.handlers):
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                handler.setStream(log)
        answers = []
        try:
            for line in entrypoint.run(entrypoint.parse_args(args)):
                answers.append(json.loads(line))
        except Exception as failure:  # the CDK raises after a failed sync: keep what came before
            answers.append({"type": "TRACE", "trace": {"type": "ERROR", "error": {"message": f"{args[0]} failed: {failure}"}}})
    return answers


def main():
    label, base_url, token = sys.argv[1:4]
    pages = collections.Counter()
    sent = requests.Session.send

    def counting_send(session, request, **kwargs):
        response = sent(session, request, **kwargs)
        path = requests.utils.urlparse(request.url).path.rsplit("/", 1)[-1]
        pages[(path, response.status_code)] += 1
        return response

    requests.Session.send = counting_send
    work = pathlib.Path(tempfile.mkdtemp(prefix="connector-", dir=".interop/logs"))
    config = work / "config.json"
    config.write_text(json.dumps({"api_key": token, "status": "activeOrChurned"}))
    source = source_for(base_url)
    log = open(work / "connector.log", "w")

    print(f"== {label} at {base_url}")
    check = [m for m in messages(source, ["check", "--config", str(config)], log) if m.get("type") == "CONNECTION_STATUS"]
    verdict = check[0]["connectionStatus"]["status"] if check else "NO ANSWER"
    print(f"check:    {verdict}" + ("" if verdict == "SUCCEEDED" else f" ({check[0]['connectionStatus'].get('message', '') if check else ''})"))
    catalog = next(m["catalog"] for m in messages(source, ["discover", "--config", str(config)], log) if m.get("type") == "CATALOG")
    streams = catalog["streams"]
    print(f"discover: {len(streams)} streams")
    configured = {
        "streams": [
            {"stream": s, "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"} for s in streams
        ]
    }
    catalog_file = work / "catalog.json"
    catalog_file.write_text(json.dumps(configured))
    schemas = {s["name"]: s["json_schema"] for s in streams}
    records, mismatches, errors, complete, reasons = collections.Counter(), collections.Counter(), [], set(), {}
    pages.clear()
    for message in messages(source, ["read", "--config", str(config), "--catalog", str(catalog_file)], log):
        kind = message.get("type")
        if kind == "RECORD":
            stream, data = message["record"]["stream"], message["record"]["data"]
            records[stream] += 1
            found = list(jsonschema.Draft7Validator(schemas[stream]).iter_errors(data))
            mismatches[stream] += bool(found)
            for error in found:
                where = "/".join(map(str, error.absolute_path)) or "(record)"
                got = type(error.instance).__name__.replace("dict", "object").replace("str", "string")
                reasons.setdefault(stream, collections.Counter())[f"{where} is {got}, the schema says {error.validator} {error.validator_value}"] += 1
        elif kind == "TRACE" and message["trace"].get("type") == "ERROR":
            errors.append(message["trace"]["error"].get("message", "error"))
        elif kind == "TRACE" and message["trace"].get("type") == "STREAM_STATUS":
            status = message["trace"]["stream_status"]
            if status.get("status") == "COMPLETE":
                complete.add(status["stream_descriptor"]["name"])
    paths = {"nps_responses": "npsResponses"}
    print(f"{'stream':<15} {'records':>8} {'pages':>6} {'non-200':>8} {'schema mismatches':>18}  read to the end")
    for stream in sorted(schemas):
        path = paths.get(stream, stream)
        ok = pages[(path, 200)]
        failed = sum(count for (name, code), count in pages.items() if name == path and code != 200)
        print(f"{stream:<15} {records[stream]:>8} {ok:>6} {failed:>8} {mismatches[stream]:>18}  {'yes' if stream in complete else 'NO'}")
    print(f"{'total':<15} {sum(records.values()):>8} {sum(c for (_, code), c in pages.items() if code == 200):>6}")
    for stream, counts in sorted(reasons.items()):
        for reason, count in counts.most_common():
            print(f"schema mismatch in {stream} ({count}): {reason}")
    for error in dict.fromkeys(errors):
        for line in error.splitlines()[:9]:
            print("error: " + line[:160])
    print(f"(the connector's own log: {work / 'connector.log'})")
    return 0 if verdict == "SUCCEEDED" and not errors and len(complete) == len(schemas) else 1


if __name__ == "__main__":
    sys.exit(main())
