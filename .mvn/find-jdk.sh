# Sourced by ./mvnw, ./vindplaats and .ci/run (POSIX sh).
# Why: Tycho 5 and the Eclipse 4.3x bundles need Java >= 21, while many machines
# default to an older java. Pick JAVA_HOME if it is new enough, else the newest
# JDK >= 21 under /usr/lib/jvm (or the Mac equivalent); otherwise stop with one line.
vp_java_major() {
  # The JDK's 'release' file says its version without starting a JVM (which costs ~100 ms each).
  # Read by the shell itself: no process started (this runs before every start of the program).
  if [ -r "$1/release" ]; then
    while IFS= read -r vp_line || [ -n "$vp_line" ]; do
      case $vp_line in
        JAVA_VERSION=*)
          vp_line=${vp_line#JAVA_VERSION=}; vp_line=${vp_line#\"}
          printf '%s\n' "${vp_line%%[!0-9]*}"
          return 0 ;;
      esac
    done < "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}
vp_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(vp_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then return 0; fi
  fi
  best=""; bestv=0
  # Callers may run with globbing off (mvnw uses 'set -f'); the loop below needs it.
  case $- in *f*) vp_noglob=1; set +f ;; *) vp_noglob="" ;; esac
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] || continue
    v=$(vp_java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -n "$vp_noglob" ]; then set -f; fi
  if [ -z "$best" ]; then
    echo "vindplaats: needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME." >&2
    exit 3
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
vp_find_jdk
