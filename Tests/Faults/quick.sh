#!/usr/bin/env bash
# The quick tier of the fault suites (about 10 minutes on the 2-core CI machine).
#
#   Tests/Faults/quick.sh
#
# Expects the main package built (`swift build`); builds ledger-stress (Fuzz package) and the fuzzers itself.
# The in-process suites (FaultCorruptionSweepTests, FaultClockTests) run with the rest of `swift test`.
# Each script prints SKIPPED (reason) when a prerequisite (root, loop devices, strace, faketime, eatmydata, mkfs)
# is missing; a skip is counted and shown, never counted as passed.
# Environment: FAULTS_FUZZ_SECONDS (default 60), FAULTS_CUTS (100), FAULTS_RACES (1000), FAULTS_SERVE_KILLS (20),
# FAULTS_SKIP_FUZZ=1.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$DIR/../.." && pwd)
source "$DIR/tier.sh"

echo "== building ledger-stress"
(cd "$REPO" && swift build --package-path Fuzz --product ledger-stress 2>&1 | tail -1)
run "power cut, ext4 x${FAULTS_CUTS:-100}" bash "$DIR/powercut.sh" "${FAULTS_CUTS:-100}" ext4
run "power cut under eatmydata (must be caught)" bash "$DIR/powercut.sh" 3 ext4 --mutant eatmydata
run "crash at every syscall" bash "$DIR/crashsweep.sh"
run "I/O errors: EIO, ENOSPC, EFBIG" bash "$DIR/iofaults.sh"
run "two writers racing x${FAULTS_RACES:-1000}" bash "$DIR/race.sh" "${FAULTS_RACES:-1000}"
run "clock going backwards" bash "$DIR/clock.sh"
run "hostile input to every importer and append" bash "$DIR/hostile.sh"
run "serve answers 200 only after fdatasync returned" bash "$DIR/servesync.sh"
run "serve with 10,000 idle connections" bash "$DIR/serveidle.sh" 10000
run "serve killed -9 under load x${FAULTS_SERVE_KILLS:-20}" bash "$DIR/servekill.sh" "${FAULTS_SERVE_KILLS:-20}"
if [ "${FAULTS_SKIP_FUZZ:-0}" != 1 ]; then
    # FuzzVerify (about 85 runs/s: it rewrites a ledger directory per input) runs in the soak tier only.
    # Three targets at a time share the two cores, so that the tier stays within 10 minutes; each still runs for
    # the full time (fewer inputs per target than alone: run.sh prints how many).
    run "fuzzing, ${FAULTS_FUZZ_SECONDS:-60} s per target" env FUZZ_JOBS="${FUZZ_JOBS:-3}" \
        bash "$REPO/Fuzz/run.sh" "${FAULTS_FUZZ_SECONDS:-60}" \
        FuzzRecord FuzzFrames FuzzEnvelope FuzzNote FuzzCheckpoint FuzzProof FuzzHead \
        FuzzZca FuzzOAWebhook FuzzZaloWeb FuzzRosterCSV
fi
finish_tier quick
