"""Rapport's daily batch: ingest -> resolve -> metrics -> feed.

Each task runs one stage of the Rapport command line, ``rapport <stage> --config FILE``, on the
worker (the command and the config file are set by the environment variables RAPPORT_COMMAND and
RAPPORT_CONFIG). The stages are rerun-safe: a retried stage upserts into the same Iceberg tables
and leaves no duplicates, so a transient failure (the catalog database restarting, S3 throttling,
a lost TaskManager) is simply retried.

With ``identity.incremental: true`` in the config, the daily ``resolve`` matches only the records
that changed since the previous day's run (the result equals a full run's with the same model);
schedule ``rapport resolve --full`` now and then (e.g. weekly) to estimate the model again.

Exit codes of ``rapport``: 0 success, 1 the job failed (worth a retry), 2 the configuration is
wrong (rapport.yaml, a missing environment variable): a retry would fail the same way, so the
task fails at once without using up its retries (AirflowFailException). Airflow's BashOperator
can only *skip* on chosen exit codes (``skip_on_exit_code``), which would hide a broken
configuration behind a green run; that is why the stages run through a PythonOperator.

Works with Airflow 2.7+ and 3.x.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow import __version__ as AIRFLOW_VERSION
from airflow.exceptions import AirflowException, AirflowFailException

try:  # Airflow 3
    from airflow.providers.standard.operators.python import PythonOperator
except ImportError:  # Airflow 2
    from airflow.operators.python import PythonOperator

RAPPORT_COMMAND = os.environ.get("RAPPORT_COMMAND", "rapport")
RAPPORT_CONFIG = os.environ.get("RAPPORT_CONFIG", "/opt/rapport/rapport.yaml")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG_ERROR = 2

# In pipeline order; add "feed" here when the feed stage lands.
STAGES = ["ingest", "resolve", "metrics", "feed"]


def classify_exit_code(code: int) -> str:
    """What a stage's exit code means for the task: "success", "retry" or "fail" (no retry)."""
    if code == EXIT_OK:
        return "success"
    if code == EXIT_CONFIG_ERROR:
        return "fail"
    return "retry"


def run_stage(stage: str) -> None:
    """Runs ``rapport <stage> --config RAPPORT_CONFIG``; its output goes to the task log."""
    command = [RAPPORT_COMMAND, stage, "--config", RAPPORT_CONFIG]
    code = subprocess.run(command, check=False).returncode
    outcome = classify_exit_code(code)
    if outcome == "fail":
        raise AirflowFailException(
            f"rapport {stage}: configuration error (exit {code}); fix {RAPPORT_CONFIG}, retrying cannot help"
        )
    if outcome == "retry":
        raise AirflowException(f"rapport {stage} failed (exit {code})")


DEFAULT_ARGS = {
    "owner": "data-engineering",
    "depends_on_past": False,
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    # A stage that hangs (a stuck catalog lock) is killed and retried instead of blocking the day.
    "execution_timeout": timedelta(hours=2),
}
if AIRFLOW_VERSION.startswith("2."):
    # SLA misses exist in Airflow 2 only (removed in 3.0); dagrun_timeout bounds the run in both.
    DEFAULT_ARGS["sla"] = timedelta(hours=4)

with DAG(
    dag_id="rapport_daily",
    description="Rapport: ingest sources, resolve identities, compute experience metrics, export the feed",
    schedule="0 2 * * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    # The stages write the same tables: one run at a time.
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=6),
    default_args=DEFAULT_ARGS,
    tags=["rapport"],
) as dag:
    ingest = PythonOperator(task_id="ingest", python_callable=run_stage, op_args=["ingest"])
    resolve = PythonOperator(task_id="resolve", python_callable=run_stage, op_args=["resolve"])
    metrics = PythonOperator(task_id="metrics", python_callable=run_stage, op_args=["metrics"])
    # feeds.personalization and feeds.survey_invitations, exported to the config's feed.destinations
    feed = PythonOperator(task_id="feed", python_callable=run_stage, op_args=["feed"])

    ingest >> resolve >> metrics >> feed
