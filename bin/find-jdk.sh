#!/bin/sh
# Finds a JDK >= 25 and exports JAVA_HOME for it; sourced by ./mvnw and ./yuqing.
# Order: $JAVA_HOME if new enough, `java` on the PATH if new enough, then the usual install places.
# Stops with a message saying how to get one when none is found.

yuqing_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

yuqing_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(yuqing_java_major "$1")
  [ -n "$v" ] && [ "$v" -ge 25 ]
}

yuqing_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && yuqing_jdk_ok "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if yuqing_jdk_ok "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  # The caller may run with `set -f` (./mvnw does): globbing is needed here.
  case $- in *f*) yuqing_noglob=1; set +f ;; *) yuqing_noglob=0 ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    if yuqing_jdk_ok "$candidate"; then
      JAVA_HOME=$candidate; export JAVA_HOME
      [ "$yuqing_noglob" = 1 ] && set -f
      return 0
    fi
  done
  cat >&2 <<'MSG'
Yuqing needs a JDK 25 or newer, and none was found (looked at $JAVA_HOME, javac on the PATH,
/usr/lib/jvm, /opt and ~/.sdkman). Install one, for example Temurin 25:
  Debian/Ubuntu: apt-get install temurin-25-jdk   (from the Adoptium apt repository)
  any system:    sdk install java 25-tem          (SDKMAN)
then run the command again, or point JAVA_HOME at it.
MSG
  exit 1
}

yuqing_find_jdk
PATH="$JAVA_HOME/bin:$PATH"
export PATH
