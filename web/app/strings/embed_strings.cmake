# Turns the string tables into C++, at build time (web/CMakeLists.txt runs it when a table changes):
#   text_keys.h        enum class Text: one value per key of en.json that is a C++ name (keys with
#                      a dot, e.g. "genre.Comedy" or the core's "import.file_empty", are looked up
#                      by name instead), and k_text_names with each value's key
#   string_tables.cpp  the four tables as raw string literals, parsed once by web/app/text.cpp
# cmake -DSTRINGS_DIR=web/app/strings -DOUT_DIR=<build dir> -P embed_strings.cmake
cmake_minimum_required(VERSION 3.20)
set(languages en fr es de)  # the order of ui::Language

file(READ ${STRINGS_DIR}/en.json english)
string(JSON count LENGTH "${english}")
math(EXPR last "${count} - 1")
set(values "")
set(names "")
foreach(i RANGE ${last})
  string(JSON key MEMBER "${english}" ${i})
  if(key MATCHES "^[a-z][a-z0-9_]*$")
    string(APPEND values "    ${key},\n")
    string(APPEND names "    \"${key}\",\n")
  endif()
endforeach()
file(WRITE ${OUT_DIR}/text_keys.h.new
  "// Generated from web/app/strings/en.json by embed_strings.cmake: do not edit.\n"
  "#pragma once\n\nnamespace cinelocal::ui {\n\n"
  "enum class Text : int {\n${values}    count_\n};\n\n"
  "inline constexpr const char* k_text_names[] = {\n${names}};\n\n"
  "}  // namespace cinelocal::ui\n")

set(tables "")
foreach(language ${languages})
  file(READ ${STRINGS_DIR}/${language}.json table)
  if(table MATCHES "\\)cinelocal_json\"")
    message(FATAL_ERROR "${language}.json holds the raw string's end marker")
  endif()
  string(APPEND tables "    R\"cinelocal_json(${table})cinelocal_json\",\n")
endforeach()
file(WRITE ${OUT_DIR}/string_tables.cpp.new
  "// Generated from web/app/strings/*.json by embed_strings.cmake: do not edit.\n"
  "#include <string_view>\n\nnamespace cinelocal::ui {\n\n"
  "extern const std::string_view k_string_tables[] = {\n${tables}};\n\n"
  "}  // namespace cinelocal::ui\n")

# Rewritten only when different: an unchanged header does not rebuild every screen.
foreach(file text_keys.h string_tables.cpp)
  file(COPY_FILE ${OUT_DIR}/${file}.new ${OUT_DIR}/${file} ONLY_IF_DIFFERENT)
  file(REMOVE ${OUT_DIR}/${file}.new)
endforeach()
