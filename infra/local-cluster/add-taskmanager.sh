#!/usr/bin/env bash
# Starts one more TaskManager JVM for the running local cluster and waits until it registers.
# Prints its process id.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

classpath="$(cluster_classpath)"
if state_on_s3; then
  install_s3_plugin
fi
tm_params=$(java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
  --configDir "$conf_dir" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
tm_jvm=$(echo "$tm_params" | sed -n 1p)
tm_dynamic=$(echo "$tm_params" | sed -n 2p)
n=0
while [ -e "$run_dir/taskmanager-$n.pid" ]; do n=$((n + 1)); done
# A fixed resource id, so we wait for this TaskManager and not for a count that a lost one may
# still inflate until its heartbeat times out.
resource_id="rapport-tm-$n-$RANDOM"
# shellcheck disable=SC2086
nohup java $tm_jvm "${java_opens[@]}" -Dlog.file="$run_dir/logs/taskmanager-$n.log" -cp "$classpath" \
  org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$conf_dir" $tm_dynamic \
  -D "taskmanager.resource-id=$resource_id" \
  > "$run_dir/logs/taskmanager-$n.out" 2>&1 &
pid=$!
echo $pid > "$run_dir/taskmanager-$n.pid"
wait_for "TaskManager $n ($resource_id) to register" 90 taskmanager_registered "$resource_id"
echo "$pid"
