# General Decimal Arithmetic conformance (decTest) for fairport::decimal. Label: conformance.
# The decTest files come from Debian's libpython3.11-testsuite; override the location with
# -DFAIRPORT_DECTEST_DIR=<dir>.
set(FAIRPORT_DECTEST_DIR "" CACHE PATH "Directory holding the General Decimal Arithmetic *.decTest files")
if(NOT FAIRPORT_DECTEST_DIR)
  find_path(_fairport_dectest_dir add.decTest
    PATHS /usr/lib/python3.11/test/decimaltestdata
          /usr/lib/python3/test/decimaltestdata
    NO_DEFAULT_PATH)
  if(_fairport_dectest_dir)
    set(FAIRPORT_DECTEST_DIR "${_fairport_dectest_dir}" CACHE PATH
        "Directory holding the General Decimal Arithmetic *.decTest files" FORCE)
  endif()
endif()
if(NOT FAIRPORT_DECTEST_DIR OR NOT EXISTS "${FAIRPORT_DECTEST_DIR}/add.decTest")
  message(FATAL_ERROR
    "fairport's decimal conformance suite needs the General Decimal Arithmetic decTest files, "
    "which were not found in /usr/lib/python3.11/test/decimaltestdata. Install them with "
    "'apt-get install -y libpython3.11-testsuite', or pass -DFAIRPORT_DECTEST_DIR=<dir>.")
endif()
message(STATUS "fairport: decTest files in ${FAIRPORT_DECTEST_DIR}")

add_executable(dectest_test "${CMAKE_CURRENT_LIST_DIR}/dectest_test.cpp")
target_link_libraries(dectest_test PRIVATE fairport::fairport GTest::gtest_main)
fairport_set_warnings(dectest_test)
target_compile_definitions(dectest_test PRIVATE FAIRPORT_DECTEST_DIR="${FAIRPORT_DECTEST_DIR}")
# One process for the whole suite, so that it can print one table and check the total count.
add_test(NAME conformance.dectest COMMAND dectest_test)
set_tests_properties(conformance.dectest PROPERTIES LABELS conformance)
