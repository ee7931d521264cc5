# swreflect: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.swreflect-installed

.PHONY: run test lint bench nightly venv sysdeps sysdeps-display clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

# As root, missing Debian/Ubuntu packages are installed with apt; otherwise the apt line is
# printed and make stops.
sysdeps:
	@PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh offscreen

sysdeps-display:
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh display; \
	else PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh offscreen; fi

run: sysdeps-display venv
	$(VENV)/bin/swreflect

lint: venv
	$(VENV)/bin/ruff check swreflect tests
	$(VENV)/bin/ruff format --check swreflect tests
	$(VENV)/bin/mypy

test: sysdeps venv lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -p no:cacheprovider tests/bench

# The long reliability runs (SECURITY.md rows 1-3, 5, 6, 10): 1,000 kills each, every
# syscall kill point, 300 WAL flips, 50 disk-full steps, 500 power losses, 100k fuzz inputs.
nightly: sysdeps venv
	SWREFLECT_CRASH_RUNS=1000 SWREFLECT_REKEY_RUNS=1000 SWREFLECT_FUZZ_EXAMPLES=100000 \
	SWREFLECT_STRACE_POINTS=all SWREFLECT_WAL_FLIPS=300 SWREFLECT_DISKFULL_STEPS=50 \
	SWREFLECT_POWERLOSS_RUNS=500 SWREFLECT_PDF_FLIPS=1000 \
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -p no:cacheprovider \
	tests/reliability tests/vault/test_keyslot_fuzz.py tests/vault/test_wal_damage.py \
	tests/vault/test_disk_full.py tests/vault/test_rollback.py

clean:
	rm -rf $(VENV) build *.egg-info
