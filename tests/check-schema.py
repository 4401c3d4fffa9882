#!/usr/bin/env python3
# check-schema.py: validate Fiscal documents against data/fiscal-budget.schema.json,
# or disclosure formats against data/fiscal-format.schema.json
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-schema.py SCHEMA FILE...                   every FILE must be valid
#   check-schema.py --expect-invalid SCHEMA FILE...  every FILE must be invalid
#
# Prints one line per FILE ("ok FILE" or "not ok FILE: ...") and exits 1 if
# any FILE did not come out as expected, 2 on a usage error or a bad schema.

import argparse
import json
import sys

import jsonschema


def json_path(error):
    """The place of @error as a key path such as $.lines[3].amount."""
    path = "$"
    for part in error.absolute_path:
        if isinstance(part, int):
            path += "[%d]" % part
        else:
            path += "." + str(part)
    return path


def error_sort_key(error):
    # Report the error nearest the document root first, then in document
    # order, so the same file always gives the same message.
    return (len(error.absolute_path),
            [str(p) for p in error.absolute_path],
            error.message)


def load_json(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")  # UnicodeDecodeError if not UTF-8
    return json.loads(text)


def first_error(validator, path):
    """None if the file at @path is valid, otherwise a one-line reason."""
    try:
        document = load_json(path)
    except OSError as e:
        return "cannot read: %s" % (e.strerror or e)
    except UnicodeDecodeError as e:
        return "not UTF-8 (byte %d)" % e.start
    except json.JSONDecodeError as e:
        return "not JSON: %s at line %d column %d" % (e.msg, e.lineno, e.colno)

    errors = sorted(validator.iter_errors(document), key=error_sort_key)
    if not errors:
        return None
    error = errors[0]
    return "%s: %s" % (json_path(error), error.message)


def main(argv):
    parser = argparse.ArgumentParser(
        description="Validate Fiscal documents against the JSON Schema.")
    parser.add_argument("--expect-invalid", action="store_true",
                        help="every FILE must fail validation")
    parser.add_argument("schema", help="path of fiscal-budget.schema.json or fiscal-format.schema.json")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="documents to check")
    args = parser.parse_args(argv)

    try:
        schema = load_json(args.schema)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, UnicodeDecodeError, ValueError,
            jsonschema.exceptions.SchemaError) as e:
        print("bad schema %s: %s" % (args.schema, e), file=sys.stderr)
        return 2

    validator = jsonschema.Draft202012Validator(schema)
    failed = 0

    for path in args.files:
        reason = first_error(validator, path)
        if args.expect_invalid:
            if reason is None:
                print("not ok %s: valid, but expected to be invalid" % path)
                failed += 1
            else:
                print("ok %s (invalid as expected: %s)" % (path, reason))
        else:
            if reason is None:
                print("ok %s" % path)
            else:
                print("not ok %s: %s" % (path, reason))
                failed += 1

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
