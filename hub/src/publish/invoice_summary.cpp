#include "publish/invoice_summary.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/json.hpp"
#include "publish/doc.hpp"
#include "publish/invoice_money.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::publish {

namespace {

constexpr double kEarthRadiusKm = 6371.0;

std::optional<double> coordinate(const JsonValue& address, std::string_view key) {
    auto v = member(address, key);
    if (!v || !v->isNumber()) return std::nullopt;
    try {
        return std::stod(std::string(v->text()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool isEgalimLabel(const std::string& code) {
    static const std::vector<std::string> codes{"BIO", "CONVERSION_BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG",
                                                "HVE", "FERMIER", "COMMERCE_EQUITABLE", "PECHE_DURABLE", "RUP"};
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string share(const std::string& key, sdk::Decimal part, sdk::Decimal total) {
    auto s = shareOf(part, total);
    return "\"" + key + "\":{\"amount\":" + part.toString(2) + ",\"share\":" + (s ? s->toString(0) : "null") + "}";
}

}  // namespace

double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    const double rad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

void SpendSummary::add(const std::string& doc) {
    const auto d = parseDoc(doc);
    const auto inv = d.root();
    const auto seller = member(inv, "seller");
    const auto buyer = member(inv, "buyer");
    if (!seller || !buyer) return;
    const std::string buyerName = str(*buyer, "name"), buyerSiret = str(*buyer, "siret");
    const std::string month = str(inv, "issue_date").substr(0, 7);
    Group& g = groups_[{sdk::foldForSearch(buyerName), buyerSiret, month}];
    g.buyer_name = buyerName;
    g.buyer_siret = buyerSiret;
    g.month = month;
    ++g.invoices;

    bool local = false;
    const auto sa = member(*seller, "address"), ba = member(*buyer, "address");
    if (sa && ba) {
        const std::string sd = str(*sa, "departement"), bd = str(*ba, "departement");
        local = !sd.empty() && sd == bd;
        const auto slat = coordinate(*sa, "lat"), slon = coordinate(*sa, "lon");
        const auto blat = coordinate(*ba, "lat"), blon = coordinate(*ba, "lon");
        if (!local && localKm_ > 0 && slat && slon && blat && blon)
            local = distanceKm(*slat, *slon, *blat, *blon) <= static_cast<double>(localKm_);
    }
    const bool credit = str(inv, "type_code") == "381";
    const auto lines = member(inv, "lines");
    for (size_t i = 0; lines && i < lines->size(); ++i) {
        const auto l = lines->at(i);
        sdk::Decimal net = decimal(l, "net_amount").value_or(sdk::Decimal());
        if (credit) net = sdk::Decimal() - net;
        const auto labels = strings(l, "labels");
        g.total = g.total + net;
        if (std::find(labels.begin(), labels.end(), "BIO") != labels.end()) g.organic = g.organic + net;
        if (std::any_of(labels.begin(), labels.end(), isEgalimLabel)) g.egalim = g.egalim + net;
        if (local) g.local = g.local + net;
    }
}

std::string SpendSummary::toJson() const {
    std::vector<const Group*> sorted;
    for (const auto& [key, g] : groups_) sorted.push_back(&g);  // by buyer then month: the map's order
    std::string out = "{\"items\":[";
    for (size_t i = 0; i < sorted.size(); ++i) {
        const Group& g = *sorted[i];
        if (i) out += ',';
        out += "{\"buyer\":{\"name\":" + model::jsonString(g.buyer_name) + ",\"siret\":" +
               (g.buyer_siret.empty() ? std::string("null") : model::jsonString(g.buyer_siret)) + "}";
        out += ",\"month\":" + model::jsonString(g.month) + ",\"invoices\":" + std::to_string(g.invoices);
        out += ",\"total_excl_vat\":" + g.total.toString(2);
        out += "," + share("organic", g.organic, g.total) + "," + share("egalim", g.egalim, g.total) + "," +
               share("local", g.local, g.total) + "}";
    }
    out += "],\"total\":" + std::to_string(sorted.size()) + ",\"local_km\":" + std::to_string(localKm_) + "}";
    return out;
}

}  // namespace recolte::publish
