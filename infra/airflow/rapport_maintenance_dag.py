"""Rapport's table maintenance, every hour: ``rapport maintain --config FILE``.

Compacts small data files (what a streaming job's frequent commits leave), expires old
snapshots and removes orphan files, with Iceberg's own actions (see ``rapport maintain --help``
for the thresholds). Hourly keeps a streaming table to at most an hour of small files per
partition; change ``schedule`` to trade freshness of the layout against compaction work.
Maintenance commits while ingestion commits: Iceberg's optimistic concurrency retries the loser,
so it needs no pause of the streaming job.

Shares ``run_stage`` and the retry policy with the daily DAG (``rapport_dag.py``, in the same
DAG folder).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow import DAG

from rapport_dag import DEFAULT_ARGS, PythonOperator, run_stage

with DAG(
    dag_id="rapport_maintenance",
    description="Rapport: compact small files, expire snapshots, remove orphan files",
    schedule="15 * * * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=55),
    default_args={**DEFAULT_ARGS, "execution_timeout": timedelta(minutes=50)},
    tags=["rapport"],
) as dag:
    maintain = PythonOperator(task_id="maintain", python_callable=run_stage, op_args=["maintain"])
