# Turns <dir>/NNNN_name.sql into a C++ table compiled into the binary (the function
# store::<engine>::embedded_migrations()), so the server never depends on its working directory
# to find its schema.
function(embed_migrations dir output engine)
  file(GLOB migration_files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT migration_files)
  set(entries "")
  foreach(path IN LISTS migration_files)
    get_filename_component(file_name ${path} NAME_WE)
    string(REGEX MATCH "^([0-9]+)_(.*)$" _ ${file_name})
    set(name ${CMAKE_MATCH_2})
    # "0008" would be an (invalid) octal literal: the version goes without its leading zeros.
    math(EXPR version "${CMAKE_MATCH_1}")
    file(READ ${path} sql)
    string(APPEND entries "    {${version}, \"${name}\", R\"__sql__(${sql})__sql__\"},\n")
  endforeach()
  file(CONFIGURE OUTPUT ${output} CONTENT
"#include \"store/${engine}/migrations.hpp\"\n\nnamespace zomato::store::${engine} {\n\nconst std::vector<migration>& embedded_migrations() {\n  static const std::vector<migration> all{\n${entries}  };\n  return all;\n}\n\n}  // namespace zomato::store::${engine}\n")
endfunction()
