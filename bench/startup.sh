#!/usr/bin/env bash
# Start-up benchmark: `duet serve` launch to the first page with its drawing, in headless Chromium.
# Run from the project root after `mvn -B -DskipTests package`:  bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp); out=$(mktemp -d)
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
javac -d "$out" -cp "$(cat "$cp")" bench/src/StartupBench.java
java -cp "$(cat "$cp"):$out" StartupBench "${1:-5}" 2>/dev/null
