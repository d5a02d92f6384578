# recolte_add_connector(NAME SOURCES a.cpp b.cpp ... [OUTPUT_DIRECTORY DIR] [DEFINITIONS ...])
# Builds a connector plugin as a MODULE linked only against the SDK, refusing undefined symbols at
# link time (Poco dlopens lazily: a missing symbol would otherwise kill the daemon at first call).
# The same function serves in this tree and, through find_package(Recolte), out of it: there the
# library lands in the current build folder (lib<NAME>.so).
function(recolte_add_connector name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;DEFINITIONS" ${ARGN})
  set(target recolte_connector_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE recolte::sdk)
  if(ARG_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${ARG_DEFINITIONS})
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(RECOLTE_PLUGIN_OUTPUT_DIR)
      set(ARG_OUTPUT_DIRECTORY ${RECOLTE_PLUGIN_OUTPUT_DIR})
    else()
      set(ARG_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
    set_property(GLOBAL APPEND PROPERTY RECOLTE_CONNECTORS ${target})
    # `cmake --install` puts it in the hub's plugin folder (PREFIX/lib/recolte/plugins).
    install(TARGETS ${target} LIBRARY DESTINATION lib/recolte/plugins)
  endif()
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${name}
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    BUILD_RPATH "$ORIGIN/../.."
    INSTALL_RPATH "$ORIGIN/../..")  # lib/recolte/plugins -> lib, where librecolte_sdk is
  # Under sanitizers the runtime's symbols come from the executable at load time.
  if(NOT RECOLTE_SANITIZE)
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
endfunction()
