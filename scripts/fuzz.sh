#!/bin/bash
# Builds the libFuzzer harnesses in Fuzz/Harnesses with `swiftc -sanitize=fuzzer,address` and runs
# each for FUZZ_RUNS executions (default 1,000,000) from its corpus in Fuzz/Corpus.
# The VitallyKit files the readers need (no AsyncHTTPClient) are compiled once into an instrumented
# static library. The command-line target fuzzes the real parser with the real command registry:
# SwiftPM builds VitallyShell's dependencies (debug, not instrumented), and VitallyShell (whose
# command catalog is one array in Commands/ShellCommand.swift) is compiled again, instrumented, with the
# flags SwiftPM used for it (read from its build description by scripts/fuzz-shell-flags.py).
# Usage: scripts/fuzz.sh [TARGET...]   targets: json har commandline ics scrub (default: all)
# FUZZ_RUNS=0 only builds; FUZZ_SKIP_BUILD=1 runs the harnesses built before, as they are;
# FUZZ_JOBS=N splits the runs over N processes; FUZZ_SANITIZE=fuzzer builds without ASan.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
RUNS=${FUZZ_RUNS:-1000000}
JOBS=${FUZZ_JOBS:-}
# FUZZ_SANITIZE=fuzzer drops AddressSanitizer (Swift checks bounds itself) for a faster campaign;
# its builds go to a folder of their own.
SANITIZE=${FUZZ_SANITIZE:-fuzzer,address}
OUT=.build/fuzz
[ "$SANITIZE" = fuzzer,address ] || OUT=.build/fuzz-${SANITIZE//,/-}
FLAGS=(-O -sanitize=$SANITIZE -parse-as-library -package-name vitally_shell -swift-version 6)
# ASan keeps no allocation stacks (the costliest part of a run; a report still has the crash's stack).
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=0}
mkdir -p "$OUT"
# A trap is reported by libFuzzer; Swift's own backtracer would wait on the dying process instead.
export SWIFT_BACKTRACE=enable=no

# Runs a compile into LOG; on failure shows it without gold's noise about ASan's local symbols.
quietly() {
    local log=$1; shift
    "$@" >"$log" 2>&1 || { grep -v "Cannot export local symbol" "$log" >&2; echo "fuzz: build failed ($log)" >&2; exit 1; }
}

# Compiles the VitallyKit files the readers need into an instrumented static library, when stale.
build_kit() {
    local kit_sources newest
    # Every file but those that need SwiftPM's packages (AsyncHTTPClient, GRDB): naming the files a
    # reader needs went stale as they came to use others (OrderedBatches, Observation, MatchRule).
    kit_sources=$(find Sources/VitallyKit -name '*.swift' | sort | grep -v -x -F -f <(grep -l -E '^import (AsyncHTTPClient|NIO|NIOCore|NIOHTTP1|GRDB|GRDBSQLite|Logging)$' -r Sources/VitallyKit))
    newest=$(ls -t $kit_sources | head -1)
    if [ ! -f "$OUT/libVitallyKit.a" ] || [ "$newest" -nt "$OUT/libVitallyKit.a" ]; then
        echo "fuzz: compiling VitallyKit (instrumented)..."
        quietly "$OUT/build-VitallyKit.log" $SWIFTC "${FLAGS[@]}" -module-name VitallyKit -emit-module \
            -emit-module-path "$OUT/VitallyKit.swiftmodule" -emit-library -static -o "$OUT/libVitallyKit.a" $kit_sources
    fi
}

# Compiles VitallyShell instrumented into $OUT/shell and lists the objects of its dependencies.
build_shell() {
    echo "fuzz: building VitallyShell's dependencies (swift build)..."
    quietly "$OUT/build-swiftpm.log" $SWIFT build --product vitally-shell
    local bin sources
    bin=$($SWIFT build --show-bin-path)
    sources=$(find Sources/VitallyShell -name '*.swift' | sort)
    mapfile -t shell_flags < <(python3 scripts/fuzz-shell-flags.py "$bin")
    mkdir -p "$OUT/shell"
    echo "fuzz: compiling VitallyShell (instrumented)..."
    quietly "$OUT/build-VitallyShell.log" $SWIFTC -O -sanitize=$SANITIZE "${shell_flags[@]}" -module-name VitallyShell \
        -emit-module -emit-module-path "$OUT/shell/VitallyShell.swiftmodule" -emit-library -static \
        -o "$OUT/shell/libVitallyShell.a" $sources
    grep -v -e '/VitallyShell.build/' -e '/vitally-shell.build/' "$bin/vitally-shell.product/Objects.LinkFileList" >"$OUT/shell/objects"
}

# The scrub harness puts its input into a HAR four times and scrubs it whole: shorter inputs keep
# it near a hundred runs a second, which a million runs need.
declare -A max_len=([scrub]=512)
declare -A harness=(
    [json]="Fuzz/Harnesses/JSONParserFuzz.swift"
    [har]="Fuzz/Harnesses/HARReaderFuzz.swift"
    [commandline]="Fuzz/Harnesses/CommandLineFuzz.swift"
    [ics]="Fuzz/Harnesses/CalendarInviteFuzz.swift"
    [scrub]="Fuzz/Harnesses/ScrubFuzz.swift"
)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(json har commandline ics scrub)

for target in "${targets[@]}"; do
    [ -n "${harness[$target]:-}" ] || { echo "fuzz: no target '$target' (json har commandline ics scrub)" >&2; exit 2; }
    if [ -n "${FUZZ_SKIP_BUILD:-}" ]; then
        [ -x "$OUT/fuzz-$target" ] || { echo "fuzz: $OUT/fuzz-$target is not built" >&2; exit 2; }
    elif [ "$target" = commandline ]; then
        echo "fuzz: building $target..."
        build_shell
        quietly "$OUT/build-$target.log" $SWIFTC -O -sanitize=$SANITIZE -I "$OUT/shell" "${shell_flags[@]}" \
            -module-name "Fuzz_$target" ${harness[$target]} -L "$OUT/shell" -lVitallyShell @"$OUT/shell/objects" \
            -o "$OUT/fuzz-$target"
    else
        echo "fuzz: building $target..."
        build_kit
        quietly "$OUT/build-$target.log" $SWIFTC "${FLAGS[@]}" -module-name "Fuzz_$target" -I "$OUT" -L "$OUT" \
            -lVitallyKit ${harness[$target]} -o "$OUT/fuzz-$target"
    fi
    work="$OUT/corpus-$target"
    mkdir -p "$work" "$OUT/crashes"
    [ "$RUNS" -gt 0 ] || continue
    echo "fuzz: running $target for $RUNS executions${JOBS:+ in $JOBS jobs}..."
    # New inputs go to a scratch corpus; Fuzz/Corpus/$target holds the small committed seeds.
    # FUZZ_JOBS=N runs N processes of RUNS/N executions each on one corpus (their logs: $OUT/jobs-$target/).
    root=$(pwd)
    mkdir -p "$OUT/jobs-$target" && rm -f "$OUT/jobs-$target"/fuzz-*.log
    (cd "$OUT/jobs-$target" && "$root/$OUT/fuzz-$target" -runs=$((RUNS / ${JOBS:-1})) ${JOBS:+-jobs=$JOBS -workers=$JOBS} \
        -max_len=${FUZZ_MAX_LEN:-${max_len[$target]:-4096}} -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$root/$OUT/crashes/$target-" -print_final_stats=1 "$root/$work" "$root/Fuzz/Corpus/$target" 2>&1) \
        | grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY|Fatal error)" || true
    if [ -n "${JOBS:-}" ]; then
        echo "fuzz: $target executed $(grep -h "^stat::number_of_executed_units" "$OUT/jobs-$target"/fuzz-*.log | awk '{n += $2} END {print n + 0}') inputs in $JOBS jobs"
    fi
    if ls "$OUT/crashes/$target-"* >/dev/null 2>&1; then
        echo "fuzz: $target crashed; inputs in $OUT/crashes/" >&2
        exit 1
    fi
    # The scratch corpus is cut to the inputs that add coverage, so it stays small between runs.
    rm -rf "$work.min" && mkdir -p "$work.min"
    "$OUT/fuzz-$target" -merge=1 -max_len=${FUZZ_MAX_LEN:-${max_len[$target]:-4096}} "$work.min" "$work" "Fuzz/Corpus/$target" >/dev/null 2>&1 \
        && rm -rf "$work" && mv "$work.min" "$work" && echo "fuzz: $target corpus kept to $(ls "$work" | wc -l) inputs"
done
