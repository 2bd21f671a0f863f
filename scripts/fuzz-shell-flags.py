#!/usr/bin/env python3
"""Prints, one per line, what scripts/fuzz.sh needs from SwiftPM's debug build to compile
VitallyShell again with libFuzzer's instrumentation: the flags SwiftPM compiles VitallyShell with
(module maps of the C dependencies, package name), minus those of an incremental debug build.
usage: fuzz-shell-flags.py BIN_PATH   (BIN_PATH from `swift build --show-bin-path`)"""
import json
import sys

bin_path = sys.argv[1]
with open(f"{bin_path}/description.json") as f:
    description = json.load(f)
command = next(c for key, c in description["swiftCommands"].items() if key.startswith("C.VitallyShell-") and key.endswith(".module"))
dropped_alone = {"-incremental", "-enable-batch-mode", "-serialize-diagnostics", "-Onone", "-g", "-parseable-output", "-emit-objc-header", "-DDEBUG"}
dropped_with_value = {"-index-store-path", "-emit-objc-header-path", "-module-cache-path"}
arguments = command["otherArguments"]
index = 0
while index < len(arguments):
    argument = arguments[index]
    index += 1
    if argument == "-Xcc":  # a C compiler flag: kept with its value
        print(argument)
        print(arguments[index])
        index += 1
    elif argument in dropped_with_value:
        index += 1
    elif argument in dropped_alone or argument.startswith("-j"):
        continue
    else:
        print(argument)
print("-I")
print(command["importPath"])
