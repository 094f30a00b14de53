#!/usr/bin/env bash
# Checks that Windmill's own ai_evals folder runs unchanged: for every mode, lists its cases and
# runs the reference model over them, then prints per mode the cases listed, the exit codes and
# the stack traces seen. Nothing is written into the ai_evals folder; runs go to a temp dir.
# Usage: bench/windmill-compat.sh <path-to-ai_evals> [modes...]   (default: flow script app cli global)
# Get Windmill's files at the commit we check against (never commit them into this repo):
#   git --git-dir=<mirror of yonasBSD/windmill> archive bf6be967 ai_evals | tar -x -C /tmp/wm
#   bench/windmill-compat.sh /tmp/wm/ai_evals
set -uo pipefail
if [ $# -lt 1 ] || [ ! -d "$1/cases" ]; then
  echo "usage: bench/windmill-compat.sh <path-to-ai_evals> [modes...] (a folder holding cases/)" >&2
  exit 2
fi
ai_evals="$(cd "$1" && pwd)"
shift
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(flow script app cli global)
cd "$(dirname "$0")/.."
if [ ! -f target/evals.jar ]; then
  mvn -q -B -Dstyle.color=never package -DskipTests -Dspotless.check.skip=true >&2 || exit 2
fi
jar="$PWD/target/evals.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
traces() { grep -cE '^\s+at [a-zA-Z0-9_$.]+\(|^Exception in thread|^Caused by:' "$@" 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}'; }
printf '%-7s %6s %6s %10s %6s %7s\n' mode cases casesRc attempts runRc traces
for mode in "${modes[@]}"; do
  (cd "$work" && java -jar "$jar" cases "$mode" --cases-dir "$ai_evals" \
    >"$mode.cases.out" 2>"$mode.cases.err")
  cases_rc=$?
  listed=$(grep -cE '^  \S' "$work/$mode.cases.out" || true)
  (cd "$work" && timeout 1800 java -jar "$jar" run "$mode" --model reference --cases-dir "$ai_evals" \
    --output "$mode.json" >"$mode.run.out" 2>"$mode.run.err")
  run_rc=$?
  attempts=$(grep -c '"caseId"' "$work/$mode/index.jsonl" 2>/dev/null || echo 0)
  seen=$(traces "$work/$mode.cases.err" "$work/$mode.run.err" "$work/$mode.run.out")
  printf '%-7s %6s %6s %10s %6s %7s\n' "$mode" "$listed" "$cases_rc" "$attempts" "$run_rc" "$seen"
  if [ "$run_rc" -ne 0 ] && [ "$run_rc" -ne 1 ] || [ "$cases_rc" -ne 0 ]; then
    head -3 "$work/$mode.cases.err" "$work/$mode.run.err" | sed "s/^/  $mode: /" >&2
  fi
done
