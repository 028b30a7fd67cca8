#!/usr/bin/env bash
# What clustering costs, in one run: purchases through the balancer of the local cluster (config/cluster/local.sh:
# 3 Galera nodes, 3 Payara Micro members, HAProxy) with 1, 2 and 3 members in service, on the same database with the
# same clients (io.groupdeal.bench.ClusterMembersBench, PurchaseBench's purchase: 32 client threads on 100 spread
# deals). Members are taken out of the balancer's API backend and put back over HAProxy's admin socket (no restart);
# configurations alternate in rounds (1,2,3,3,2,1,1,2,3) after 150 s of warm-up with all three in service. Prints per
# configuration purchases/s, the CPU per purchase of the members (in service and out), of MariaDB (all Galera nodes,
# the write node apart) and of the balancer, and the whole cluster's purchases per CPU-second against 1 member's
# (target >= 0.85); before the rounds, what replication adds to a commit (config/cluster/latency.sh). Starts the cluster once, on free loopback ports in a fresh folder under bench/target,
# and always stops it. About 10 minutes on 2 quiet cores (the cluster's start about 2 of them).
#
#   bash bench/cluster-members.sh                                   # defaults
#   bash bench/cluster-members.sh --seconds 20 --rounds 2 --threads 16 --configurations 1,3
#
# Options go to the Java program (see bench/README.md, "Cluster members"). Needs the product built (./mvnw package:
# deal-web/target/deal-web.war and payara-micro.jar); builds the bench module itself. It takes the machine: run it
# alone, e.g. flock /tmp/gate.lock flock -x /tmp/quiet.lock bash bench/cluster-members.sh
# Exit status: that of the program (1 more than 1% failed, 2 database mismatch, 3 broke off, 4 --strict-targets and
# the target missed); 3 when the cluster did not start. BENCH_KEEP=1 keeps the cluster's folder also after a success.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

started_at=$SECONDS
say() { echo "bench: $*"; }

if [ ! -f deal-web/target/deal-web.war ] || [ ! -f deal-web/target/payara-micro.jar ]; then
    say "build the product first (./mvnw -o -q -DskipTests package): need deal-web/target/deal-web.war and payara-micro.jar" >&2
    exit 2
fi
bench_build

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A base port whose whole range (base .. base+400, see local.sh) is free, and a free balancer port; another range than
# .ci/cluster's, so that the two never pick the same.
base=""
for _ in $(seq 1 20); do
    candidate=$((35000 + (RANDOM % 48) * 500))
    busy=""
    for offset in 5 6 7 11 12 13 21 22 23 31 32 33 41 42 43 101 102 103 201 202 203 301 302 303; do
        if taken $((candidate + offset)); then busy=yes; break; fi
    done
    [ -n "$busy" ] || { base=$candidate; break; }
done
[ -n "$base" ] || { say "no free range of ports" >&2; exit 2; }
http_port=$((base + 400))
while taken "$http_port"; do http_port=$((http_port + 1)); done

mkdir -p bench/target
work=$(mktemp -d "$PWD/bench/target/cluster-members-XXXX")
export DEAL_CLUSTER_DIR=$work DEAL_CLUSTER_BASE_PORT=$base DEAL_HTTP_PORT=$http_port DEAL_CLUSTER_MEMBERS=3
# No demo data; the benches' operator (who lets the bench's merchants publish unmoderated); the database password the
# bench's JDBC side uses (io.groupdeal.bench.harness.Db). The set-up signs up and logs in a buyer per client thread
# from 127.0.0.1: no per-address throttle in reach, each member may hash with the whole machine, and a sign-up waits for
# its turn. A purchase whose answer was lost is settled by the reconciler after 30 s, so the check at the end sees it.
export DEAL_DEMO=false DEAL_ADMIN_EMAIL=$bench_operator_email DEAL_ADMIN_PASSWORD=$bench_operator_password \
    DEAL_DB_PASSWORD=deal DEAL_THROTTLE_ADDRESS_LIMIT=1000000 DEAL_HASHING_WAIT=PT120S DEAL_HASHING_QUEUE=1000 \
    DEAL_HASHING_SHARE=1 DEAL_ORDER_RESERVATION=PT30S
unset DEAL_SMTP_HOST DEAL_SMTP_PORT DEAL_SANDBOX_URL DEAL_SANDBOX_LATENCY_MS DEAL_DB_URL DEAL_DB_READ_URL

status=3
finish() {
    say "stopping the cluster"
    bash config/cluster/local.sh down >"$work/down.log" 2>&1 || true
    if [ "${BENCH_KEEP:-}" = 1 ] || [ "$status" -ne 0 ]; then say "data and logs kept in $work"; else rm -rf "$work"; fi
    say "total $((SECONDS - started_at)) s"
}
trap finish EXIT

say "starting the cluster (ports from $base, balancer $http_port, folder $work; log $work/up.log)"
if ! bash config/cluster/local.sh up >"$work/up.log" 2>&1; then
    tail -40 "$work/up.log"
    say "the cluster did not start: see $work/up.log" >&2
    exit 3
fi
say "cluster ready after $((SECONDS - started_at)) s ($(sed -n 's/^cluster: ready after \([0-9]*\) s.*/\1/p' "$work/up.log") s of it local.sh up)"

# What replication adds to a commit: the same single-row autocommit INSERTs on the write node, replicated and not.
bash config/cluster/latency.sh 500 4 2>&1 || say "latency.sh failed (no figure)"

set +e
java -cp "$bench_classpath" io.groupdeal.bench.ClusterMembersBench --http-port "$http_port" --db-port "$((base + 6))" \
    --member-ports "$((base + 101)),$((base + 102)),$((base + 103))" --run "$work/run" "$@"
status=$?
set -e
if ! bash config/cluster/local.sh status; then
    say "a node or member was not ready at the end (logs in $work/logs)" >&2
    [ "$status" -ne 0 ] || status=3
fi
exit "$status"
