#!/usr/bin/env bash
# Benchmark of the catalog's "deals near me" against a primary-key-style lookup, measured in the same run.
# Starts the product (./mvnw -Prun) on a fresh bench database under bench/target, loads 500 tenants, 10,000 stores and
# 50,000 deals, times both kinds of request over loopback HTTP (and the raw SQL over JDBC), prints p50/p95/p99, the
# ratios nearby/lookup and the EXPLAIN of the nearby SQL, then stops the product with Ctrl-C (SIGINT).
#
# Every run wipes bench/target/data first, so runs are alike (same seed, same data) and never pile up rows.
# Options after the script name go to the Java program, e.g. --requests 500 --threads 4 (see bench/README.md).
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried, default 18480 / 13480).
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/target
data=$work/data
log=$work/product.log

# The first free loopback port from $1 on (a port that accepts a connection is taken).
free_port() {
    local port=$1
    for _ in $(seq 1 200); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
        port=$((port + 1))
    done
    echo "bench: no free port from $1 on" >&2
    return 1
}
http_port=$(free_port "${BENCH_HTTP_PORT:-18480}")
db_port=$(free_port "${BENCH_DB_PORT:-13480}")
if [ "$db_port" = "$http_port" ]; then db_port=$(free_port $((db_port + 1))); fi

mysql_version=$(sed -n 's:.*<mysql.version>\(.*\)</mysql.version>.*:\1:p' pom.xml | head -1)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
driver=$repo/com/mysql/mysql-connector-j/$mysql_version/mysql-connector-j-$mysql_version.jar

rm -rf "$data"
mkdir -p "$data"
echo "bench: starting the product (HTTP 127.0.0.1:$http_port, embedded MariaDB 127.0.0.1:$db_port, data $data); log $log"

# Job control gives the run its own process group that does not ignore SIGINT, as in a terminal (see .ci/smoke-run).
set -m
DEAL_HTTP_PORT=$http_port DEAL_DATA_DIR=$PWD/$data DEAL_DB_PORT=$db_port DEAL_DEMO=false \
    ./mvnw -B -ntp -q -Prun >"$log" 2>&1 &
pid=$!
set +m

stop() {
    if kill -0 "$pid" 2>/dev/null; then
        kill -INT -- -"$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "bench: Ctrl-C did not stop the product within 60 s; killing its process group" >&2
            kill -KILL -- -"$pid" 2>/dev/null || true
        fi
    fi
}
trap stop EXIT

started=$SECONDS
ready=""
for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 2
done
if [ -z "$ready" ]; then
    echo "bench: the product did not become ready; last lines of its log:" >&2
    tail -50 "$log" >&2
    exit 1
fi
# The launcher takes another port when the one asked for is busy; it says which in its log.
actual_db_port=$(sed -n 's/.*Embedded MariaDB listens on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | tail -1)
db_port=${actual_db_port:-$db_port}
echo "bench: ready after $((SECONDS - started)) s (embedded MariaDB on port $db_port)"

if [ ! -f "$driver" ]; then
    echo "bench: the MySQL driver is not in the local Maven repository: $driver" >&2
    exit 1
fi
set +e
java -cp "$driver" bench/CatalogNearbyBench.java --http-port "$http_port" --db-port "$db_port" "$@"
status=$?
set -e

stop
trap - EXIT
echo "bench: product stopped; total $((SECONDS - started)) s"
exit $status
