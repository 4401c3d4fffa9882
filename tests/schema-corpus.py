#!/usr/bin/python3
# Checks data/fiscal-budget.schema.json against the documents Fiscal ships
# (they must pass) and against the malformed corpus (the files whose fault a
# schema can express must fail). A key given twice is a fault no schema can
# express (a JSON tool keeps one of the two before the schema sees the
# object), so the duplicate-key files are checked to really hold a key twice
# and to pass the schema: only the loader refuses them. So is a "disclosure"
# naming a format this Fiscal does not have (the formats are compiled in,
# the schema cannot list them): that file must pass the schema too. Prints
# TAP.
import json
import os
import sys

import jsonschema

top = sys.argv[1]
schema = json.load(open(os.path.join(top, 'data', 'fiscal-budget.schema.json'), encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

valid = [
    os.path.join(top, 'data', 'examples', 'changji-liaison-2025.fiscal.json'),
    os.path.join(top, 'data', 'examples', 'changji-liaison-2024.fiscal.json'),
    os.path.join(top, 'tests', 'data', 'minimal.fiscal.json'),
]
# Faults a schema can see (the money pattern limits the digits to the
# ceiling of 10^15 元); duplicate ids, duplicate keys, dangling references
# and a "disclosure" format this Fiscal does not have (the formats are
# compiled in) are the loader's to find: such a file must pass the schema.
schema_codes = {'wrong-type', 'missing-key', 'unknown-format', 'unknown-version',
                'amount-syntax', 'amount-precision', 'amount-overflow'}
invalid = []
duplicate_keys = []
loader_only = []
with open(os.path.join(top, 'tests', 'malformed', 'expected.tsv'), encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or not line.strip():
            continue
        name, code, text = line.rstrip('\n').split('\t')
        if code == 'unknown-format' and text.startswith('disclosure:'):
            loader_only.append(os.path.join(top, 'tests', 'malformed', name))
        elif code in schema_codes:
            invalid.append(os.path.join(top, 'tests', 'malformed', name))
        elif code == 'duplicate-key':
            duplicate_keys.append(os.path.join(top, 'tests', 'malformed', name))


class DuplicateKey(ValueError):
    pass


def refuse_duplicates(pairs):
    keys = [k for k, _ in pairs]
    for k in keys:
        if keys.count(k) > 1:
            raise DuplicateKey(k)
    return dict(pairs)


cases = [(p, True) for p in valid + loader_only] + [(p, False) for p in invalid]
print('1..%d' % (len(cases) + len(duplicate_keys)))
failed = 0
for n, (path, should_pass) in enumerate(cases, 1):
    try:
        doc = json.load(open(path, encoding='utf-8'))
        errors = list(validator.iter_errors(doc))
    except ValueError as e:
        errors = [e]
    ok = (not errors) == should_pass
    failed += not ok
    detail = '' if ok else ': ' + (str(errors[0]).splitlines()[0] if errors else 'passed, but should fail')
    what = 'loader-only' if path in loader_only else 'valid' if should_pass else 'invalid'
    print('%s %d - %s %s%s' % ('ok' if ok else 'not ok', n, what, os.path.basename(path), detail))
for n, path in enumerate(duplicate_keys, len(cases) + 1):
    detail = ''
    try:
        json.load(open(path, encoding='utf-8'), object_pairs_hook=refuse_duplicates)
        detail = ': no key is given twice'
    except DuplicateKey:
        errors = list(validator.iter_errors(json.load(open(path, encoding='utf-8'))))
        if errors:
            detail = ': the schema refuses it for another fault: ' + str(errors[0]).splitlines()[0]
    failed += bool(detail)
    print('%s %d - duplicate key %s%s' % ('not ok' if detail else 'ok', n, os.path.basename(path), detail))
sys.exit(1 if failed else 0)
