#!/usr/bin/env bash
# What replication adds to a write, measured on the running local cluster (config/cluster/local.sh up): on the node
# that takes the writes, the same single-row autocommit INSERTs in one session, alternately replicated (wsrep_on=ON:
# certified by every node before the commit returns) and not (wsrep_on=OFF for the session: the same server, the same
# InnoDB settings, a single node's commit). Rounds alternate so that the machine's load falls on both alike. Writes
# only a scratch database, latency_probe, dropped at the end. Prints the mean time per commit of each and the ratio.
#   bash config/cluster/latency.sh [commits per round, default 400] [rounds, default 3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=cluster.env
. "$here/cluster.env"
run=$DEAL_CLUSTER_DIR/run
commits=${1:-400}
rounds=${2:-3}

writer=$(echo "show table database" | socat -t 2 - "UNIX-CONNECT:$run/haproxy.sock" | sed -n 's/.*server_id=\([0-9]*\).*/\1/p' | head -1)
[ -n "$writer" ] || { echo "latency: no write node (is the cluster up?)" >&2; exit 2; }
socket=$run/db$writer.sock
sql() { mariadb --no-defaults --socket="$socket" -u "$(id -un)" -N -B -e "$1"; }

sql "CREATE DATABASE IF NOT EXISTS latency_probe;
     CREATE TABLE IF NOT EXISTS latency_probe.t (id INT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB"
inserts=$(for i in $(seq 1 "$commits"); do echo "INSERT INTO latency_probe.t (v) VALUES ($i);"; done)

declare -A total=([ON]=0 [OFF]=0)
for round in $(seq 1 "$rounds"); do
    for mode in ON OFF; do
        started=$(date +%s%N)
        sql "SET SESSION wsrep_on=$mode; $inserts"
        took=$(( ($(date +%s%N) - started) / 1000 ))
        total[$mode]=$(( ${total[$mode]} + took ))
        echo "latency: round $round, wsrep_on=$mode: $commits commits in $((took / 1000)) ms"
    done
done
sql "DROP DATABASE latency_probe"
on=$(( ${total[ON]} / (commits * rounds) ))
off=$(( ${total[OFF]} / (commits * rounds) ))
echo "latency: one commit on node db$writer: replicated (Galera, 3 nodes) ${on} us, single node ${off} us," \
    "ratio $(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.2f", a / b }') (load: $(cut -d' ' -f1-3 /proc/loadavg))"
