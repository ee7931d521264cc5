# swreflect: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.swreflect-installed
RUN_STAMP := $(VENV)/.swreflect-runtime
# Release builds use their own environment, installed only from the hashed lock file.
DIST_VENV  := .venv-dist
DIST_PY    := $(DIST_VENV)/bin/python
DIST_STAMP := $(DIST_VENV)/.locked

.PHONY: run test lint bench nightly venv sysdeps sysdeps-display sysdeps-dist dist dist-check clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Development and test tools: only for `make test`, `make lint` and `make bench`.
$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $(STAMP) $(RUN_STAMP)

# What running needs, nothing more (`make run`).
$(RUN_STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e .
	touch $(RUN_STAMP)

venv: $(STAMP)

$(DIST_STAMP): installers/requirements-release.txt
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_PY) -m pip install -q --require-hashes --no-deps -r installers/requirements-release.txt
	touch $(DIST_STAMP)

# As root, missing Debian/Ubuntu packages are installed with apt; otherwise the apt line is
# printed and make stops.
sysdeps:
	@PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh test

sysdeps-dist:
	@PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh dist

sysdeps-display:
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh display; \
	else PYTHON=$(PYTHON) bash installers/linux/ensure-system-libs.sh offscreen; fi

run: sysdeps-display $(RUN_STAMP)
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
	  echo "make run: there is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the"; \
	  echo "window can't open. Run it from a desktop session, or use the command line:"; \
	  echo "  $(VENV)/bin/swreflect --help"; exit 2; fi
	$(VENV)/bin/swreflect

# The release bundle and this platform's installer (see installers/README.md).
dist: sysdeps-dist $(DIST_STAMP)
	bash installers/build-dist.sh $(DIST_PY)

# The bundle and package checks .ci/run makes after `make test`.
dist-check: dist
	bash installers/check-dist.sh

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
	tests/vault/test_disk_full.py tests/vault/test_rollback.py tests/export/test_pdf_byte_flips.py

clean:
	rm -rf $(VENV) $(DIST_VENV) build dist *.egg-info
