#!/usr/bin/env bash
# Load: N concurrent editor sessions on one `duet serve`, in one headless Chromium (a tab and a host name
# sK.localhost per session, so a Vaadin session each), typing and dragging at once; page load, keystroke → canvas,
# drag latency, server memory per session. Run from the project root after `mvn -B -DskipTests package`:
#   bench/load.sh [N …]     (default 10 20 50; stops at the first N the machine cannot carry)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp); out=$(mktemp -d)
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
javac -d "$out" -cp "$(cat "$cp")" bench/src/LoadBench.java
# Selenium's and Chromium's chatter goes to target/load-bench.stderr (shown if the bench fails)
java -cp "$(cat "$cp"):$out" LoadBench "$@" 2>target/load-bench.stderr || {
  echo "bench/load.sh: LoadBench failed; the end of target/load-bench.stderr:" >&2; tail -20 target/load-bench.stderr >&2; exit 1; }
