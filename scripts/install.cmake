# install.cmake (issue 7), included from CMakeLists.txt: what `cmake --install`
# puts where (GNUInstallDirs), the desktop entry, AppStream metadata, icons
# rendered from our SVG, the man page made from --help, and the .deb (CPack).
# The program finds its data at BINDIR/FIBRELAB_RELATIVE_DATADIR (set in
# CMakeLists.txt), so an installed tree works wherever it is copied.

set(FIBRELAB_APP_ID org.fibrelab.Fibrelab)
set(FIBRELAB_SUMMARY "simulator that teaches soft tissue release")
set(FIBRELAB_SCREENSHOT_URL "https://fibrelab.example/screenshots/two-bands.png" CACHE STRING
  "Public address of the screenshot named in the AppStream metadata (target fibrelab_screenshot makes it)")
set(desktop_dir ${CMAKE_CURRENT_SOURCE_DIR}/assets/desktop)

find_program(RSVG_CONVERT rsvg-convert)
find_program(HELP2MAN help2man)
if(NOT RSVG_CONVERT OR NOT HELP2MAN)
  message(FATAL_ERROR "fibrelab: rsvg-convert (librsvg2-bin) and help2man are needed for the icons "
    "and the man page: run scripts/setup.sh")
endif()

# ---- the program and its data ----
install(TARGETS fibrelab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY shaders/ DESTINATION ${CMAKE_INSTALL_DATADIR}/fibrelab/shaders)
# every asset folder (lessons, textures, any added later) but the desktop
# files, which go to their own places below, and the scripts that made them
install(DIRECTORY assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/fibrelab/assets
  PATTERN desktop EXCLUDE PATTERN "*.py" EXCLUDE)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# ---- desktop entry, AppStream metadata, icons ----
configure_file(${desktop_dir}/${FIBRELAB_APP_ID}.metainfo.xml.in
  ${CMAKE_BINARY_DIR}/${FIBRELAB_APP_ID}.metainfo.xml @ONLY)
install(FILES ${desktop_dir}/${FIBRELAB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_BINARY_DIR}/${FIBRELAB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${desktop_dir}/${FIBRELAB_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(FIBRELAB_ICON_SIZES 16 22 24 32 48 64 128 256)
set(icon_pngs)
foreach(size ${FIBRELAB_ICON_SIZES})
  set(dir ${CMAKE_BINARY_DIR}/icons/${size}x${size}/apps)
  add_custom_command(OUTPUT ${dir}/${FIBRELAB_APP_ID}.png
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${dir}/${FIBRELAB_APP_ID}.png ${desktop_dir}/${FIBRELAB_APP_ID}.svg
    DEPENDS ${desktop_dir}/${FIBRELAB_APP_ID}.svg
    COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
  list(APPEND icon_pngs ${dir}/${FIBRELAB_APP_ID}.png)
  install(FILES ${dir}/${FIBRELAB_APP_ID}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(fibrelab_icons ALL DEPENDS ${icon_pngs})

# ---- man page, from --help and --version (plus fibrelab.h2m: environment, files) ----
set(FIBRELAB_MAN_PAGE ${CMAKE_BINARY_DIR}/fibrelab.1)
# (kept as written for the test, installed compressed as Debian does)
add_custom_command(OUTPUT ${FIBRELAB_MAN_PAGE} ${FIBRELAB_MAN_PAGE}.gz
  COMMAND ${HELP2MAN} --no-info --section=1 "--name=${FIBRELAB_SUMMARY}"
    --include=${desktop_dir}/fibrelab.h2m --output=${FIBRELAB_MAN_PAGE} $<TARGET_FILE:fibrelab>
  COMMAND gzip -9nkf ${FIBRELAB_MAN_PAGE}
  DEPENDS fibrelab ${desktop_dir}/fibrelab.h2m
  COMMENT "Making the man page from fibrelab --help" VERBATIM)
add_custom_target(fibrelab_man ALL DEPENDS ${FIBRELAB_MAN_PAGE})
install(FILES ${FIBRELAB_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# ---- the screenshot the AppStream metadata names (publish it at
# FIBRELAB_SCREENSHOT_URL): cmake --build --preset default --target fibrelab_screenshot
add_custom_target(fibrelab_screenshot
  COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen LP_NUM_THREADS=1
    $<TARGET_FILE:fibrelab> --headless --lesson two-bands --script ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/midstretch.txt
    --screenshot ${CMAKE_BINARY_DIR}/screenshot-two-bands.png --size 1280x720
  DEPENDS fibrelab VERBATIM)

# ---- the .deb: `cmake --build --preset default --target package` ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fibrelab)
set(CPACK_PACKAGE_VENDOR "The fibrelab authors")
set(CPACK_PACKAGE_CONTACT "fibrelab dev <dev@fibrelab>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${FIBRELAB_SUMMARY}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "fibrelab teaches soft tissue release (STR) to massage students: press on a
muscle to make a lock, move the joint, and see the tangled fibres between
the lock and the moving attachment stretch and realign. A physics model of
fibre bundles drives what you see. Lessons, a coach and a quiz; runs in a
window (OpenGL 3.3: Mesa's software renderer is enough) or without one,
writing a JSON report.")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
# the libraries it links (dpkg-shlibdeps), plus what it opens at run time:
# the font (src/render/render.c) and Mesa's OpenGL drivers
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libgl1, libegl1, libgl1-mesa-dri")
include(CPack)
