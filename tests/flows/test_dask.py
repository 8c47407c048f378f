"""Extraction on a Dask cluster (prefect-dask) gives exactly the outputs and store of a local run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file

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
    # Embeddings batched differently on the workers differ in the 7th decimal: every table and report is
    # identical, the saved topic model's float tensors are equal to that precision
    tensors = "models/topics/topic_model.safetensors"
    on_dask_files, local_files = outputs(tmp_path / "dask"), outputs(tmp_path / "local")
    assert differences({k: v for k, v in on_dask_files.items() if k != tensors},
                       {k: v for k, v in local_files.items() if k != tensors}) == []
    a, b = (load_file(str(tmp_path / run / "models" / "topics" / "topic_model.safetensors"))
            for run in ("dask", "local"))
    assert a.keys() == b.keys() and all(np.allclose(a[k], b[k], atol=1e-5) for k in a)
    dask_tables, local_tables = store_tables(tmp_path / "dask"), store_tables(tmp_path / "local")
    vectors = [{(model, key): np.frombuffer(v, dtype="<f4") for model, key, v in t.pop("embeddings")}
               for t in (dask_tables, local_tables)]
    assert vectors[0].keys() == vectors[1].keys()
    assert all(np.allclose(vectors[0][k], vectors[1][k], atol=1e-5) for k in vectors[0])
    # the segmentation calibration (id, key, questions, bias, documents, routing): its bias and routing
    # vectors are means of vectors
    on_dask, local = (t.pop("segmentation")[0] for t in (dask_tables, local_tables))
    assert on_dask[:3] + on_dask[4:5] == local[:3] + local[4:5]
    assert np.allclose(json.loads(on_dask[3]), json.loads(local[3]), atol=1e-5)
    routed = [json.loads(row[5]) for row in (on_dask, local)]
    assert routed[0]["catch_all"] == routed[1]["catch_all"] and routed[0]["catch_all"]
    for part in ("vectors", "bias"):
        assert np.allclose(routed[0][part], routed[1][part], atol=1e-5)
    assert differences(dask_tables, local_tables) == []


@pytest.mark.slow
def test_dask_a_program_the_workers_lack_is_checked_on_the_workers(
    prefect_harness: None, tmp_path: Path
) -> None:
    """A legacy Word file read on a Dask worker without antiword (nor LibreOffice) is quarantined saying
    where it is missing; whether a later run reads it again was decided by `shutil.which` in the flow's
    process: with antiword installed there (not on the workers), every run "read it now that this run
    allows it" and the worker quarantined it again. The workers are asked: it stays, until they have it."""
    import shutil

    from distributed import LocalCluster
    from prefect import flow

    from flows.stages import ingest_on_dask
    from respmine.config import Settings
    from respmine.store import Store

    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed where the flow runs")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "old.doc").write_bytes((Path(__file__).parents[1] / "ingest" / "files" /
                                     "legacy_response.doc").read_bytes())
    bare = tmp_path / "bin"  # the workers' PATH: no antiword, no soffice
    bare.mkdir()

    @flow
    def ingest(address: str) -> dict:  # type: ignore[type-arg]
        settings = Settings.load(tmp_path / "work", workers=1, dask_address=address)
        return ingest_on_dask(str(inbox), None, settings)

    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None,
                      env={"PATH": str(bare)}) as cluster:
        first = ingest(cluster.scheduler_address)
        row = next(r for r in Store(f"sqlite:///{tmp_path / 'work' / 'respmine.sqlite'}").submissions())
        assert first["new"] == 1 and row.code == "missing_tool"
        assert "not installed on the Dask worker that read the file (tcp://" in row.reason
        assert "install it on every worker of the cluster and rerun" in row.reason
        again = ingest(cluster.scheduler_address)
        assert (again["new"], again["retried"], again["already_done"]) == (0, 0, 1)
    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        installed = ingest(cluster.scheduler_address)  # (workers with antiword)
        assert (installed["new"], installed["retried"]) == (1, 1)
    row = next(r for r in Store(f"sqlite:///{tmp_path / 'work' / 'respmine.sqlite'}").submissions())
    assert row.status == "ok"
