#!/usr/bin/env bash
# Times the offline reference run of every suite, the pipeline's own overhead without any model
# latency: case loading, the tool loop, validators, artifacts, index, summary and reports.
# Usage: bench/reference-suites.sh [repeats]   (prints one line per mode: median wall time)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-5}"
mvn -q -B -Dstyle.color=never package -DskipTests -Dspotless.check.skip=true >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for cases in cases/*.yaml; do
  mode="$(basename "$cases" .yaml)"
  times=()
  for i in $(seq "$repeats"); do
    start=$(date +%s%N)
    (cd "$work" && java -jar "$OLDPWD/target/evals.jar" run "$mode" --model reference \
      --cases-dir "$OLDPWD" --output "$mode-$i.json" >/dev/null 2>&1)
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeats + 1) / 2 ))p")
  attempts=$(grep -c '"caseId"' "$work/$mode-1/index.jsonl")
  echo "$mode: $attempts attempts, median ${median} ms over $repeats runs (JVM start included)"
done
