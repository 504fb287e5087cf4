# web.cmake: the browser build (issue 7), included by CMakeLists.txt when
# configured with emscripten (the `web` preset). The same model, lessons,
# renderer and app code as the desktop; only the platform (platform_web.c)
# and the entry (main_web.c) differ. Output: build/web/fibrelab.html with
# .js, .wasm and .data (the lessons, shaders, texture and font, packaged).
# No SDL, libepoxy or cmocka here, and no tests (scripts/web-test.sh tests
# the page in Chromium).

# cJSON from Debian's source package (scripts/web-deps.sh, fetched once);
# cglm and stb are header-only and used from Debian's /usr/include.
set(WEB_DEPS ${CMAKE_CURRENT_SOURCE_DIR}/build/web-deps)
if(NOT EXISTS ${WEB_DEPS}/cjson/cJSON.c)
  execute_process(COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/scripts/web-deps.sh RESULT_VARIABLE deps_status)
  if(NOT deps_status EQUAL 0)
    message(FATAL_ERROR "scripts/web-deps.sh could not fetch cJSON's source from Debian")
  endif()
endif()
foreach(header cglm/cglm.h stb/stb_truetype.h)
  if(NOT EXISTS /usr/include/${header})
    message(FATAL_ERROR "/usr/include/${header} missing: scripts/setup.sh installs it")
  endif()
endforeach()
# /usr/include itself would bring the host's C library headers: only cglm's folder is linked in
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/web-include)
file(CREATE_LINK /usr/include/cglm ${CMAKE_BINARY_DIR}/web-include/cglm SYMBOLIC)

add_library(web_cjson STATIC ${WEB_DEPS}/cjson/cJSON.c)
target_include_directories(web_cjson SYSTEM PUBLIC ${WEB_DEPS}/cjson)
add_library(web_headers INTERFACE)
target_include_directories(web_headers SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/web-include /usr/include/stb)

# The source lists are CMakeLists.txt's (FIBRELAB_*_SOURCES).
add_library(fibrelab_sim STATIC ${FIBRELAB_SIM_SOURCES} src/sim/sim_view.c)
target_include_directories(fibrelab_sim PUBLIC src/sim)
target_link_libraries(fibrelab_sim PUBLIC web_headers)
# wasm SIMD (every current browser has it) halves the model's time per
# frame, as the desktop's vectorised loops; no fused multiply-add, so the same bits
target_compile_options(fibrelab_sim PRIVATE ${FIBRELAB_WARNINGS} -ffp-contract=off -fno-math-errno -fno-trapping-math
  -O3 -msimd128)

# the packaged files sit at the root of the page's file system: /shaders, /assets
add_library(fibrelab_paths STATIC ${FIBRELAB_PATHS_SOURCES})
target_include_directories(fibrelab_paths PUBLIC src/paths)
target_compile_options(fibrelab_paths PRIVATE ${FIBRELAB_WARNINGS})
target_compile_definitions(fibrelab_paths PRIVATE FIBRELAB_SOURCE_DIR="")

add_library(fibrelab_lesson STATIC ${FIBRELAB_LESSON_SOURCES})
target_include_directories(fibrelab_lesson PUBLIC src/lesson)
target_link_libraries(fibrelab_lesson PUBLIC fibrelab_sim fibrelab_paths web_cjson)
target_compile_options(fibrelab_lesson PRIVATE ${FIBRELAB_WARNINGS})

add_library(fibrelab_render STATIC ${FIBRELAB_RENDER_SOURCES})
target_include_directories(fibrelab_render PUBLIC src/render)
target_link_libraries(fibrelab_render PUBLIC fibrelab_sim fibrelab_paths web_headers)
target_compile_options(fibrelab_render PRIVATE ${FIBRELAB_WARNINGS})
set_source_files_properties(src/render/stb_impl.c PROPERTIES COMPILE_OPTIONS "-w")

add_library(fibrelab_ui STATIC ${FIBRELAB_UI_SOURCES})
target_include_directories(fibrelab_ui PUBLIC src/ui src/platform)
target_link_libraries(fibrelab_ui PUBLIC fibrelab_render)
target_compile_options(fibrelab_ui PRIVATE ${FIBRELAB_WARNINGS})

add_library(fibrelab_platform STATIC src/platform/platform_web.c)
target_include_directories(fibrelab_platform PUBLIC src/platform)
target_compile_options(fibrelab_platform PRIVATE ${FIBRELAB_WARNINGS})

add_executable(fibrelab src/app/main_web.c ${FIBRELAB_APP_SOURCES})
target_include_directories(fibrelab PRIVATE src/app)
target_link_libraries(fibrelab PRIVATE fibrelab_ui fibrelab_render fibrelab_platform fibrelab_lesson)
target_compile_options(fibrelab PRIVATE ${FIBRELAB_WARNINGS})
set(src ${CMAKE_CURRENT_SOURCE_DIR})
target_link_options(fibrelab PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sMINIFY_HTML=0
  -sEXPORTED_RUNTIME_METHODS=FS # the shell reads the pictures the app saves (P) to download them
  "SHELL:--shell-file ${src}/src/web/shell.html"
  "SHELL:--preload-file ${src}/assets/lessons@/assets/lessons"
  "SHELL:--preload-file ${src}/assets/textures/bone.png@/assets/textures/bone.png"
  "SHELL:--preload-file ${src}/shaders@/shaders"
  "SHELL:--preload-file ${src}/assets/conditions@/assets/conditions"
  "SHELL:--preload-file ${src}/assets/fonts/DejaVuSans.ttf@/assets/fonts/DejaVuSans.ttf")
set_target_properties(fibrelab PROPERTIES SUFFIX ".html"
  LINK_DEPENDS "${src}/src/web/shell.html")
