# The built-in monthly customs rates are exactly what `fairport data import ecb` derives from the
# ECB's own history file (../shared/data/ecb/eurofxref-hist.zip): the dataset is reproducible
# from its source. Skips (prints "SKIP:") when the file is absent.
#   cmake -DPROGRAM=.. -DECB=.. -DBUILTIN=.. -DOUT=.. -P ecb_builtin_rates.cmake
if(NOT EXISTS "${ECB}")
  message("SKIP: the ECB history ${ECB} is absent")
  return()
endif()
execute_process(COMMAND "${PROGRAM}" data import ecb "${ECB}" --output "${OUT}"
  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "import failed (${_rc}): ${_err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}" "${BUILTIN}" RESULT_VARIABLE _diff)
if(NOT _diff EQUAL 0)
  message(FATAL_ERROR "${BUILTIN} differs from the rates derived from ${ECB} (${OUT})")
endif()
