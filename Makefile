# Mentorgesprekken-werkboek: the commands a facilitator, a mentor and a developer need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8866
# Facilitator pages from other devices (default: only this laptop); kernels one device may hold.
BEGELEIDER_VIA_NETWERK ?= 0
MAX_PER_APPARAAT ?= 4
# Warm start-page kernels kept ready for people who join (about the number of participants).
POOL ?= 10
# Workshop benchmark: participants simulated, of whom some in a real Chromium.
N ?= 30
BROWSERS ?= 2

# The labelled development rounds the feedback's word model learns from (tests/data/, no held-out set).
FEEDBACK_DEV := $(addprefix tests/data/,vragen.yaml uitingen.yaml ontwikkelset_2.yaml ontwikkelset_3.yaml \
	ontwikkelset_4.yaml ontwikkelset_5.yaml ontwikkelset_6_vragen.yaml ontwikkelset_6_doelen_uitingen.yaml \
	ontwikkelset_7_vragen.yaml ontwikkelset_7_doelen_uitingen.yaml ontwikkelset_8.yaml \
	ontwikkelset_9.yaml ontwikkelset_10.yaml ontwikkelset_11.yaml ontwikkelset_12.yaml ontwikkelset_13.yaml ontwikkelset_14.yaml ontwikkelset_15.yaml ontwikkelset_16.yaml ontwikkelset_17.yaml ontwikkelset_18.yaml)

.PHONY: install workshop lab test test-unit test-notebooks test-browser test-load bench bench-round bench-workshop lint check-content content-schema feedback-model clean

# (Re)install only when the dependencies change.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

install: $(STAMP)

## Start the workbook in Voila (participants' pages); HOST=0.0.0.0 opens it to the local network.
workshop: $(STAMP)
	$(BIN)/python -m workbook.serve --host $(HOST) --port $(PORT) --max-per-client $(MAX_PER_APPARAAT) --pool $(POOL) \
		$(if $(filter 1,$(BEGELEIDER_VIA_NETWERK)),--begeleider-via-netwerk,)

## JupyterLab, for self-study and for trainers who write content.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root,)

## Every test layer: unit, notebooks (nbval), browser (Voila + Chromium), load.
test: $(STAMP)
	$(BIN)/python -m pytest --nbval-lax notebooks tests

test-unit: $(STAMP)
	$(BIN)/python -m pytest -m unit tests

test-notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval-lax notebooks

test-browser: $(STAMP)
	$(BIN)/python -m pytest -m browser tests

test-load: $(STAMP)
	$(BIN)/python -m pytest -m load tests

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench
	$(BIN)/python -m benchmarks.round_latency

## Role-play on three screens: how long a mark takes to reach the other two (target: at most 1 s).
bench-round: $(STAMP)
	$(BIN)/python -m benchmarks.round_latency

## A training on this machine: N participants join, visit every module, type and leave.
bench-workshop: $(STAMP)
	$(BIN)/python -m benchmarks.workshop --participants $(N) --browsers $(BROWSERS)

lint: $(STAMP)
	$(BIN)/ruff check workbook tests benchmarks

## Validate every file in exercises/ and explain what is wrong, in Dutch.
check-content: $(STAMP)
	$(BIN)/python -m workbook.content

## JSON Schemas of the content files, for an editor that validates YAML (VS Code: YAML extension).
content-schema: $(STAMP)
	$(BIN)/python -m workbook.content --schema exercises/schema

## The word model of the feedback, trained on the development rounds only (never on a held-out set).
feedback-model: $(STAMP)
	$(BIN)/python -m workbook.feedback.model $(FEEDBACK_DEV)

clean:
	rm -rf $(VENV) artifacts .pytest_cache
