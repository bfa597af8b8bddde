# diplograph — see README.md. `make demo` and `make test` are the two
# commands a newcomer needs; both install what is missing (scripts/prereqs.sh).
GO      ?= go
BIN     := bin/diplograph
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/diplograph/diplograph/internal/build.Version=$(VERSION)

.PHONY: all build test lint demo clean stop

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/diplograph

# vet, unit and integration tests (real Neo4j) with -race, short fuzzing.
test:
	bash scripts/test.sh

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Start the local Neo4j, ingest the seed articles, print an alliance summary
# and how to open Neo4j Browser.
demo: build
	bash scripts/prereqs.sh
	$(BIN) neo4j start
	$(BIN) init
	$(BIN) ingest testdata/seeds
	$(BIN) query alliance-summary
	$(BIN) browser

stop:
	$(BIN) neo4j stop

clean:
	rm -rf bin
