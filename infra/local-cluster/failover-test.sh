#!/usr/bin/env bash
# Failover test on a real multi-process Flink cluster: the streaming ingestion job reads a Kafka
# topic into Iceberg (PostgreSQL catalog) on this folder's local cluster; one TaskManager is killed
# with SIGKILL while records flow and a new one started; then the job is stopped with a savepoint
# and restarted from it. The test (ClusterFailoverIT, run by Maven, which also starts the broker,
# PostgreSQL and the cluster through start-cluster.sh) compares what was sent with what is stored.
# Its last line is exactly: sent=N stored=N lost=0 duplicated=0
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$root/bin/rapport" --version >/dev/null
status=0
mvn -B -q -pl infra -am verify -Dit.test=ClusterFailoverIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true > "$log" 2>&1 || status=$?
result="$(cat "$log" infra/target/failsafe-reports/*ClusterFailoverIT-output.txt 2>/dev/null \
  | grep -E '^sent=[0-9]+ stored=[0-9]+ lost=[0-9]+ duplicated=[0-9]+$' | tail -1 || true)"
if [ "$status" -ne 0 ] || [ -z "$result" ]; then
  tail -50 "$log" >&2
  echo "failover test failed (exit $status)" >&2
  exit 1
fi
echo "$result"
