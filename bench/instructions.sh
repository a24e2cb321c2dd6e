#!/usr/bin/env bash
# Instructions per report read and checked, counted by valgrind's callgrind (Debian package `valgrind`):
# the difference between N passes and 0 passes over the six fixture reports, divided by 6·N. Unlike reports/s,
# the figure does not move with the load of a shared machine.
#   bash bench/instructions.sh [N]      (default N = 40; builds GongkaiBench in release mode first)
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-40}
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 2; }
swift build -c release --product GongkaiBench >/dev/null
# valgrind cannot read the debug information of the full package's binary: count on a stripped copy.
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
objcopy --strip-debug "$(swift build -c release --show-bin-path)/GongkaiBench" "$bin"
count() {
    local out; out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" reports --passes "$1" 2>&1 >/dev/null \
        | sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,
    rm -f "$out"
}
files=$(ls Tests/Fixtures/reports/*.txt | wc -l)
base=$(count 0)
full=$(count "$passes")
echo "instructions per report read + checked: $(( (full - base) / (files * passes) )) ($passes passes over $files reports)"
