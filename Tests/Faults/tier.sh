# Shared by the two tiers, quick.sh and soak.sh (sourced, not run): runs suites one after the other, shows the
# last lines of each one's output without its "ok" lines, and counts passed, failed and skipped suites. A skipped
# suite (exit 77, a prerequisite missing) is counted and shown, never counted as passed.
#
#   run NAME COMMAND...      one suite
#   finish_tier TIER         the summary line "faults-TIER: N passed, N failed, N skipped"; fails if one failed

set -u
TIER_SHOWN_LINES=${TIER_SHOWN_LINES:-40}
tier_passed=0
tier_failed=0
tier_skipped=0
tier_failures=""
tier_started=$(date +%s)

run() {
    local name=$1 start status
    shift
    start=$(date +%s)
    echo "== $name"
    "$@" 2>&1 | grep -Ev '^ok ' | tail -"$TIER_SHOWN_LINES"
    status=${PIPESTATUS[0]}
    case $status in
        0) tier_passed=$((tier_passed + 1)); echo "-- $name: passed in $(($(date +%s) - start)) s" ;;
        77) tier_skipped=$((tier_skipped + 1)); echo "-- $name: SKIPPED in $(($(date +%s) - start)) s" ;;
        *)
            tier_failed=$((tier_failed + 1))
            tier_failures="$tier_failures $name"
            echo "-- $name: FAILED (status $status) in $(($(date +%s) - start)) s"
            ;;
    esac
}

finish_tier() {
    echo "== the $1 tier took $(($(date +%s) - tier_started)) s${tier_failures:+; failed:$tier_failures}"
    echo "faults-$1: $tier_passed passed, $tier_failed failed, $tier_skipped skipped"
    [ "$tier_failed" -eq 0 ]
}
