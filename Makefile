# Two commands do all set-up: `make run` and `make test` create .venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test eval model rules-check bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run data/raw --out data/out

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m pipeline eval --gold ../shared/eval/dev/gold ../shared/eval/dev/articles --out data/eval

rules-check: $(STAMP)
	$(PY) -m pipeline rules check rules

model: $(STAMP)
	$(PY) -m pipeline.train

clean:
	rm -rf data/out data/eval
