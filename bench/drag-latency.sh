#!/usr/bin/env bash
# Browser drag latency: bench/drag-latency.sh PROGRAM.little SHAPE ATTRIBUTE [DEP_SHAPE DEP_ATTRIBUTE] [DELAY_MS]
# (after the package build; DELAY_MS goes through bench/src/DelayProxy.java, a loopback proxy delaying each direction)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp); out=$(mktemp -d)
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
javac -d "$out" -cp "$(cat "$cp")" bench/src/DragLatencyBench.java bench/src/DelayProxy.java
java -cp "$(cat "$cp"):$out" DragLatencyBench "$@" 2>/dev/null
