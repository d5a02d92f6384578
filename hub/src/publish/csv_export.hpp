// The rows of /export/offres.csv and /export/producteurs.csv, from the store's JSON documents:
// French headers, one offer or one producer per row (a producer's points of sale in one cell, one
// per line), links back to the hub's pages.
#pragma once

#include <string>

namespace recolte::publish {

std::string offerCsvHeader();  // with the UTF-8 BOM
std::string offerCsvRow(const std::string& offerDoc, const std::string& base);

std::string producerCsvHeader();  // with the UTF-8 BOM
std::string producerCsvRow(const std::string& producerDoc, const std::string& base);

}  // namespace recolte::publish
