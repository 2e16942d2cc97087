# Shared by bench/run.sh and bench/clear.sh (sourced, not run): build, paths, the machine header, trees.
# Environment: JAVA_HOME (JDK 25), BENCH_DIR (trees and copies; default /tmp/cachectl-bench),
# SKIP_BUILD=1 (reuse the last -Pbench build), CACHECTL (the launcher to measure; default the one just built),
# ROUNDS, WARMUP (untimed rounds first).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
WORK=${BENCH_DIR:-/tmp/cachectl-bench}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
CACHECTL=${CACHECTL:-"$ROOT/cli/target/cachectl/bin/cachectl"}

cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f bench/target/classpath.txt ]; then
  ./mvnw -B -q -Pbench -DskipTests clean package >&2
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$WORK"

# The machine and the code measured, as a Markdown list.
machine_header() {
  local commit
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ] && commit="$commit (with local changes)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- code: commit $commit; launcher $CACHECTL"
  echo "- machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
       "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)," \
       "$(df -T "$WORK" | awk 'NR==2 {print $2}') file system under $WORK"
  echo "- java: $("$JAVA" -version 2>&1 | head -1)"
  echo "- du: $(du --version | head -1)"
  echo "- rounds: ${ROUNDS} timed after ${WARMUP:-1} untimed, commands alternated within each round"
}

# The load when a table starts: the machine is shared, so every table carries it.
load_line() {
  echo "Load average before this table (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Generates (once) the tree of about $1 entries and prints its path.
ensure_tree() {
  local tree="$WORK/tree-$1"
  if [ ! -d "$tree" ]; then
    rm -rf "$tree.partial"
    "$JAVA" -cp "$CP" dev.cachectl.bench.TreeGenerator "$tree.partial" "$1" 42 >/dev/null
    mv "$tree.partial" "$tree"
  fi
  echo "$tree"
}
