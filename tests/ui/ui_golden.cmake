# ui_golden.cmake: draws the interface with ui_shot and compares it with its golden.
#   -DSHOT=ui_shot -DCOMPARE=image_compare -DARGS=theme|scale|WxH [-DEXTRA=split]
#   -DACTUAL=out.png -DGOLDEN=golden.png -DDIFF=diff.png
file(REMOVE "${ACTUAL}" "${DIFF}")
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${SHOT}" ${args} "${ACTUAL}" ${EXTRA}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ui_shot failed (${status}):\n${out}\n${err}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../render/golden_compare.cmake)
