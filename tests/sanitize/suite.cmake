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
