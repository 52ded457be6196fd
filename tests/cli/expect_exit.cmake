# Runs PROGRAM with ARGS (separated by "|") and checks its exit status (EXIT) and that its
# standard output plus standard error match REGEX. INPUT, when given, is the program's standard
# input; ABSENT, when given, is a path that must not exist afterwards (nothing written on error;
# it is removed first).
#   cmake -DPROGRAM=.. "-DARGS=a|b" -DEXIT=1 -DREGEX=... [-DINPUT=file] [-DABSENT=path] -P expect_exit.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
if(DEFINED ABSENT)
  file(REMOVE "${ABSENT}")
endif()
if(DEFINED INPUT)
  execute_process(COMMAND "${PROGRAM}" ${ARGS} INPUT_FILE "${INPUT}" OUTPUT_VARIABLE _out
    ERROR_VARIABLE _err RESULT_VARIABLE _rc)
else()
  execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE _out ERROR_VARIABLE _err
    RESULT_VARIABLE _rc)
endif()
if(NOT _rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit status ${_rc}, expected ${EXIT}\n${_out}\n${_err}")
endif()
if(DEFINED REGEX AND NOT "${_out}${_err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match ${REGEX}:\n${_out}\n${_err}")
endif()
if(DEFINED ABSENT AND EXISTS "${ABSENT}")
  message(FATAL_ERROR "${ABSENT} was written although the command failed")
endif()
