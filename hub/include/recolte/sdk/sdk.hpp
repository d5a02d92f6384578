// The only header a connector needs.
#pragma once

#include "recolte/sdk/abi.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/invoice.hpp"
#include "recolte/sdk/json.hpp"
#include "recolte/sdk/model.hpp"
#include "recolte/sdk/options.hpp"
#include "recolte/sdk/text.hpp"
#include "recolte/sdk/csv.hpp"
#include "recolte/sdk/transport.hpp"
#include "recolte/sdk/xml.hpp"
