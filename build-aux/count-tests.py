#!/usr/bin/env python3
# Counts the individual test cases in one or more meson testlog.json files
# and prints one line "N passed, N failed" (", N skipped" when any were).
# A TAP test counts each "ok"/"not ok" line; a test that died before its
# plan was complete counts one more failure. Other tests count as one case.
# Exits 1 when any case failed or a log is missing.
import json
import re
import sys

passed = failed = skipped = 0
status = 0

for path in sys.argv[1:]:
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except OSError as e:
        print('count-tests: %s' % e, file=sys.stderr)
        status = 1
        continue
    for line in lines:
        test = json.loads(line)
        out = test.get('stdout') or ''
        plan = re.search(r'^1\.\.(\d+)', out, re.M)
        if plan:
            results = re.findall(r'^(ok|not ok)\b[^\n]*', out, re.M)
            seen = 0
            for m in re.finditer(r'^(ok|not ok)\b([^\n]*)', out, re.M):
                seen += 1
                if m.group(1) == 'not ok':
                    failed += 1
                elif re.search(r'#\s*SKIP', m.group(2), re.I):
                    skipped += 1
                else:
                    passed += 1
            if test['result'] not in ('OK', 'EXPECTEDFAIL', 'SKIP') and not any(r == 'not ok' for r in results):
                failed += 1
            elif seen < int(plan.group(1)) and test['result'] == 'OK':
                failed += 1
        elif test['result'] == 'OK':
            passed += 1
        elif test['result'] == 'SKIP':
            skipped += 1
        else:
            failed += 1

summary = '%d passed, %d failed' % (passed, failed)
if skipped:
    summary += ', %d skipped' % skipped
print(summary)
sys.exit(1 if failed or status else 0)
