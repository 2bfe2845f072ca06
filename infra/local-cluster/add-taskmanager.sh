#!/usr/bin/env bash
# Starts one more TaskManager JVM for the running local cluster and waits until it registers.
# Prints its process id.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

classpath="$(cluster_classpath)"
before=$(count_taskmanagers)
tm_params=$(java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
  --configDir "$conf_dir" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')
tm_jvm=$(echo "$tm_params" | sed -n 1p)
tm_dynamic=$(echo "$tm_params" | sed -n 2p)
n=0
while [ -e "$run_dir/taskmanager-$n.pid" ]; do n=$((n + 1)); done
# shellcheck disable=SC2086
nohup java $tm_jvm "${java_opens[@]}" -Dlog.file="$run_dir/logs/taskmanager-$n.log" -cp "$classpath" \
  org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$conf_dir" $tm_dynamic \
  > "$run_dir/logs/taskmanager-$n.out" 2>&1 &
pid=$!
echo $pid > "$run_dir/taskmanager-$n.pid"
wait_for "TaskManager $n to register" 90 taskmanagers_registered $((before + 1))
echo "$pid"
