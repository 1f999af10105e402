# One static library per folder of src/ (a layer), linked to the layers it may call and
# no others. In builds without sanitizers each layer is also linked on its own as a shared
# object with --no-undefined, so a call that climbs to a layer it does not list fails the
# build instead of linking quietly through the executable.
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

function(add_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 layer "" "" "CALLS;SOURCES;LIBRARIES")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(zomato_${name} STATIC ${sources} ${layer_SOURCES})
  target_include_directories(zomato_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_compile_definitions(zomato_${name} PUBLIC BOOST_ASIO_NO_DEPRECATED)
  list(TRANSFORM layer_CALLS PREPEND zomato_ OUTPUT_VARIABLE called)
  target_link_libraries(zomato_${name} PUBLIC project_warnings project_sanitizers ${called} ${layer_LIBRARIES})
  if("Boost::headers" IN_LIST layer_LIBRARIES OR "net" IN_LIST layer_CALLS)
    set_target_properties(zomato_${name} PROPERTIES SKIP_NULL_DEREFERENCE_WARNING ON)  # see warnings.cmake
  endif()
  if(NOT ENABLE_SANITIZERS AND NOT ENABLE_TSAN AND NOT ENABLE_FUZZING)
    add_library(zomato_${name}_closed SHARED ${CMAKE_SOURCE_DIR}/cmake/empty.cpp)
    target_link_libraries(zomato_${name}_closed PRIVATE -Wl,--whole-archive zomato_${name} -Wl,--no-whole-archive
                          ${called} ${layer_LIBRARIES})
    target_link_options(zomato_${name}_closed PRIVATE -Wl,--no-undefined)
  endif()
endfunction()
