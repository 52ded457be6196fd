# The libFuzzer targets (a clang build of their own: -DFAIRPORT_FUZZ_TARGETS=ON with
# CMAKE_CXX_COMPILER=clang++ and -fsanitize=fuzzer-no-link,address,undefined in the flags; see
# run_fuzz.cmake, which the test fuzz.each_target_for_a_while runs).
foreach(_t decimal_parse consignment dataset lines_csv)
  add_executable(${_t}_fuzz "${CMAKE_CURRENT_LIST_DIR}/${_t}_fuzz.cpp")
  target_link_libraries(${_t}_fuzz PRIVATE fairport::fairport nlohmann_json::nlohmann_json)
  target_link_options(${_t}_fuzz PRIVATE -fsanitize=fuzzer)
  target_include_directories(${_t}_fuzz PRIVATE "${PROJECT_SOURCE_DIR}/src")
endforeach()
target_link_libraries(lines_csv_fuzz PRIVATE fairport_cli_commands)
