#!/usr/bin/env bash
# Meridian ledger benchmark: the sustained rate at which the real spend-ledger writer stores rows
# (and their daily rollups) in PostgreSQL. See bench/README.md ("Ledger write rate").
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
RESULTS_DIR=$BENCH_DIR/results
CLASSPATH_FILE=$REPO_DIR/db/target/ledger-bench-classpath.txt

export JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java

DB_NAME=meridian_ledger_bench
TARGET_ROWS_PER_SECOND=20000

SECONDS_MEASURED=20
WARMUP=5
PRODUCERS=2
KEYS=200
DATABASE_URL=
EXTRA=()

usage() {
  cat <<EOF
usage: bench/ledger.sh [--seconds S] [--warmup S] [--producers N] [--keys N] [--database-url URL]
                       [--meridian.ledger.<property> VALUE ...]
  --seconds S          measured seconds (default $SECONDS_MEASURED)
  --warmup S           unmeasured seconds before them (default $WARMUP)
  --producers N        threads appending rows (default $PRODUCERS)
  --keys N             distinct virtual keys in the rows, 20 per team (default $KEYS)
  --database-url URL   postgresql:// URL of an existing, empty database (default: database
                       $DB_NAME on 127.0.0.1:5432, dropped and created again)
  --meridian.ledger.batch-size 1000 and the like set the writer's properties
EOF
}

while (($#)); do
  case $1 in
    --seconds) SECONDS_MEASURED=${2:?--seconds needs a value}; shift ;;
    --warmup) WARMUP=${2:?--warmup needs a value}; shift ;;
    --producers) PRODUCERS=${2:?--producers needs a value}; shift ;;
    --keys) KEYS=${2:?--keys needs a value}; shift ;;
    --database-url) DATABASE_URL=${2:?--database-url needs a value}; shift ;;
    --meridian.*) EXTRA+=("$1" "${2:?$1 needs a value}"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$RESULTS_DIR"
log "compiling the db module and its test classes"
(cd "$REPO_DIR" && ./mvnw -B -q -pl db test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test) || die "build failed"

if [[ -z $DATABASE_URL ]]; then
  log "recreating database $DB_NAME"
  PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" \
    -c "CREATE DATABASE $DB_NAME" < /dev/null || die "could not recreate database $DB_NAME"
  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$DB_NAME
fi

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
log "measuring for $SECONDS_MEASURED s after $WARMUP s of warm-up ($PRODUCERS producers)"
rm -rf "$REPO_DIR/db/target/ledger-bench"
output=$("$JAVA" -cp "$REPO_DIR/db/target/test-classes:$REPO_DIR/db/target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.meridian.db.ledger.bench.LedgerWriteBenchmark \
  --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" --producers "$PRODUCERS" --keys "$KEYS" \
  --database-url "$DATABASE_URL" --data-dir "$REPO_DIR/db/target/ledger-bench" ${EXTRA[@]+"${EXTRA[@]}"} < /dev/null) \
  || die "the benchmark failed: $output"

rate=$(sed -n 's/^rows_per_second=//p' <<< "$output")
verdict=$(awk -v r="$rate" -v t="$TARGET_ROWS_PER_SECOND" 'BEGIN { print (r + 0 >= t ? "ok" : "MISS") }')
{
  echo "Meridian ledger benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, load average before the run $LOAD_BEFORE"
  echo "$output"
  echo "target_rows_per_second=$TARGET_ROWS_PER_SECOND verdict=$verdict"
} | tee "$RESULTS_DIR/ledger.txt"
