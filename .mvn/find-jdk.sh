# Finds a JDK 25 or newer: JAVA_HOME when it is one, else the `java` on PATH, else the usual install folders.
# Sourced (POSIX sh) by ./cachectl, ./mvnw and .ci/run, so all three find the same JDK.
# Defines java_home_ok HOME and find_java_home (prints the JDK's home; fails when none is found).

java_home_ok() {
  [ -x "$1/bin/java" ] && [ -f "$1/release" ] || return 1
  _jdk_v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  [ -n "$_jdk_v" ] && [ "$_jdk_v" -ge 25 ]
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && java_home_ok "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    _jdk_real=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
    _jdk_home=$(dirname "$(dirname "$_jdk_real")")
    if java_home_ok "$_jdk_home"; then echo "$_jdk_home"; return 0; fi
  fi
  for _jdk_home in /usr/lib/jvm/*25* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/*-[3-9][0-9]* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home \
              "${HOME:-/nonexistent}"/.sdkman/candidates/java/* /opt/java/* /opt/jdk*; do
    if java_home_ok "$_jdk_home"; then echo "$_jdk_home"; return 0; fi
  done
  return 1
}
