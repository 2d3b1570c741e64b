#!/usr/bin/env bash
# The soak tier: run by hand before a release or after a change to the storage code (several hours with the
# default fuzzing time; FAULTS_FUZZ_SECONDS=300 brings it near one hour).
#
#   Tests/Faults/soak.sh
#
# 1 000 power cuts on ext4 and 200 on xfs, the eatmydata mutant on both, every syscall crash point (--all),
# 5 000 writer races, the I/O-error and clock suites, 100 000 bit flips in-process, each fuzz target for
# FAULTS_FUZZ_SECONDS (default 1 800 s), and the whole test suite under AddressSanitizer and ThreadSanitizer.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$DIR/../.." && pwd)
TIER_SHOWN_LINES=60
source "$DIR/tier.sh"
(cd "$REPO" && swift build --product groupledger > /dev/null && swift build --package-path Fuzz --product ledger-stress > /dev/null)
run "power cut, ext4 x1000" bash "$DIR/powercut.sh" 1000 ext4
run "power cut, xfs x200" bash "$DIR/powercut.sh" 200 xfs
run "eatmydata mutant, ext4" bash "$DIR/powercut.sh" 10 ext4 --mutant eatmydata
run "eatmydata mutant, xfs" bash "$DIR/powercut.sh" 5 xfs --mutant eatmydata
run "crash at every syscall (--all)" bash "$DIR/crashsweep.sh" --all
run "I/O errors" bash "$DIR/iofaults.sh"
run "two writers racing x5000" bash "$DIR/race.sh" 5000
run "clock" bash "$DIR/clock.sh"
run "hostile input" bash "$DIR/hostile.sh"
run "100 000 bit flips" env FAULT_FLIPS=100000 swift test --package-path "$REPO" --filter FaultCorruptionSweepTests
run "fuzzing" bash "$REPO/Fuzz/run.sh" "${FAULTS_FUZZ_SECONDS:-1800}"
run "AddressSanitizer" bash "$DIR/sanitizers.sh" address
run "ThreadSanitizer" bash "$DIR/sanitizers.sh" thread
finish_tier soak
