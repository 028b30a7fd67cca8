#!/usr/bin/env bash
# Purchase throughput: POST /api/v1/orders with 32 client threads over 100 deals and on one hot deal, each against
# the same purchase done over plain JDBC (the same statements, the same database, the same concurrency) in the same
# run; prints purchases/s, the ratios HTTP/JDBC and hot/spread against the targets (>= 0.5), the CPU per purchase of
# each process, and checks that the database holds exactly the purchases answered as made (no overselling).
# Starts the product (./mvnw -Prun) on a fresh database under bench/target/purchases and stops it with Ctrl-C.
#
# Options after the script name go to the Java program, e.g. --seconds 30 --threads 16 --rounds 3 --min-buyers 1000000
# (see bench/README.md). Exit status: 1 when more than 1% of the purchases of a phase failed, 2 when the database
# does not match the purchases made, 3 when the run broke off (the product stopped), 4 with --strict-targets when a
# target is missed.
# Environment: BENCH_HTTP_PORT / BENCH_DB_PORT (first port tried; default a random free HTTP port from 20000 on and
# a free database port; see bench/lib/product.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/product.sh

product_bench bench/target/purchases bench/PurchaseBench.java "$@"
