#!/usr/bin/env bash
# JMH microbenchmarks of the smart-routing decision (1, 8 and 64 KB prompts), with the GC profiler
# for bytes allocated per operation. Extra arguments go to JMH, e.g. `bench/run-jmh.sh -f 3`.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
export JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

(cd "$REPO_DIR" && ./mvnw -B -q -f bench/pom.xml -DskipTests package)
mkdir -p "$BENCH_DIR/results"
"$JAVA_HOME/bin/java" -cp "$BENCH_DIR/target/meridian-bench.jar" org.openjdk.jmh.Main SmartRoutingBenchmark \
  -prof gc "$@" | tee "$BENCH_DIR/results/jmh-smart-routing.txt"
