#!/usr/bin/env python3
"""Validate HAR files against the HAR 1.2 JSON schema (Debian's node-har-schema) and open
them with haralyzer. Usage: validate-har.py FILE.har [--forbid SECRET ...]
Prints one line per problem and exits 1 if there is any; prints 'ok N entries' otherwise."""
import glob
import json
import os
import sys

SCHEMA_DIR = "/usr/share/nodejs/har-schema/lib"


def main(argv):
    files, forbidden = [], []
    args = iter(argv)
    for arg in args:
        if arg == "--forbid":
            forbidden.append(next(args))
        else:
            files.append(arg)
    try:
        import jsonschema
        from referencing import Registry, Resource
        from haralyzer import HarParser
    except ImportError as error:
        print(f"missing Python module ({error}); run: make test-deps")
        return 2
    schemas = {}
    for path in glob.glob(os.path.join(SCHEMA_DIR, "*.json")):
        with open(path) as handle:
            schema = json.load(handle)
        schemas[os.path.basename(path)] = schema
    if "har.json" not in schemas:
        print(f"no HAR schema in {SCHEMA_DIR}; run: make test-deps")
        return 2
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    validator = jsonschema.Draft6Validator(schemas["har.json"], registry=registry,
                                          format_checker=jsonschema.FormatChecker())
    problems = 0
    for path in files:
        with open(path, "rb") as handle:
            raw = handle.read()
        for secret in forbidden:
            if secret.encode() in raw:
                print(f"{path}: contains a forbidden secret")
                problems += 1
        document = json.loads(raw)
        for error in validator.iter_errors(document):
            print(f"{path}: schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
            problems += 1
        parser = HarParser(document)
        entries = sum(len(page.entries) for page in parser.pages) if parser.pages else len(document["log"]["entries"])
        if problems == 0:
            print(f"ok {len(document['log']['entries'])} entries ({entries} via haralyzer)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
