# Shared by the local-cluster scripts: where things are, and how to start Flink processes from the
# project's own jars (no Flink distribution to download).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_dir="${RAPPORT_CLUSTER_DIR:-$here/.run}"
rest_port="${RAPPORT_CLUSTER_REST_PORT:-8081}"
rpc_port="${RAPPORT_CLUSTER_RPC_PORT:-6123}"
slots="${RAPPORT_CLUSTER_SLOTS:-2}"
prometheus_ports="${RAPPORT_CLUSTER_PROMETHEUS_PORTS:-9249-9259}"
checkpoint_dir="${RAPPORT_CLUSTER_CHECKPOINTS:-file://$run_dir/checkpoints}"
savepoint_dir="${RAPPORT_CLUSTER_SAVEPOINTS:-file://$run_dir/savepoints}"
conf_dir="$run_dir/conf"

java_opens=(
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.math=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.sql/java.sql=ALL-UNNAMED
)

# The cluster runs with Rapport's whole runtime classpath (Iceberg, Hadoop, JDBC drivers...) so a
# submitted job needs no fat jar; classes resolve parent-first.
cluster_classpath() {
  "$root/bin/rapport" --version >/dev/null
  echo "$root/infra/target/rapport-infra.jar:$(cat "$root/infra/target/classpath.txt")"
}

write_config() {
  mkdir -p "$conf_dir" "$run_dir/logs"
  cat > "$conf_dir/config.yaml" <<YAML
jobmanager:
  rpc:
    address: localhost
    port: $rpc_port
  bind-host: localhost
  memory:
    process:
      size: 1024m
taskmanager:
  bind-host: localhost
  host: localhost
  numberOfTaskSlots: $slots
  memory:
    process:
      size: 1600m
rest:
  address: localhost
  bind-address: localhost
  port: $rest_port
parallelism:
  default: 2
classloader:
  resolve-order: parent-first
execution:
  checkpointing:
    dir: $checkpoint_dir
    savepoint-dir: $savepoint_dir
restart-strategy:
  type: fixed-delay
  fixed-delay:
    attempts: 20
    delay: 2 s
heartbeat:
  timeout: 10000
  interval: 2000
metrics:
  reporter:
    prom:
      factory:
        class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
      port: $prometheus_ports
YAML
}

rest() {
  curl -fsS "http://localhost:$rest_port$1"
}

wait_for() { # description, timeout seconds, command...
  local what="$1" timeout="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "local-cluster: timed out waiting for $what" >&2
      return 1
    fi
    sleep 1
  done
}

taskmanager_registered() { # resource id
  rest /taskmanagers | grep -q "\"$1\""
}
