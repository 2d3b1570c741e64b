#!/usr/bin/env bash
# The inspector's binary: a release build of `groupledger` with the Swift runtime and Foundation linked in
# (`--static-swift-stdlib`), which runs on a machine without Swift. Only the system's libraries remain dynamic:
# libssl/libcrypto (OpenSSL, as the design asks), libc, libm, libstdc++ and libgcc_s.
#
#   Tests/Deploy/static-binary.sh                 (builds it in .build/static; STATIC_SCRATCH=DIR to build elsewhere)
#
# Checks: `ldd` resolves no Swift runtime library (libswift*, libFoundation*, libdispatch, libBlocksRuntime, ICU)
# and nothing under the toolchain; the binary names no RUNPATH into the toolchain; copied alone into an empty
# directory and run with a bare environment, it creates a ledger, appends the demo events, verifies it (exit 0),
# finds a flipped byte (exit 1), and prints a proof that `proof verify` accepts. When the machine allows a private
# mount namespace (root), the same runs with the toolchain's directory hidden. Prints SKIPPED (reason) and exits 77
# when the toolchain has no static libraries.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SCRATCH=${STATIC_SCRATCH:-$REPO/.build/static}
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
finish() {
    echo "static-binary: $PASSED passed, $FAILED failed, 0 skipped"
    [ "$FAILED" -eq 0 ]
    exit $?
}

toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if ! ls "$toolchain"/lib/swift_static/linux/libFoundation.a > /dev/null 2>&1; then
    echo "SKIPPED (the Swift toolchain at $toolchain has no static libraries in lib/swift_static/linux)"
    exit 77
fi

echo "== building: swift build -c release --static-swift-stdlib --product groupledger --scratch-path $SCRATCH"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if ! (cd "$REPO" && swift build -c release --static-swift-stdlib --product groupledger --scratch-path "$SCRATCH") \
    > "$WORK/build.log" 2>&1; then
    fail "the static release build failed: $(grep -E 'error' "$WORK/build.log" | head -3 | tr '\n' ' ')"
    finish
fi
tail -1 "$WORK/build.log"
BIN="$SCRATCH/release/groupledger"
ldd "$BIN" > "$WORK/ldd.txt" 2>&1
echo "   ldd $(basename "$BIN"): $(awk '{print $1}' "$WORK/ldd.txt" | tr '\n' ' ')"
if grep -Eiq 'libswift|libFoundation|libdispatch|libBlocksRuntime|libicu|FoundationICU|not found' "$WORK/ldd.txt"; then
    fail "ldd lists a Swift runtime library or a missing one: $(grep -Ei 'swift|Foundation|dispatch|Blocks|icu|not found' "$WORK/ldd.txt" | tr '\n' ' ')"
elif grep -Fq "$toolchain" "$WORK/ldd.txt"; then
    fail "ldd resolves a library from the toolchain ($toolchain)"
else
    pass "ldd: no Swift runtime library; system libraries only"
fi
if grep -q 'libssl\|libcrypto' "$WORK/ldd.txt"; then
    pass "OpenSSL stays the system's (libssl/libcrypto are dynamic)"
else
    fail "libssl/libcrypto are not among the binary's libraries"
fi
if readelf -d "$BIN" 2> /dev/null | grep -E 'RUNPATH|RPATH' | grep -Fq "$toolchain"; then
    fail "the binary's RUNPATH points into the toolchain: $(readelf -d "$BIN" | grep -E 'RUNPATH|RPATH')"
else
    pass "no RUNPATH into the toolchain"
fi

# Alone in an empty directory, with a bare environment: what an inspector's machine gives it.
mkdir -p "$WORK/alone"
cp "$BIN" "$WORK/alone/groupledger"
cp "$REPO/Fixtures/demo/events.jsonl" "$WORK/alone/events.jsonl"
# run_alone COMMAND: runs a shell command in $WORK/alone with nothing but PATH and HOME set.
run_alone() { (cd "$WORK/alone" && env -i PATH=/usr/bin:/bin HOME="$WORK/alone" bash -c "$1"); }
cat > "$WORK/alone/steps.sh" << 'EOF'
set -e
./groupledger init --ledger ledger --origin inspector.example/static > /dev/null
./groupledger append --ledger ledger events.jsonl > /dev/null
./groupledger verify --ledger ledger > /dev/null
./groupledger prove inclusion --ledger ledger --seq 1 --output proof.txt
./groupledger show 1 --ledger ledger --raw > record.bin
./groupledger proof verify proof.txt --vkey "$(./groupledger vkey --ledger ledger | head -1)" --record record.bin \
    | grep -q "^VALID"
EOF
if run_alone "bash steps.sh" > "$WORK/alone.out" 2>&1; then
    pass "alone with a bare environment: init, append the demo events, verify, prove and check the proof"
else
    fail "alone with a bare environment: $(tail -3 "$WORK/alone.out" | tr '\n' ' ')"
fi
segment=$(ls "$WORK"/alone/ledger/segments/*.seg 2> /dev/null | head -1)
if [ -n "$segment" ]; then
    byte=$(od -An -tu1 -j200 -N1 "$segment" | tr -d ' ')
    printf "\\$(printf '%03o' $((byte ^ 1)))" | dd of="$segment" bs=1 seek=200 conv=notrunc status=none
    run_alone "./groupledger verify --ledger ledger > /dev/null 2>&1"
    status=$?
    if [ "$status" -eq 1 ]; then pass "a flipped byte: verify exits 1"; else fail "a flipped byte: verify exited $status"; fi
else
    fail "no segment file in the ledger the static binary made"
fi

# With the toolchain hidden (needs a private mount namespace: root, and unshare allowed).
if unshare -m true 2> /dev/null; then
    rm -rf "$WORK/alone/ledger" "$WORK/alone/proof.txt" "$WORK/alone/record.bin"
    hidden="mount -t tmpfs none '$toolchain' && cd '$WORK/alone' && env -i PATH=/usr/bin:/bin HOME='$WORK/alone' bash steps.sh"
    if unshare -m bash -c "$hidden" > "$WORK/hidden.out" 2>&1; then
        pass "with $toolchain hidden: the same runs"
    else
        fail "with $toolchain hidden: $(tail -3 "$WORK/hidden.out" | tr '\n' ' ')"
    fi
else
    echo "   (no private mount namespace here: the run with the toolchain hidden is left out; ldd above covers it)"
fi
finish
