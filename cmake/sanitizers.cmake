option(ENABLE_SANITIZERS "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(project_sanitizers INTERFACE)
if(ENABLE_SANITIZERS)
  set(sanitizer_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(project_sanitizers INTERFACE ${sanitizer_flags}
    # g++ 12 reports false maybe-uninitialized warnings inside libstdc++ (std::function,
    # std::regex, std::variant) when sanitizers instrument the code; the release build keeps them.
    -Wno-maybe-uninitialized)
  target_link_options(project_sanitizers INTERFACE ${sanitizer_flags})
endif()
