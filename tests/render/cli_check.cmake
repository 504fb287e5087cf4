# cli_check.cmake: runs fibrelab with -DARGS=a|b|c and checks the status and
# that a failure is exactly one line on stderr matching -DSTDERR_RE.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${EXE}" ${args} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(context "fibrelab ${ARGS}\n--- status: ${status}\n--- stdout:\n${out}\n--- stderr:\n${err}")
if(NOT "${status}" STREQUAL "${STATUS}")
  message(FATAL_ERROR "expected status ${STATUS}\n${context}")
endif()
if(NOT err MATCHES "^fibrelab: [^\n]+\n$")
  message(FATAL_ERROR "expected one line on stderr starting 'fibrelab: '\n${context}")
endif()
if(NOT err MATCHES "${STDERR_RE}")
  message(FATAL_ERROR "stderr does not match: ${STDERR_RE}\n${context}")
endif()
