// One line exports a connector: the ABI probe and the Poco ClassLoader manifest.
//   RECOLTE_CONNECTOR(CsvConnector, "csv", "1.0.0")
// The class name registered with Poco is always "Connector", so the host never needs to guess it.
#pragma once

#include <Poco/ClassLibrary.h>

#include "recolte/sdk/abi.hpp"
#include "recolte/sdk/connector.hpp"

#ifndef RECOLTE_PLUGIN_ABI_VERSION
#define RECOLTE_PLUGIN_ABI_VERSION RECOLTE_SDK_ABI_VERSION  // tests override it to fake a mismatch
#endif

#define RECOLTE_CONNECTOR(ClassName, NameLiteral, VersionLiteral)                                   \
    extern "C" __attribute__((visibility("default"))) const RecolteConnectorProbe*                 \
    recolte_connector_probe(void) {                                                                 \
        static const RecolteConnectorProbe probe = {RECOLTE_PLUGIN_ABI_VERSION, RECOLTE_SDK_VERSION, \
                                                     NameLiteral, VersionLiteral,                   \
                                                     RECOLTE_COMPILER_ID};                          \
        return &probe;                                                                              \
    }                                                                                               \
    POCO_BEGIN_MANIFEST(recolte::sdk::Connector)                                                    \
    POCO_EXPORT_INTERFACE(ClassName, "Connector")                                                   \
    POCO_END_MANIFEST
