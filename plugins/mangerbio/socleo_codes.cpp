#include "socleo_codes.hpp"

#include <algorithm>
#include <array>

#include "columns.hpp"  // foldHeader: the same folding for codes as for headers
#include "recolte/sdk/text.hpp"

namespace recolte::mangerbio {

namespace {

using sdk::Decimal;

// VAT rates in force in France (mainland, Corsica, overseas départements), in 1/10000 percent:
// a plain percentage is accepted only when it is one of them, so that a code we do not know is
// never mistaken for a rate.
constexpr std::array<int64_t, 10> kFrenchVatRates = {0, 9000, 10500, 17500, 21000, 55000, 85000, 100000, 130000, 200000};

bool isFrenchRate(Decimal d) {
    return std::find(kFrenchVatRates.begin(), kFrenchVatRates.end(), d.raw()) != kFrenchVatRates.end();
}

std::string percent(Decimal d) { return d.toString(0, ',') + " %"; }

std::string quoted(std::string_view s) { return "« " + std::string(s) + " »"; }

std::vector<std::string> words(const std::string& folded) { return sdk::splitList(folded, " "); }

bool hasWord(const std::vector<std::string>& ws, std::string_view w) {
    return std::find(ws.begin(), ws.end(), w) != ws.end();
}

}  // namespace

std::optional<std::string> priceUnitWord(std::string_view code) {
    const std::string c = foldHeader(code);
    if (c == "u") return std::string("pièce");
    if (c == "k") return std::string("kg");
    return std::nullopt;
}

sdk::Expected<Decimal> vatRate(std::string_view text, const std::map<std::string, Decimal>& codes) {
    const std::string t = sdk::trim(text);
    if (const auto it = codes.find(t); it != codes.end()) return it->second;
    std::string number = t;
    if (!number.empty() && number.back() == '%') number = sdk::trim(std::string_view(number).substr(0, number.size() - 1));
    if (const auto rate = Decimal::parse(number); rate && isFrenchRate(*rate)) return *rate;

    std::string known;
    for (const auto& [code, rate] : codes) known += (known.empty() ? "" : ", ") + code + " = " + percent(rate);
    return sdk::dataError("TVA " + quoted(t) + " inconnue : ni un code TVA Socleo (" + known +
                          "), ni un taux de TVA en vigueur en France (20, 10, 5,5 ou 2,1 %...). Si ce code est "
                          "valable, indiquez son taux dans l'option vat_codes");
}

AgricultureReading agricultureLabel(std::string_view code, std::string_view libelle) {
    const std::string c = foldHeader(code);
    if (c == "b" || c == "ab" || c == "bio") return {"BIO", {}};
    if (c == "c1" || c == "c2" || c == "c3" || c == "conversion") return {"CONVERSION_BIO", {}};

    const std::string text = sdk::trim(libelle);
    const auto ws = words(foldHeader(text));
    if (hasWord(ws, "conversion")) return {"CONVERSION_BIO", {}};
    if (hasWord(ws, "non")) return {};  // "non bio", "non biologique"
    if (hasWord(ws, "biologique") || hasWord(ws, "bio") || hasWord(ws, "ab")) return {"BIO", {}};
    for (const char* w : {"conventionnel", "conventionnelle", "raisonne", "raisonnee", "classique"})
        if (hasWord(ws, w)) return {};
    if (!text.empty()) return {text, {}};  // the normalizer maps it or keeps a warning

    if (c.empty()) return {};
    return {{},
            "code agriculture " + quoted(sdk::trim(code)) +
                " inconnu (B = biologique, C1 à C3 = en conversion) et libellé agriculture vide : aucun label déduit"};
}

std::vector<std::string> logoLabels(std::string_view text) {
    std::vector<std::string> out;
    auto add = [&out](std::string_view raw) {
        for (auto& part : sdk::splitList(raw, ",;|/+")) {
            if (foldHeader(part) == "eu") part = "BIO";  // the EU organic leaf, Socleo's "[EU]"
            out.push_back(std::move(part));
        }
    };
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find('[', i);
        add(text.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
        if (open == std::string_view::npos) break;
        const size_t close = text.find(']', open + 1);
        if (close == std::string_view::npos) {  // "[EU" : take what is there
            add(text.substr(open + 1));
            break;
        }
        add(text.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

sdk::Expected<std::string> checkedEan13(std::string_view text) {
    std::string digits;
    for (const char ch : text) {
        if (ch == ' ') continue;
        digits += ch;
    }
    if (digits.find_first_of("eE") != std::string::npos && digits.find('+') != std::string::npos)
        return sdk::dataError("EAN " + quoted(sdk::trim(text)) +
                              " écrit en notation scientifique par un tableur : les derniers chiffres sont perdus");
    if (digits.find_first_not_of("0123456789") != std::string::npos)
        return sdk::dataError("EAN " + quoted(sdk::trim(text)) + " : seuls des chiffres sont attendus");
    // A spreadsheet drops the leading zero of a number: 12 digits are 13 with a 0 in front.
    if (digits.size() == 12) digits = "0" + digits;
    if (digits.size() != 13)
        return sdk::dataError("EAN " + quoted(sdk::trim(text)) + " : 13 chiffres attendus, " +
                              std::to_string(digits.size()) + " trouvés");
    int sum = 0;
    for (size_t k = 0; k < 12; ++k) sum += (digits[k] - '0') * (k % 2 == 0 ? 1 : 3);
    const int check = (10 - sum % 10) % 10;
    if (digits[12] - '0' != check)
        return sdk::dataError("EAN " + quoted(sdk::trim(text)) + " : clé de contrôle fausse (" +
                              std::string(1, digits[12]) + " au lieu de " + std::to_string(check) + ")");
    return digits;
}

std::optional<Decimal> parseNumber(std::string_view text) { return Decimal::parse(sdk::trim(text)); }

}  // namespace recolte::mangerbio
