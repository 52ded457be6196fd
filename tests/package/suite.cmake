# Package tests: fairport consumed three ways (find_package from a staged install,
# add_subdirectory, FetchContent with a local SOURCE_DIR). Each builds tests/package/<kind> with
# ctest --build-and-test and runs the consumer, which must print the exact figure.
set(_pkg_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_stage "${PROJECT_BINARY_DIR}/package-stage")
add_test(NAME package.stage_install
  COMMAND ${CMAKE_COMMAND} --install "${PROJECT_BINARY_DIR}" --prefix "${_stage}")
set_tests_properties(package.stage_install PROPERTIES LABELS package FIXTURES_SETUP fairport_stage)

set(_generator_args --build-generator "${CMAKE_GENERATOR}")
foreach(_kind find_package add_subdirectory fetch_content)
  set(_extra "")
  if(_kind STREQUAL "find_package")
    set(_extra "-DCMAKE_PREFIX_PATH=${_stage}")
  endif()
  add_test(NAME package.${_kind}
    COMMAND ${CMAKE_CTEST_COMMAND}
      --build-and-test "${_pkg_dir}/${_kind}" "${PROJECT_BINARY_DIR}/package-${_kind}"
      ${_generator_args}
      --build-options "-DFAIRPORT_SOURCE_DIR=${PROJECT_SOURCE_DIR}" ${_extra}
        "-DCMAKE_BUILD_TYPE=Release"
      --test-command "${PROJECT_BINARY_DIR}/package-${_kind}/consumer")
  set_tests_properties(package.${_kind} PROPERTIES LABELS package
    PASS_REGULAR_EXPRESSION "[\r\n]37\\.04[\r\n]" TIMEOUT 600 RESOURCE_LOCK package_build)
  if(_kind STREQUAL "find_package")
    set_tests_properties(package.${_kind} PROPERTIES FIXTURES_REQUIRED fairport_stage)
  endif()
endforeach()
