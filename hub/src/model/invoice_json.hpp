// The public JSON of an invoice (schemas/invoice.schema.json), as the finance API serves it.
// Every key is always written; absent values are null, like the catalogue's JSON (model/json.cpp).
#pragma once

#include <string>

#include "model/invoice.hpp"

namespace recolte::model {

std::string toJson(const Invoice& invoice);

}  // namespace recolte::model
