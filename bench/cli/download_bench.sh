#!/usr/bin/env bash
# bench/cli/download_bench.sh — download + decrypt of one large attachment
# with `dojava get` over loopback, against fetching the same chunk records
# with curl in the same run (ratio), and dojava's peak RSS (goal: flat,
# under 64 MiB whatever the size).
#
#   bench/cli/download_bench.sh [BUILD_DIR] [SIZE_MIB]     (defaults: build/default, 1024)
#
# Starts its own dojavad on 127.0.0.1 ports (rate limits off), in a temp dir
# that it removes. Needs curl and GNU time's /usr/bin/time or bash's TIMEFORMAT
# (RSS is read from /proc by polling when /usr/bin/time is missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build/default}" && pwd)"
size_mib="${2:-1024}"
dojava="$build/cli/dojava"
dojavad="$build/service/daemon/dojavad"
[ -x "$dojava" ] && [ -x "$dojavad" ] || { echo "build dojava and dojavad first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
printf 'bench passphrase\n' > pass && chmod 600 pass

admin_json="$("$dojava" admin init --key-file admin.key --passphrase-file pass --kdf-memory-mib 8 --json)"
pub="$(printf '%s' "$admin_json" | sed 's/.*"admin_public_key":"\([^"]*\)".*/\1/')"
fp="$(printf '%s' "$admin_json" | sed 's/.*"fingerprint":"\([^"]*\)".*/\1/')"
"$dojavad" init --data-dir data --admin-public-key "$pub" --name Bench >/dev/null
rates=()
for c in static api upload costly download; do rates+=("rate.$c.global_per_second=0" "rate.$c.circuit_per_second=0"); done
# The per-token limit (20 requests/s by default) no longer counts chunk GETs (their class is
# rate.download); it is lifted for the rest of the run (curl asks for the chunks on one token).
rates+=(api.token_requests_per_second=1000000 api.token_burst=1000000)
"$dojavad" serve --data-dir data source.listen=127.0.0.1:0 reviewer.listen=127.0.0.1:0 \
  "${rates[@]}" > serve.out 2> serve.err &
server_pid=$!
for _ in $(seq 100); do grep -q "reviewer listening" serve.out 2>/dev/null && break; sleep 0.1; done
src="http://$(sed -n 's/.*source listening on //p' serve.out)"
rev="http://$(sed -n 's/.*reviewer listening on //p' serve.out)"

"$dojava" keygen --key-file r.key --passphrase-file pass --kdf-memory-mib 8 >/dev/null 2>&1
"$dojava" roster add --server "$rev" --state-dir st-admin --admin-key admin.key \
  --passphrase-file pass --name Bench --reviewer-public r.key.pub >/dev/null
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > big.bin
echo "uploading ${size_mib} MiB..." >&2
printf 'bench\n' > tip.txt
"$dojava" submit --server "$src" --admin-fingerprint "$fp" --text-file tip.txt --attach big.bin --json >/dev/null

R=(--server "$rev" --key-file r.key --passphrase-file pass --state-dir st-r --admin-fingerprint "$fp")
case_id="$("$dojava" cases "${R[@]}" --json | sed 's/.*"case_id":"\([^"]*\)".*/\1/')"
show="$("$dojava" show "$case_id" "${R[@]}" --json)"
file_id="$(printf '%s' "$show" | sed 's/.*"file_id":"\([^"]*\)".*/\1/')"
chunks=$(( size_mib * 2 + 1 ))
token="$(cat st-r/servers/*/token)"

# curl fetches the same records in the same run, once to /dev/null and once to
# a file flushed to disk (dojava get writes its output and fsyncs it).
t0=$(date +%s.%N)
curl -sSf -H "Authorization: Bearer $token" \
  "$rev/api/v1/cases/$case_id/files/$file_id/chunks/[0-$((chunks - 1))]" -o /dev/null
t1a=$(date +%s.%N)
curl -sSf -H "Authorization: Bearer $token" \
  "$rev/api/v1/cases/$case_id/files/$file_id/chunks/[0-$((chunks - 1))]" -o curl.bin
sync curl.bin
rm -f curl.bin
tf=$(date +%s.%N)

peak=0
t1=$(date +%s.%N)
"$dojava" get "$case_id" 1 -o out.bin "${R[@]}" > /dev/null &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 0.05
done
wait "$pid"
t2=$(date +%s.%N)
cmp -s big.bin out.bin || { echo "MISMATCH: downloaded file differs" >&2; exit 1; }

awk -v c="$(echo "$t1a - $t0" | bc)" -v f="$(echo "$tf - $t1a" | bc)" -v d="$(echo "$t2 - $t1" | bc)" -v mib="$size_mib" -v rss="$peak" 'BEGIN {
  printf "curl to /dev/null:        %7.2f s  %7.1f MiB/s\n", c, mib / c;
  printf "curl to a file + sync:    %7.2f s  %7.1f MiB/s\n", f, mib / f;
  printf "dojava get (+decrypt):    %7.2f s  %7.1f MiB/s\n", d, mib / d;
  printf "ratio dojava/curl time:   %7.2f (vs /dev/null)  %5.2f (vs file + sync)\n", d / c, d / f;
  printf "dojava peak RSS:          %7.1f MiB (goal < 64)\n", rss / 1024;
}'
