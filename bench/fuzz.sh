#!/usr/bin/env bash
# The long fuzzing run (issue 8): at least 1 000 000 inputs through parse → evaluate → SVG → zones → drag → relate.
#
#   bench/fuzz.sh [--engine seeded|jazzer] [--runs N] [--seed S] [--core C] [--duration 100h]
#
# seeded (default): the seeded structure-aware run (org.duet.fuzz.FuzzMain) in a plain JVM — the fastest;
# jazzer: Jazzer's coverage-guided run of PipelineFuzzTest (-runs=N through -Djazzer.max_executions), which also
#         prints libFuzzer's coverage figures (cov: edges, ft: features).
# Both run under `nice -n 10` on one core (taskset, and the JVM told it has one processor), write every finding to
# src/test/resources/fuzz/regressions/ and keep going; the log goes to target/fuzz-long-ENGINE.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE=seeded RUNS=1000000 SEED=1 CORE=1 DURATION=100h
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) ENGINE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --core) CORE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    *) echo "bench/fuzz.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
LOG="target/fuzz-long-$ENGINE.log"
mkdir -p target
if ! command -v taskset >/dev/null; then echo "bench/fuzz.sh: taskset (util-linux) is needed" >&2; exit 2; fi
PIN=(nice -n 10 taskset -c "$CORE")
JVM=(-Xss16m -Xmx3g -XX:ActiveProcessorCount=1 -XX:+UseSerialGC)
{
  echo "# fuzz.sh engine=$ENGINE runs=$RUNS seed=$SEED core=$CORE duration=$DURATION (jazzer only)"
  echo "# date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $(java -version 2>&1 | head -1)"
} | tee "$LOG"
START=$(date +%s)
set +e
case "$ENGINE" in
  seeded)
    mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/fuzz.classpath >/dev/null
    # a snapshot of the classes, so that a build during the run does not change them under it
    rm -rf target/fuzz-classes && mkdir -p target/fuzz-classes
    cp -r target/test-classes target/fuzz-classes/test && cp -r target/classes target/fuzz-classes/main
    "${PIN[@]}" java "${JVM[@]}" -cp "target/fuzz-classes/test:target/fuzz-classes/main:$(cat target/fuzz.classpath)" \
        org.duet.fuzz.FuzzMain "$RUNS" "$SEED" 2>&1 | tee -a "$LOG"
    RC=${PIPESTATUS[0]} ;;
  jazzer)
    JAZZER_FUZZ=1 "${PIN[@]}" mvn -B test -Dtest=PipelineFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_executions="$RUNS" -Djazzer.max_duration="$DURATION" -Dduet.fuzz.keepGoing=true \
        -Dduet.fuzz.reportEvery=10000 2>&1 | grep -v -E '^INFO: Instrumented|^\[INFO\] Download' | tee -a "$LOG"
    RC=${PIPESTATUS[0]} ;;
  *) echo "bench/fuzz.sh: unknown engine $ENGINE (seeded or jazzer)" >&2; exit 2 ;;
esac
echo "# wall time: $(( $(date +%s) - START )) s, exit $RC" | tee -a "$LOG"
exit "$RC"
