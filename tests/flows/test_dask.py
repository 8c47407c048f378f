"""Extraction on a Dask cluster (prefect-dask) gives exactly the outputs and store of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.flows.compare import RUN_LEVEL, copy_sample, differences, outputs, store_tables


@pytest.mark.slow
def test_flow_on_a_local_dask_cluster_matches_a_local_run(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster, get_task_stream

    from flows.process_consultation import process_consultation

    consultation = copy_sample(tmp_path / "sample")
    monkeypatch.setenv("RESPMINE_DASK_BATCH", "8")  # 50 new files -> 7 batches over both workers
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client, get_task_stream(client) as stream:
        on_dask = process_consultation(consultation=str(consultation), work_dir=str(tmp_path / "dask"),
                                       dask_address=cluster.scheduler_address)
    extracted = [t for t in stream.data if "extract_batch_task" in str(t["key"])]
    assert len(extracted) == 7, [t["key"] for t in stream.data]
    assert len({t["worker"] for t in extracted}) == 2  # both worker processes extracted batches
    summary = on_dask["summary_data"]
    assert summary["new"] == 50 and summary["by_status"]["quarantined"] > 0

    local = process_consultation(consultation=str(consultation), work_dir=str(tmp_path / "local"), workers=2)
    assert {k: local["summary_data"][k] for k in RUN_LEVEL} == {k: summary[k] for k in RUN_LEVEL}
    assert differences(outputs(tmp_path / "dask"), outputs(tmp_path / "local")) == []
    assert differences(store_tables(tmp_path / "dask"), store_tables(tmp_path / "local")) == []
