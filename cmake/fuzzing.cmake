# The fuzz build (preset "fuzz", clang): every object is instrumented for libFuzzer's
# coverage and checked by AddressSanitizer and UndefinedBehaviorSanitizer; only the fuzz
# targets link libFuzzer's main.
option(ENABLE_FUZZING "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(ENABLE_FUZZING)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ENABLE_FUZZING needs clang (the fuzz preset uses clang++-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # Clang 14 with libstdc++ 12 needs Asio told that coroutines are there.
  add_compile_definitions(BOOST_ASIO_HAS_CO_AWAIT=1 BOOST_ASIO_HAS_STD_COROUTINE=1)
endif()

# Clang 14 cannot emit UBSan's checks inside coroutine frames ("Cannot represent a difference
# across sections"): the file that holds the server's coroutines goes without them there.
function(exempt_coroutines_from_ubsan)
  if(ENABLE_FUZZING)
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS -fno-sanitize=undefined)
  endif()
endfunction()
