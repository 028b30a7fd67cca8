#!/usr/bin/env bash
# Purchase throughput with the payment gateway's latency at 0 and at 200 ms, in one run: POST /api/v1/orders with 64
# client threads over 100 spread deals and on one hot deal, against the same purchase done over plain JDBC (the same
# statements, the same database, the same concurrency). Two products run on one database: the first (started with
# ./mvnw -Prun, embedded MariaDB on a fresh data folder under bench/target/purchases) with DEAL_SANDBOX_LATENCY_MS=0,
# the second (Payara Micro alone on the first one's database) with DEAL_SANDBOX_LATENCY_MS=$BENCH_SLOW_LATENCY_MS
# (200); the phases of the two alternate. Prints purchases/s and p50/p99 per phase, the ratios hot/spread at 200 ms
# (target >= 0.8) and HTTP/JDBC at 0 ms (target >= 0.5), the CPU per purchase of each process, where the request
# threads wait (thread dumps), and checks that the database holds exactly the purchases answered as made.
#
# Options after the script name go to the Java program, e.g. --seconds 30 --rounds 3 --threads 32 (see
# bench/README.md). Exit status: 1 when more than 1% of the purchases of a phase failed, 2 when the database does not
# match the purchases made, 3 when the run broke off (a product stopped), 4 with --strict-targets when a target is
# missed.
# Environment: BENCH_SLOW_LATENCY_MS (200), BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried; see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

folder=bench/target/purchases
slow=${BENCH_SLOW_LATENCY_MS:-200}
# The set-up signs up and logs in a buyer per client thread: both cores may hash passwords meanwhile.
export DEAL_HASHING_CONCURRENCY=${DEAL_HASHING_CONCURRENCY:-2}
# A purchase whose gateway call timed out (503 payment-unavailable) stays RESERVED until the reconciler settles it
# after the reservation: 30 s instead of 10 minutes, so that the check at the end sees every order settled.
export DEAL_ORDER_RESERVATION=${DEAL_ORDER_RESERVATION:-PT30S}
bench_build
DEAL_SANDBOX_LATENCY_MS=0 product_start "$folder/data" "$folder/product.log"
DEAL_SANDBOX_LATENCY_MS=$slow product_start_second "$folder/product-${slow}ms.log"
set +e
java -cp "$bench_classpath" io.groupdeal.bench.PurchaseBench --http-port "$product_http_port" --db-port "$product_db_port" \
    --slow-http-port "$second_http_port" --slow-latency-ms "$slow" --dump-dir "$folder/dumps" "$@"
status=$?
set -e
for pid in "$product_pid" "$second_pid"; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "bench: a product stopped before the bench ended; see $folder/product*.log" >&2
        [ "$status" -ne 0 ] || status=3
    fi
done
product_stop
echo "bench: products stopped; total $((SECONDS - product_started)) s"
exit "$status"
