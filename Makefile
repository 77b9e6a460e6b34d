# Rapport: `make run` to use it, `make test` to check it, `make bench` to measure it.
SWIFT ?= swift
RELEASE_BIN = .build/release
NEED = .ci/need

.PHONY: run test bench bench-scale soak fuzz build toolchain clean

## run: build the release binary and start rapport on the default log
run: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev
	$(SWIFT) build -c release --product rapport
	$(RELEASE_BIN)/rapport $(ARGS)

## test: build and run every test (the screen tests drive the binary in tmux)
test: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev cmd:tmux tmux cmd:pgrep procps cmd:flock util-linux
	$(SWIFT) build --build-tests
	RAPPORT_BIN_DIR="$$($(SWIFT) build --show-bin-path)" $(SWIFT) test
	@# The screen tests stop every tmux server they start; this proves it.
	@# (Anchored, so that the pattern does not match this shell's own command line.)
	@if pgrep -f '^[^ ]*tmux -L rapport-test-' >/dev/null; then \
		echo "tmux servers left running by the tests:"; pgrep -af '^[^ ]*tmux -L rapport-test-'; \
		pkill -KILL -f '^[^ ]*tmux -L rapport-test-'; exit 1; fi

## bench: build release and print the benchmark figures (BENCH_ARGS=--json for JSON only)
bench: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev cmd:sqlite3 sqlite3 cmd:task taskwarrior cmd:tmux tmux
	$(SWIFT) build -c release --product rapport
	$(SWIFT) build -c release --product rapport-bench
	$(RELEASE_BIN)/rapport-bench $(BENCH_ARGS)

## bench-scale: the new-process figures at 10k, 100k and 1M customers (SCALE_SIZES=10000,100000 for fewer); logs kept in .build/bench
bench-scale: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev cmd:tmux tmux
	$(SWIFT) build -c release --product rapport
	$(SWIFT) build -c release --product rapport-bench
	$(RELEASE_BIN)/rapport-bench --scale $${SCALE_SIZES:-10000,100000,1000000} $(BENCH_ARGS)

## soak: the screen for SOAK_MINUTES (20) on the 100k demo while another process appends 20 events a second
soak: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev cmd:tmux tmux
	$(SWIFT) build -c release --product rapport
	$(SWIFT) build -c release --product rapport-bench
	$(RELEASE_BIN)/rapport-bench --soak $${SOAK_MINUTES:-20} $(BENCH_ARGS)

## fuzz: the parsers' fuzz tests for much longer (FUZZ_ROUNDS, FUZZ_SEED to vary)
fuzz: toolchain
	$(NEED) cmd:pkg-config pkg-config pc:ncursesw libncursesw5-dev pc:libxxhash libxxhash-dev
	$(SWIFT) build --build-tests
	FUZZ_ROUNDS=$${FUZZ_ROUNDS:-300000} FUZZ_SEED=$${FUZZ_SEED:-$$(date +%s)} $(SWIFT) test --skip-build --filter 'Fuzz'

toolchain:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "Swift is not on PATH: install the Swift toolchain (https://swift.org/install) and retry"; exit 1; }

clean:
	rm -rf .build .build-*
