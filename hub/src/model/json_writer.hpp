// Internal to the model: the small writer every hand-written JSON of the model uses (offers,
// producers, needs in json.cpp; invoices in invoice_json.cpp), so all of them write keys, nulls,
// decimals and addresses the same way.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/json.hpp"
#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/model.hpp"

namespace recolte::model {

constexpr int kMoneyDecimals = 2;  // "12.50": how people read prices
constexpr int kPlainDecimals = 0;  // "5.5", "3": rates and quantities

template <typename Int>
void appendInt(std::string& out, Int value) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

// Shortest round-trip form, or fixed decimals; a non-finite value becomes null.
void appendDouble(std::string& out, double value, std::optional<int> fixedDecimals = std::nullopt);
void appendAddress(std::string& out, const sdk::Address& a);
void appendContact(std::string& out, const sdk::Contact& c);
void appendStringItem(std::string& out, const std::string& s);

template <typename T, typename F>
void appendArray(std::string& out, const std::vector<T>& items, F appendItem) {
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        appendItem(out, items[i]);
    }
    out += ']';
}

// Writes one JSON object; keys are ASCII literals of ours, so they need no escaping.
class Obj {
public:
    explicit Obj(std::string& out) : out_(out) { out_ += '{'; }
    Obj(const Obj&) = delete;
    Obj& operator=(const Obj&) = delete;
    ~Obj() { out_ += '}'; }

    // One append per key: `,"name":` is assembled on the stack (keys are short literals).
    std::string& key(std::string_view k) {
        char buf[64];
        size_t n = 0;
        if (!first_) buf[n++] = ',';
        first_ = false;
        buf[n++] = '"';
        const size_t len = std::min(k.size(), sizeof buf - 4);
        std::memcpy(buf + n, k.data(), len);
        n += len;
        buf[n++] = '"';
        buf[n++] = ':';
        out_.append(buf, n);
        return out_;
    }
    void str(std::string_view k, std::string_view v) { appendJsonString(key(k), v); }
    void strOrNull(std::string_view k, std::string_view v) {
        if (v.empty()) {
            key(k) += "null";
        } else {
            appendJsonString(key(k), v);
        }
    }
    void boolean(std::string_view k, bool v) { key(k) += v ? "true" : "false"; }
    void integer(std::string_view k, int64_t v) { appendInt(key(k), v); }
    void intOrNull(std::string_view k, const std::optional<int64_t>& v) {
        if (v) {
            appendInt(key(k), *v);
        } else {
            key(k) += "null";
        }
    }
    void decimal(std::string_view k, sdk::Decimal v, int minDecimals) { key(k) += v.toString(minDecimals); }
    void decimalOrNull(std::string_view k, const std::optional<sdk::Decimal>& v, int minDecimals) {
        if (v) {
            key(k) += v->toString(minDecimals);
        } else {
            key(k) += "null";
        }
    }
    void doubleOrNull(std::string_view k, const std::optional<double>& v) {
        if (v) {
            appendDouble(key(k), *v);
        } else {
            key(k) += "null";
        }
    }

private:
    std::string& out_;
    bool first_ = true;
};

}  // namespace recolte::model
