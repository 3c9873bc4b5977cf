#!/usr/bin/env bash
# Scripted, repeatable faults (docs/operations.md):
#   kill     kill -9 of WildFly during submissions and awards; restart; check the data by SQL
#   db       MariaDB stopped and started during the same load; clear 503s; the pool recovers by itself
#   cluster  two WildFly nodes behind HAProxy; a user's session survives the loss of one node
# Usage: scripts/faults/run-faults.sh [kill|db|cluster ...]   (none: all three)
# Needs a build first: mvn -Pfaults package -DskipTests  (or set PF_FAULTS_BUILD=1 to let this script run it).
# Uses its OWN MariaDB (port 3307, data under $PF_FAULTS_DIR), never the shared one, and WildFly port
# offsets 700 and 800 (HTTP 8780/8880, management 10690/10790), HAProxy on 8990.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${PF_FAULTS_DIR:-/tmp/pf-faults}
DB_PORT=${PF_FAULTS_DB_PORT:-3307}
DB_NAME=pf_faults
LB_PORT=${PF_FAULTS_LB_PORT:-8990}
OFFSETS=(0 700 800)            # node1 and node2
JGROUPS_PORTS=(0 8300 8400)    # 7600 + offset
LOAD_SECONDS_MAX=480
SERVER=$ROOT/ear/target/server-ha
EAR=$ROOT/ear/target/preventiefonds.ear
DRIVER_JAR=$ROOT/ear/target/drivers/mariadb-java-client.jar
JDBC="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME?user=root&password="
RESULTS=()

log() { printf '%s %s\n' "$(date +%T)" "$*"; }
now_ms() { date +%s%3N; }
result() { RESULTS+=("$1"); echo "$1"; }
acks() { cat "$1/submitted.txt" "$1/awarded.txt" 2>/dev/null | wc -l; }

# Waits (at most $2 s) until the load in $1 has $3 more acknowledgements than now.
wait_for_acks() {
    local dir=$1 limit=$2 want=$(( $(acks "$1") + $3 ))
    for _ in $(seq 1 $(( limit * 2 ))); do
        [ "$(acks "$dir")" -ge "$want" ] && return 0
        sleep 0.5
    done
    return 1
}

driver() {
    java -cp "$DRIVER_JAR" "$ROOT/scripts/faults/FaultDriver.java" "$@"
}

# ------------------------------------------------------------------ the private MariaDB
db_pid() { cat "$WORK/mariadb.pid" 2>/dev/null; }

db_start() {
    if [ ! -d "$WORK/mariadb/mysql" ]; then
        mkdir -p "$WORK/mariadb"
        mariadb-install-db --no-defaults --datadir="$WORK/mariadb" --user="$(id -un)" \
            --auth-root-authentication-method=normal > "$WORK/mariadb-install.log" 2>&1 || {
            echo "mariadb-install-db failed, see $WORK/mariadb-install.log"; exit 2; }
    fi
    mariadbd --no-defaults --datadir="$WORK/mariadb" --port="$DB_PORT" --socket="$WORK/mariadb.sock" \
        --bind-address=127.0.0.1 --user="$(id -un)" --pid-file="$WORK/mariadb.pid" \
        --log-error="$WORK/mariadb.err" --innodb-buffer-pool-size=128M > /dev/null 2>&1 &
    for _ in $(seq 1 60); do
        mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -e 'SELECT 1' > /dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "the private MariaDB did not start, see $WORK/mariadb.err"; exit 2
}

db_stop() {
    local pid; pid=$(db_pid)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

db_recreate() {
    mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -e "DROP DATABASE IF EXISTS $DB_NAME;
        CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE OR REPLACE USER 'pf_faults'@'127.0.0.1' IDENTIFIED BY 'pf_faults';
        GRANT ALL PRIVILEGES ON $DB_NAME.* TO 'pf_faults'@'127.0.0.1';"
}

# ------------------------------------------------------------------ WildFly nodes
node_pid() { cat "$WORK/node$1/java.pid" 2>/dev/null; }
node_url() { echo "http://127.0.0.1:$((8080 + OFFSETS[$1]))/preventiefonds/"; }

node_install() {
    rm -rf "$WORK/node$1"
    cp -a "$SERVER" "$WORK/node$1"
    cp "$EAR" "$WORK/node$1/standalone/deployments/"
}

node_start() {
    local n=$1 dir="$WORK/node$1"
    rm -f "$dir/java.pid"
    JBOSS_PIDFILE="$dir/java.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true" \
        nohup "$dir/bin/standalone.sh" -Djboss.socket.binding.port-offset="${OFFSETS[$n]}" \
        -Djboss.node.name="node$n" -Djboss.tx.node.id="node$n" \
        -Dpf.db.port="$DB_PORT" -Dpf.db.name="$DB_NAME" -Dpf.db.user=pf_faults -Dpf.db.password=pf_faults \
        -Dpf.cluster.port.1="${JGROUPS_PORTS[1]}" -Dpf.cluster.port.2="${JGROUPS_PORTS[2]}" \
        -Dpreventiefonds.demo=true -Dpreventiefonds.mail.deliver=false >> "$dir/console.log" 2>&1 &
}

node_wait() {
    local started; started=$(now_ms)
    for _ in $(seq 1 480); do
        if [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$(node_url "$1")health")" = 200 ]; then
            log "node$1 up in $(( ($(now_ms) - started) / 1000 )) s (pid $(node_pid "$1"))"; return 0
        fi
        sleep 0.5
    done
    echo "node$1 did not come up, see $WORK/node$1/standalone/log/server.log"; return 1
}

node_kill() {
    local pid; pid=$(node_pid "$1")
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

cleanup() {
    for n in 1 2; do node_kill "$n"; done
    [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null
    db_stop
}

# ------------------------------------------------------------------ fault 1: kill -9 during load
fault_kill() {
    local dir="$WORK/kill"; rm -rf "$dir"; mkdir -p "$dir"
    log "FAULT 1: kill -9 of WildFly during submissions and awards"
    node_kill 1; node_start 1; node_wait 1 || { result "FAIL kill: node1 did not start"; return; }
    driver prepare "$JDBC" "$dir" 200 6000.00 600000.00
    driver load "$(node_url 1)" "$dir" "$LOAD_SECONDS_MAX" 3 2 > "$dir/load.log" 2>&1 &
    local load=$!
    wait_for_acks "$dir" 240 6 || log "few acknowledgements before the kill: $(acks "$dir")"
    local killed; killed=$(now_ms)
    log "kill -9 node1 (pid $(node_pid 1)) mid-load"
    node_kill 1
    node_start 1
    node_wait 1
    local up; up=$(now_ms)
    wait_for_acks "$dir" 240 6; touch "$dir/stop"
    wait "$load"
    cat "$dir/load.log"
    driver verify "$JDBC" "$dir" > "$dir/verify.log" 2>&1; local verified=$?
    cat "$dir/verify.log"
    # Acknowledgements of requests answered in the instant before the process died do not count as recovery.
    local first_ack; first_ack=$(awk -v t="$up" '$2 ~ /^ack/ && $1 > t - 5000 {print $1; exit}' "$dir/events.txt")
    echo "  WildFly restart took $(( (up - killed) / 1000 )) s; first acknowledgement $(( (${first_ack:-$killed} - killed) / 1000 )) s after the kill"
    if [ "$verified" != 0 ] || [ -z "$first_ack" ]; then
        result "FAIL kill: $(grep -c '^PASS' "$dir/verify.log") checks passed, see $dir"
    else
        result "PASS kill: $(wc -l < "$dir/submitted.txt") submissions and $(wc -l < "$dir/awarded.txt") awards acknowledged, all present and whole after kill -9; load served again $(( (first_ack - killed) / 1000 )) s after the kill"
    fi
}

# ------------------------------------------------------------------ fault 2: MariaDB stopped during load
fault_db() {
    local dir="$WORK/db"; rm -rf "$dir"; mkdir -p "$dir"
    log "FAULT 2: MariaDB stopped and started during load"
    if [ -z "$(node_pid 1)" ] || ! kill -0 "$(node_pid 1)" 2>/dev/null; then
        node_start 1; node_wait 1 || { result "FAIL db: node1 did not start"; return; }
    fi
    local wildfly; wildfly=$(node_pid 1)
    driver prepare "$JDBC" "$dir" 200 6000.00 600000.00
    driver outage "$(node_url 1)" "$dir" > "$dir/outage.log" 2>&1 &
    local probe=$!
    driver load "$(node_url 1)" "$dir" "$LOAD_SECONDS_MAX" 3 2 > "$dir/load.log" 2>&1 &
    local load=$!
    wait_for_acks "$dir" 240 6 || log "few acknowledgements before the outage: $(acks "$dir")"
    local down; down=$(now_ms)
    log "stopping MariaDB (pid $(db_pid))"
    db_stop
    touch "$dir/outage-go"
    for _ in $(seq 1 60); do [ -f "$dir/outage-done" ] && break; sleep 0.5; done
    sleep 10
    log "starting MariaDB again after $(( ($(now_ms) - down) / 1000 )) s"
    db_start
    local up; up=$(now_ms)
    wait_for_acks "$dir" 240 6; touch "$dir/stop"
    wait "$load"; wait "$probe"; local probed=$?
    cat "$dir/outage.log" "$dir/load.log"
    driver verify "$JDBC" "$dir" > "$dir/verify.log" 2>&1; local verified=$?
    cat "$dir/verify.log"
    local first_ack; first_ack=$(awk -v t="$up" '$2 ~ /^ack/ && $1 > t {print $1; exit}' "$dir/events.txt")
    local non503; non503=$(awk -v a="$down" -v b="$up" '$2 == "fail" && $1 > a && $1 < b && $3 != 503 && $3 != 0' "$dir/events.txt" | wc -l)
    local failed; failed=$(awk '$2 == "fail"' "$dir/events.txt" | wc -l)
    echo "  failed requests: $failed, of which $non503 during the outage with another status than 503"
    if [ "$wildfly" != "$(node_pid 1)" ]; then
        result "FAIL db: WildFly was restarted"
    elif [ "$probed" != 0 ] || [ "$verified" != 0 ] || [ -z "$first_ack" ] || [ "$non503" -gt 0 ]; then
        result "FAIL db: see $dir (first ack after restart: ${first_ack:-none}, non-503 failures: $non503)"
    else
        result "PASS db: $failed requests failed with 503 and a message during the outage; the pool recovered $(( (first_ack - up) / 1000 )) s after MariaDB was back, WildFly not restarted (pid $wildfly)"
    fi
}

# ------------------------------------------------------------------ fault 3: two nodes, one dies
fault_cluster() {
    local dir="$WORK/cluster"; rm -rf "$dir"; mkdir -p "$dir"
    log "FAULT 3: two nodes behind HAProxy, one dies"
    # One node after the other, as docs/operations.md says for an upgrade: Flyway and the demo data loader
    # (which checks whether data exists) run once, on the first node.
    local ok=1
    for n in 1 2; do
        if [ -z "$(node_pid "$n")" ] || ! kill -0 "$(node_pid "$n")" 2>/dev/null; then
            [ -d "$WORK/node$n" ] || node_install "$n"
            node_start "$n"
        fi
        node_wait "$n" || { ok=0; break; }
    done
    if [ "$ok" != 1 ]; then
        # A session attribute that cannot be serialised stops the joining node's state transfer.
        grep -h 'ISPN000559' "$WORK"/node*/standalone/log/server.log | cut -c1-300 | head -3
        result "FAIL cluster: nodes did not start"; return
    fi
    for _ in $(seq 1 60); do
        grep -q 'ISPN000094.*(2)' "$WORK/node2/standalone/log/server.log" && break
        sleep 0.5
    done
    grep -h 'ISPN000094' "$WORK/node2/standalone/log/server.log" | tail -1 | sed 's/^.*ISPN000094/  ISPN000094/'
    cat > "$dir/haproxy.cfg" <<EOF
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
frontend preventiefonds
    bind 127.0.0.1:$LB_PORT
    default_backend wildfly
backend wildfly
    balance roundrobin
    cookie PFNODE insert indirect nocache httponly
    option httpchk GET /preventiefonds/health
    http-check expect status 200
    server node1 127.0.0.1:$((8080 + OFFSETS[1])) check inter 1s fall 2 rise 2 cookie node1
    server node2 127.0.0.1:$((8080 + OFFSETS[2])) check inter 1s fall 2 rise 2 cookie node2
EOF
    haproxy -f "$dir/haproxy.cfg" -D -p "$WORK/haproxy.pid" || { result "FAIL cluster: haproxy did not start"; return; }
    cat > "$dir/kill-node.sh" <<EOF
#!/usr/bin/env bash
pid=\$(cat "$WORK/\$1/java.pid"); kill -9 "\$pid"; while kill -0 "\$pid" 2>/dev/null; do sleep 0.1; done
EOF
    chmod +x "$dir/kill-node.sh"
    sleep 3
    driver session "http://127.0.0.1:$LB_PORT/preventiefonds/" "$dir/kill-node.sh" > "$dir/session.log" 2>&1
    local survived=$?
    cat "$dir/session.log"
    kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null; rm -f "$WORK/haproxy.pid"
    if [ "$survived" != 0 ]; then
        result "FAIL cluster: see $dir/session.log"
    else
        result "PASS cluster: $(grep -o 'still logged in.*' "$dir/session.log")"
    fi
}

# ------------------------------------------------------------------ main
mkdir -p "$WORK"
if [ "${PF_FAULTS_BUILD:-0}" = 1 ]; then
    (cd "$ROOT" && mvn -q -Pfaults package -DskipTests) || exit 2
fi
for f in "$SERVER/bin/standalone.sh" "$EAR" "$DRIVER_JAR"; do
    [ -e "$f" ] || { echo "missing $f: run mvn -Pfaults package -DskipTests first"; exit 2; }
done
command -v haproxy > /dev/null || echo "haproxy missing (apt-get install -y haproxy): the cluster fault will fail"
trap cleanup EXIT
faults=("$@"); [ ${#faults[@]} -eq 0 ] && faults=(kill db cluster)
db_stop; db_start; db_recreate
node_install 1; node_install 2
for fault in "${faults[@]}"; do
    case "$fault" in
        kill) fault_kill ;;
        db) fault_db ;;
        cluster) fault_cluster ;;
        *) echo "unknown fault $fault"; exit 2 ;;
    esac
done
echo
echo "Summary"
printf '  %s\n' "${RESULTS[@]}"
! printf '%s\n' "${RESULTS[@]}" | grep -q '^FAIL'
