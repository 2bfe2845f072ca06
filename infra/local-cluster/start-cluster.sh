#!/usr/bin/env bash
# Starts a standalone Flink session cluster on this machine from the project's own jars: one
# JobManager and N TaskManagers (default 2), each its own JVM, with checkpoints and savepoints on
# S3 (a local s3proxy unless RAPPORT_CLUSTER_S3_ENDPOINT names another). Stop it with stop-cluster.sh.
#   RAPPORT_CLUSTER_TASKMANAGERS=2 RAPPORT_CLUSTER_REST_PORT=8081 infra/local-cluster/start-cluster.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ -f "$run_dir/jobmanager.pid" ] && kill -0 "$(cat "$run_dir/jobmanager.pid")" 2>/dev/null; then
  echo "local-cluster: already running (REST on port $rest_port)"
  exit 0
fi
classpath="$(cluster_classpath)"
write_config
if state_on_s3; then
  install_s3_plugin
  start_local_s3
fi

jm_params=$(java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils GET_JM_RESOURCE_PARAMS \
  --configDir "$conf_dir" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
jm_jvm=$(echo "$jm_params" | sed -n 1p)
jm_dynamic=$(echo "$jm_params" | sed -n 2p)
# shellcheck disable=SC2086
nohup java $jm_jvm "${java_opens[@]}" -Dlog.file="$run_dir/logs/jobmanager.log" -cp "$classpath" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$conf_dir" $jm_dynamic \
  > "$run_dir/logs/jobmanager.out" 2>&1 &
echo $! > "$run_dir/jobmanager.pid"
wait_for "the JobManager's REST API on port $rest_port" 90 rest /overview

for _ in $(seq 1 "${RAPPORT_CLUSTER_TASKMANAGERS:-2}"); do
  "$here/add-taskmanager.sh"
done
echo "local-cluster: running; REST http://localhost:$rest_port; checkpoints $checkpoint_dir; logs in $run_dir/logs"
