# The shared origin cases (../shared/data/gsp/eu_gsp_origin_cases.json, written from Delegated
# Regulation (EU) 2015/2446 and Regulation (EU) No 978/2012): every case gives its expected
# verdict. The file is not part of fairport; the test skips with a message when it is absent.
add_executable(shared_origin_cases_test "${CMAKE_CURRENT_LIST_DIR}/shared_origin_cases_test.cpp")
target_link_libraries(shared_origin_cases_test PRIVATE fairport::fairport GTest::gtest_main
  GTest::gmock nlohmann_json::nlohmann_json)
fairport_set_warnings(shared_origin_cases_test)
target_compile_definitions(shared_origin_cases_test PRIVATE
  FAIRPORT_SHARED_CASES="${PROJECT_SOURCE_DIR}/../shared/data/gsp/eu_gsp_origin_cases.json")
gtest_discover_tests(shared_origin_cases_test PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)

# The built-in customs exchange rates re-derived from the ECB's history file (skips without it).
if(TARGET fairport_cli)
  add_test(NAME shared.ecb_builtin_rates_are_derived_from_the_ecb_file
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:fairport_cli>
            "-DECB=${PROJECT_SOURCE_DIR}/../shared/data/ecb/eurofxref-hist.zip"
            "-DBUILTIN=${PROJECT_SOURCE_DIR}/src/data/fx/eu_customs_exchange_rates.json"
            "-DOUT=${PROJECT_BINARY_DIR}/eu_customs_exchange_rates.from_ecb.json"
            -P "${CMAKE_CURRENT_LIST_DIR}/ecb_builtin_rates.cmake")
  set_tests_properties(shared.ecb_builtin_rates_are_derived_from_the_ecb_file PROPERTIES
    LABELS data SKIP_REGULAR_EXPRESSION "SKIP: ")
endif()
