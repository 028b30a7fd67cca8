#!/usr/bin/env bash
# The API under a flood of logins: 8 clients use the API (GET /api/v1/catalog/deals, GET /api/v1/me with a token)
# while 200 threads send wrong logins from made-up addresses and emails, against the same 8 clients without the
# flood, in alternating phases of the same run; prints p50/p95/p99 of both, the flood's answers, the CPU of each
# process, and the p99 ratio against the target (flooded <= 2x quiet).
# Starts the product (./mvnw -Prun) on a fresh database under bench/target/login-flood with 127.0.0.1 as a trusted
# proxy (so that each flood request can claim its own client address with X-Forwarded-For, as a botnet's would be),
# and stops it with Ctrl-C.
#
# Options after the script name go to the Java program: --clients 8 --flood 200 --phase-seconds 12 --rounds 5
# --strict-target (see bench/README.md). Exit status: 1 when an API client request failed, 3 when the run broke off,
# 4 with --strict-target when the target is missed.
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

# Production's throttle and hashing settings (bench/lib/product.sh relaxes them for the other benches' set-up).
export DEAL_TRUSTED_PROXIES=127.0.0.1 DEAL_THROTTLE_ADDRESS_LIMIT=50 DEAL_HASHING_WAIT=${DEAL_HASHING_WAIT:-PT5S} \
    DEAL_HASHING_QUEUE=${DEAL_HASHING_QUEUE:-16} DEAL_HASHING_HELD=${DEAL_HASHING_HELD:-1000} \
    DEAL_HASHING_SHARE=${DEAL_HASHING_SHARE:-0.25}
product_bench bench/target/login-flood LoginFloodBench "$@"
