#!/usr/bin/env bash
# Whole-process benchmarks of cachectl against du, find, a C reference walker (bench/src/main/c/refwalk.c, when
# cc is installed) and gdu/ncdu (when installed) on generated trees.
# Usage: bench/run.sh [SIZES...]   (default: 10000 200000 1000000). Not part of ./mvnw verify.
# Environment: ROUNDS (default 7), WARMUP (default 1), SKIP_BUILD=1, BENCH_DIR (see bench/common.sh);
# COLD=1 adds a cold-page-cache table per size (needs root: it writes /proc/sys/vm/drop_caches before
# every command, which slows everything else on the machine down for a moment).
# Needs JDK 25 (JAVA_HOME), GNU time (/usr/bin/time) and about 2 GB of free disk for the 1M tree.
set -euo pipefail
SIZES=${*:-10000 200000 1000000}
ROUNDS=${ROUNDS:-7}
source "$(dirname "$0")/common.sh"
DIST=$(dirname "$(dirname "$CACHECTL")")

echo "# cachectl benchmarks"
echo
machine_header

# Hello world on the same JDK: the floor for any Java CLI's start.
HELLO="$WORK/hello"
mkdir -p "$HELLO"
cat > "$HELLO/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$HELLO" "$HELLO/Hello.java"
(cd "$HELLO" && "$JAVA_HOME/bin/jar" --create --file hello.jar --main-class Hello Hello.class)
echo
echo "## Start-up: \`cachectl --version\` against a hello-world jar"
echo
load_line
echo
"$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" \
  "hello=$JAVA -XX:+UseSerialGC -jar $HELLO/hello.jar" \
  "version=$CACHECTL --version"

# A single-threaded C walker with cachectl's system calls, when a C compiler is there: the floor a walk on one
# core can reach, without start-up, parallelism or accounting.
REFWALK=""
if command -v cc >/dev/null && cc -O2 -o "$WORK/refwalk" "$ROOT/bench/src/main/c/refwalk.c" 2>/dev/null; then
  REFWALK="$WORK/refwalk"
fi

DROP='sync; echo 3 > /proc/sys/vm/drop_caches'
for size in $SIZES; do
  tree=$(ensure_tree "$size")
  entries=$(find "$tree" | wc -l)
  echo
  echo "## Sizing a $entries-entry tree (warm page cache)"
  echo
  load_line
  echo
  cmds=("du=du -s $tree" "dub=du -sb $tree" "find=find $tree -type f" "cachectl=cd $tree && $CACHECTL status --json")
  [ -n "$REFWALK" ] && cmds+=("refwalk=$REFWALK $tree")
  command -v gdu >/dev/null && cmds+=("gdu=gdu -snp $tree")
  command -v ncdu >/dev/null && cmds+=("ncdu=ncdu -x -o /dev/null $tree")
  "$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" "${cmds[@]}"
  if [ "${COLD:-0}" = 1 ]; then
    echo
    echo "## Sizing a $entries-entry tree (cold page cache: dropped before every command)"
    echo
    if sh -c "$DROP" 2>/dev/null; then
      load_line
      echo
      "$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" --before-each "$DROP" \
        "du=du -s $tree" "cachectl=cd $tree && $CACHECTL status --json"
      # The case users meet more often: a cache tree nobody touched lately, sized by tools they run every
      # day. After the drop, both tools' own files are read back (du and the C library; cachectl's runtime
      # image and AOT cache), so the table compares the walks, not the loading of a 100 MB runtime.
      echo
      echo "## Sizing a $entries-entry tree (cold tree, the tools' own files cached)"
      echo
      load_line
      echo
      tools="$(readlink -f "$(command -v du)") $(ldd "$(command -v du)" | awk '/=>/ {print $3}') $DIST/lib/cachectl.aot"
      rewarm="$DROP; cat $tools > /dev/null; find $DIST/runtime -type f -exec cat {} + > /dev/null"
      "$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" --before-each "$rewarm" \
        "du=du -s $tree" "cachectl=cd $tree && $CACHECTL status --json"
    else
      echo "Not measured: writing /proc/sys/vm/drop_caches is not permitted here."
    fi
  fi
done
