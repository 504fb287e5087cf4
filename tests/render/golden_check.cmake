# golden_check.cmake: renders one state headless and compares it with its golden.
#   -DEXE=fibrelab -DCOMPARE=image_compare -DLESSON=name -DSCRIPT=file
#   -DACTUAL=out.png -DGOLDEN=golden.png -DDIFF=diff.png -DSIZE=640x360
file(REMOVE "${ACTUAL}" "${DIFF}")
execute_process(COMMAND "${EXE}" --headless --lesson "${LESSON}" --script "${SCRIPT}"
                        --screenshot "${ACTUAL}" --size "${SIZE}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "fibrelab failed (${status}):\n${out}\n${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "expected nothing on stderr:\n${err}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)
