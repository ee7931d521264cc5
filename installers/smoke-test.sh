#!/usr/bin/env bash
# Smoke test of a built bundle (or an installed package), using nothing but its executables.
#   installers/smoke-test.sh DIR_WITH_swreflect_AND_swreflect-gui
# --version, init, journal add, a session record exported as a signed PDF, verify (good and
# tampered), check, the window offscreen to its first paint, and proof that the release
# build ignores the test-only cheap key derivation. Prints one line per step; exit 1 on the
# first failure.
set -euo pipefail
bin="$1"
cli="$bin/swreflect"
gui="$bin/swreflect-gui"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SWREFLECT_HOME="$work/home"
export SWREFLECT_PASSPHRASE="calm river under a quiet bridge"
# Set on purpose: a release build must ignore it (checked below via the key slot's cost).
export SWREFLECT_INSECURE_TEST_KDF=1
export QT_QPA_PLATFORM=offscreen
step() { printf 'smoke: %-34s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
py="${PYTHON:-python3}"
json() { "$py" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

step "--version"; v="$("$cli" --version)"; [[ "$v" == swreflect\ * ]]; ok "$v"
step "init"; "$cli" init > "$work/init.txt"; ok
step "test KDF ignored in release build"
mem="$("$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['slots'][0]['kdf']['memory_kib'])" "$SWREFLECT_HOME/data/vault/keyslots.json")"
[ "$mem" -ge 65536 ]; ok "Argon2id memory ${mem} KiB"
step "journal add"; echo "A hard visit; I stayed calm." | "$cli" journal add "After the visit" --json | json 'd["id"]' >/dev/null; ok
step "people, agreement, session"
"$cli" people add "Sam Okafor" --role supervisee >/dev/null
"$cli" agreement add --person "Sam Okafor" --me "Jo Reyes" --frequency asye >/dev/null
agreement="$("$cli" agreement list --json | json 'd[0]["id"]')"
"$cli" session start "$agreement" >/dev/null
session="$("$cli" session list --json | json 'd[0]["id"]')"
record="$("$cli" session list --json | json 'd[0]["record_id"]')"
"$cli" session agree-in-room "$session" --name "Sam Okafor" >/dev/null; ok "record ${record:0:8}"
step "export pdf"; "$cli" export pdf "$record" -o "$work/record.pdf" >/dev/null; [ -s "$work/record.pdf" ]; ok "$(wc -c < "$work/record.pdf" | tr -d ' ') bytes"
step "verify (good)"; "$cli" verify "$work/record.pdf" >/dev/null; ok
step "verify (tampered: exit 6)"
"$py" - "$work/record.pdf" "$work/bad.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[len(data) // 2] ^= 0x01
open(sys.argv[2], "wb").write(data)
PY
set +e; "$cli" verify "$work/bad.pdf" >/dev/null 2>&1; rc=$?; set -e
[ "$rc" -eq 6 ]; ok
step "check"; "$cli" check >/dev/null; ok
step "window to first paint (offscreen)"
limit=""; command -v timeout >/dev/null && limit="timeout 120"
out="$(SWREFLECT_EXIT_AFTER_FIRST_PAINT=1 $limit "$gui" 2>&1)"
[[ "$out" == *first-paint* ]] || { echo "no first paint: $out"; exit 1; }; ok
echo "smoke: all passed"
