# The README's two commands are `make run` and `make test`; both set up what is missing first.
.PHONY: setup configure build run test test-release test-asan test-tsan test-fuzz bench clean

setup:
	@scripts/setup.sh

configure: setup
	@cmake --preset release >/dev/null

build: configure
	@cmake --build --preset release --target zomato-api

run: build
	./build/release/zomato-api

test-release: configure
	@cmake --build --preset release
	ctest --preset release

test-asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan
	ctest --preset asan

# ThreadSanitizer over the concurrency tests only (tests/CMakeLists.txt lists them).
test-tsan: setup
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan
	ctest --preset tsan

test-fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz
	ctest --preset fuzz

test: test-release test-asan test-tsan test-fuzz

bench: build
	bench/run.sh

clean:
	rm -rf build
