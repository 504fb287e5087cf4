# save_report.cmake: fibrelab --headless ... --save-report DIR on the command
# line: the page and the CSV are written and named on stdout; the CSV has
# its header and a row every 0.1 s, and agrees with the JSON report; an
# unwritable DIR gives one line, status 1 and no file.
#   cmake -DEXE=fibrelab -DOUT=dir -P save_report.cmake
set(lesson upper-trapezius-active)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(dir "${OUT}/reports")
execute_process(COMMAND ${EXE} --headless --lesson ${lesson} --report "${OUT}/r.json" --save-report "${dir}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(html "${dir}/fibrelab-${lesson}-seed1.html")
set(csv "${dir}/fibrelab-${lesson}-seed1.csv")
if(NOT status EQUAL 0 OR NOT err STREQUAL "" OR NOT out STREQUAL "report: ${html}\ntime series: ${csv}\n")
  message(FATAL_ERROR "status ${status}\nstdout:\n${out}\nstderr:\n${err}")
endif()

file(READ "${OUT}/r.json" report)
string(JSON time GET "${report}" sim_time_s)
string(JSON released GET "${report}" adhesions_released)
string(JSON steps LENGTH "${report}" steps)
file(STRINGS "${csv}" rows)
list(LENGTH rows count)
list(GET rows 0 header)
list(GET rows -1 last)
string(REPLACE "," ";" last "${last}")
list(GET last 0 last_time)
list(GET last 5 last_released)
math(EXPR want "${time} * 10 + 2") # the header, then 0, 0.1, ... the end
if(NOT header STREQUAL "time_s,joint_deg,tension_n,pain_0_10,tone_0_1,adhesions_released,lock_on,pressure_kpa")
  message(FATAL_ERROR "CSV header: ${header}")
endif()
if(NOT count EQUAL want OR NOT last_released EQUAL released OR NOT last_time EQUAL time)
  message(FATAL_ERROR "CSV: ${count} lines (want ${want}), last row at ${last_time} s with ${last_released} released; "
                      "the report: ${time} s, ${released} released")
endif()
file(READ "${html}" page)
foreach(want "Steps: ${steps} of ${steps} done" "<svg" "not medical advice" "Chronic pain" "${released} of ")
  string(FIND "${page}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "the page has no \"${want}\"")
  endif()
endforeach()

# a DIR that cannot be made: one line, status 1, nothing written
file(WRITE "${OUT}/a-file" "")
execute_process(COMMAND ${EXE} --headless --lesson ${lesson} --save-report "${OUT}/a-file/reports"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 1 OR NOT out STREQUAL ""
   OR NOT err STREQUAL "fibrelab: ${OUT}/a-file/reports: cannot write report: Not a directory\n")
  message(FATAL_ERROR "unwritable DIR: status ${status}\nstdout:\n${out}\nstderr:\n${err}")
endif()
file(GLOB left "${OUT}/*")
list(LENGTH left n)
if(NOT n EQUAL 3) # r.json, reports/, a-file
  message(FATAL_ERROR "files left: ${left}")
endif()
message(STATUS "${count} rows, ${released} released, page and CSV agree with the report")
