#!/usr/bin/env bash
# Runs the WAR on Payara Micro against an external database, as in production. Needs DEAL_DB_URL, DEAL_DB_USER and
# DEAL_DB_PASSWORD (see ../deal.env.example). For a cluster, start one per host and put the load balancer in front.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${DEAL_DB_URL:?set DEAL_DB_URL to the JDBC URL of the MySQL database}"
exec java -Xmx1g -jar "$root/deal-web/target/payara-micro.jar" \
    --deploy "$root/deal-web/target/deal-web.war" --contextroot / \
    --port "${DEAL_HTTP_PORT:-8080}" \
    --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    ${DEAL_CLUSTER_NAME:+--clustername "$DEAL_CLUSTER_NAME"} \
    ${DEAL_CLUSTER_NAME:---nocluster}
