#include "publish/page_query.hpp"

#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

#include "recolte/sdk/text.hpp"

namespace recolte::publish {

namespace {

PageError invalid(const std::string& name, const std::string& what, const std::string& got) {
    return {400, "Paramètre invalide",
            "Le paramètre « " + name + " » " + what + " ; reçu « " + sdk::excerpt(got, 60) + " »."};
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "aucun" : out;
}

}  // namespace

PageQuery::PageQuery(const Poco::Net::HTTPServerRequest& req, const std::vector<std::string>& allowed) {
    Poco::URI::QueryParameters params;
    try {
        params = Poco::URI(req.getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw PageError{400, "Adresse invalide", "L’adresse demandée est mal formée (caractères d’échappement %)."};
    }
    for (const auto& [name, raw] : params) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw PageError{400, "Paramètre inconnu",
                            "Le paramètre « " + sdk::excerpt(name, 40) + " » n’existe pas sur cette page. "
                            "Paramètres acceptés : " + joinNames(allowed) + "."};
        if (!values_.emplace(name, raw).second)
            throw PageError{400, "Paramètre en double", "Le paramètre « " + name + " » est donné deux fois."};
        if (!sdk::isValidUtf8(raw))
            throw PageError{400, "Paramètre invalide", "Le paramètre « " + name + " » n’est pas un texte UTF-8 valide."};
    }
}

const std::string* PageQuery::value(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() || it->second.empty() ? nullptr : &it->second;
}

std::string PageQuery::text(const std::string& name, size_t maxLength) const {
    const std::string* v = value(name);
    if (!v) return {};
    if (v->size() > maxLength)
        throw PageError{400, "Paramètre trop long",
                        "Le paramètre « " + name + " » dépasse " + std::to_string(maxLength) + " octets."};
    return *v;
}

std::string PageQuery::productType(const std::string& name) const {
    const std::string v = text(name, 100);
    const bool ok = std::all_of(v.begin(), v.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!ok) throw invalid(name, "doit être un type de produit (par exemple « vegetable »)", v);
    return v;
}

std::string PageQuery::labelCode(const std::string& name) const {
    const std::string v = text(name, 40);
    const bool ok = std::all_of(v.begin(), v.end(), [](unsigned char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
    if (!ok) throw invalid(name, "doit être un code de label (par exemple BIO, LABEL_ROUGE ou HVE)", v);
    return v;
}

std::string PageQuery::date(const std::string& name) const {
    const std::string* v = value(name);
    if (!v) return {};
    const std::string iso = sdk::parseDate(*v);
    if (iso.empty() || iso != *v) throw invalid(name, "doit être une date au format AAAA-MM-JJ (par exemple 2026-05-01)", *v);
    return iso;
}

std::string PageQuery::departement(const std::string& name) const {
    const std::string* v = value(name);
    if (!v) return {};
    const std::string& s = *v;
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    const bool ok = (s.size() == 2 && digit(s[0]) && digit(s[1])) || s == "2A" || s == "2B" ||
                    (s.size() == 3 && s.rfind("97", 0) == 0 && digit(s[2]));
    if (!ok) throw invalid(name, "doit être un numéro de département (par exemple 09, 31 ou 2A)", s);
    return s;
}

std::string PageQuery::oneOf(const std::string& name, const std::vector<std::pair<std::string, std::string>>& values,
                             const std::string& fallback) const {
    const std::string* v = value(name);
    if (!v) return fallback;
    std::string list;
    for (const auto& [value, description] : values) {
        if (value == *v) return value;
        list += (list.empty() ? "" : ", ") + value + " (" + description + ")";
    }
    throw invalid(name, "doit valoir " + list, *v);
}

int64_t PageQuery::pageNumber(const std::string& name) const {
    const std::string* v = value(name);
    if (!v) return 1;
    const bool digits = v->size() <= 6 && std::all_of(v->begin(), v->end(), [](unsigned char c) { return std::isdigit(c); });
    const int64_t n = digits ? std::stoll(*v) : 0;
    if (n < 1 || n > 100000) throw invalid(name, "doit être un numéro de page entre 1 et 100 000", *v);
    return n;
}

}  // namespace recolte::publish
