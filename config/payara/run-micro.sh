#!/usr/bin/env bash
# Runs the WAR on Payara Micro against an external database, as in production. Needs DEAL_DB_URL, DEAL_DB_USER and
# DEAL_DB_PASSWORD (see ../deal.env.example). For a cluster, start one per host and put the load balancer in front.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${DEAL_DB_URL:?set DEAL_DB_URL to the JDBC URL of the MySQL database}"

# Wait for the database before deploying: Payara's JPA deployer connects while it deploys. DEAL_DB_WAIT_SECONDS bounds
# the wait; then exit 3 with the reason. A database gone after this check is waited for by the product itself, as long
# again, while it deploys (WaitingDataSource): it becomes ready when the database comes, or Payara Micro exits with 3.
db_address=${DEAL_DB_URL#*://}
db_address=${db_address%%[/?,]*}
db_host=${db_address%%:*}
db_port=3306
[ "$db_address" = "$db_host" ] || db_port=${db_address##*:}
deadline=$((SECONDS + ${DEAL_DB_WAIT_SECONDS:-300}))
until (exec 3<>"/dev/tcp/$db_host/$db_port") 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "GroupDeal: the database at $db_host:$db_port did not answer within ${DEAL_DB_WAIT_SECONDS:-300} s; not starting." >&2
        exit 3
    fi
    echo "GroupDeal: waiting for the database at $db_host:$db_port ..." >&2
    sleep 5
done
exec java -Xmx1g -jar "$root/deal-web/target/payara-micro.jar" \
    --deploy "$root/deal-web/target/deal-web.war" --contextroot / \
    --port "${DEAL_HTTP_PORT:-8080}" \
    --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    ${DEAL_CLUSTER_NAME:+--clustername "$DEAL_CLUSTER_NAME"} \
    ${DEAL_CLUSTER_NAME:---nocluster}
