# README examples run as tests: the ```cpp block of README.md that has a main() is extracted at
# configure time, compiled against fairport, run, and its output compared line by line with the
# "// Output:" comment at the end of the block.
set(_readme "${PROJECT_SOURCE_DIR}/README.md")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_readme}")
file(READ "${_readme}" _readme_text)
# CMake lists split on ";": hide semicolons while the blocks are cut out.
string(REPLACE ";" "@SEMICOLON@" _readme_text "${_readme_text}")
string(REGEX MATCHALL "```cpp\n[^`]*```" _blocks "${_readme_text}")
set(_n 0)
foreach(_block IN LISTS _blocks)
  if(NOT _block MATCHES "int main\\(")
    continue()
  endif()
  string(REGEX REPLACE "^```cpp\n" "" _code "${_block}")
  string(REGEX REPLACE "```$" "" _code "${_code}")
  string(REPLACE "@SEMICOLON@" ";" _code "${_code}")
  set(_src "${PROJECT_BINARY_DIR}/readme/readme_example_${_n}.cpp")
  file(WRITE "${_src}.tmp" "${_code}")
  file(COPY_FILE "${_src}.tmp" "${_src}" ONLY_IF_DIFFERENT)
  # expected output: the comment lines after "// Output:"
  string(REGEX MATCH "// Output:\n(.*)" _ "${_code}")
  set(_expected "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "(^|\n)// ?" "\\1" _expected "${_expected}")
  string(STRIP "${_expected}" _expected)
  file(WRITE "${PROJECT_BINARY_DIR}/readme/readme_example_${_n}.expected" "${_expected}\n")
  add_executable(readme_example_${_n} "${_src}")
  target_link_libraries(readme_example_${_n} PRIVATE fairport::fairport)
  add_test(NAME readme.cpp_example_${_n}
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:readme_example_${_n}>
            -DEXPECTED=${PROJECT_BINARY_DIR}/readme/readme_example_${_n}.expected
            -P "${CMAKE_CURRENT_LIST_DIR}/run_and_compare.cmake")
  set_tests_properties(readme.cpp_example_${_n} PROPERTIES LABELS "readme;unit")
  math(EXPR _n "${_n} + 1")
endforeach()
if(_n EQUAL 0)
  message(FATAL_ERROR "README.md has no ```cpp example with a main(): the README example test needs one")
endif()

# The README's two commands: the test command is the one .ci/run executes.
add_test(NAME readme.ci_runs_the_readme_test_command
  COMMAND bash -c "grep -qE '^\\./\\.ci/setup && ctest ' '${_readme}' && grep -q 'README.md' '${PROJECT_SOURCE_DIR}/.ci/run'")
set_tests_properties(readme.ci_runs_the_readme_test_command PROPERTIES LABELS readme)
