#!/usr/bin/env bash
# Stops the local cluster: TaskManagers first, then the JobManager, then the local S3 API.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

for pid_file in "$run_dir"/taskmanager-*.pid "$run_dir/jobmanager.pid" "$run_dir/s3proxy.pid"; do
  [ -f "$pid_file" ] || continue
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
done
echo "local-cluster: stopped"
