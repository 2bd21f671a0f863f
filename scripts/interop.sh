#!/usr/bin/env bash
# `make interop`: Airbyte's published source-vitally connector, installed from PyPI into
# .interop/ (git-ignored), run against vitally-sim and against a recording served as a tenant.
# Prints check, discover and the records and pages read per stream. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
SIM="${SIM:-.build/debug/vitally-sim}"
RECORDING="${RECORDING:-recordings/demo.har}"
VENV=.interop/venv
TOKEN=sk_live_demo

# The connector pins airbyte-cdk 1.0.0, which imports only on Python 3.9 or 3.10 (3.11 refuses
# one of its dataclass defaults). Use such a Python when the machine has one (pyenv's too); else
# install the connector's manifest without its pin, over the newest airbyte-cdk python3 takes.
python_for_pin() {
  local candidate
  for candidate in python3.10 python3.9 "$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3 \
                   "$(pyenv root 2>/dev/null)"/versions/3.9*/bin/python3 /usr/bin/python3.10 /usr/bin/python3.9; do
    if "$candidate" -c 'import sys; sys.exit(0 if (3, 9) <= sys.version_info[:2] < (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
}
if ! "$VENV/bin/python" -c "import source_vitally, airbyte_cdk" 2>/dev/null; then
  rm -rf "$VENV"
  PY=$(python_for_pin)
  if [ -n "$PY" ]; then
    echo "Installing airbyte-source-vitally and airbyte-cdk from PyPI into $VENV (with $("$PY" --version))..."
    "$PY" -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check airbyte-source-vitally airbyte-cdk
  else
    echo "No Python 3.9 or 3.10 for the connector's pinned airbyte-cdk 1.0.0: installing its manifest over the newest airbyte-cdk..."
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps airbyte-source-vitally
    "$VENV/bin/pip" install -q --disable-pip-version-check airbyte-cdk
  fi
fi
"$VENV/bin/pip" show airbyte-source-vitally airbyte-cdk 2>/dev/null | awk '/^Name|^Version/ {printf "%s ", $2} END {print ""}'

LOGS=.interop/logs
mkdir -p "$LOGS"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

# Starts a server on a free port; prints its base URL once its banner names the port.
start() {
  local log="$LOGS/$1.log"; shift
  "$SIM" --port 0 "$@" >"$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    if grep -qo 'http://127.0.0.1:[0-9]*' "$log" 2>/dev/null; then grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1; return; fi
    sleep 0.1
  done
  echo "the server did not start: $(cat "$log")" >&2
  exit 1
}

status=0
url=$(start sim --token "$TOKEN")
"$VENV/bin/python" scripts/interop.py "vitally-sim (generated tenant)" "$url" "$TOKEN" || status=1
echo
url=$(start tenant --replay "$RECORDING" --serve-as-tenant)
"$VENV/bin/python" scripts/interop.py "vitally-sim --replay $RECORDING --serve-as-tenant" "$url" "$TOKEN" || status=1
echo "synthesized answers: $(grep -c '^vitally-sim: synthesized' "$LOGS/tenant.log" || true)," \
  "recorded: $(grep -c '^vitally-sim: recorded' "$LOGS/tenant.log" || true)," \
  "not served: $(grep -c '^vitally-sim: not served' "$LOGS/tenant.log" || true) (log: $LOGS/tenant.log)"
exit $status
