#!/usr/bin/env bash
# Server-side drag-step benchmark: bench/drag-step.sh [PROGRAM.little …]  (after mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
javac -d "$out" -cp "target/duet.jar:target/lib/*" bench/src/DragStepBench.java
java -cp "target/duet.jar:target/lib/*:$out" DragStepBench "$@"
