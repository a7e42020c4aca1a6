# Helpers of bin/smoke (sourced, not run): check bookkeeping, HTTP, JSON, XML and server processes.
# shellcheck shell=bash

PASSED=0
FAILED=0
FAILED_NAMES=()
PIDS=()

ok() {
  PASSED=$((PASSED + 1))
  echo "PASS  $1"
}

bad() {
  FAILED=$((FAILED + 1))
  FAILED_NAMES+=("$1")
  echo "FAIL  $1${2:+ -- $2}"
}

# check NAME WHY-IF-FALSE CONDITION...: runs the condition, a PASS or a FAIL line either way
check() {
  local name=$1 why=$2
  shift 2
  if "$@"; then ok "$name"; else bad "$name" "$why"; fi
}

# req OUT curl-args...: the body goes to OUT; sets CODE and CTYPE ("000" when the server did not answer)
req() {
  local out=$1 meta
  shift
  rm -f "$out"
  meta=$(curl -sS -o "$out" -w '%{http_code} %{content_type}' --max-time 120 "$@" 2>"$out.err") || meta="000 none"
  CODE=${meta%% *}
  CTYPE=${meta#* }
}

# jpy FILE EXPR: evaluates a Python expression over the JSON document d; exit 3 when FILE is not JSON
jpy() {
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception:
    sys.exit(3)
try:
    r = eval(sys.argv[2])
except Exception as e:
    print("<%s>" % e)
    sys.exit(4)
print(json.dumps(r) if isinstance(r, (dict, list)) else r)
PY
}

# xp FILE XPATH: the string value of an XPath 1.0 expression (empty when the file is not XML)
xp() {
  xmllint --nonet --xpath "$2" "$1" 2>/dev/null || true
}

snippet() {
  head -c "${2:-300}" "$1" 2>/dev/null | tr '\n' ' '
}

free_port() {
  python3 -c 'import socket
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if p != 8080: print(p); break'
}

# start_server DIR PORT ARGS...: java -jar in DIR (its scratch folder), log in DIR/server.log; sets SERVER_PID
start_server() {
  local dir=$1 port=$2
  shift 2
  mkdir -p "$dir"
  (cd "$dir" && exec java ${SMOKE_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "$@" >>"$dir/server.log" 2>&1) &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
}

# wait_up PID PORT: polls /actuator/health until the overall status is UP; sets UP_SECONDS
wait_up() {
  local pid=$1 port=$2 t0 deadline status
  t0=$(date +%s.%N)
  deadline=$(( $(date +%s) + ${SMOKE_START_TIMEOUT:-600} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "  server $pid exited before it was healthy" >&2
      return 1
    fi
    rm -f "$WORK/health.json"   # curl leaves an old answer in place when nobody listens
    curl -s --max-time 5 -o "$WORK/health.json" "http://localhost:$port/actuator/health" 2>/dev/null || true
    status=$(jpy "$WORK/health.json" 'd.get("status")' 2>/dev/null || true)
    if [ "$status" = UP ]; then
      UP_SECONDS=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
      return 0
    fi
    sleep 0.25
  done
  echo "  no UP from port $port within ${SMOKE_START_TIMEOUT:-600} s" >&2
  return 1
}

# stop_server PID: SIGTERM (Boot shuts down gracefully), SIGKILL after 30 s
stop_server() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# cli DIR ARGS...: java -jar lakou.jar ARGS in DIR with stdin passed through; sets CLI_EXIT, output in DIR/cli.out
cli() {
  local dir=$1
  shift
  (cd "$dir" && exec java ${SMOKE_JAVA_OPTS:-} -jar "$JAR" "$@") >"$dir/cli.out" 2>&1
  CLI_EXIT=$?
  { echo "== java -jar lakou.jar $*"; cat "$dir/cli.out"; } >>"$dir/cli.log"
}

# poll SECONDS COMMAND...: retries a command until it succeeds (for eventually consistent reads)
poll() {
  local deadline=$(( $(date +%s) + $1 ))
  shift
  while true; do
    "$@" && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}
