#!/usr/bin/env python3
# Runs one libFuzzer target as a test of the suite 'fuzz' (meson test
# --suite fuzz; tests/fuzz/README.md):
#
#   run-fuzz.py TARGET CORPUS ARTIFACTS [--seconds N] [--replay-only] [-- FLAGS…]
#
# Every file of the committed corpus CORPUS is run once (the regression
# replay: an input that crashed once and was added there must not crash
# again); then, unless --replay-only, the target fuzzes for N seconds from
# the corpus, the new inputs it finds kept in a scratch directory of the
# build, never in the source tree. A crash, a leak, a
# timeout or running out of memory fails the test; libFuzzer saves the
# input under ARTIFACTS and the log names it.
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument('target')
parser.add_argument('corpus')
parser.add_argument('artifacts')
parser.add_argument('--seconds', type=int, default=10)
parser.add_argument('--replay-only', action='store_true')
argv = sys.argv[1:]
flags = argv[argv.index('--') + 1:] if '--' in argv else []
args = parser.parse_args(argv[:argv.index('--')] if '--' in argv else argv)

target = os.path.abspath(args.target)
name = os.path.basename(target)
os.makedirs(args.artifacts, exist_ok=True)
common = ['-artifact_prefix=' + os.path.join(args.artifacts, name + '-'),
          '-print_final_stats=1'] + flags

seeds = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
               if os.path.isfile(os.path.join(args.corpus, f)))
if not seeds:
    print('%s: the corpus %s is empty' % (name, args.corpus))
    sys.exit(1)


def run(argv, what):
    print('%s: %s' % (name, ' '.join(argv)), flush=True)
    status = subprocess.run(argv).returncode
    if status != 0:
        print('%s: %s FAILED (status %d); the input is saved under %s'
              % (name, what, status, args.artifacts), flush=True)
        sys.exit(1)


if args.replay_only:
    run([target] + common + seeds, 'replaying the corpus (%d inputs)' % len(seeds))
else:
    # libFuzzer runs every input of the corpus first (a crash there is a
    # regression: the log shows it before the line “INITED”), then fuzzes.
    scratch = tempfile.mkdtemp(prefix=name + '-corpus-', dir=args.artifacts)
    try:
        run([target, '-max_total_time=%d' % args.seconds] + common + [scratch, args.corpus],
            'replaying the corpus (%d inputs) and fuzzing for %d s' % (len(seeds), args.seconds))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

print('%s: passed%s' % (name, ' (replay only)' if args.replay_only else ''))
