#!/usr/bin/env bash
# Browser drag latency: bench/drag-latency.sh PROGRAM.little SHAPE ATTRIBUTE [LATENCY_MS]  (after the package build)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp); out=$(mktemp -d)
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
javac -d "$out" -cp "$(cat "$cp")" bench/src/DragLatencyBench.java
java -cp "$(cat "$cp"):$out" DragLatencyBench "$@" 2>/dev/null
