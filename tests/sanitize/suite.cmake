# Tests again under sanitizers, each in a build tree of its own: the unit and command-line tests
# with AddressSanitizer and UndefinedBehaviorSanitizer (build/sanitize), and the test that
# shares one reference data and one checker across eight threads with ThreadSanitizer
# (build/sanitize-thread). A memory error, a leak, undefined behaviour or a data race fails them.
if(FAIRPORT_SANITIZER_SUITE)
  set(_common "-DSOURCE=${PROJECT_SOURCE_DIR}" "-DGENERATOR=${CMAKE_GENERATOR}"
              "-DCOMPILER=${CMAKE_CXX_COMPILER}")
  add_test(NAME sanitize.address_and_undefined_behaviour
    COMMAND ${CMAKE_COMMAND} ${_common} "-DBUILD=${PROJECT_BINARY_DIR}/sanitize"
            -DSANITIZERS=address,undefined "-DTESTS_LABEL=^(unit|cli)$"
            -P "${CMAKE_CURRENT_LIST_DIR}/run_sanitized.cmake")
  add_test(NAME sanitize.thread
    COMMAND ${CMAKE_COMMAND} ${_common} "-DBUILD=${PROJECT_BINARY_DIR}/sanitize-thread"
            -DSANITIZERS=thread -DTARGET=threads_test "-DTESTS_NAME=^Threads\\."
            -P "${CMAKE_CURRENT_LIST_DIR}/run_sanitized.cmake")
  set_tests_properties(sanitize.address_and_undefined_behaviour sanitize.thread PROPERTIES
    LABELS sanitize TIMEOUT 3000 RESOURCE_LOCK package_build)
endif()

# The libFuzzer targets (tests/fuzz/): built with clang in build/fuzz, the regression inputs
# run, then each target fuzzed for FAIRPORT_FUZZ_SECONDS (longer runs: tests/fuzz/fuzz.sh).
if(FAIRPORT_FUZZ_SUITE)
  add_test(NAME fuzz.each_target_for_a_while
    COMMAND ${CMAKE_COMMAND} "-DSOURCE=${PROJECT_SOURCE_DIR}" "-DGENERATOR=${CMAKE_GENERATOR}"
            "-DBUILD=${PROJECT_BINARY_DIR}/fuzz" "-DSECONDS=${FAIRPORT_FUZZ_SECONDS}"
            -P "${PROJECT_SOURCE_DIR}/tests/fuzz/run_fuzz.cmake")
  set_tests_properties(fuzz.each_target_for_a_while PROPERTIES LABELS sanitize TIMEOUT 3000
    RESOURCE_LOCK package_build SKIP_REGULAR_EXPRESSION "SKIP: ")
endif()
