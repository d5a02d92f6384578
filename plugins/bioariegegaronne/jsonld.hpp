// Just enough JSON-LD to read DFC catalogues as their writers really write them, without a full
// JSON-LD processor (no remote context is ever fetched):
//   - the nodes: the @graph elements, the root object itself, and every nested node object;
//   - terms and IRIs in one canonical spelling: "dfc-b:hasAddress" whether written so, as the full
//     IRI ".../DFC_BusinessOntology.owl#hasAddress", under another prefix the document's own
//     @context defines, or through an alias ("name": "dfc-b:name") or @vocab;
//   - references: a property value may be the node itself (nested), {"@id": ...} or a plain IRI
//     string (the DFC context types object properties as @id), resolved against the document;
//   - values: plain or {"@value": ...}, single or in arrays, @list and @set unwrapped.
// Canonical strings are views into the document or into the graph's own store: a Graph must not
// outlive its json::Document, nor a Node its Graph.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/json.hpp"

namespace recolte::bioariegegaronne {

namespace json = sdk::json;

// The DFC classes the connector looks for, as bits so that a node's types cost one word.
enum NodeType : uint32_t {
    kCatalogItem = 1u << 0,
    kSuppliedProduct = 1u << 1,
    kOffer = 1u << 2,
    kPrice = 1u << 3,
    kEnterprise = 1u << 4,
    kAddress = 1u << 5,
    kQuantitativeValue = 1u << 6,
    kPhysicalPlace = 1u << 7,
    kPerson = 1u << 8,
    kPhoneNumber = 1u << 9,
    kCatalog = 1u << 10,
    kOpeningHours = 1u << 11,
    kPhysicalCharacteristic = 1u << 12,
    kOtherType = 1u << 31,  // typed, but with none of the above
};

class Graph;

// A node as the document describes it: usually one JSON object, several when the same @id is
// described in more than one place (their properties add up, as in JSON-LD). A small handle.
class Node {
public:
    std::string_view id() const { return id_; }  // canonical; "" for an anonymous node
    bool isBlank() const { return id_.empty() || id_.substr(0, 2) == "_:"; }
    uint32_t types() const { return types_; }
    bool is(NodeType t) const { return (types_ & t) != 0; }
    // The first definition: where the node is written (path, line, raw bytes for excerpts).
    json::Value primary() const { return primary_; }

    // Every value of a property, arrays flattened, @list/@set unwrapped, in document order.
    std::vector<json::Value> values(std::string_view term) const;
    bool has(std::string_view term) const;

    // The first literal value: a string, number or boolean, or the inside of {"@value": ...}.
    // Among language-tagged strings, French wins, then untagged, then the first.
    std::optional<json::Value> literal(std::string_view term) const;
    // Its text, trimmed; "" when absent.
    std::string text(std::string_view term) const;

    // The referenced or nested nodes, resolved against the document; references to nodes the
    // document does not describe are skipped (see iris()).
    std::vector<Node> objects(std::string_view term) const;
    std::optional<Node> object(std::string_view term) const;

    // The canonical IRIs a property points to ("dfc-m:Kilogram", "dfc-pt:carrot"), whatever
    // their spelling: plain string, {"@id"}, nested node's @id, or a string inside {"@value"}.
    std::vector<std::string> iris(std::string_view term) const;
    std::string iri(std::string_view term) const;  // the first, or ""
    // Every IRI any property of the node points to (for links whose property is not standard).
    std::vector<std::string> allIris() const;

    // The first literal of a property whose term's local name (after '#', '/' or ':') equals
    // `localName`, compared without case: how the SIRET is found whatever prefix a platform uses.
    std::optional<json::Value> literalByLocalName(std::string_view localName) const;

private:
    friend class Graph;
    Node(const Graph& graph, json::Value primary, uint32_t head, std::string_view id, uint32_t types)
        : graph_(&graph), primary_(primary), head_(head), id_(id), types_(types) {}
    template <typename F>
    void forEachDefinition(F&& f) const;
    void collect(json::Value v, std::vector<json::Value>& out) const;

    const Graph* graph_;
    json::Value primary_;
    uint32_t head_;  // first of its definitions in the graph's index; none for an unindexed object
    std::string_view id_;
    uint32_t types_;
};

class Graph {
public:
    // Reads the context and indexes every node. Errors (data kind) are whole-document problems:
    // the root is not an object or array, "@graph" is not an array...
    static sdk::Expected<std::unique_ptr<Graph>> build(const json::Document& doc, const std::string& where);

    // Top-level entries of the document: each @graph element (or root array element, or the root
    // object itself), in order. Elements that are not objects are listed too: they are rejects.
    const std::vector<json::Value>& topLevel() const { return top_; }

    // Every node (top-level or nested) whose types include `type`, in document order, once per
    // @id (where it is first described; all its descriptions merge).
    std::vector<Node> nodesOfType(NodeType type) const;
    // The node with this canonical @id, if the document describes it.
    std::optional<Node> byId(std::string_view canonicalId) const;
    // The node an object value stands for (merged with the other descriptions of its @id).
    Node nodeFor(json::Value object) const;

    // Nodes of `type` whose property `term` points to `targetId` (a reverse link: which Offer has
    // dfc-b:offeredItem = this item). The index is built on first use per (type, term).
    std::vector<Node> referrers(NodeType type, std::string_view term, std::string_view targetId) const;

    // Canonical spellings. A term is a member key; an IRI is an @id, a reference or a concept.
    std::string_view canonicalTerm(std::string_view key) const;
    std::string_view canonicalIri(std::string_view iri) const;
    uint32_t typeBitsOf(json::Value object) const;
    std::string_view idOf(json::Value object) const;  // canonical, "" when none

    // Is this object a value object ({"@value"}) or a bare reference ({"@id"} alone)?
    bool isValueObject(json::Value object) const;
    bool isReferenceOnly(json::Value object) const;

private:
    friend class Node;
    static constexpr uint32_t kNone = 0xFFFFFFFFu;

    struct Entry {
        json::Value object;
        std::string_view id;
        uint32_t types;
        uint32_t nextSameId;  // the next description of the same @id, or kNone
        uint32_t head;        // the first description of the same @id (itself when first or anonymous)
    };
    struct Reverse {
        std::unordered_map<std::string_view, uint32_t> head;  // target id -> first link
        std::vector<std::pair<uint32_t, uint32_t>> links;      // (entry, next link)
    };

    Graph() = default;
    void readContext(json::Value context);
    void index(json::Value v, int depth);
    void addEntry(json::Value object);
    Node nodeAt(uint32_t entry) const;
    std::string_view intern(std::string s) const;
    const std::string* prefix(std::string_view name) const;

    std::vector<json::Value> top_;
    std::vector<Entry> entries_;
    std::unordered_map<std::string_view, uint32_t> byId_;  // canonical id -> first entry
    std::vector<std::pair<std::string, std::string>> prefixes_;  // from the document's @context
    std::unordered_map<std::string, std::string> aliases_;       // term -> IRI or keyword
    std::string vocab_;
    std::vector<std::string> identityPrefixes_;  // prefixes whose terms are already canonical
    mutable std::unordered_set<std::string> store_;  // canonical strings not written as such
    mutable std::unordered_map<std::string_view, std::string_view> termCache_;
    mutable std::unordered_map<std::string, Reverse> reverse_;
};

// "dfc-m:Kilogram" -> "Kilogram"; "https://schema.org/opens" -> "opens".
std::string_view localName(std::string_view iri);

}  // namespace recolte::bioariegegaronne
