#!/usr/bin/env bash
# Re-makes recordings/demo.har: runs scripts/demo-session.txt against vitally-sim while
# recording, stops the simulator, replays twice (with the demo's history) and checks both
# replays print the same bytes, and validates the file (HAR 1.2 schema, haralyzer, no token).
# First it makes recordings/demo-history.sqlite: the same tenant recorded 60 and 30 days
# earlier (the simulator's --anchor moves back, scores drift from --score-epoch), each
# recording's clock moved back to its anchor, then 'history import'ed, so `health` shows a
# sparkline and a brief leads with the change. Then makes
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
  "$bin/vitally-shell" -c "recordings scrub demo.har demo-scrubbed.har --salt vitally-shell-demo-salt --map $work/map.json --force" >/dev/null
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
import re
def unfold(text):  # an export folds long lines (RFC 5545 3.1), which can split an email in two
    return re.sub(r"\r?\n[ \t]", "", text)
for name in ("acme-qbr.ics", "fortnight.ics"):
    open(f"{work}/examples/{name}", "w").write(translate(unfold(open(f"examples/{name}").read())))
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
today=$(date -u +%F)
work=$(mktemp -d)
log="$work/sim.log"
sim=""
trap '[ -n "$sim" ] && kill $sim 2>/dev/null; rm -rf "$work"' EXIT

# start_sim ANCHOR: the seeded tenant as it was on ANCHOR (scores hold on $today).
start_sim() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$bin/vitally-sim" --port "$port" --token "$token" --seed 42 --anchor "$1" --score-epoch "$today" >"$log" 2>&1 &
  sim=$!
  for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done
  grep -q listening "$log" || { echo "vitally-sim did not start:"; cat "$log"; exit 1; }
}
stop_sim() { kill $sim; wait $sim 2>/dev/null || true; sim=""; }
record() {  # record FILE COMMANDS-FILE: a session against the running simulator, no local history
  VITALLY_BASE_URL="http://127.0.0.1:$port" VITALLY_SUBDOMAIN=brightwave VITALLY_TOKEN="$token" \
    "$bin/vitally-shell" --no-observations --record "$1" --script "$2" >/dev/null || true
}

# The demo's history: the accounts as they were 60 and 30 days ago. The shell stamps a
# recording with the machine's clock, so each is moved back to the day its simulator stood for.
cat >"$work/earlier-session.txt" <<'SESSION'
accounts search acme
health acme.com
health soylent.com
health "Pied Piper"
brief pat.lee@acme.com sol@soylent.com
SESSION
for days in 60 30; do
  start_sim "$(date -u -d "$today - $days days" +%F)"
  record "$work/earlier-$days.har" "$work/earlier-session.txt"
  stop_sim
  python3 - "$work/earlier-$days.har" "$days" <<'PY'
import json, sys
from datetime import datetime, timedelta
path, days = sys.argv[1], int(sys.argv[2])
har = json.load(open(path))
def back(stamp):
    moved = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ") - timedelta(days=days)
    return moved.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moved.microsecond // 1000:03d}Z"
har["log"]["_vitallyShell"]["recordedAt"] = back(har["log"]["_vitallyShell"]["recordedAt"])
for entry in har["log"]["entries"]:
    entry["startedDateTime"] = back(entry["startedDateTime"])
json.dump(har, open(path, "w"), indent=2, ensure_ascii=False)
PY
  python3 scripts/validate-har.py "$work/earlier-$days.har" --forbid "$token" >/dev/null
done
rm -f recordings/demo-history.sqlite
env -u VITALLY_TOKEN -u VITALLY_BASE_URL "$bin/vitally-shell" --observations recordings/demo-history.sqlite \
  -c "history import $work/earlier-60.har $work/earlier-30.har"
chmod 644 recordings/demo-history.sqlite

start_sim "$today"
rm -f recordings/demo.har
record demo.har scripts/demo-session.txt
stop_sim

out1=$(mktemp); out2=$(mktemp)
replay() { env -u VITALLY_TOKEN -u VITALLY_BASE_URL "$bin/vitally-shell" --replay demo.har --observations recordings/demo-history.sqlite --script scripts/demo-session.txt; }
replay >"$out1" 2>&1 || true
replay >"$out2" 2>&1 || true
grep -q "over 30 days" "$out1" || { echo "the demo session shows no health change: is recordings/demo-history.sqlite empty?"; exit 1; }
if grep -q "is not in demo.har" "$out1"; then echo "replay missed requests:"; grep -A4 "is not in" "$out1"; exit 1; fi
cmp -s "$out1" "$out2" || { echo "two replays differ"; diff "$out1" "$out2" | head; exit 1; }
python3 scripts/validate-har.py recordings/demo.har --forbid "$token" \
  --forbid "$(printf '%s:' "$token" | base64 -w0)"
echo "recordings/demo.har: $(python3 -c 'import json;print(len(json.load(open("recordings/demo.har"))["log"]["entries"]))') exchanges, replays identically"
rm -f "$out1" "$out2"
make_scrubbed
