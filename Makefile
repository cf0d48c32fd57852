# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench fuzz clean

# compileall: an editable install leaves our own modules uncompiled, and with
# PYTHONDONTWRITEBYTECODE set (as on CI) every command would compile them again (~0.1 s a run).
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q planner
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/planner generate examples/maria-sarcopenia.yaml -o out/maria-sarcopenia.pdf --force
	@echo "Programme written to out/maria-sarcopenia.pdf (its plan record: out/maria-sarcopenia.json)"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

fuzz: $(STAMP)
	PLANNER_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest tests/test_property.py -q

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
