// Strict JSON reading for connectors (RFC 8259): a byte buffer becomes a read-only tree of values,
// each knowing its path ("@graph[12].dfc-b:hasPrice"), its line and column, and its source bytes.
//
// Why a parser of our own rather than Poco::JSON: numbers keep the text they were written with, so
// a price "19.99" reaches sdk::Decimal without ever being a binary float; errors name the line and
// column in French; each value knows its path for rejects; and the tree is a flat array (a few
// large allocations rather than one per value, about 40 bytes per value).
//
// Strict means: one value per document (a UTF-8 BOM is skipped), no comments, no trailing commas,
// no NaN, no single quotes, strings in valid UTF-8 without raw control characters, no duplicate
// key in an object, nesting at most ParseOptions::max_depth deep. Anything else is an Error of
// kind Data whose message names the line and column.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::sdk::json {

enum class Type : uint8_t { Null, Boolean, Number, String, Array, Object };
// "null", "booléen", "nombre", "texte", "tableau", "objet": for messages read by people.
const char* toString(Type t);

struct ParseOptions {
    std::string name;          // file or URL, for error messages ("" = none)
    uint32_t max_depth = 256;  // arrays and objects nested deeper are an error (capped at 1000)
};

namespace detail {
struct Tree;
}

// A value inside a Document: a small handle, valid as long as the Document lives (moving the
// Document keeps it valid).
class Value {
public:
    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Boolean; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    // String: the unescaped text. Number: the literal as written ("19.99", "-1.5e3").
    // Boolean: "true" or "false". Null, Array, Object: "".
    std::string_view text() const;
    bool boolean() const;  // true only for the literal true

    // A Number, or a String holding a JSON-style number ("2.40"), as a Decimal: the exponent is
    // applied, more than 4 decimals are rounded half away from zero. nullopt when it is something
    // else or out of Decimal's range.
    std::optional<Decimal> decimal() const;
    // The same for an integer ("12", 12, 1.2e1); nullopt when it has a fraction.
    std::optional<int64_t> integer() const;

    // Arrays: the number of elements; objects: of members; scalars: 0.
    size_t size() const;
    // The i-th element of an array or the i-th member's value of an object (i < size()).
    Value at(size_t i) const;
    // The first member with this key, or nullopt (also for a non-object).
    std::optional<Value> get(std::string_view key) const;

    // The key under which this value sits in its object, "" otherwise.
    std::string_view key() const;
    // Its position in its array or object.
    size_t index() const;
    std::optional<Value> parent() const;

    // Where it is: "@graph[12].dfc-b:hasPrice", `["https://example.org/x#y"]` for keys holding
    // . [ ] or ", "[3]" for an element of a root array, "" for the root itself.
    std::string path() const;
    uint64_t offset() const;  // byte offset of its first character in the source
    int64_t line() const;     // 1-based
    int64_t column() const;   // 1-based, in characters
    // The source bytes of the value, as written (for excerpts).
    std::string_view raw() const;

    friend bool operator==(const Value& a, const Value& b) { return a.tree_ == b.tree_ && a.index_ == b.index_; }

private:
    friend class Document;
    Value(const detail::Tree* tree, uint32_t index) : tree_(tree), index_(index) {}
    const detail::Tree* tree_;
    uint32_t index_;
};

class Document {
public:
    // Takes the bytes (they stay with the document: strings without escapes point into them).
    // An error is of kind Data, names `options.name` as where, and the line and column in its
    // message: "virgule ou « } » attendue (ligne 3, colonne 14)".
    static Expected<Document> parse(std::string bytes, const ParseOptions& options = {});

    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;
    ~Document();

    Value root() const;
    const std::string& source() const;  // the bytes as given
    size_t valueCount() const;          // every value in the tree, containers included

private:
    Document();
    std::unique_ptr<detail::Tree> tree_;
};

}  // namespace recolte::sdk::json
