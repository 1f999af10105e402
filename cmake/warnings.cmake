add_library(project_warnings INTERFACE)
target_compile_options(project_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
  -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation -Wno-missing-field-initializers
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wlogical-op>)

# The conversion warnings of cpp-best-practices/cmake_template that are cheap here. Boost,
# SQLite, hiredis and nlohmann_json come from /usr/include, a system directory, so their own
# headers do not warn.
option(STRICT_CONVERSIONS "Warn (as errors) on implicit narrowing and sign conversions, C casts and null dereferences" ON)
if(STRICT_CONVERSIONS)
  target_compile_options(project_warnings INTERFACE
    -Wconversion -Wsign-conversion -Wold-style-cast
    # g++ finds null dereferences after inlining (so mostly at -O2) and reports them even in a
    # system header once inlined into our code: Asio's scheduler (compensating_work_started, in
    # every file that runs its loops) and nlohmann::json::value (used by the tests) give false
    # ones. Targets with the property SKIP_NULL_DEREFERENCE_WARNING go without it: add_layer
    # sets it on the layers that link Asio or call net, tests/CMakeLists.txt on the tests.
    $<$<NOT:$<BOOL:$<TARGET_PROPERTY:SKIP_NULL_DEREFERENCE_WARNING>>>:-Wnull-dereference>)
endif()
