option(ENABLE_SANITIZERS "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ENABLE_TSAN "Build with ThreadSanitizer (preset tsan); only the concurrency tests are built" OFF)
if(ENABLE_SANITIZERS AND ENABLE_TSAN)
  # The two runtimes cannot share a process.
  message(FATAL_ERROR "ENABLE_SANITIZERS (ASan+UBSan) and ENABLE_TSAN exclude each other")
endif()
add_library(project_sanitizers INTERFACE)
if(ENABLE_SANITIZERS)
  set(sanitizer_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(project_sanitizers INTERFACE ${sanitizer_flags}
    # g++ 12 reports false maybe-uninitialized warnings inside libstdc++ (std::function,
    # std::regex, std::variant) when sanitizers instrument the code; the release build keeps them.
    -Wno-maybe-uninitialized)
  target_link_options(project_sanitizers INTERFACE ${sanitizer_flags})
elseif(ENABLE_TSAN)
  # Everything compiled here is instrumented, Asio and Beast included (header-only); libstdc++,
  # SQLite and hiredis are not, so their internal accesses are invisible to TSan and only what
  # the pthread interceptors see orders them. tests/tsan.supp lists the known false positives.
  set(sanitizer_flags -fsanitize=thread -fno-omit-frame-pointer)
  target_compile_options(project_sanitizers INTERFACE ${sanitizer_flags}
    # Same false maybe-uninitialized warnings inside libstdc++ as with ASan.
    -Wno-maybe-uninitialized)
  target_link_options(project_sanitizers INTERFACE ${sanitizer_flags})
  # TSan does not model std::atomic_thread_fence (g++ fails with -Werror=tsan). Asio's only
  # fences are the ones around a handler's call (fenced_block); the hand-over of a handler to
  # another thread is ordered by the scheduler's mutex, which TSan sees, so they can go.
  target_compile_definitions(project_sanitizers INTERFACE BOOST_ASIO_DISABLE_FENCED_BLOCK)
endif()
