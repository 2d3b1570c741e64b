#!/usr/bin/env bash
# The whole test suite under a sanitizer (plan P6, bar B12).
#
#   Tests/Faults/sanitizers.sh address|thread
#
# Builds into .build-<sanitizer> (so the normal build is untouched), runs `swift test --sanitize=...`, and fails
# on any sanitizer report even when the tests themselves pass. The log stays in /tmp/groupledger-<sanitizer>.log.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
KIND=${1:?address or thread}
LOG=/tmp/groupledger-$KIND.log
started=$(date +%s)
cd "$REPO" || exit 1
if ! swift build --build-tests --sanitize="$KIND" --scratch-path ".build-$KIND" > "$LOG" 2>&1; then
    if grep -q "unsupported\|not supported" "$LOG"; then
        echo "SKIPPED (this toolchain cannot build with --sanitize=$KIND)"
        echo "sanitizer-$KIND: 0 passed, 0 failed, 1 skipped"
        exit 77
    fi
    echo "FAIL the build with --sanitize=$KIND failed:"
    tail -20 "$LOG"
    echo "sanitizer-$KIND: 0 passed, 1 failed, 0 skipped"
    exit 1
fi
# The 10 000-flip sweep alone takes 8 minutes under ASan; 1 000 flips exercise the same code.
FAULT_FLIPS=${FAULT_FLIPS:-1000} TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0} ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    swift test --skip-build --sanitize="$KIND" --scratch-path ".build-$KIND" >> "$LOG" 2>&1
status=$?
reports=$(grep -cE '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)' "$LOG")
summary=$(grep -E 'Test run with [0-9]+ tests' "$LOG" | tail -1)
echo "$summary"
grep -E '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY)' "$LOG" | sort | uniq -c | head -20
echo "took $(($(date +%s) - started)) s; log $LOG"
if [ "$status" = 0 ] && [ "$reports" = 0 ]; then
    echo "sanitizer-$KIND: 1 passed, 0 failed, 0 skipped"
    exit 0
fi
echo "FAIL $reports sanitizer report(s), test status $status"
echo "sanitizer-$KIND: 0 passed, 1 failed, 0 skipped"
exit 1
