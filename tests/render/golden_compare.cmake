# golden_compare.cmake: included by the golden-image scripts once ACTUAL is
# drawn: compares it with GOLDEN (image_compare, which writes DIFF on a
# mismatch and makes a new golden under FIBRELAB_REGENERATE_GOLDEN=1).
execute_process(COMMAND "${COMPARE}" "${ACTUAL}" "${GOLDEN}" "${DIFF}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "golden image mismatch: actual ${ACTUAL}, difference ${DIFF}, golden ${GOLDEN}")
endif()
