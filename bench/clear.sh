#!/usr/bin/env bash
# `cachectl clear all --yes` against `rm -rf` of the same cache folders, each on its own fresh copy of a
# generated tree (copied with cp -a and synced before every round, outside the timing; `sync` before every
# timed command too, so one tool's write-back does not land in the other's time). After every round both
# copies must look the same: every cache folder present and empty, everything else untouched.
# Usage: bench/clear.sh [SIZES...]   (default: 10000 200000). Not part of ./mvnw verify.
# Environment: ROUNDS (default 3), WARMUP (default 0: every round starts from fresh copies anyway),
# SKIP_BUILD=1, BENCH_DIR (see bench/common.sh). Needs jq, GNU time and twice the tree's size free on disk.
set -euo pipefail
SIZES=${*:-10000 200000}
ROUNDS=${ROUNDS:-3}
export WARMUP=${WARMUP:-0}
source "$(dirname "$0")/common.sh"
command -v jq >/dev/null || { echo "bench/clear.sh needs jq" >&2; exit 2; }

echo "# cachectl clear against rm -rf"
echo
machine_header

for size in $SIZES; do
  tree=$(ensure_tree "$size")
  entries=$(find "$tree" | wc -l)
  copies="$WORK/clear-$size"
  mine="$copies/cachectl"
  theirs="$copies/rm"
  # The folders clear would empty, relative to the project, from its own dry run.
  mapfile -t caches < <(cd "$tree" && "$CACHECTL" clear all --dry-run --json \
    | jq -r '.project_root as $p | .caches[] | select(.skipped == null and .failed == null)
             | .path | ltrimstr($p + "/")')
  quoted=$(printf ' %q' "${caches[@]}")
  mkdir -p "$copies"
  cat > "$copies/check.sh" <<CHECK
set -e
for dir in$quoted; do
  [ -d "$mine/\$dir" ] && [ -z "\$(ls -A "$mine/\$dir")" ] || { echo "clear left \$dir non-empty or gone" >&2; exit 1; }
done
diff <(cd "$mine" && find . -printf '%y %m %p\n' | sort) <(cd "$theirs" && find . -printf '%y %m %p\n' | sort) >&2 \
  || { echo "clear and rm -rf left different trees" >&2; exit 1; }
CHECK
  echo
  echo "## Clearing a $entries-entry tree (caches:$quoted)"
  echo
  load_line
  echo
  "$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" \
    --before-round "rm -rf '$copies/cachectl' '$copies/rm' && cp -a '$tree' '$mine' && cp -a '$tree' '$theirs' && sync" \
    --before-each sync \
    --after-round "bash '$copies/check.sh'" \
    "rm=cd $theirs && rm -rf --$quoted && mkdir --$quoted" \
    "clear=cd $mine && $CACHECTL clear all --yes"
  rm -rf "$copies"
done
