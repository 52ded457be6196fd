# Builds fairport with sanitizers in a tree of its own and runs tests there: any report of a
# sanitizer fails the run.
#   cmake -DSOURCE=.. -DBUILD=.. -DGENERATOR=.. -DCOMPILER=.. -DSANITIZERS=address,undefined
#         [-DTARGET=threads_test] -DTESTS_LABEL=regex | -DTESTS_NAME=regex -P run_sanitized.cmake
set(_flags "-fsanitize=${SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BUILD}" -G "${GENERATOR}"
          -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_COMPILER=${COMPILER}"
          "-DCMAKE_CXX_FLAGS=${_flags}" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=${SANITIZERS}"
          -DFAIRPORT_BUILD_PYTHON=OFF -DFAIRPORT_BUILD_BENCHMARKS=OFF -DFAIRPORT_INSTALL=OFF
          -DFAIRPORT_SANITIZER_SUITE=OFF
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "configuring the sanitizer build failed")
endif()
set(_target "")
if(TARGET)
  set(_target --target "${TARGET}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" -j 2 ${_target} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the sanitizer build failed")
endif()
set(ENV{ASAN_OPTIONS} "detect_leaks=1:halt_on_error=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
set(ENV{TSAN_OPTIONS} "halt_on_error=1")
if(TESTS_NAME)
  set(_select -R "${TESTS_NAME}")
else()
  set(_select -L "${TESTS_LABEL}")
endif()
execute_process(
  COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${BUILD}" ${_select} -j 2 --output-on-failure
          --no-tests=error
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "a test failed under -fsanitize=${SANITIZERS}")
endif()
