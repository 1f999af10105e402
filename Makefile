# The README's two commands are `make run` and `make test`; both set up what is missing first.
.PHONY: setup configure build run test test-release test-asan test-tsan test-fuzz tidy bench clean

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

# clang-tidy over src/ with the release build's compile database (also the ctest style.clang_tidy
# when ENABLE_TIDY_TEST is on); files unchanged since they last passed are skipped.
tidy: configure
	scripts/clang-tidy.sh build/release

test: test-release test-asan test-tsan test-fuzz

bench: build
	bench/run.sh

clean:
	rm -rf build
