#!/usr/bin/env bash
# bench/cli/download_bench.sh — download + decrypt of one large attachment
# with `dojava get` over loopback, against fetching the same chunk records
# with curl in the same run (ratio), and dojava's peak RSS (goal: flat,
# under 64 MiB whatever the size).
#
#   bench/cli/download_bench.sh [BUILD_DIR] [SIZE_MIB]     (defaults: build/default, 1024)
#
# BENCH_DOWNLOAD_STREAMS: dojava get's --download-streams (default 3, the CLI's).
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
# a file flushed to disk (dojava get writes its output and fsyncs it); then
# dojava get with N streams and with one. BENCH_ROUNDS rounds (default 1),
# the order rotating, so that a machine shared with other work disturbs each
# side alike; the ratios are per round, then their median.
url="$rev/api/v1/cases/$case_id/files/$file_id/chunks/[0-$((chunks - 1))]"
now() { date +%s.%N; }
curl_null() { curl -sSf -H "Authorization: Bearer $token" "$url" -o /dev/null; }
curl_file() { curl -sSf -H "Authorization: Bearer $token" "$url" -o curl.bin; sync curl.bin; rm -f curl.bin; }
peak=0
dojava_get() {  # dojava_get STREAMS: sets peak (KiB) to the highest VmHWM seen
  rm -f out.bin
  "$dojava" get "$case_id" 1 -o out.bin --download-streams "$1" "${R[@]}" > /dev/null &
  local pid=$! rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.05
  done
  wait "$pid"
  cmp -s big.bin out.bin || { echo "MISMATCH: downloaded file differs" >&2; exit 1; }
}
hz="$(getconf CLK_TCK)"
server_cpu() { sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }'; }
timed() {  # timed VAR COMMAND...: seconds into VAR, dojavad's CPU seconds into VAR_cpu
  local var=$1 t0 s0; shift
  s0=$(server_cpu); t0=$(now); "$@"
  printf -v "$var" '%s' "$(echo "$(now) - $t0" | bc)"
  printf -v "${var}_cpu" '%s' "$(echo "scale=2; ($(server_cpu) - $s0) / $hz" | bc)"
}
streams="${BENCH_DOWNLOAD_STREAMS:-3}"
rounds="${BENCH_ROUNDS:-1}"
ratios_n=(); ratios_f=(); ratios_1=()
for r in $(seq "$rounds"); do
  case $((r % 3)) in
    1) timed c curl_null; timed f curl_file; timed d dojava_get "$streams"; timed d1 dojava_get 1 ;;
    2) timed d dojava_get "$streams"; timed d1 dojava_get 1; timed c curl_null; timed f curl_file ;;
    0) timed d1 dojava_get 1; timed f curl_file; timed d dojava_get "$streams"; timed c curl_null ;;
  esac
  awk -v r="$r" -v c="$c" -v f="$f" -v d="$d" -v d1="$d1" -v mib="$size_mib" -v n="$streams" \
    -v cc="$c_cpu" -v fc="$f_cpu" -v dc="$d_cpu" -v d1c="$d1_cpu" 'BEGIN {
    printf "round %d (dojavad CPU seconds in brackets):\n", r;
    printf "  curl to /dev/null:            %7.2f s  %7.1f MiB/s  [%s]\n", c, mib / c, cc;
    printf "  curl to a file + sync:        %7.2f s  %7.1f MiB/s  [%s]\n", f, mib / f, fc;
    printf "  dojava get, %d streams:        %7.2f s  %7.1f MiB/s  [%s]  %.2fx curl to a file, %.2fx curl to /dev/null\n", n, d, mib / d, dc, f / d, c / d;
    printf "  dojava get, 1 stream:         %7.2f s  %7.1f MiB/s  [%s]  %.2fx curl to a file\n", d1, mib / d1, d1c, f / d1;
  }'
  ratios_f+=("$(echo "scale=3; $f / $d" | bc)"); ratios_n+=("$(echo "scale=3; $c / $d" | bc)"); ratios_1+=("$(echo "scale=3; $f / $d1" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "== ${size_mib} MiB over loopback ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)), $rounds round(s), medians"
echo "  dojava get ($streams streams) vs curl to a file + sync: $(median "${ratios_f[@]}")x throughput (goal >= 0.9; rounds: ${ratios_f[*]})"
echo "  dojava get ($streams streams) vs curl to /dev/null:     $(median "${ratios_n[@]}")x (rounds: ${ratios_n[*]})"
echo "  dojava get (1 stream) vs curl to a file + sync:  $(median "${ratios_1[@]}")x (rounds: ${ratios_1[*]})"
echo "  dojava peak RSS, every run: $(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }') MiB (goal < 64)"
