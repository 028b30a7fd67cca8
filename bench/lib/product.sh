# Shared by the bench scripts (sourced, not run): starts the product with ./mvnw -Prun on a fresh database under
# bench/target, waits for /health/ready, and stops it again with Ctrl-C (SIGINT) to its process group.
#
# Source it from the repository root, then:
#   product_start <data folder> <log file>   wipes the data folder, starts the product, waits until it is ready;
#                                            sets product_http_port and product_db_port and installs an EXIT
#                                            trap that stops the product whatever happens
#   product_start_second <log file>          a second product (Payara Micro alone, the WAR that product_start built) on
#                                            the first one's database and mail catcher, on a free HTTP port; DEAL_*
#                                            settings in the environment of the call go to it only (e.g. another
#                                            DEAL_SANDBOX_LATENCY_MS); does not wait for it: sets second_http_port
#                                            and second_pid, product_await_second waits until it is ready
#   product_stop                             stops them (Ctrl-C, SIGTERM after 15 s, SIGKILL after 60 s) and removes the trap
#   bench_build                              builds the bench module (bench/pom.xml, profile "bench", with the product's
#                                            modules it uses from the reactor) quietly, offline when it can; sets
#                                            bench_classpath (its classes and dependencies)
#   product_bench <folder> <class> [options...]
#                                            a whole bench run: bench_build, product_start with data and log under
#                                            <folder>, java $product_java_options -cp $bench_classpath
#                                            io.groupdeal.bench.<class> --http-port .. --db-port .. [options...],
#                                            status 3 if the product did not outlive the program, product_stop; exits
#                                            with the program's status
# The product starts without demo data and with the platform operator operator@bench.groupdeal.io (DEAL_ADMIN_*).
# Environment: DEAL_* settings go to the product (DEAL_THROTTLE_ADDRESS_LIMIT, DEAL_HASHING_WAIT,
# DEAL_HASHING_QUEUE and DEAL_HASHING_SHARE default to values that let a bench set up in parallel from one address). BENCH_HTTP_PORT (first HTTP port tried; default a random one from 20000 on, so that benches started
# at the same moment on one machine do not pick the same port), BENCH_DB_PORT (default: the launcher takes a free
# one). Note that -Prun and bench_build package the reactor first (they write */target of the checkout they run in):
# run from a clone when someone builds in the same checkout (bench/README.md).

product_pid=""
product_http_port=""
product_db_port=""
product_started=""
product_java_options=""
product_log=""
second_pid=""
second_http_port=""
second_log=""

# The first free loopback port from $1 on (a port that accepts a connection is taken).
product_free_port() {
    local port=$1
    for _ in $(seq 1 200); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
        port=$((port + 1))
    done
    echo "bench: no free port from $1 on" >&2
    return 1
}

bench_classpath=""
# The platform operator the product creates at startup (no demo data, so no demo operator): the benches switch
# moderation off for their businesses with it (io.groupdeal.bench.harness.Api.OPERATOR_*).
bench_operator_email=operator@bench.groupdeal.io
bench_operator_password=bench-operator-password

bench_build() {
    local log=bench/target/build.log
    mkdir -p bench/target
    echo "bench: building the bench module (log $log)"
    # Offline first (the usual case: the product's build already fetched everything); online when something is missing.
    if ! ./mvnw -B -q -ntp -o -Pbench -pl bench -am package -DskipTests >"$log" 2>&1 \
        && ! ./mvnw -B -q -ntp -Pbench -pl bench -am package -DskipTests >"$log" 2>&1; then
        echo "bench: the bench module does not build; last lines of $log:" >&2
        tail -30 "$log" >&2
        return 1
    fi
    bench_classpath=bench/target/classes:$(cat bench/target/classpath.txt)
}

product_start() {
    local data=$1 log=$2
    product_http_port=$(product_free_port "${BENCH_HTTP_PORT:-$((20000 + RANDOM % 10000))}")
    product_db_port=0
    if [ -n "${BENCH_DB_PORT:-}" ]; then
        product_db_port=$(product_free_port "$BENCH_DB_PORT")
        if [ "$product_db_port" = "$product_http_port" ]; then
            product_db_port=$(product_free_port $((product_db_port + 1)))
        fi
    fi

    product_log=$log
    rm -rf "$data"
    mkdir -p "$data" "$(dirname "$log")"
    echo "bench: starting the product (HTTP 127.0.0.1:$product_http_port, embedded MariaDB on" \
        "$([ "$product_db_port" = 0 ] && echo "a free port" || echo "127.0.0.1:$product_db_port"), data $data); log $log"

    # Job control gives the run its own process group that does not ignore SIGINT, as in a terminal (see .ci/smoke-run).
    # The benches set up hundreds of accounts from 127.0.0.1, several at once: unless a bench says otherwise, the
    # per-address throttle is out of reach and a sign-up waits for its turn to hash instead of answering 503 busy.
    set -m
    DEAL_HTTP_PORT=$product_http_port DEAL_DATA_DIR=$PWD/$data DEAL_DB_PORT=$product_db_port DEAL_DEMO=false \
        DEAL_ADMIN_EMAIL=$bench_operator_email DEAL_ADMIN_PASSWORD=$bench_operator_password \
        DEAL_THROTTLE_ADDRESS_LIMIT=${DEAL_THROTTLE_ADDRESS_LIMIT:-1000000} DEAL_HASHING_WAIT=${DEAL_HASHING_WAIT:-PT120S} \
        DEAL_HASHING_QUEUE=${DEAL_HASHING_QUEUE:-1000} DEAL_HASHING_SHARE=${DEAL_HASHING_SHARE:-1} \
        ./mvnw -B -ntp -q -Prun >"$log" 2>&1 &
    product_pid=$!
    set +m
    trap product_stop EXIT

    product_started=$SECONDS
    # Ready: our Payara Micro says so in our log (another product that took the port meanwhile would answer
    # /health/ready too), and /health/ready answers.
    local ready="" answer="(not asked: the log does not say that Payara Micro is ready)"
    for _ in $(seq 1 300); do
        if grep -q 'Payara Micro .* ready in' "$log" 2>/dev/null; then
            answer=$(curl -sS --max-time 10 -w ' (HTTP %{http_code})' "http://127.0.0.1:$product_http_port/health/ready" 2>&1) \
                || true # not yet (set -e must not end the script here)
            case "$answer" in *"(HTTP 200)") ready=yes; break ;; esac
        fi
        kill -0 "$product_pid" 2>/dev/null || break
        grep -q 'Shutting down server due to startup exception' "$log" 2>/dev/null && break
        sleep 2
    done
    if [ -z "$ready" ] || ! kill -0 "$product_pid" 2>/dev/null; then
        echo "bench: the product did not become ready within $((SECONDS - product_started)) s; last answer of" \
            "/health/ready: $answer; last lines of its log:" >&2
        tail -50 "$log" >&2
        return 1
    fi
    # The process that listens on the port must be ours (same process group), where ss can tell.
    if command -v ss >/dev/null 2>&1; then
        local owner
        owner=$(ss -ltnpH "sport = :$product_http_port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
        if [ -n "$owner" ] && [ "$(ps -o pgid= -p "$owner" | tr -d ' ')" != "$product_pid" ]; then
            echo "bench: port $product_http_port is served by another process ($owner), not by the product started here" >&2
            return 1
        fi
    fi
    # The launcher takes another port when the one asked for is busy; it says which in its log.
    local actual
    actual=$(sed -n 's/.*Embedded MariaDB listens on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | tail -1)
    product_db_port=${actual:-$product_db_port}
    echo "bench: ready after $((SECONDS - product_started)) s (embedded MariaDB on port $product_db_port)"
}

product_stop() {
    product_stop_group "$second_pid" "the second product"
    product_stop_group "$product_pid" "the product"
    trap - EXIT
}

# Stops the process group led by $1 (Ctrl-C, SIGTERM after 15 s, SIGKILL after 60 s).
product_stop_group() {
    local group=$1 what=$2
    if [ -n "$group" ] && kill -0 "$group" 2>/dev/null; then
        kill -INT -- -"$group" 2>/dev/null || true
        for i in $(seq 1 60); do
            kill -0 "$group" 2>/dev/null || break
            # A bench started in the background of a non-interactive shell (nohup, "( ... & )") inherits SIGINT
            # ignored, and so do the JVMs, which then never see the Ctrl-C; SIGTERM runs the same shutdown hooks.
            if [ "$i" = 15 ]; then
                echo "bench: Ctrl-C did not stop $what within 15 s (SIGINT ignored?); sending SIGTERM" >&2
                kill -TERM -- -"$group" 2>/dev/null || true
            fi
            sleep 1
        done
        if kill -0 "$group" 2>/dev/null; then
            echo "bench: $what did not stop within 60 s; killing its process group" >&2
            kill -KILL -- -"$group" 2>/dev/null || true
        fi
    fi
}

product_start_second() {
    local log=$1 port mail war micro
    second_log=$log
    port=$(product_free_port $((product_http_port + 1)))
    [ "$port" != "$product_db_port" ] || port=$(product_free_port $((port + 1)))
    second_http_port=$port
    mail=$(sed -n 's/.*Mail catcher listens on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$product_log" | tail -1)
    war=deal-web/target/deal-web.war
    micro=deal-web/target/payara-micro.jar
    echo "bench: starting a second product (HTTP 127.0.0.1:$second_http_port, the first one's database on port" \
        "$product_db_port and mail catcher on port $mail); log $log"
    set -m
    # As io.groupdeal.devserver.DevServer starts Payara Micro (its heap whole from the start), without a database or
    # mail catcher of its own.
    DEAL_HTTP_PORT=$second_http_port DEAL_DEMO=false DEAL_DB_EMBEDDED=true \
        DEAL_ADMIN_EMAIL=$bench_operator_email DEAL_ADMIN_PASSWORD=$bench_operator_password \
        DEAL_DB_URL=jdbc:mysql://127.0.0.1:$product_db_port/deal DEAL_DB_USER=deal DEAL_DB_PASSWORD=deal \
        DEAL_SMTP_HOST=127.0.0.1 DEAL_SMTP_PORT=$mail DEAL_PUBLIC_URL=http://localhost:$second_http_port \
        DEAL_THROTTLE_ADDRESS_LIMIT=${DEAL_THROTTLE_ADDRESS_LIMIT:-1000000} DEAL_HASHING_WAIT=${DEAL_HASHING_WAIT:-PT120S} \
        DEAL_HASHING_QUEUE=${DEAL_HASHING_QUEUE:-1000} DEAL_HASHING_SHARE=${DEAL_HASHING_SHARE:-1} \
        java -Xms1g -Xmx1g -jar "$micro" --deploy "$war" --contextroot / --port "$second_http_port" \
        --prebootcommandfile "$PWD/config/payara/pre-boot-commands.asadmin" --nocluster --nohazelcast >"$log" 2>&1 &
    second_pid=$!
    set +m
}

# Waits until the second product says it is ready and /health/ready answers (at most 10 minutes).
product_await_second() {
    local started=$SECONDS answer=""
    for _ in $(seq 1 300); do
        if grep -q 'Payara Micro .* ready in' "$second_log" 2>/dev/null; then
            answer=$(curl -sS --max-time 10 -w ' (HTTP %{http_code})' "http://127.0.0.1:$second_http_port/health/ready" 2>&1) \
                || true
            case "$answer" in *"(HTTP 200)") echo "bench: the second product is ready"; return 0 ;; esac
        fi
        kill -0 "$second_pid" 2>/dev/null || break
        sleep 2
    done
    echo "bench: the second product did not become ready within $((SECONDS - started)) s; last lines of its log:" >&2
    tail -50 "$second_log" >&2
    return 1
}

product_bench() {
    local folder=$1 program=$2 status
    shift 2
    bench_build
    product_start "$folder/data" "$folder/product.log"
    set +e
    # shellcheck disable=SC2086 # JVM options are separate words
    java $product_java_options -cp "$bench_classpath" "io.groupdeal.bench.$program" --http-port "$product_http_port" \
        --db-port "$product_db_port" "$@"
    status=$?
    set -e
    if ! kill -0 "$product_pid" 2>/dev/null; then
        echo "bench: the product stopped before the bench ended (did something else stop it?); see $folder/product.log" >&2
        [ "$status" -ne 0 ] || status=3
    fi
    product_stop
    echo "bench: product stopped; total $((SECONDS - product_started)) s"
    exit "$status"
}
