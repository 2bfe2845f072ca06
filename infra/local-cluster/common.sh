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
# Checkpoints and savepoints go to S3: by default a local S3 API (s3proxy, started beside the
# cluster on RAPPORT_CLUSTER_S3_PORT, bucket "flink-state"); set RAPPORT_CLUSTER_S3_ENDPOINT (plus
# RAPPORT_CLUSTER_S3_ACCESS_KEY and RAPPORT_CLUSTER_S3_SECRET_KEY) to use another S3 API, or
# RAPPORT_CLUSTER_CHECKPOINTS=file:///... to keep state on local disk.
s3_port="${RAPPORT_CLUSTER_S3_PORT:-9000}"
s3_endpoint="${RAPPORT_CLUSTER_S3_ENDPOINT:-http://127.0.0.1:$s3_port}"
s3_bucket="${RAPPORT_CLUSTER_S3_BUCKET:-flink-state}"
checkpoint_dir="${RAPPORT_CLUSTER_CHECKPOINTS:-s3://$s3_bucket/checkpoints}"
savepoint_dir="${RAPPORT_CLUSTER_SAVEPOINTS:-s3://$s3_bucket/savepoints}"
conf_dir="$run_dir/conf"
plugins_dir="$run_dir/plugins"
tools_dir="$root/infra/target/cluster-tools"

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

state_on_s3() {
  [[ "$checkpoint_dir" == s3://* || "$savepoint_dir" == s3://* ]]
}

# Flink finds file systems in plugin folders: the S3 one comes from the build (infra/target/cluster-tools).
install_s3_plugin() {
  mkdir -p "$plugins_dir/s3-fs-hadoop"
  cp "$tools_dir/flink-s3-fs-hadoop.jar" "$plugins_dir/s3-fs-hadoop/"
  export FLINK_PLUGINS_DIR="$plugins_dir"
}

# The S3 credentials of the cluster's state: given, or made up for the local s3proxy (kept in the
# run folder, readable by this user only).
s3_credentials() {
  if [ -n "${RAPPORT_CLUSTER_S3_ACCESS_KEY:-}" ]; then
    s3_access_key="$RAPPORT_CLUSTER_S3_ACCESS_KEY"
    s3_secret_key="${RAPPORT_CLUSTER_S3_SECRET_KEY:?RAPPORT_CLUSTER_S3_SECRET_KEY is not set}"
    return
  fi
  if [ ! -f "$run_dir/s3.credentials" ]; then
    (umask 077 && printf 'rapport-local %s\n' "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" > "$run_dir/s3.credentials")
  fi
  read -r s3_access_key s3_secret_key < "$run_dir/s3.credentials"
}

s3proxy_running() {
  [ -f "$run_dir/s3proxy.pid" ] && kill -0 "$(cat "$run_dir/s3proxy.pid")" 2>/dev/null
}

# Starts s3proxy (filesystem backend under the run folder) unless an endpoint was given.
start_local_s3() {
  [ -z "${RAPPORT_CLUSTER_S3_ENDPOINT:-}" ] || return 0
  s3proxy_running && return 0
  mkdir -p "$run_dir/s3/$s3_bucket"
  (umask 077 && cat > "$run_dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=$s3_endpoint
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$s3_access_key
s3proxy.credential=$s3_secret_key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$run_dir/s3
PROPS
)
  nohup java -Xmx256m -jar "$tools_dir/s3proxy.jar" --properties "$run_dir/s3proxy.properties" \
    > "$run_dir/logs/s3proxy.out" 2>&1 &
  echo $! > "$run_dir/s3proxy.pid"
  wait_for "s3proxy on $s3_endpoint" 60 curl -sS -o /dev/null "$s3_endpoint"
}

write_config() {
  mkdir -p "$conf_dir" "$run_dir/logs"
  local s3_settings=""
  if state_on_s3; then
    s3_credentials
    s3_settings="s3:
  endpoint: $s3_endpoint
  path.style.access: true
  access-key: $s3_access_key
  secret-key: $s3_secret_key"
  fi
  (umask 077 && : > "$conf_dir/config.yaml")
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
$s3_settings
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
