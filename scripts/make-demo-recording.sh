#!/usr/bin/env bash
# Re-makes recordings/demo.har: runs scripts/demo-session.txt against vitally-sim while
# recording, stops the simulator, replays twice and checks both replays print the same
# bytes, and validates the file (HAR 1.2 schema, haralyzer, no token). Then makes
# recordings/demo-scrubbed.har from it (recordings scrub, fixed salt) and checks that the demo
# session, with the pseudonyms in place of the originals, replays from it with nothing missing.
# `--scrubbed-only` skips re-recording and only re-makes the scrubbed copy.
set -euo pipefail
cd "$(dirname "$0")/.."
scrubbed_only=false
[ "${1:-}" = "--scrubbed-only" ] && scrubbed_only=true

swift build --product vitally-sim >/dev/null
swift build --product vitally-shell >/dev/null
bin=.build/debug

make_scrubbed() {
  local work
  work=$(mktemp -d)
  "$bin/vitally-shell" -c "recordings scrub demo.har demo-scrubbed.har --salt vitally-shell-demo --map $work/map.json" >/dev/null
  # The session and its invite, written for the pseudonyms, must replay from the copy alone.
  python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
pairs = []
for kind, mapping in json.load(open(f"{work}/map.json")).items():
    if isinstance(mapping, dict):
        pairs += mapping.items()
pairs.sort(key=lambda p: -len(p[0]))
def translate(text):
    for original, pseudonym in pairs:
        text = text.replace(original, pseudonym)
    return text
import os
os.makedirs(f"{work}/examples", exist_ok=True)
open(f"{work}/session.txt", "w").write(translate(open("scripts/demo-session.txt").read()))
open(f"{work}/examples/acme-qbr.ics", "w").write(translate(open("examples/acme-qbr.ics").read()))
PY
  local out="$work/out.txt"
  (cd "$work" && env -u VITALLY_TOKEN -u VITALLY_BASE_URL "$OLDPWD/$bin/vitally-shell" \
     --replay "$OLDPWD/recordings/demo-scrubbed.har" --script session.txt >"$out" 2>&1) || true
  if grep -q "is not in demo-scrubbed.har" "$out"; then echo "scrubbed replay missed requests:"; grep -A4 "is not in" "$out"; exit 1; fi
  python3 scripts/validate-har.py recordings/demo-scrubbed.har
  echo "recordings/demo-scrubbed.har: scrubbed, replays the demo session (pseudonyms in place of the originals)"
  rm -rf "$work"
}
if $scrubbed_only; then make_scrubbed; exit 0; fi
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
make_scrubbed
