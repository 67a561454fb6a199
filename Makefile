# One command to analyse, one to test. Both create .venv and install on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/articles/putin-phone-call.txt
DATE   ?=
SHARED ?= ../shared
# check-models: retrain the encoder auto (where the CPU has bfloat16 instructions), always or never
RETRAIN ?= auto
# Tests and notebooks must never need NLTK corpora or the network.
export NLTK_DATA := $(CURDIR)/.nltk_data_empty
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0

.PHONY: help install report test test-unit test-notebooks test-slow check-models lint lab models benchmarks notebooks clean

help:
	@echo "make report [ARTICLE=path] [DATE=YYYY-MM-DD]  analyse an article -> reports/<name>/"
	@echo "make test                                      the fast tests: unit, notebooks once, lint (minutes)"
	@echo "make test-slow                                 reports on real articles, Dask, notebooks run twice"
	@echo "make check-models                              retrain each committed model from ../shared and compare"
	@echo "make lab                                       JupyterLab with the project's kernel"
	@echo "make models                                    retrain the encoder and the stance blend from ../shared"
	@echo "make benchmarks                                accuracy and speed figures (needs ../shared)"
	@echo "make notebooks                                 re-execute the notebooks in place (after a change)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@mkdir -p $(NLTK_DATA)
	@touch $@

install: $(STAMP)

report: $(STAMP)
	@$(BIN)/python -m helpers report "$(ARTICLE)" --out reports $(if $(DATE),--date $(DATE),)

# The fast suite (the README gives its time): unit tests on every core, the notebooks once under nbval, lint.
test: test-unit test-notebooks lint

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests -q -m "not slow" -n auto

test-notebooks: $(STAMP)
	cd notebooks && ../$(BIN)/python -m pytest --nbval --nbval-current-env -p no:cacheprovider -q .

# Minutes: whole reports on real articles, Dask clusters, and nbval a second time, which proves a run
# leaves nothing behind that changes the next one's outputs.
test-slow: $(STAMP)
	$(BIN)/python -m pytest tests -q -m "slow"
	cd notebooks && ../$(BIN)/python -m pytest --nbval --nbval-current-env -p no:cacheprovider -q .

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py

# Containers often run as root, where Jupyter refuses to start without --allow-root.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

# Training has its own environment (PyTorch, CPU build; requirements-train.txt): the run time never needs it.
TRAIN_VENV  := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed

$(TRAIN_STAMP): requirements.txt requirements-train.txt requirements-encoder.txt pyproject.toml
	@test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(TRAIN_VENV)/bin/python -m pip install --quiet -r requirements.txt -r requirements-train.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps -r requirements-encoder.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps -e .
	@touch $@

# Retrain the fine-tuned encoder from ../shared into data/models/encoder (about 20-30 minutes on 2 cores),
# then the bag-of-words stance model blended with it into data/models/bow (about a minute, numpy only).
models: $(TRAIN_STAMP)
	$(TRAIN_VENV)/bin/python -m helpers train encoder --newsmtsc $(SHARED)/newsmtsc --dse $(SHARED)/dse
	$(TRAIN_VENV)/bin/python -m helpers train bow --dse $(SHARED)/dse

# Retrain each committed model from ../shared and check that it behaves like the committed one
# (validation predictions agree on >= 99% of items, validation macro-F1 within 0.005); the encoder is
# retrained only on a CPU with bfloat16 instructions unless RETRAIN=always (tools/check_encoder_model.py).
check-models: $(TRAIN_STAMP)
	$(TRAIN_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/test_ml_int8.py
	$(TRAIN_VENV)/bin/python tools/check_encoder_model.py --shared $(SHARED) --retrain $(RETRAIN)
	$(TRAIN_VENV)/bin/python tools/check_bow_model.py --shared $(SHARED)

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/segmentation.py --data $(SHARED)/segmentation
	$(BIN)/python benchmarks/newsmtsc.py --data $(SHARED)/newsmtsc
	$(BIN)/python benchmarks/actors_newsmtsc.py --data $(SHARED)/newsmtsc
	$(BIN)/python benchmarks/dse.py --data $(SHARED)/dse
	$(BIN)/python benchmarks/persent.py --data $(SHARED)/persent
	$(BIN)/python benchmarks/polnear.py --data $(SHARED)/polnear
	$(BIN)/python benchmarks/throughput.py --data $(SHARED)/corpus/wikinews/wikinews_2019_2020.jsonl
	$(BIN)/python benchmarks/size_scaling.py
	$(BIN)/python benchmarks/fuzz.py
	$(BIN)/python tools/readme_figures.py --write

clean:
	rm -rf reports .pytest_cache
