#!/usr/bin/env bash
# Whole-process benchmarks of cachectl against du, find (and gdu/ncdu when installed) on generated trees.
# Usage: bench/run.sh [SIZES...]   (default: 10000 200000 1000000). Not part of ./mvnw verify.
# Needs JDK 25 (JAVA_HOME), GNU time (/usr/bin/time) and about 2 GB of free disk for the 1M tree.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SIZES=${*:-10000 200000 1000000}
ROUNDS=${ROUNDS:-7}
WORK=${BENCH_DIR:-/tmp/cachectl-bench}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

cd "$ROOT"
./mvnw -B -q -Pbench -DskipTests clean package >&2
CP="bench/target/classes:$(cat bench/target/classes/../classpath.txt)"
CACHECTL="$ROOT/cli/target/cachectl/bin/cachectl"
JAVA="$JAVA_HOME/bin/java"
mkdir -p "$WORK"

echo "# cachectl benchmarks"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- java: $("$JAVA" -version 2>&1 | head -1)"
echo "- du: $(du --version | head -1)"
echo "- rounds: $ROUNDS (after one warm-up round), commands alternated within each round"

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
"$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" \
  "hello=$JAVA -XX:+UseSerialGC -jar $HELLO/hello.jar" \
  "version=$CACHECTL --version"

for size in $SIZES; do
  tree="$WORK/tree-$size"
  if [ ! -d "$tree" ]; then
    "$JAVA" -cp "$CP" dev.cachectl.bench.TreeGenerator "$tree" "$size" 42 >/dev/null
  fi
  entries=$(find "$tree" | wc -l)
  echo
  echo "## Sizing a $entries-entry tree (warm page cache)"
  echo
  cmds=("du=du -s $tree" "dub=du -sb $tree" "find=find $tree -type f" "cachectl=cd $tree && $CACHECTL status --json")
  command -v gdu >/dev/null && cmds+=("gdu=gdu -snp $tree")
  command -v ncdu >/dev/null && cmds+=("ncdu=ncdu -x -o /dev/null $tree")
  "$JAVA" -cp "$CP" dev.cachectl.bench.WholeProcessBench "$ROUNDS" "${cmds[@]}"
done
