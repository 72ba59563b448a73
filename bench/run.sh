#!/usr/bin/env bash
# Meridian benchmark: the gateway against the same instant mock upstream, side by side with a
# direct (no gateway) baseline. See bench/README.md for what is measured and how to read it.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
RESULTS_DIR=$BENCH_DIR/results
RAW_DIR=$RESULTS_DIR/raw
BENCH_JAR=$BENCH_DIR/target/meridian-bench.jar
GATEWAY_JAR=$REPO_DIR/gateway-app/target/gateway-app.jar

export JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java

MASTER_KEY=sk-meridian-bench
CLIENT_KEY=$MASTER_KEY
DB_NAME=meridian_bench
CHAT_BODY='{"model":"bench-model","messages":[{"role":"user","content":"Say hello for a benchmark test."}]}'

# The workloads: name | path | stream or plain | extra header | body.
WORKLOADS=(
  "chat|/v1/chat/completions|plain||$CHAT_BODY"
  'chat-stream|/v1/chat/completions|stream||{"model":"bench-model","stream":true,"messages":[{"role":"user","content":"Say hello for a benchmark test."}]}'
  'responses|/v1/responses|plain||{"model":"bench-model","input":"Say hello for a benchmark test."}'
  'responses-stream|/v1/responses|stream||{"model":"bench-model","stream":true,"input":"Say hello for a benchmark test."}'
  'messages|/v1/messages|plain|anthropic-version: 2023-06-01|{"model":"bench-model","max_tokens":256,"messages":[{"role":"user","content":"Say hello for a benchmark test."}]}'
  'messages-stream|/v1/messages|stream|anthropic-version: 2023-06-01|{"model":"bench-model","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Say hello for a benchmark test."}]}'
)

# Targets from DESIGN.md ("Performance targets").
TARGET_OVERHEAD_P50_MS=1.0
TARGET_TTFT_OVERHEAD_P50_MS=2.0
TARGET_OVERHEAD_P99_MS=5.0
TARGET_PEAK_RATIO_PCT=30
TARGET_RSS_MB=160
TARGET_COLD_START_MS=1500

BUILD=yes
DIRECT_ONLY=no
GOVERNANCE=no
REDIS_URL=
DURATION=15
WARMUP=5
CONCURRENCY=10
PEAK_CONCURRENCY=64
CHUNK_DELAY_MS=0

usage() {
  cat <<EOF
usage: bench/run.sh [--no-build] [--direct-only] [--duration S] [--warmup S]
                    [--concurrency N] [--peak-concurrency N] [--chunk-delay-ms N]
  --no-build          use the existing gateway jar (the bench project is always built)
  --direct-only       measure the mock alone; no database, no gateway
  --governance        send the gateway's traffic with a virtual key that has rpm, tpm and budget
                      limits (set high enough never to refuse), so key lookup, limits, budgets and
                      the spend ledger are all on the measured path; reports ledger rows written
  --redis URL         with --governance: share the counters through this Redis (MERIDIAN_REDIS_URL)
  --duration S        measured seconds per workload (default $DURATION)
  --warmup S          unmeasured seconds before each measurement (default $WARMUP)
  --concurrency N     clients for the latency workloads (default $CONCURRENCY)
  --peak-concurrency N  clients for the peak-throughput run (default $PEAK_CONCURRENCY)
  --chunk-delay-ms N  pause between the mock's stream chunks (default $CHUNK_DELAY_MS)
Environment: JAVA_OPTS = extra JVM flags for the gateway (default none).
EOF
}

while (($#)); do
  case $1 in
    --no-build) BUILD=no ;;
    --direct-only) DIRECT_ONLY=yes ;;
    --governance) GOVERNANCE=yes ;;
    --redis) REDIS_URL=${2:?--redis needs a value}; shift ;;
    --duration) DURATION=${2:?--duration needs a value}; shift ;;
    --warmup) WARMUP=${2:?--warmup needs a value}; shift ;;
    --concurrency) CONCURRENCY=${2:?--concurrency needs a value}; shift ;;
    --peak-concurrency) PEAK_CONCURRENCY=${2:?--peak-concurrency needs a value}; shift ;;
    --chunk-delay-ms) CHUNK_DELAY_MS=${2:?--chunk-delay-ms needs a value}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

MOCK_PID=
GATEWAY_PID=

# Stops a process this script started: politely, then for sure.
stop_process() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  # The gateway's pid file exists as soon as it is launched, even if the launch step was interrupted.
  if [[ -z $GATEWAY_PID && -s $RAW_DIR/gateway.pid ]]; then
    GATEWAY_PID=$(cat "$RAW_DIR/gateway.pid")
  fi
  stop_process "$GATEWAY_PID"
  stop_process "$MOCK_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port outside the kernel's ephemeral range, so no outgoing connection (not even the
# cold-start probe's own attempts) can take it between choosing it and the server binding it.
free_port() {
  local low high first last port
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range
  if ((low > 11000)); then first=10000 last=$((low - 1)); else first=$((high + 1)) last=65535; fi
  for _ in $(seq 50); do
    port=$((first + RANDOM % (last - first + 1)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free loopback port found"
}

build() {
  if [[ $BUILD == yes && $DIRECT_ONLY == no ]]; then
    log "building the gateway"
    (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package) || die "gateway build failed"
  fi
  log "building the bench project"
  (cd "$REPO_DIR" && ./mvnw -B -q -f bench/pom.xml package) || die "bench build failed"
  if [[ $DIRECT_ONLY == no && ! -f $GATEWAY_JAR ]]; then
    die "$GATEWAY_JAR is missing (build without --no-build, or use --direct-only)"
  fi
}

start_mock() {
  local port
  port=$(free_port)
  "$JAVA" -jar "$BENCH_JAR" mock --port "$port" --chunk-delay-ms "$CHUNK_DELAY_MS" \
    > "$RESULTS_DIR/mock.log" 2>&1 < /dev/null &
  MOCK_PID=$!
  for _ in $(seq 200); do
    grep -q 'listening' "$RESULTS_DIR/mock.log" && break
    kill -0 "$MOCK_PID" 2>/dev/null || die "mock upstream exited: $(tail -5 "$RESULTS_DIR/mock.log")"
    sleep 0.1
  done
  grep -q 'listening' "$RESULTS_DIR/mock.log" || die "mock upstream did not start in 20 s"
  MOCK_URL=http://127.0.0.1:$port
  log "mock upstream on $MOCK_URL (pid $MOCK_PID)"
}

create_database() {
  log "recreating database $DB_NAME"
  PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" \
    -c "CREATE DATABASE $DB_NAME" < /dev/null || die "could not recreate database $DB_NAME"
}

write_config() {
  cat > "$RESULTS_DIR/config.yaml" <<EOF
providers:
  mock: { type: openai_compatible, base_url: $MOCK_URL/v1, api_key: bench }
models:
  - { name: bench-model, provider: mock, model: bench-model }
EOF
}

# Launches the gateway with the shipped command and times it to its first proxied 200.
start_gateway() {
  local port output java_opts=()
  port=$(free_port)
  GATEWAY_URL=http://127.0.0.1:$port
  read -r -a java_opts <<< "${JAVA_OPTS:-}"
  write_config
  log "starting the gateway on $GATEWAY_URL${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}"
  rm -f "$RAW_DIR/gateway.pid"
  if ! output=$(cd "$REPO_DIR" && env SERVER_PORT="$port" \
      ${REDIS_URL:+MERIDIAN_REDIS_URL="$REDIS_URL"} \
      MERIDIAN_CONFIG="$RESULTS_DIR/config.yaml" \
      MERIDIAN_MASTER_KEY="$MASTER_KEY" \
      MERIDIAN_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB_NAME" \
      "$JAVA" -jar "$BENCH_JAR" coldstart \
        --url "$GATEWAY_URL/v1/chat/completions" \
        --header "Authorization: Bearer $MASTER_KEY" \
        --body "$CHAT_BODY" \
        --warm-url "$MOCK_URL/v1/chat/completions" \
        --pid-file "$RAW_DIR/gateway.pid" \
        --log-file "$RESULTS_DIR/gateway.log" \
        --timeout 120 \
        -- "$JAVA" "${java_opts[@]}" -jar "$GATEWAY_JAR" < /dev/null); then
    [[ -s $RAW_DIR/gateway.pid ]] && GATEWAY_PID=$(cat "$RAW_DIR/gateway.pid")
    die "gateway did not answer a proxied 200: ${output#error=}
--- last lines of $RESULTS_DIR/gateway.log ---
$(tail -20 "$RESULTS_DIR/gateway.log")"
  fi
  GATEWAY_PID=$(cat "$RAW_DIR/gateway.pid")
  COLD_START_MS=${output#cold_start_ms=}
  READINESS=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY_URL/actuator/health/readiness" || true)
  log "gateway pid $GATEWAY_PID: first proxied 200 after $COLD_START_MS ms; readiness answered $READINESS"
}

# With --governance, the measured traffic uses a virtual key whose limits are all in force but
# never reached; otherwise the master key, which skips them.
issue_client_key() {
  [[ $GOVERNANCE == yes ]] || return 0
  local answer
  answer=$(curl -s --max-time 10 -H "Authorization: Bearer $MASTER_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"bench","rpm_limit":1000000000,"tpm_limit":1000000000000,"max_budget_usd":1000000,"budget_period":"monthly"}' \
    "$GATEWAY_URL/api/admin/v1/keys" < /dev/null) || die "could not create the benchmark's virtual key"
  CLIENT_KEY=$(sed -n 's/.*"key":"\([^"]*\)".*/\1/p' <<< "$answer")
  [[ -n $CLIENT_KEY ]] || die "the admin API did not return a key: $answer"
  log "measuring with virtual key ${CLIENT_KEY:0:12}… (rpm, tpm and budget limits on${REDIS_URL:+, counters in $REDIS_URL})"
}

# Every request the gateway answered must have its ledger row once the writer has flushed.
count_ledger_rows() {
  LEDGER_ROWS=-
  [[ $GOVERNANCE == yes ]] || return 0
  sleep 2
  LEDGER_ROWS=$(psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -tAq -c 'SELECT count(*) FROM spend_ledger' < /dev/null)
  LEDGER_EXPECTED=$(curl -s --max-time 10 "$GATEWAY_URL/actuator/prometheus" < /dev/null \
    | awk '/^meridian_requests_total/ { sum += $NF } END { printf "%.0f", sum }')
}

check_gateway_alive() {
  kill -0 "$GATEWAY_PID" 2>/dev/null || die "the gateway exited during the run
--- last lines of $RESULTS_DIR/gateway.log ---
$(tail -20 "$RESULTS_DIR/gateway.log")"
}

# One request per workload decides whether the gateway serves it yet.
probe_workloads() {
  local entry name path stream header body status
  for entry in "${WORKLOADS[@]}"; do
    IFS='|' read -r name path stream header body <<< "$entry"
    status=$(curl -s -o "$RAW_DIR/probe-$name.body" -w '%{http_code}' --max-time 10 \
      -H "Authorization: Bearer $CLIENT_KEY" -H 'Content-Type: application/json' \
      ${header:+-H "$header"} -d "$body" "$GATEWAY_URL$path" < /dev/null || true)
    PROBE[$name]=$status
    log "probe $name: gateway answered $status"
  done
}

declare -A R=()      # results: R[side.workload.key] = value, from the load driver's key=value report
declare -A PROBE=()  # first status the gateway gave each workload

# run_load SIDE NAME BASE_URL PATH STREAM HEADER BODY [load flags...]
run_load() {
  local side=$1 name=$2 base=$3 path=$4 stream=$5 header=$6 body=$7
  shift 7
  local file=$RAW_DIR/$side.$name.kv key value
  local args=(--url "$base$path" --body "$body" --header "Authorization: Bearer $CLIENT_KEY" --report kv)
  [[ -n $header ]] && args+=(--header "$header")
  [[ $stream == stream ]] && args+=(--stream)
  "$JAVA" -jar "$BENCH_JAR" load "${args[@]}" "$@" > "$file" < /dev/null \
    || die "load driver failed for $side $name"
  while IFS='=' read -r key value; do
    R[$side.$name.$key]=$value
  done < "$file"
  log "$side $name: p50 ${R[$side.$name.p50_ms]} ms, p99 ${R[$side.$name.p99_ms]} ms," \
    "${R[$side.$name.throughput]} req/s, ${R[$side.$name.errors]} errors"
}

measure_workload() {
  local side=$1 base=$2 entry=$3 name path stream header body
  IFS='|' read -r name path stream header body <<< "$entry"
  run_load "$side" "$name" "$base" "$path" "$stream" "$header" "$body" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION"
}

measure_peak() {
  local side=$1 base=$2
  run_load "$side" peak "$base" /v1/chat/completions plain "" "$CHAT_BODY" \
    --peak --concurrency "$PEAK_CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION"
}

# A short unmeasured run at peak concurrency, so both sides start the measurements JIT-compiled.
warm_up() {
  local side=$1 base=$2 seconds
  seconds=$(awk -v warmup="$WARMUP" 'BEGIN { print 2 * warmup }')
  log "warming up $side for $seconds s"
  run_load "$side" warmup "$base" /v1/chat/completions plain "" "$CHAT_BODY" \
    --peak --concurrency "$PEAK_CONCURRENCY" --warmup 0 --duration "$seconds"
}

gateway_serves() {
  [[ $DIRECT_ONLY == no && ${PROBE[$1]} != 404 ]]
}

# ---- CPU used by other processes during the measurements ----

busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 }' /proc/stat; }

process_ticks() {
  if [[ -n $1 && -r /proc/$1/stat ]]; then awk '{ print $14 + $15 }' "/proc/$1/stat"; else echo 0; fi
}

# Stores in the variable named $1 the CPU ticks of this script's finished children (builds, load
# drivers, probes). It must run in the main shell: only there does `times` see those children.
children_ticks_into() {
  times > "$RAW_DIR/times"
  printf -v "$1" '%s' "$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
    split($1, user, /[ms]/); split($2, sys, /[ms]/)
    printf "%.0f", (user[1] * 60 + user[2] + sys[1] * 60 + sys[2]) * hz }' "$RAW_DIR/times")"
}

cpu_window_begin() {
  WINDOW_BUSY=$(busy_ticks)
  WINDOW_START_NS=$(date +%s%N)
  children_ticks_into WINDOW_CHILDREN
}

# OTHER_CPU_PCT: the share of the machine that processes other than ours used since cpu_window_begin.
cpu_window_end() {
  local busy children ours elapsed_ns
  busy=$(($(busy_ticks) - WINDOW_BUSY))
  elapsed_ns=$(($(date +%s%N) - WINDOW_START_NS))
  children_ticks_into children
  ours=$((children - WINDOW_CHILDREN + $(process_ticks "$MOCK_PID") + $(process_ticks "$GATEWAY_PID")))
  OTHER_CPU_PCT=$(awk -v busy="$busy" -v ours="$ours" -v ns="$elapsed_ns" -v cores="$(nproc)" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN { other = busy - ours; if (other < 0) other = 0
      printf "%.0f", 100 * other / (ns / 1e9 * hz * cores) }')
}

# ---- report ----

value() { echo "${R[$1]:--}"; }

# diff A B: B - A with sign, or "-" when either is missing.
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%+.3f", b - a }'; }

# ratio A B: B as a percentage of A.
ratio_pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || a == 0) print "-"; else printf "%.1f%%", 100 * b / a }'; }

# verdict VALUE LIMIT [max|min]: ok or MISS, empty when there is nothing to judge.
verdict() {
  awk -v v="${1%\%}" -v t="$2" -v kind="${3:-max}" 'BEGIN {
    if (v == "-" || v == "" || t == "") { print ""; exit }
    if (kind == "max") print (v + 0 <= t + 0 ? "ok" : "MISS"); else print (v + 0 >= t + 0 ? "ok" : "MISS") }'
}

row() { printf '%-17s %-22s %11s %11s %11s  %-9s %s\n' "$@"; }

# latency_rows NAME LABEL KEY [TARGET]: direct, gateway and their difference for one latency.
latency_rows() {
  local name=$1 label=$2 key=$3 target=${4:-} d g diff
  d=$(value "direct.$name.$key")
  g=$(value "gateway.$name.$key")
  diff=$(diff_ms "$d" "$g")
  row "$name" "$label" "$d" "$g" "$diff" "${target:+≤ +$target}" "$(verdict "$diff" "$target")"
}

workload_rows() {
  local entry=$1 name path stream header body d g
  IFS='|' read -r name path stream header body <<< "$entry"
  if [[ $DIRECT_ONLY == no && ${PROBE[$name]} == 404 ]]; then
    row "$name" "skipped: gateway answered 404"
    return
  fi
  if [[ $stream == stream ]]; then
    latency_rows "$name" "TTFT p50 ms" ttft_p50_ms "$TARGET_TTFT_OVERHEAD_P50_MS"
    latency_rows "$name" "TTFT p99 ms" ttft_p99_ms "$TARGET_OVERHEAD_P99_MS"
    latency_rows "$name" "end of stream p50 ms" p50_ms
    latency_rows "$name" "end of stream p99 ms" p99_ms
    latency_rows "$name" "chunk gap mean ms" gap_mean_ms
  else
    latency_rows "$name" "latency p50 ms" p50_ms "$TARGET_OVERHEAD_P50_MS"
    latency_rows "$name" "latency p99 ms" p99_ms "$TARGET_OVERHEAD_P99_MS"
  fi
  d=$(value "direct.$name.throughput")
  g=$(value "gateway.$name.throughput")
  row "$name" "throughput req/s" "$d" "$g" "$(ratio_pct "$d" "$g")"
  d=$(value "direct.$name.errors")
  g=$(value "gateway.$name.errors")
  row "$name" "errors" "$d" "$g" "" "0" "$( [[ $d == 0 && $g =~ ^(0|-)$ ]] && echo ok || echo ERRORS)"
}

error_details() {
  local key
  for key in $(printf '%s\n' "${!R[@]}" | grep -E '\.(error_detail|warmup_error_detail)$' | sort); do
    [[ -n ${R[$key]} ]] && echo "  ${key%.*} ${key##*.}: ${R[$key]}"
  done
  return 0
}

report() {
  local d g ratio rss_mb
  echo "Meridian benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, load average before the run $LOAD_BEFORE; loopback; instant mock upstream$( ((CHUNK_DELAY_MS > 0)) && echo " (chunk delay $CHUNK_DELAY_MS ms)")"
  echo "load: concurrency $CONCURRENCY, $DURATION s measured per workload after $WARMUP s warm-up; peak run at concurrency $PEAK_CONCURRENCY"
  echo "other processes used $OTHER_CPU_PCT% of the machine's CPU during the measurements$( ((OTHER_CPU_PCT > 5)) && echo ": they skew these numbers")"
  if [[ $DIRECT_ONLY == no ]]; then
    echo "gateway: $GATEWAY_JAR, JAVA_OPTS=${JAVA_OPTS:-(none)}, readiness answered $READINESS"
    echo "client key: $( [[ $GOVERNANCE == yes ]] && echo "virtual key with rpm, tpm and budget limits; spend ledger on${REDIS_URL:+; counters in Redis}" || echo "master key (no limits)")"
  else
    echo "gateway: not measured (--direct-only)"
  fi
  echo
  row workload metric direct gateway "difference" target verdict
  local entry
  for entry in "${WORKLOADS[@]}"; do
    workload_rows "$entry"
  done
  d=$(value direct.peak.throughput)
  g=$(value gateway.peak.throughput)
  ratio=$(ratio_pct "$d" "$g")
  row peak "throughput req/s" "$d" "$g" "$ratio" "≥ $TARGET_PEAK_RATIO_PCT%" "$(verdict "$ratio" "$TARGET_PEAK_RATIO_PCT" min)"
  row peak "errors" "$(value direct.peak.errors)" "$(value gateway.peak.errors)"
  if [[ $DIRECT_ONLY == no ]]; then
    rss_mb=$(awk -v kb="$PEAK_RSS_KB" 'BEGIN { printf "%.0f", kb / 1024 }')
    row gateway "peak RSS MB (VmHWM)" "" "$rss_mb" "" "≤ $TARGET_RSS_MB" "$(verdict "$rss_mb" "$TARGET_RSS_MB")"
    row gateway "cold start ms" "" "$COLD_START_MS" "" "≤ $TARGET_COLD_START_MS" "$(verdict "$COLD_START_MS" "$TARGET_COLD_START_MS")"
  fi
  if [[ $GOVERNANCE == yes ]]; then
    row gateway "ledger rows" "" "$LEDGER_ROWS" "" "= $LEDGER_EXPECTED requests" \
      "$( [[ $LEDGER_ROWS == "$LEDGER_EXPECTED" ]] && echo ok || echo MISMATCH)"
  fi
  echo
  echo "difference: gateway - direct for times; gateway as a percentage of direct for throughput"
  local details
  details=$(error_details)
  if [[ -n $details ]]; then
    echo
    echo "errors:"
    echo "$details"
  fi
}

# ---- main ----

main() {
  local started entry name
  started=$(date +%s)
  mkdir -p "$RESULTS_DIR"
  rm -rf "$RAW_DIR"
  mkdir -p "$RAW_DIR"
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

  build
  cpu_window_begin
  start_mock
  warm_up direct "$MOCK_URL"

  if [[ $DIRECT_ONLY == no ]]; then
    create_database
    start_gateway
    issue_client_key
    probe_workloads
    warm_up gateway "$GATEWAY_URL"
    check_gateway_alive
  fi

  for entry in "${WORKLOADS[@]}"; do
    IFS='|' read -r name _ <<< "$entry"
    if [[ $DIRECT_ONLY == yes ]]; then
      measure_workload direct "$MOCK_URL" "$entry"
    elif gateway_serves "$name"; then
      measure_workload direct "$MOCK_URL" "$entry"
      measure_workload gateway "$GATEWAY_URL" "$entry"
      check_gateway_alive
    else
      log "skipping $name: gateway answered 404"
    fi
  done

  measure_peak direct "$MOCK_URL"
  if [[ $DIRECT_ONLY == no ]]; then
    measure_peak gateway "$GATEWAY_URL"
    check_gateway_alive
    PEAK_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$GATEWAY_PID/status")
    count_ledger_rows
  fi
  cpu_window_end

  report | tee "$RESULTS_DIR/latest.txt"
  log "done in $(($(date +%s) - started)) s; table saved to $RESULTS_DIR/latest.txt"
}

main
