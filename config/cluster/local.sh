#!/usr/bin/env bash
# A GroupDeal cluster on this machine: a 3-node Galera cluster (MariaDB 10.11 + galera-4), DEAL_CLUSTER_MEMBERS
# Payara Micro members of the built WAR (their Hazelcast data grid found by TCP/IP, no multicast), and HAProxy on
# DEAL_HTTP_PORT in front of the members and of the database. Everything listens on loopback (the balancer on
# DEAL_CLUSTER_BIND), keeps its data, logs and pid files under DEAL_CLUSTER_DIR, and runs as the calling user; no
# system service is started.
#
#   bash config/cluster/local.sh up       installs what is missing (Debian packages), starts the cluster, waits until
#                                         every node and member is ready; data survives a down/up
#   bash config/cluster/local.sh down     stops the members, the balancer, the mail catcher and the database nodes
#   bash config/cluster/local.sh status   every node and member and whether it is ready (exit 0 when all are)
#   bash config/cluster/local.sh wipe     deletes DEAL_CLUSTER_DIR (only while the cluster is down)
#
# Settings: config/cluster/cluster.env (cluster size, ports, memory), and the same DEAL_* settings as ./mvnw -Prun
# (README "Configuration"): DEAL_DEMO (default true, as on -Prun's own database), DEAL_ADMIN_EMAIL/PASSWORD, DEAL_SMTP_*
# (default: a mail catcher writing DEAL_CLUSTER_DIR/mail/*.eml), DEAL_PAYMENT_GATEWAY, DEAL_SANDBOX_* and the rest are
# passed to every member. The database is always the cluster's own (DEAL_DB_URL is set by this script).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=cluster.env
. "$here/cluster.env"

dir=$DEAL_CLUSTER_DIR
run=$dir/run
logs=$dir/logs
base=$DEAL_CLUSTER_BASE_PORT
members=$DEAL_CLUSTER_MEMBERS
nodes=$DEAL_CLUSTER_DB_NODES
db_port=$((base + 6))
db_read_port=$((base + 7))
mail_port=$((base + 5))
war=${DEAL_CLUSTER_WAR:-$root/deal-web/target/deal-web.war}
micro=${DEAL_CLUSTER_MICRO:-$root/deal-web/target/payara-micro.jar}

sql_port() { echo $((base + 10 + $1)); }
gcomm_port() { echo $((base + 20 + $1)); }
ist_port() { echo $((base + 30 + $1)); }
sst_port() { echo $((base + 40 + $1)); }
# The database nodes run as the calling user; as root, as Debian's mysql user (the rsync state transfer's daemon would
# otherwise write as nobody).
db_user=$(id -un)
[ "$(id -u)" != 0 ] || db_user=mysql
http_port() { echo $((base + 100 + $1)); }
grid_port() { echo $((base + 200 + $1)); }
sandbox_port() { echo $((base + 300 + $1)); }

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid_of() { cat "$run/$1.pid" 2>/dev/null || true; }

# ---- installation -------------------------------------------------------------------------------------------------

apt_install() {
    # Another install may hold the dpkg lock for a while: wait and retry rather than fail (as .ci/run does). Debian's
    # packages start no service here when a policy forbids it; if one did, it is Debian's own, on its own port and
    # data, and this cluster never touches it.
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; then
            return 0
        fi
        echo "apt-get failed (attempt $attempt), retrying in 15 s" >&2
        sleep 15
    done
    return 1
}

install_missing() {
    local wanted=()
    command -v mariadbd >/dev/null 2>&1 || wanted+=(mariadb-server)
    command -v mariadb >/dev/null 2>&1 || wanted+=(mariadb-client)
    [ -f /usr/lib/galera/libgalera_smm.so ] || wanted+=(galera-4)
    command -v haproxy >/dev/null 2>&1 || wanted+=(haproxy)
    command -v rsync >/dev/null 2>&1 || wanted+=(rsync) # Galera's state transfer to a joining node
    command -v socat >/dev/null 2>&1 || wanted+=(socat) # HAProxy's stats socket, for status
    command -v lsof >/dev/null 2>&1 || wanted+=(lsof) # the rsync state transfer script looks at its port with it
    if [ ${#wanted[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing ${wanted[*]}: install them (apt-get install ${wanted[*]}) or run this as root once"
        say "installing ${wanted[*]} from Debian's packages"
        apt_install "${wanted[@]}"
    fi
    command -v java >/dev/null 2>&1 || die "no java on the PATH (JDK 17 or later)"
    if [ ! -f "$war" ] || [ ! -f "$micro" ]; then
        say "building the WAR (./mvnw -pl deal-web -am package -DskipTests)"
        (cd "$root" && ./mvnw -B -q -ntp -pl deal-web -am package -DskipTests) || die "the build failed"
    fi
}

# ---- database nodes -----------------------------------------------------------------------------------------------

node_cnf() { echo "$dir/db$1.cnf"; }

write_node_cnf() {
    local n=$1 peers="" i
    for i in $(seq 1 "$nodes"); do peers+="${peers:+,}127.0.0.1:$(gcomm_port "$i")"; done
    sed -e "s|@DATA@|$dir/db/n$n|" -e "s|@RUN@|$run|g" -e "s|@LOGS@|$logs|" -e "s|@N@|$n|g" \
        -e "s|@SQL_PORT@|$(sql_port "$n")|" -e "s|@ADDRESS@|127.0.0.1|g" -e "s|@USER@|$db_user|" \
        -e "s|@BUFFER_POOL@|$DEAL_CLUSTER_DB_BUFFER_POOL|" -e "s|@GCACHE@|$DEAL_CLUSTER_DB_GCACHE|" \
        -e "s|@PEERS@|$peers|" -e "s|@GCOMM_PORT@|$(gcomm_port "$n")|g" -e "s|@SST_PORT@|$(sst_port "$n")|" \
        -e "s|@IST_PORT@|$(ist_port "$n")|" "$here/galera.cnf" >"$(node_cnf "$n")"
}

sql() { # node, statement: as the local administrator, over the node's socket
    mariadb --no-defaults --socket="$run/db$1.sock" -u "$(id -un)" -N -B -e "$2"
}

node_state() { # "Synced", "Joining", ... or "down"
    local n=$1
    alive "$(pid_of "db$n")" || { echo down; return; }
    local state
    state=$(sql "$n" "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2) || true
    echo "${state:-starting}"
}

start_node() { # node, extra mariadbd options
    local n=$1
    shift
    local data=$dir/db/n$n
    write_node_cnf "$n"
    if [ ! -d "$data/mysql" ]; then
        mkdir -p "$data"
        # A joining node gets everything by state transfer; only the first one needs system tables of its own, but an
        # initialised data folder lets each node start the same way.
        mariadb-install-db --no-defaults --datadir="$data" --user="$db_user" --skip-test-db \
            --auth-root-authentication-method=socket >"$logs/db$n-install.log" 2>&1 \
            || { tail -20 "$logs/db$n-install.log" >&2; die "could not initialise $data"; }
    fi
    setsid mariadbd --defaults-file="$(node_cnf "$n")" "$@" >>"$logs/db$n.out" 2>&1 </dev/null &
    echo $! >"$run/db$n.pid"
}

await_node() { # node, seconds
    local n=$1 bound=$2 started=$SECONDS state
    while [ $((SECONDS - started)) -lt "$bound" ]; do
        state=$(node_state "$n")
        [ "$state" = Synced ] && return 0
        [ "$state" = down ] && { tail -30 "$logs/db$n.err" >&2; die "database node $n stopped while starting (log $logs/db$n.err)"; }
        sleep 1
    done
    tail -30 "$logs/db$n.err" >&2
    die "database node $n not Synced within $bound s (log $logs/db$n.err)"
}

# The node to start a cluster from: the one Galera marked safe to bootstrap (it stopped last), else the one with the
# most recent state (after a crash: asked with --wsrep-recover). Never two bootstraps: that would make two clusters.
bootstrap_node() {
    local n best=1 best_seq=-2 seq
    for n in $(seq 1 "$nodes"); do
        [ -f "$dir/db/n$n/grastate.dat" ] || continue
        if grep -q '^safe_to_bootstrap: 1' "$dir/db/n$n/grastate.dat"; then echo "$n"; return; fi
    done
    for n in $(seq 1 "$nodes"); do
        [ -f "$dir/db/n$n/grastate.dat" ] || continue
        seq=$(sed -n 's/^seqno: *//p' "$dir/db/n$n/grastate.dat")
        if [ "$seq" = -1 ]; then
            write_node_cnf "$n"
            mariadbd --defaults-file="$(node_cnf "$n")" --wsrep-recover --log-error="$logs/db$n-recover.log" >/dev/null 2>&1 || true
            seq=$(sed -n 's/.*Recovered position: [^:]*:\([-0-9]*\).*/\1/p' "$logs/db$n-recover.log" | tail -1)
        fi
        if [ -n "$seq" ] && [ "$seq" -gt "$best_seq" ]; then best=$n; best_seq=$seq; fi
    done
    say "no node stopped cleanly last: starting from node $best (the most recent state, seqno $best_seq)" >&2
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$dir/db/n$best/grastate.dat"
    echo "$best"
}

start_database() {
    local first n fresh=""
    [ -d "$dir/db/n1/mysql" ] || fresh=yes
    first=$( [ -n "$fresh" ] && echo 1 || bootstrap_node )
    say "starting database node $first (bootstrapping the cluster, SQL port $(sql_port "$first"))"
    start_node "$first" --wsrep-new-cluster
    await_node "$first" 120
    if [ -n "$fresh" ]; then
        local password
        password=$(db_password)
        # The product's database and user (config/mysql/create-database.sql); the joining nodes get them by state transfer.
        sql "$first" "CREATE DATABASE IF NOT EXISTS deal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE USER IF NOT EXISTS 'deal'@'127.0.0.1' IDENTIFIED BY '$password';
            GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, LOCK TABLES ON deal.* TO 'deal'@'127.0.0.1';"
    fi
    for n in $(seq 1 "$nodes"); do
        [ "$n" = "$first" ] && continue
        say "starting database node $n (joining: state transfer from a running node, SQL port $(sql_port "$n"))"
        start_node "$n"
        await_node "$n" 180
    done
}

db_password() {
    if [ -n "${DEAL_DB_PASSWORD:-}" ]; then echo "$DEAL_DB_PASSWORD"; return; fi
    if [ ! -f "$dir/db-password" ]; then
        (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' 'xy' >"$dir/db-password")
    fi
    cat "$dir/db-password"
}

# ---- balancer -----------------------------------------------------------------------------------------------------

start_balancer() {
    local api="" pages="" dbs="" reads="" i role
    for i in $(seq 1 "$members"); do
        api+="    server m$i 127.0.0.1:$(http_port "$i") check"$'\n'
        pages+="    server m$i 127.0.0.1:$(http_port "$i") check cookie m$i"$'\n'
    done
    for i in $(seq 1 "$nodes"); do
        if [ "$i" = 1 ]; then role=""; else role=" backup"; fi
        dbs+="    server db$i 127.0.0.1:$(sql_port "$i") check$role"$'\n'
        reads+="    server db$i 127.0.0.1:$(sql_port "$i") check"$'\n'
    done
    # The database check: Synced and ready (SHOW STATUS over the node's socket, found by its port).
    cat >"$run/galera-check" <<EOF
#!/bin/sh
# HAProxy's external check of a Galera node (\$3 address, \$4 port): 0 when the node is Synced and ready for queries.
case "\$4" in
$(for i in $(seq 1 "$nodes"); do echo "    $(sql_port "$i")) socket=$run/db$i.sock ;;"; done)
    *) exit 1 ;;
esac
state=\$(/usr/bin/mariadb --no-defaults --connect-timeout=2 --socket="\$socket" -u "$(id -un)" -N -B \\
    -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready')" 2>/dev/null | cut -f2 | tr '\n' ' ')
[ "\$state" = "Synced ON " ]
EOF
    chmod 755 "$run/galera-check"
    awk -v api="$api" -v pages="$pages" -v dbs="$dbs" -v reads="$reads" '
        /^@API_SERVERS@$/ { printf "%s", api; next }
        /^@PAGE_SERVERS@$/ { printf "%s", pages; next }
        /^@DB_SERVERS@$/ { printf "%s", dbs; next }
        /^@DB_READ_SERVERS@$/ { printf "%s", reads; next }
        { print }' "$here/haproxy.cfg" \
        | sed -e "s|@RUN@|$run|g" -e "s|@BIND@|$DEAL_CLUSTER_BIND|" -e "s|@HTTP_PORT@|$DEAL_HTTP_PORT|" \
              -e "s|@DB_PORT@|$db_port|" -e "s|@DB_READ_PORT@|$db_read_port|" -e "s|@ERRORS@|$here/errors|g" \
              >"$dir/haproxy.cfg"
    haproxy -c -q -f "$dir/haproxy.cfg" || die "the balancer's configuration $dir/haproxy.cfg is not valid"
    say "starting the balancer (HTTP $DEAL_CLUSTER_BIND:$DEAL_HTTP_PORT, database 127.0.0.1:$db_port, reads 127.0.0.1:$db_read_port)"
    haproxy -D -f "$dir/haproxy.cfg" -p "$run/haproxy.pid" >>"$logs/haproxy.log" 2>&1
}

haproxy_stat() { # "backend,server" -> UP / DOWN / MAINT ... (empty without the balancer)
    alive "$(pid_of haproxy)" || return 0
    echo "show stat" | socat -t 2 - "UNIX-CONNECT:$run/haproxy.sock" 2>/dev/null \
        | awk -F, -v b="$1" -v s="$2" '$1 == b && $2 == s { print $18 }'
}

database_writer() { # the node the balancer sends the database connections to now
    alive "$(pid_of haproxy)" || return 0
    echo "show table database" | socat -t 2 - "UNIX-CONNECT:$run/haproxy.sock" 2>/dev/null \
        | sed -n 's/.*server_id=\([0-9]*\).*/\1/p' | head -1
}

# ---- members ------------------------------------------------------------------------------------------------------

start_mail_catcher() {
    [ -z "${DEAL_SMTP_HOST:-}" ] || return 0
    say "starting the mail catcher (127.0.0.1:$mail_port, mails in $dir/mail)"
    setsid java -Xmx64m -XX:+UseSerialGC "$here/MailCatcher.java" "$mail_port" "$dir/mail" >>"$logs/mail.log" 2>&1 </dev/null &
    echo $! >"$run/mail.pid"
}

start_member() {
    local i=$1 peers="" j
    for j in $(seq 1 "$members"); do peers+="${peers:+,}127.0.0.1:$(grid_port "$j")"; done
    local smtp_host=${DEAL_SMTP_HOST:-127.0.0.1} smtp_port=${DEAL_SMTP_PORT:-$mail_port}
    [ -n "${DEAL_SMTP_HOST:-}" ] || smtp_port=$mail_port
    # Each member keeps password hashing within DEAL_HASHING_SHARE of the processors it sees; here they all see the
    # same machine, so together they keep the product's share (0.25) unless told otherwise. Each member runs its own
    # payment sandbox on its own port: the sandbox's books are tables of the shared database, so the sandboxes
    # are one provider with several doors, and a member that dies takes only its own door with it.
    # shellcheck disable=SC2086 # the JVM options are separate words
    env DEAL_DB_URL="jdbc:mysql://127.0.0.1:$db_port/deal" DEAL_DB_READ_URL="jdbc:mysql://127.0.0.1:$db_read_port/deal" \
        DEAL_DB_USER=deal DEAL_DB_PASSWORD="$(db_password)" \
        DEAL_DB_EMBEDDED=true DEAL_DEMO="${DEAL_DEMO:-true}" DEAL_DB_WAIT_SECONDS="${DEAL_DB_WAIT_SECONDS:-60}" \
        DEAL_HTTP_PORT="$(http_port "$i")" DEAL_PUBLIC_URL="${DEAL_PUBLIC_URL:-http://localhost:$DEAL_HTTP_PORT}" \
        DEAL_SMTP_HOST="$smtp_host" DEAL_SMTP_PORT="$smtp_port" \
        DEAL_SANDBOX_PORT="${DEAL_SANDBOX_PORT:-$(sandbox_port "$i")}" \
        DEAL_TRUSTED_PROXIES="${DEAL_TRUSTED_PROXIES:-127.0.0.1}" \
        DEAL_HASHING_SHARE="${DEAL_HASHING_SHARE:-$(awk -v n="$members" 'BEGIN { print 0.25 / n }')}" \
        setsid java $DEAL_CLUSTER_MEMBER_JAVA_OPTS -jar "$micro" --deploy "$war" --contextroot / \
            --port "$(http_port "$i")" --prebootcommandfile "$root/config/payara/pre-boot-commands.asadmin" \
            --name "member-$i" --clustername groupdeal --clustermode "tcpip:$peers" --startport "$(grid_port "$i")" \
            --interfaces 127.0.0.1 --nohostaware --disablephonehome \
            >>"$logs/member-$i.log" 2>&1 </dev/null &
    echo $! >"$run/member-$i.pid"
}

member_ready() {
    [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$(http_port "$1")/health/ready" || true)" = 200 ]
}

await_members() { # seconds, members...
    local bound=$1 started=$SECONDS i waiting
    shift
    while true; do
        waiting=""
        for i in "$@"; do
            alive "$(pid_of "member-$i")" || { tail -30 "$logs/member-$i.log" >&2; die "member $i stopped while starting (log $logs/member-$i.log)"; }
            member_ready "$i" || waiting+=" $i"
        done
        [ -z "$waiting" ] && return 0
        [ $((SECONDS - started)) -lt "$bound" ] || die "members$waiting not ready within $bound s (logs $logs/member-*.log)"
        sleep 3
    done
}

# ---- commands -----------------------------------------------------------------------------------------------------

up() {
    install_missing
    if alive "$(pid_of haproxy)" || alive "$(pid_of db1)" || alive "$(pid_of member-1)"; then
        die "already running (bash config/cluster/local.sh status; down to stop it)"
    fi
    mkdir -p "$run" "$logs" "$dir/db"
    if [ "$db_user" != "$(id -un)" ]; then
        # The database user must reach its folders (a folder made by mktemp is the caller's alone).
        chmod a+x "$dir"
        chown "$db_user" "$run" "$logs" "$dir/db"
    fi
    local started=$SECONDS i
    # A start that fails half-way stops what it started (the logs stay).
    trap 'status=$?; if [ $status -ne 0 ]; then say "the start failed: stopping what was started; logs in $logs"; down; fi' EXIT
    start_database
    start_balancer
    start_mail_catcher
    # The first member migrates the schema (Flyway) and writes the demo data and the first operator; the others start
    # when it is ready, in parallel.
    say "starting member 1 (HTTP 127.0.0.1:$(http_port 1), data grid port $(grid_port 1))"
    start_member 1
    await_members 600 1
    for i in $(seq 2 "$members"); do
        say "starting member $i (HTTP 127.0.0.1:$(http_port "$i"), data grid port $(grid_port "$i"))"
        start_member "$i"
    done
    [ "$members" -lt 2 ] || await_members 600 $(seq 2 "$members")
    # The balancer takes a member after two good checks.
    sleep 3
    trap - EXIT
    say "ready after $((SECONDS - started)) s: http://$DEAL_CLUSTER_BIND:$DEAL_HTTP_PORT/"
    status || true
}

stop_pid() { # name, seconds to wait after SIGTERM
    local pid
    pid=$(pid_of "$1")
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 "$2"); do alive "$pid" || break; sleep 1; done
        if alive "$pid"; then say "$1 did not stop within $2 s: killed"; kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$run/$1.pid"
}

down() {
    local i
    for i in $(seq 1 "$members"); do stop_pid "member-$i" 30 & done
    wait
    stop_pid mail 5
    stop_pid haproxy 5
    # The last node to stop is marked safe to bootstrap from: node 1 last, so the next up starts from it.
    for i in $(seq "$nodes" -1 1); do stop_pid "db$i" 60; done
    say "stopped"
}

status() {
    local i state ready=yes writer lb
    writer=$(database_writer)
    echo "database nodes (Galera):"
    for i in $(seq 1 "$nodes"); do
        state=$(node_state "$i")
        lb=$(haproxy_stat database "db$i")
        printf '  db%s  127.0.0.1:%s  %-8s  balancer: %-5s%s\n' "$i" "$(sql_port "$i")" "$state" "${lb:--}" \
            "$([ "$writer" = "$i" ] && echo "  <- takes the writes")"
        [ "$state" = Synced ] || ready=""
    done
    [ -n "$writer" ] && echo "  cluster size: $(sql "$writer" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | cut -f2)"
    echo "members (Payara Micro):"
    for i in $(seq 1 "$members"); do
        if ! alive "$(pid_of "member-$i")"; then state=down; elif member_ready "$i"; then state=ready; else state="not ready"; fi
        lb=$(haproxy_stat api "m$i")
        printf '  member-%s  127.0.0.1:%s  %-9s  balancer: %s\n' "$i" "$(http_port "$i")" "$state" "${lb:--}"
        [ "$state" = ready ] || ready=""
    done
    if alive "$(pid_of haproxy)"; then
        echo "balancer (HAProxy): http://$DEAL_CLUSTER_BIND:$DEAL_HTTP_PORT/, database 127.0.0.1:$db_port, reads 127.0.0.1:$db_read_port"
    else
        echo "balancer (HAProxy): down"; ready=""
    fi
    [ -n "$ready" ]
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    wipe)
        if alive "$(pid_of haproxy)" || alive "$(pid_of db1)" || alive "$(pid_of db2)" || alive "$(pid_of db3)"; then
            die "the cluster is running: down first"
        fi
        rm -rf "$dir"; say "removed $dir" ;;
    *) echo "usage: $0 up|down|status|wipe" >&2; exit 2 ;;
esac; exit $? # on this line: bash reads a script as it runs it, and an edit made meanwhile must not run
