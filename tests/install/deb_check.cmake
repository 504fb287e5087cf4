# deb_check.cmake: builds the .deb (cpack -G DEB), checks its control fields
# and files, extracts it with dpkg -x into a scratch root outside the build
# tree and runs the program from there. Outside its build tree the program
# never looks in the source tree, and FIBRELAB_DATA_DIR is unset, so the
# lessons, shaders and textures it uses can only be the root's own; a bare
# copy of the same binary, with no data beside it, must fail to find them.
#   -DBUILD_DIR=... -DAPP_ID=... -DVERSION=... -DICON_SIZES=16;22;... -DSCRIPT=short.txt
set(tmp "$ENV{TMPDIR}")
if(NOT tmp)
  set(tmp /tmp)
endif()
string(MD5 tag "${BUILD_DIR}")
set(scratch "${tmp}/fibrelab-deb-test-${tag}")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")
set(root "${scratch}/root")
set(exe "${root}/usr/bin/fibrelab")

# run(EXPECT status COMMAND ...): runs it, sets out and err, fails on another status
function(run)
  cmake_parse_arguments(PARSE_ARGV 0 R "" "EXPECT" "COMMAND")
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY "${scratch}"
    RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT "${status}" STREQUAL "${R_EXPECT}")
    message(FATAL_ERROR "expected status ${R_EXPECT}, got ${status}: ${R_COMMAND}\n--- stdout:\n${stdout}\n--- stderr:\n${stderr}")
  endif()
  set(out "${stdout}" PARENT_SCOPE)
  set(err "${stderr}" PARENT_SCOPE)
endfunction()

# PNG width and height from the IHDR chunk
function(png_size file var)
  file(READ "${file}" hex OFFSET 16 LIMIT 8 HEX)
  string(SUBSTRING "${hex}" 0 8 w)
  string(SUBSTRING "${hex}" 8 8 h)
  math(EXPR w "0x${w}")
  math(EXPR h "0x${h}")
  set(${var} "${w}x${h}" PARENT_SCOPE)
endfunction()

# ---- the package ----
set(cpack "${CMAKE_CPACK_COMMAND}")
if(NOT cpack)
  set(cpack cpack)
endif()
run(EXPECT 0 COMMAND "${cpack}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${scratch}/pkg")
file(GLOB debs "${scratch}/pkg/fibrelab_${VERSION}_*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one fibrelab_${VERSION}_*.deb in ${scratch}/pkg, found: ${debs}")
endif()

run(EXPECT 0 COMMAND dpkg-deb --field "${debs}" Depends)
string(STRIP "${out}" depends)
# the linked libraries (found by dpkg-shlibdeps) and what is opened at run time
foreach(dep libc6 libsdl2-2.0-0 libepoxy0 libcjson1 fonts-dejavu-core libgl1 libegl1 libgl1-mesa-dri)
  if(NOT ", ${depends}," MATCHES ", ${dep}[ ,]")
    message(FATAL_ERROR "Depends lacks ${dep}: ${depends}")
  endif()
endforeach()
run(EXPECT 0 COMMAND dpkg-deb --field "${debs}")
foreach(field "Section: education" "Maintainer: [^\n]+<[^\n]+@" "Description: [^\n]+\n [^\n]+")
  if(NOT out MATCHES "${field}")
    message(FATAL_ERROR "control has no ${field}:\n${out}")
  endif()
endforeach()

# ---- its files ----
run(EXPECT 0 COMMAND dpkg -x "${debs}" "${root}")
set(files usr/bin/fibrelab usr/share/fibrelab/assets/lessons/two-bands.json
  usr/share/fibrelab/shaders/mesh.vert usr/share/fibrelab/assets/textures/bone.png
  usr/share/applications/${APP_ID}.desktop usr/share/metainfo/${APP_ID}.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg usr/share/man/man1/fibrelab.1.gz
  usr/share/doc/fibrelab/copyright)
foreach(f ${files})
  if(NOT EXISTS "${root}/${f}")
    message(FATAL_ERROR "the package has no /${f}")
  endif()
endforeach()
foreach(size ${ICON_SIZES})
  set(png "${root}/usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png")
  if(NOT EXISTS "${png}")
    message(FATAL_ERROR "the package has no ${size}x${size} icon")
  endif()
  png_size("${png}" got)
  if(NOT got STREQUAL "${size}x${size}")
    message(FATAL_ERROR "${png} is ${got}, not ${size}x${size}")
  endif()
endforeach()
# desktop entry, metadata and icons as a software centre sees them
run(EXPECT 0 COMMAND appstreamcli validate-tree --no-net "${root}")

# ---- the program, run from the root ----
run(EXPECT 0 COMMAND "${exe}" --version)
if(NOT out STREQUAL "fibrelab ${VERSION}\n")
  message(FATAL_ERROR "--version printed: ${out}")
endif()
run(EXPECT 0 COMMAND "${exe}" --check-lesson two-bands)
if(NOT out STREQUAL "${root}/usr/bin/../share/fibrelab/assets/lessons/two-bands.json: ok\n")
  message(FATAL_ERROR "two-bands was not found in the root: ${out}")
endif()
run(EXPECT 0 COMMAND "${exe}" --headless --lesson two-bands --report -)
string(JSON released ERROR_VARIABLE bad GET "${out}" adhesions_released)
if(bad OR released LESS 1)
  message(FATAL_ERROR "the demonstration released no adhesions (${bad}):\n${out}")
endif()
# shaders, texture and font: draw a picture
run(EXPECT 0 COMMAND "${exe}" --headless --lesson two-bands --script "${SCRIPT}"
  --screenshot "${scratch}/shot.png" --size 320x180)
png_size("${scratch}/shot.png" got)
if(NOT got STREQUAL "320x180")
  message(FATAL_ERROR "the picture is ${got}, not 320x180")
endif()

# ---- the same binary with no data beside it finds none ----
file(COPY "${exe}" DESTINATION "${scratch}/bare")
run(EXPECT 2 COMMAND "${scratch}/bare/fibrelab" --check-lesson two-bands)
run(EXPECT 1 COMMAND "${scratch}/bare/fibrelab" --headless --lesson "${root}/usr/share/fibrelab/assets/lessons/two-bands.json"
  --script "${SCRIPT}" --screenshot "${scratch}/bare.png" --size 320x180)
if(NOT err MATCHES "shaders/[a-z]+\\.vert: not found")
  message(FATAL_ERROR "a bare copy should not find the shaders:\n${err}")
endif()

file(REMOVE_RECURSE "${scratch}")
message(STATUS "fibrelab_${VERSION} .deb: installs into a scratch root and runs from there; depends: ${depends}")
