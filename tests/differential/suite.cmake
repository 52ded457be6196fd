# Differential test of fairport::decimal against Python's decimal. Label: differential.
# gen_cases.py runs at test time (fixture setup) with Debian's /usr/bin/python3, writing a seeded
# case file into the build tree; differential_test then checks every case.
set(FAIRPORT_DIFFERENTIAL_PYTHON "/usr/bin/python3" CACHE FILEPATH
    "Python interpreter (with the standard decimal module) for the decimal differential test")
set(FAIRPORT_DIFFERENTIAL_SEED "20240601" CACHE STRING "Seed of the decimal differential cases")
set(_fairport_diff_cases "${PROJECT_BINARY_DIR}/tests/differential/decimal_cases.txt")
file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/tests/differential")

add_executable(differential_test "${CMAKE_CURRENT_LIST_DIR}/differential_test.cpp")
target_link_libraries(differential_test PRIVATE fairport::fairport GTest::gtest)
fairport_set_warnings(differential_test)
target_compile_definitions(differential_test PRIVATE
  FAIRPORT_DIFFERENTIAL_CASES="${_fairport_diff_cases}")

add_test(NAME differential.decimal.generate
  COMMAND "${FAIRPORT_DIFFERENTIAL_PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/gen_cases.py"
          --seed ${FAIRPORT_DIFFERENTIAL_SEED} --count 120000 --out "${_fairport_diff_cases}")
set_tests_properties(differential.decimal.generate PROPERTIES
  FIXTURES_SETUP fairport_decimal_cases LABELS differential)
add_test(NAME differential.decimal COMMAND differential_test "${_fairport_diff_cases}")
set_tests_properties(differential.decimal PROPERTIES
  FIXTURES_REQUIRED fairport_decimal_cases LABELS differential)
