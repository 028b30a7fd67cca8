#!/usr/bin/env bash
# Redemption at the counter: POST /api/v1/counter/redemptions from 20 counters at once (a staff account each, every
# redemption a fresh coupon, closed loop), against GET /health at the same concurrency in the same run (alternating
# phases); then both at a fixed arrival rate of half the closed loop's redemptions per second (open model: latency
# from the scheduled moment); prints p50/p95/p99/max of both (HdrHistogram), the p99 ratio against the targets (<= 4x
# health's and <= 25 ms) for both models, the CPU and the MariaDB requests per request, a JFR profile of the product
# during the warm-up (top frames), and checks that the database holds exactly the redemptions answered 201 (coupons
# REDEEMED, REDEEM events, idempotency keys).
# Starts the product (./mvnw -Prun) on a fresh database under bench/target/counter and stops it with Ctrl-C.
#
# Options after the script name go to the Java program, e.g. --redemptions 100 --warmup 50 --threads 20
# --phase-seconds 5 --open-redemptions 100 --open-fraction 0.5 --settle-rounds 4 --no-profile (see bench/README.md).
# Exit status: 1 when a redemption failed (or more than 1% of the /health requests), 2 when the database does not
# match the redemptions made, 3 when the run broke off (the product stopped), 4 with --strict-targets when a target is
# missed.
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried; default a random free HTTP port from 20000 on and
# a free database port; see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

product_bench bench/target/counter CounterRedeemBench "$@"
