#!/usr/bin/env bash
# Re-makes recordings/demo.har: runs scripts/demo-session.txt against vitally-sim while
# recording, stops the simulator, replays twice and checks both replays print the same
# bytes, and validates the file (HAR 1.2 schema, haralyzer, no token).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product vitally-sim >/dev/null
swift build --product vitally-shell >/dev/null
bin=.build/debug
token="sk_live_demo_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
"$bin/vitally-sim" --port "$port" --token "$token" --seed 42 --anchor "$(date -u +%F)" >"$log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done
grep -q listening "$log" || { echo "vitally-sim did not start:"; cat "$log"; exit 1; }

rm -f recordings/demo.har
VITALLY_BASE_URL="http://127.0.0.1:$port" VITALLY_SUBDOMAIN=brightwave VITALLY_TOKEN="$token" \
  "$bin/vitally-shell" --record demo.har --script scripts/demo-session.txt >/dev/null || true
kill $sim; wait $sim 2>/dev/null || true

out1=$(mktemp); out2=$(mktemp)
env -u VITALLY_TOKEN -u VITALLY_BASE_URL "$bin/vitally-shell" --replay demo.har --script scripts/demo-session.txt >"$out1" 2>&1 || true
env -u VITALLY_TOKEN -u VITALLY_BASE_URL "$bin/vitally-shell" --replay demo.har --script scripts/demo-session.txt >"$out2" 2>&1 || true
if grep -q "is not in demo.har" "$out1"; then echo "replay missed requests:"; grep -A4 "is not in" "$out1"; exit 1; fi
cmp -s "$out1" "$out2" || { echo "two replays differ"; diff "$out1" "$out2" | head; exit 1; }
python3 scripts/validate-har.py recordings/demo.har --forbid "$token" \
  --forbid "$(printf '%s:' "$token" | base64 -w0)"
echo "recordings/demo.har: $(python3 -c 'import json;print(len(json.load(open("recordings/demo.har"))["log"]["entries"]))') exchanges, replays identically"
rm -f "$out1" "$out2"
