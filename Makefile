# Two entry points for a fresh Debian machine: `make demo` and `make test`.
# Each installs what it needs first (libedit-dev; the HAR validators for the tests).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: demo test deps test-deps build release bench demo-recording sim fuzz interop

## Open the shell on the bundled demo recording (no network, no token), with its account history.
demo: deps
	$(SWIFT) build --product vitally-shell
	.build/debug/vitally-shell --replay recordings/demo.har --observations recordings/demo-history.sqlite

## Build everything and run every test (unit, loopback, replay, pseudo-terminal).
test: deps test-deps
	$(SWIFT) build --build-tests
	# One test at a time: the PTY, kill -9 and retry tests have wall-clock windows that two cores
	# shared by parallel suites could miss.
	$(SWIFT) test --skip-build --no-parallel

## libedit's and SQLite's headers and pkg-config files, installed with apt when missing.
deps:
	@pkg-config --exists libedit 2>/dev/null || { \
	  echo "Installing libedit-dev (needed by the line editor)..."; \
	  $(APT) update -qq && $(APT) install -y -qq libedit-dev pkg-config >/dev/null; }
	@pkg-config --exists sqlite3 2>/dev/null || { \
	  echo "Installing libsqlite3-dev (needed by the history store, through GRDB)..."; \
	  $(APT) update -qq && $(APT) install -y -qq libsqlite3-dev pkg-config >/dev/null; }

## The HAR 1.2 JSON schema (Debian), the Python validators used by the recording tests, the
## official MCP Python SDK (the client of the `vitally-shell mcp` tests), and Chromium (Debian)
## for the browser test of `coverage --html`.
test-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium (renders the --html report in the browser test)..."; \
	  { $(APT) update -qq && $(APT) install -y -qq chromium >/dev/null; } \
	    || echo "chromium could not be installed: the browser test of --html will be skipped"; }
	@[ -f /usr/share/nodejs/har-schema/lib/har.json ] || { \
	  echo "Installing node-har-schema (HAR 1.2 JSON schema)..."; \
	  $(APT) update -qq && $(APT) install -y -qq node-har-schema >/dev/null; }
	@python3 -c "import jsonschema, haralyzer" 2>/dev/null || { \
	  echo "Installing jsonschema and haralyzer from PyPI..."; \
	  python3 -m pip --version >/dev/null 2>&1 || $(APT) install -y -qq python3-pip >/dev/null; \
	  python3 -m pip install -q jsonschema haralyzer 2>/dev/null \
	    || python3 -m pip install -q --break-system-packages jsonschema haralyzer; }
	@python3 -c "import mcp" 2>/dev/null || { \
	  echo "Installing the MCP Python SDK (mcp) from PyPI..."; \
	  python3 -m pip --version >/dev/null 2>&1 || $(APT) install -y -qq python3-pip >/dev/null; \
	  python3 -m pip install -q mcp 2>/dev/null || python3 -m pip install -q --break-system-packages mcp; }

build: deps
	$(SWIFT) build

## The binary to install: release, with the Swift runtime and Foundation linked in (it starts in
## about 10 ms instead of 20: no dynamic loading of a dozen Swift libraries), at .build/release/vitally-shell.
RELEASE := -c release --static-swift-stdlib
release: deps
	$(SWIFT) build $(RELEASE) --product vitally-shell

## Benchmarks, each a whole vitally-shell process of the `make release` build (or the exact call it makes), with its goal.
bench: release
	$(SWIFT) build $(RELEASE) --product vitally-bench
	"$$($(SWIFT) build $(RELEASE) --show-bin-path)/vitally-bench"

## Re-make recordings/demo.har and demo-history.sqlite against vitally-sim, then the golden files replayed from them.
demo-recording: deps test-deps
	scripts/make-demo-recording.sh
	$(SWIFT) build --build-tests
	-VITALLY_RECORD_GOLDEN=1 $(SWIFT) test --skip-build --filter GoldenTests
	$(SWIFT) test --skip-build --filter GoldenTests

## Run the simulator on port 8080 with token sk_live_demo.
sim:
	$(SWIFT) run vitally-sim --port 8080 --token sk_live_demo

## Fuzz the JSON parser, HAR reader, command line, .ics reader and scrubber (libFuzzer; FUZZ_RUNS per target).
FUZZ_RUNS ?= 1000000
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_RUNS=$(FUZZ_RUNS) scripts/fuzz.sh $(FUZZ_TARGETS)

## Airbyte's published source-vitally connector (PyPI, into .interop/) against vitally-sim and
## against recordings/demo.har served as a tenant: records and pages per stream. Not part of `make test`.
interop: deps
	$(SWIFT) build --product vitally-sim
	SIM="$$($(SWIFT) build --show-bin-path)/vitally-sim" scripts/interop.sh
