# The unit and command-line tests again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in a tree of their own (build/sanitize): a memory error, a leak or
# undefined behaviour anywhere they reach fails the suite.
if(FAIRPORT_SANITIZER_SUITE)
  add_test(NAME sanitize.address_and_undefined_behaviour
    COMMAND ${CMAKE_COMMAND} "-DSOURCE=${PROJECT_SOURCE_DIR}"
            "-DBUILD=${PROJECT_BINARY_DIR}/sanitize" "-DGENERATOR=${CMAKE_GENERATOR}"
            "-DCOMPILER=${CMAKE_CXX_COMPILER}" -P "${CMAKE_CURRENT_LIST_DIR}/run_sanitized.cmake")
  set_tests_properties(sanitize.address_and_undefined_behaviour PROPERTIES LABELS sanitize
    TIMEOUT 3000 RESOURCE_LOCK package_build)
endif()
