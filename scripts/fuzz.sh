#!/bin/bash
# Builds the libFuzzer harnesses in Fuzz/Harnesses with `swiftc -sanitize=fuzzer,address` and runs
# each for FUZZ_RUNS executions (default 1,000,000) from its corpus in Fuzz/Corpus.
# The VitallyKit files the readers need (no AsyncHTTPClient) are compiled once into an instrumented
# static library; the command-line harness also compiles the few VitallyShell files it exercises
# (the word splitter, raw's path check, the sanitizer: ParsedCommand needs the generated command
# registry and the whole shell, so flag parsing is covered by ParsingTests, not fuzzed).
# Usage: scripts/fuzz.sh [TARGET...]   targets: json har commandline ics (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFTC=${SWIFTC:-swiftc}
RUNS=${FUZZ_RUNS:-1000000}
OUT=.build/fuzz
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -package-name vitally_shell -swift-version 6)
mkdir -p "$OUT"

# Runs a compile into LOG; on failure shows it without gold's noise about ASan's local symbols.
quietly() {
    local log=$1; shift
    "$@" >"$log" 2>&1 || { grep -v "Cannot export local symbol" "$log" >&2; echo "fuzz: build failed ($log)" >&2; exit 1; }
}

kit_sources=$(ls Sources/VitallyKit/JSON/*.swift Sources/VitallyKit/Models/*.swift \
    Sources/VitallyKit/Recording/{HARReader,HARSkimmer,RecordedExchange,RecordingFolder}.swift Sources/VitallyKit/API/VitallyError.swift \
    Sources/VitallyKit/Transport/{HTTPTransport,RetryPolicy,Redactor,Redactor+Userinfo,SecretForms}.swift Sources/VitallyKit/Brief/CalendarInvite.swift)
newest=$(ls -t $kit_sources | head -1)
if [ ! -f "$OUT/libVitallyKit.a" ] || [ "$newest" -nt "$OUT/libVitallyKit.a" ]; then
    echo "fuzz: compiling VitallyKit (instrumented)..."
    quietly "$OUT/build-VitallyKit.log" $SWIFTC "${FLAGS[@]}" -module-name VitallyKit -emit-module \
        -emit-module-path "$OUT/VitallyKit.swiftmodule" -emit-library -static -o "$OUT/libVitallyKit.a" $kit_sources
fi

declare -A harness=(
    [json]="Fuzz/Harnesses/JSONParserFuzz.swift"
    [har]="Fuzz/Harnesses/HARReaderFuzz.swift"
    [commandline]="Fuzz/Harnesses/CommandLineFuzz.swift Sources/VitallyShell/Parsing/ShellWords.swift
        Sources/VitallyShell/Commands/RawPath.swift Sources/VitallyShell/Output/TerminalSanitizer.swift"
    [ics]="Fuzz/Harnesses/CalendarInviteFuzz.swift"
)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(json har commandline ics)

for target in "${targets[@]}"; do
    [ -n "${harness[$target]:-}" ] || { echo "fuzz: no target '$target' (json har commandline ics)" >&2; exit 2; }
    echo "fuzz: building $target..."
    quietly "$OUT/build-$target.log" $SWIFTC "${FLAGS[@]}" -module-name "Fuzz_$target" -I "$OUT" -L "$OUT" \
        -lVitallyKit ${harness[$target]} -o "$OUT/fuzz-$target"
    work="$OUT/corpus-$target"
    mkdir -p "$work" "$OUT/crashes"
    echo "fuzz: running $target for $RUNS executions..."
    # New inputs go to a scratch corpus; Fuzz/Corpus/$target holds the small committed seeds.
    "$OUT/fuzz-$target" -runs="$RUNS" -max_len=${FUZZ_MAX_LEN:-4096} -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$OUT/crashes/$target-" -print_final_stats=1 "$work" "Fuzz/Corpus/$target" 2>&1 \
        | grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY|Fatal error)" || true
    if ls "$OUT/crashes/$target-"* >/dev/null 2>&1; then
        echo "fuzz: $target crashed; inputs in $OUT/crashes/" >&2
        exit 1
    fi
done
