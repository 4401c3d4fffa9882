#!/usr/bin/python3
# Checks data/fiscal-format.schema.json against the disclosure formats
# Fiscal ships (data/formats/) and the valid corpus (tests/formats-valid/):
# they must pass; and against the corpus of broken formats
# (tests/formats-malformed/expected.tsv): a file whose fault the schema can
# express must fail it, at the place the loader names (or within it; for
# a missing or unknown key the schema names its object, and the key in its
# message), and a file whose fault only the loader can see (a
# cross-reference, a number like 2.0 that JSON Schema takes for an
# integer) must pass it, which shows the file has no other fault.
# test-format checks that the loader refuses every corpus file with the
# same code and key path. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    print('1..0 # SKIP jsonschema is missing (python3-jsonschema)')
    sys.exit(0)

top = sys.argv[1]
schema = json.load(open(os.path.join(top, 'data', 'fiscal-format.schema.json'), encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

corpus = os.path.join(top, 'tests', 'formats-malformed')
valid = sorted(glob.glob(os.path.join(top, 'data', 'formats', '*.json')))
valid += sorted(glob.glob(os.path.join(top, 'tests', 'formats-valid', '*.json')))

malformed = []
with open(os.path.join(corpus, 'expected.tsv'), encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or not line.strip():
            continue
        name, code, where, seen = line.rstrip('\n').split('\t')
        malformed.append((name, code, where, seen))


def key_path(where):
    """`tables[0].columns[5].sum` as ['tables', 0, 'columns', 5, 'sum']."""
    if where == '-':
        return []
    path = []
    for key, index in re.findall(r'([^.\[\]]+)|\[(\d+)\]', where):
        path.append(int(index) if index else key)
    return path


def all_errors(errors):
    """The errors and, within each, the errors of its alternatives."""
    for error in errors:
        yield error
        yield from all_errors(error.context)


def places(error, path):
    """Whether @error is about the value at @path: there or within it, or
    a missing or unknown key of its object named in the message."""
    at = list(error.absolute_path)
    if at[:len(path)] == path:
        return True
    return (at == path[:-1] and isinstance(path[-1], str) and
            error.validator in ('required', 'additionalProperties', 'not') and
            repr(path[-1]) in error.message)


listed = {m[0] for m in malformed}
on_disk = {os.path.basename(p) for p in glob.glob(os.path.join(corpus, '*.json'))}

print('1..%d' % (len(valid) + len(malformed) + 1))
failed = 0
n = 0

n += 1
ok = listed == on_disk
failed += not ok
print('%s %d - every corpus file is listed in expected.tsv%s' % (
    'ok' if ok else 'not ok', n,
    '' if ok else ': unlisted %s, missing %s' % (sorted(on_disk - listed), sorted(listed - on_disk))))

for path in valid:
    n += 1
    errors = list(validator.iter_errors(json.load(open(path, encoding='utf-8'))))
    failed += bool(errors)
    detail = ': %s: %s' % (list(errors[0].absolute_path), errors[0].message) if errors else ''
    print('%s %d - valid %s%s' % ('not ok' if errors else 'ok', n, os.path.relpath(path, top), detail))

for name, code, where, seen in malformed:
    n += 1
    document = json.load(open(os.path.join(corpus, name), encoding='utf-8'))
    errors = list(validator.iter_errors(document))
    if seen == 'loader':
        detail = ': the schema refuses it: %s' % errors[0].message if errors else ''
    elif not errors:
        detail = ': the schema takes it, but the loader refuses it (%s at %s)' % (code, where)
    elif not any(places(e, key_path(where)) for e in all_errors(errors)):
        detail = ': the schema refuses it elsewhere than %s: %s at %s' % (
            where, errors[0].message, list(errors[0].absolute_path))
    else:
        detail = ''
    failed += bool(detail)
    print('%s %d - %s %s%s' % ('not ok' if detail else 'ok', n,
                               'loader-only' if seen == 'loader' else 'invalid', name, detail))

sys.exit(1 if failed else 0)
