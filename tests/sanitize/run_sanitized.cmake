# Builds fairport with AddressSanitizer and UndefinedBehaviorSanitizer in a tree of its own and
# runs its unit and command-line tests there: any report of either sanitizer fails the run.
#   cmake -DSOURCE=.. -DBUILD=.. -DGENERATOR=.. -DCOMPILER=.. -P run_sanitized.cmake
set(_flags "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BUILD}" -G "${GENERATOR}"
          -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_COMPILER=${COMPILER}"
          "-DCMAKE_CXX_FLAGS=${_flags}" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
          -DFAIRPORT_BUILD_PYTHON=OFF -DFAIRPORT_BUILD_BENCHMARKS=OFF -DFAIRPORT_INSTALL=OFF
          -DFAIRPORT_SANITIZER_SUITE=OFF
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "configuring the sanitizer build failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" -j 2 RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the sanitizer build failed")
endif()
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=0:halt_on_error=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
execute_process(
  COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${BUILD}" -L "^(unit|cli)$" -j 2 --output-on-failure
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "a unit or CLI test failed under AddressSanitizer/UBSan")
endif()
