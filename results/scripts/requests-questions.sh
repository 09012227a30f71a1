#!/usr/bin/env bash
# The runs behind docs/requests.md's answers, each printed by lab-client's own --json and appended
# to results/raw/requests-questions.jsonl with the question it answers. Needs ./lab's build.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
java="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
out=results/raw/requests-questions.jsonl
: > "$out"

# Starts lab-server on a free port with the given flags; sets $url and $server_pid.
start_server() {
  coproc SERVER { exec $java -jar lab-server/target/lab-server.jar --port 0 "$@"; }
  read -r first <&"${SERVER[0]}"
  url=${first#listening on }
  server_pid=$SERVER_PID
}

# Runs one requests command and appends its JSON with the question and the server's flags.
ask() { # question server-flags requests-flags...
  local question=$1 flags=$2
  shift 2
  $java -jar lab-client/target/lab-client.jar requests --url "$url" --json "$@" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); r={"question":sys.argv[1],"server":sys.argv[2],"args":sys.argv[3],**r}; print(json.dumps(r))' \
      "$question" "$flags" "$*" >> "$out"
}

flags="--limit 1000 --fault-rate 0.1 --latency uniform:20ms..80ms"
start_server $flags
ask "gather: what happens to the others when one fails" "$flags" --strategy unbounded --requests 1000
ask "retry only the failed ones" "$flags" --strategy retrying --requests 1000 --concurrency 1000
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

flags="--limit 10 --latency lognormal:median=50ms,p99=400ms"
start_server $flags
ask "timeouts: a per-request timeout at about the p95" "$flags" --strategy deadline --requests 1000 --timeout 150ms
ask "timeouts: the same with retries of what timed out" "$flags" --strategy retrying --requests 1000 --timeout 150ms
ask "timeouts: a deadline for the whole run" "$flags" --strategy deadline --requests 1000 --deadline 2s
ask "as_completed next to gather: bounded" "$flags" --strategy bounded --requests 1000
ask "as_completed next to gather: streaming" "$flags" --strategy streaming --requests 1000
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
echo "wrote $(wc -l < "$out") runs to $out"
