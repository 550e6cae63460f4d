#!/usr/bin/env bash
# String-length limit benchmark: toString of a shared tree, depths 26 and 60, before (commit BEFORE, default
# d676524, the code of issue 8 defect 4) and after (this worktree's sources). Each case runs in a fresh JVM with a
# 4 GB heap, killed after 60 s (and "after" once more with a 96 MB heap, to show what it needs); prints the bench's
# own lines and the JVM's wall time and peak RSS (/usr/bin/time).
# Run from anywhere after `mvn -B -DskipTests compile`:  bench/string-limits.sh [BEFORE]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-d676524}
tmp=$(mktemp -d /tmp/duet-string-limits.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp="$tmp/classpath"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime >/dev/null 2>&1
# both versions are compiled the same way: the bench class and what it reaches, from the sources
mkdir -p "$tmp/before/src" "$tmp/before/classes" "$tmp/after/classes"
git archive "$before" src/main/java little-lang/prelude.little | tar -x -C "$tmp/before/src"
javac -nowarn -d "$tmp/before/classes" -cp "$(cat "$cp")" -sourcepath "$tmp/before/src/src/main/java" \
    bench/src/StringLimitsBench.java 2>/dev/null
javac -nowarn -d "$tmp/after/classes" -cp "$(cat "$cp")" -sourcepath src/main/java \
    bench/src/StringLimitsBench.java 2>/dev/null
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
for config in ${CONFIGS:-before:4g after:4g after:96m}; do
    version=${config%:*}; heap=${config#*:}
    if [ "$version" = before ]; then prelude="$tmp/before/src/little-lang/prelude.little"; else prelude=little-lang/prelude.little; fi
    for depth in 26 60; do
        runs=1; [ "$version" = after ] && runs=5
        echo "== $version ($( [ "$version" = before ] && echo "$before" || git rev-parse --short HEAD)), -Xmx$heap, depth $depth"
        set +e
        DUET_PRELUDE="$prelude" /usr/bin/time -f "jvm: %e s wall, peak RSS %M KB" \
            timeout 60 java -Xss16m -Xmx$heap -cp "$(cat "$cp"):$tmp/$version/classes" StringLimitsBench "$depth" "$runs"
        rc=$?
        set -e
        [ $rc -eq 124 ] && echo "killed after 60 s (still running)"
        [ $rc -ne 0 ] && [ $rc -ne 124 ] && echo "exit status $rc"
    done
done
