# Runs PROGRAM with ARGS (separated by "|") and checks its exit status (EXIT) and that its
# standard output plus standard error match REGEX.
#   cmake -DPROGRAM=.. "-DARGS=a|b" -DEXIT=1 -DREGEX=... -P expect_exit.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE _out ERROR_VARIABLE _err
  RESULT_VARIABLE _rc)
if(NOT _rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit status ${_rc}, expected ${EXIT}\n${_out}\n${_err}")
endif()
if(DEFINED REGEX AND NOT "${_out}${_err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match ${REGEX}:\n${_out}\n${_err}")
endif()
