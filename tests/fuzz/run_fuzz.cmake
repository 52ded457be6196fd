# Builds the libFuzzer targets with clang (AddressSanitizer, UndefinedBehaviorSanitizer) in a tree
# of their own and runs each: first every input of tests/fuzz/regressions/<target>/ (the crashes
# found so far, which must pass), then SECONDS of fuzzing from a seed corpus of the shipped
# examples, data and CSV files. A finding fails the run and names the input to add to
# tests/fuzz/regressions/<target>/.
#   cmake -DSOURCE=.. -DBUILD=.. -DGENERATOR=.. [-DCLANG=clang++] [-DSECONDS=60]
#         [-DTARGETS=decimal_parse;consignment;dataset;lines_csv] -P run_fuzz.cmake
if(NOT CLANG)
  find_program(CLANG NAMES clang++ clang++-14)
endif()
if(NOT CLANG)
  message("SKIP: no clang++ to build the libFuzzer targets (Debian package clang)")
  return()
endif()
if(NOT SECONDS)
  set(SECONDS 60)
endif()
if(NOT TARGETS)
  set(TARGETS decimal_parse consignment dataset lines_csv)
endif()
set(_flags "-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BUILD}" -G "${GENERATOR}"
          -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_COMPILER=${CLANG}" "-DCMAKE_CXX_FLAGS=${_flags}"
          "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
          -DFAIRPORT_FUZZ_TARGETS=ON -DFAIRPORT_BUILD_TESTS=OFF -DFAIRPORT_BUILD_PYTHON=OFF
          -DFAIRPORT_BUILD_BENCHMARKS=OFF -DFAIRPORT_INSTALL=OFF -DFAIRPORT_SANITIZER_SUITE=OFF
          -DFAIRPORT_FUZZ_SUITE=OFF
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz build failed")
endif()
set(_build_targets "")
foreach(_t IN LISTS TARGETS)
  list(APPEND _build_targets --target ${_t}_fuzz)
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" -j 2 ${_build_targets}
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the fuzz build failed")
endif()

# Seeds: what fairport ships, so that the fuzzer starts from documents that get far.
function(seed_dirs target out)
  set(_d "")
  if(target STREQUAL "consignment")
    list(APPEND _d "${SOURCE}/src/examples" "${SOURCE}/tests/cli/user_data")
  elseif(target STREQUAL "dataset")
    list(APPEND _d "${SOURCE}/tests/data/invalid_datasets" "${SOURCE}/tests/cli/user_data"
                   "${SOURCE}/src/data/un" "${SOURCE}/src/data/icc")
  elseif(target STREQUAL "lines_csv")
    list(APPEND _d "${BUILD}/seeds/lines_csv")
    file(MAKE_DIRECTORY "${BUILD}/seeds/lines_csv")
    file(GLOB _csv "${SOURCE}/tests/cli/*.csv")
    file(COPY ${_csv} DESTINATION "${BUILD}/seeds/lines_csv")
  endif()
  if(EXISTS "${SOURCE}/tests/fuzz/seeds/${target}")
    list(APPEND _d "${SOURCE}/tests/fuzz/seeds/${target}")
  endif()
  set(${out} "${_d}" PARENT_SCOPE)
endfunction()

set(ENV{ASAN_OPTIONS} "detect_leaks=1:halt_on_error=1:allocator_may_return_null=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
foreach(_t IN LISTS TARGETS)
  set(_exe "${BUILD}/${_t}_fuzz")
  file(GLOB _regressions "${SOURCE}/tests/fuzz/regressions/${_t}/*")
  if(_regressions)
    execute_process(COMMAND "${_exe}" ${_regressions} RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "${_t}: a regression input of tests/fuzz/regressions/${_t}/ fails again")
    endif()
  endif()
  set(_corpus "${BUILD}/corpus/${_t}")
  set(_artifacts "${BUILD}/artifacts/${_t}")
  file(MAKE_DIRECTORY "${_corpus}" "${_artifacts}")
  seed_dirs(${_t} _seeds)
  set(_dict "")
  if(EXISTS "${SOURCE}/tests/fuzz/${_t}.dict")
    set(_dict "-dict=${SOURCE}/tests/fuzz/${_t}.dict")
  endif()
  execute_process(
    COMMAND "${_exe}" -max_total_time=${SECONDS} -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
            -artifact_prefix=${_artifacts}/ ${_dict} "${_corpus}" ${_seeds}
    RESULT_VARIABLE _rc ERROR_VARIABLE _log)
  string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" _runs "${_log}")
  message(STATUS "${_t}: ${SECONDS} s, ${_runs}")
  if(NOT _rc EQUAL 0)
    string(LENGTH "${_log}" _n)
    math(EXPR _from "${_n} - 6000")
    if(_from LESS 0)
      set(_from 0)
    endif()
    string(SUBSTRING "${_log}" ${_from} -1 _tail)
    message(FATAL_ERROR "${_t}: the fuzzer found an input that fails (in ${_artifacts}/); add it "
                        "to tests/fuzz/regressions/${_t}/ with the fix\n${_tail}")
  endif()
endforeach()
