# recolte_add_connector(NAME SOURCES a.cpp b.cpp ...)
# Builds a connector plugin as a MODULE linked only against the SDK, refusing undefined symbols at
# link time (Poco dlopens lazily: a missing symbol would otherwise kill the daemon at first call).
function(recolte_add_connector name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;DEFINITIONS" ${ARGN})
  set(target recolte_connector_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE recolte::sdk)
  if(ARG_DEFINITIONS)
    target_compile_definitions(${target} PRIVATE ${ARG_DEFINITIONS})
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${RECOLTE_PLUGIN_OUTPUT_DIR})
    set_property(GLOBAL APPEND PROPERTY RECOLTE_CONNECTORS ${target})
  endif()
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${name}
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    BUILD_RPATH "$ORIGIN/../..")
  # Under sanitizers the runtime's symbols come from the executable at load time.
  if(NOT RECOLTE_SANITIZE)
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
endfunction()
