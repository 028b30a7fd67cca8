#!/usr/bin/env bash
# Benchmark of the merchant dashboard and settlement statements of a tenant with a year of history (1,000,000 coupons,
# about 300,000 redeemed) against a plain COUNT over the same table, measured in the same run.
# Starts the product (./mvnw -Prun) on a fresh bench database under bench/target/dashboard, sets up the merchants
# through the API, loads the history over JDBC, checks the figures once, prints the EXPLAIN of the statements, times
# every kind with the same client threads in alternating rounds, prints p50/p95/p99, the ratios and the verdict on the
# target (p95 of a 30-day dashboard <= 300 ms at 4 at once, issue 14), then stops the product with Ctrl-C (SIGINT).
#
# Options after the script name go to the Java program, e.g. --coupons 50000 --requests 100 (see bench/README.md).
# Run it under the machine-wide bench lock so that benches do not overlap: flock /tmp/bench.lock bash bench/dashboard.sh
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried; see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

product_java_options=-Xmx1g
product_bench bench/target/dashboard DashboardBench "$@"
