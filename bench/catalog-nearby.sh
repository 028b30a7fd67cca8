#!/usr/bin/env bash
# Benchmark of the catalog's "deals near me" against a primary-key-style lookup, measured in the same run.
# Starts the product (./mvnw -Prun) on a fresh bench database under bench/target, loads 500 tenants, 10,000 stores and
# 50,000 deals, times both kinds of request over loopback HTTP, prints p50/p95/p99 and the ratios nearby/lookup, checks
# every timed answer (and deeper pages) against a brute-force ranking, times the earlier design's SQL over JDBC, prints
# the EXPLAIN of the ranking SQL with a verdict, then stops the product with Ctrl-C (SIGINT). Exit status: non-zero
# when more than 1% of the requests failed (bit 1), a plan scans (3) or an answer differs from the brute force (bit 4).
#
# Every run wipes bench/target/data first, so runs are alike (same seed, same data) and never pile up rows.
# Options after the script name go to the Java program, e.g. --requests 500 --threads 4 (see bench/README.md).
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried; default a random free HTTP port from 20000 on and
# a free database port; see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

bench_build
product_start bench/target/data bench/target/product.log

set +e
java -cp "$bench_classpath" io.groupdeal.bench.CatalogNearbyBench --http-port "$product_http_port" \
    --db-port "$product_db_port" "$@"
status=$?
set -e

product_stop
echo "bench: product stopped; total $((SECONDS - product_started)) s"
exit $status
