# man_check.cmake: the man page made from --help names every flag that
# src/app/main.c's parser accepts (found there as strcmp(flag, "--x")), and
# has the sections a man page needs.
#   -DMAN=build/.../fibrelab.1 -DMAIN_C=src/app/main.c
file(READ "${MAIN_C}" source)
string(REGEX MATCHALL "strcmp\\(flag, \"-[-a-z]+\"\\)" calls "${source}")
set(flags)
foreach(call ${calls})
  string(REGEX REPLACE ".*\"(-[-a-z]+)\".*" "\\1" flag "${call}")
  list(APPEND flags ${flag})
endforeach()
list(REMOVE_DUPLICATES flags)
list(LENGTH flags count)
if(count LESS 10)
  message(FATAL_ERROR "found only ${count} flags in ${MAIN_C} (${flags}): has the parser changed shape?")
endif()

if(NOT EXISTS "${MAN}")
  message(FATAL_ERROR "no man page at ${MAN}: it is built with the program (help2man)")
endif()
file(READ "${MAN}" man)
string(REPLACE "\\-" "-" text "${man}") # roff writes a hyphen as \-
foreach(section "\n\\.TH FIBRELAB \"1\"" "\n\\.SH NAME\nfibrelab - simulator" "\n\\.SH DESCRIPTION\n"
                "\n\\.SH ENVIRONMENT\n" "\n\\.SH FILES\n")
  if(NOT text MATCHES "${section}")
    message(FATAL_ERROR "${MAN} has no ${section}")
  endif()
endforeach()
set(missing)
foreach(flag ${flags})
  # the whole flag, not a prefix of a longer one (-h is not --headless)
  if(NOT text MATCHES "(^|[^-a-z])${flag}([^-a-z]|$)")
    list(APPEND missing ${flag})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "the man page (from fibrelab --help) does not mention: ${missing}")
endif()
message(STATUS "man page mentions all ${count} flags: ${flags}")
