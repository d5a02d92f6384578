#include "jsonld.hpp"

#include <algorithm>
#include <array>

namespace recolte::bioariegegaronne {

namespace {

constexpr int kMaxIndexDepth = 200;  // the JSON parser already bounds nesting; this is a second fence

bool startsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string_view trimView(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Namespaces by how their IRI ends, so that every published location and version of a DFC
// vocabulary (github releases, static.datafoodconsortium.org, w3id.org/.../v2.0.0/) lands on one
// prefix.
struct KnownNamespace {
    std::string_view suffix;
    std::string_view prefix;
};
constexpr std::array kKnownNamespaces = {
    KnownNamespace{"DFC_BusinessOntology.owl", "dfc-b"},
    KnownNamespace{"DFC_TechnicalOntology.owl", "dfc-t"},
    KnownNamespace{"DFC_FullModel.owl", "dfc"},
    KnownNamespace{"measures.rdf", "dfc-m"},
    KnownNamespace{"productTypes.rdf", "dfc-pt"},
    KnownNamespace{"facets.rdf", "dfc-f"},
    KnownNamespace{"vocabulary.rdf", "dfc-v"},
    KnownNamespace{"://schema.org", "schema"},
    KnownNamespace{"www.w3.org/2004/02/skos/core", "skos"},
};
constexpr std::array<std::string_view, 9> kBuiltinPrefixes = {"dfc", "dfc-b", "dfc-t", "dfc-m", "dfc-pt",
                                                             "dfc-f", "dfc-v", "schema", "skos"};

// "prefix:local" for an absolute IRI in a known namespace; nullopt when it stays as written.
std::optional<std::string> compactKnown(std::string_view iri) {
    size_t cut = iri.rfind('#');
    if (cut == std::string_view::npos) cut = iri.rfind('/');
    if (cut == std::string_view::npos || cut + 1 >= iri.size()) return std::nullopt;
    const std::string_view ns = iri.substr(0, cut);
    // Most IRIs are instances ("https://.../offers/12"): every known namespace ends in one of these.
    if (!endsWith(ns, ".owl") && !endsWith(ns, ".rdf") && !endsWith(ns, ".org") && !endsWith(ns, "/core")) {
        return std::nullopt;
    }
    for (const auto& k : kKnownNamespaces) {
        if (endsWith(ns, k.suffix)) return std::string(k.prefix) + ":" + std::string(iri.substr(cut + 1));
    }
    return std::nullopt;
}

struct TypeName {
    std::string_view name;
    NodeType bit;
};
constexpr std::array kTypeNames = {
    TypeName{"dfc-b:CatalogItem", kCatalogItem},
    TypeName{"dfc-b:SuppliedProduct", kSuppliedProduct},
    TypeName{"dfc-b:Offer", kOffer},
    TypeName{"dfc-b:Price", kPrice},
    TypeName{"dfc-b:Enterprise", kEnterprise},
    TypeName{"dfc-b:Address", kAddress},
    TypeName{"dfc-b:QuantitativeValue", kQuantitativeValue},
    TypeName{"dfc-b:PhysicalPlace", kPhysicalPlace},
    TypeName{"dfc-b:Person", kPerson},
    TypeName{"dfc-b:PhoneNumber", kPhoneNumber},
    TypeName{"dfc-b:Catalog", kCatalog},
    TypeName{"dfc-b:OpeningHoursSpecification", kOpeningHours},
    TypeName{"schema:OpeningHoursSpecification", kOpeningHours},
    TypeName{"dfc-b:PhysicalCharacteristic", kPhysicalCharacteristic},
};

bool sameIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    for (size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

std::string_view localName(std::string_view iri) {
    const size_t cut = iri.find_last_of("#/:");
    return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

// ---- Graph: building -----------------------------------------------------------------------------

sdk::Expected<std::unique_ptr<Graph>> Graph::build(const json::Document& doc, const std::string& where) {
    std::unique_ptr<Graph> g(new Graph());
    const json::Value root = doc.root();
    if (root.isObject()) {
        if (auto ctx = root.get("@context")) g->readContext(*ctx);
    } else if (root.isArray()) {
        for (size_t i = 0; i < root.size(); ++i) {
            if (root.at(i).isObject()) {
                if (auto ctx = root.at(i).get("@context")) g->readContext(*ctx);
            }
        }
    } else {
        return sdk::dataError(std::string("le document est un ") + json::toString(root.type()) +
                                  " JSON, pas un catalogue JSON-LD (objet ou tableau attendu)",
                              where);
    }

    // Prefixes a document redefines to the same DFC namespace (another version, another host)
    // keep their terms canonical as written: the fast path of canonicalTerm.
    for (const auto p : kBuiltinPrefixes) {
        const std::string* ns = g->prefix(p);
        const auto compacted = ns ? compactKnown(*ns + "x") : std::nullopt;
        if (!ns || (compacted && *compacted == std::string(p) + ":x")) g->identityPrefixes_.emplace_back(p);
    }

    g->entries_.reserve(doc.valueCount() / 8 + 16);
    g->byId_.reserve(doc.valueCount() / 8 + 16);
    if (root.isArray()) {
        for (size_t i = 0; i < root.size(); ++i) g->top_.push_back(root.at(i));
        for (const auto& v : g->top_) g->index(v, 0);
        return g;
    }
    auto graph = root.get("@graph");
    if (!graph) {
        g->top_.push_back(root);
        g->index(root, 0);
        return g;
    }
    if (graph->isArray()) {
        for (size_t i = 0; i < graph->size(); ++i) g->top_.push_back(graph->at(i));
    } else if (graph->isObject()) {
        g->top_.push_back(*graph);
    } else {
        return sdk::dataError(std::string("« @graph » est un ") + json::toString(graph->type()) +
                                  " : un tableau de nœuds est attendu",
                              where);
    }
    // The root may describe a node of its own beside its graph (OFN's Person with affiliates):
    // its properties are indexed, not its graph twice.
    bool described = false;
    for (size_t i = 0; i < root.size(); ++i) {
        const std::string_view k = g->canonicalTerm(root.at(i).key());
        if (k != "@context" && k != "@graph" && k != "@id") described = true;
    }
    if (described) {
        g->top_.insert(g->top_.begin(), root);
        g->addEntry(root);
        for (size_t i = 0; i < root.size(); ++i) {
            const std::string_view k = g->canonicalTerm(root.at(i).key());
            if (k != "@context" && k != "@graph" && k != "@id" && k != "@type") g->index(root.at(i), 1);
        }
    }
    for (size_t i = described ? 1 : 0; i < g->top_.size(); ++i) g->index(g->top_[i], 0);
    return g;
}

void Graph::readContext(json::Value context) {
    if (context.isArray()) {
        for (size_t i = 0; i < context.size(); ++i) readContext(context.at(i));
        return;
    }
    // A context URL (DFC's published contexts) is not fetched: the DFC prefixes are built in.
    if (!context.isObject()) return;
    for (size_t i = 0; i < context.size(); ++i) {
        const json::Value def = context.at(i);
        const std::string key(def.key());
        if (key == "@vocab" && def.isString()) {
            vocab_ = std::string(trimView(def.text()));
            continue;
        }
        if (key.empty() || key[0] == '@') continue;
        std::string target;
        if (def.isString()) {
            target = std::string(trimView(def.text()));
        } else if (def.isObject()) {
            if (auto id = def.get("@id"); id && id->isString()) target = std::string(trimView(id->text()));
        }
        if (target.empty()) continue;                      // "dfc-b:hasUnit": {"@type": "@id"}: a coercion only
        if (key.find(':') != std::string::npos) continue;  // a compact term's definition: nothing to learn
        if (target[0] != '@' && (endsWith(target, "#") || endsWith(target, "/"))) {
            prefixes_.emplace_back(key, target);
        } else {
            aliases_[key] = target;
        }
    }
}

const std::string* Graph::prefix(std::string_view name) const {
    for (auto it = prefixes_.rbegin(); it != prefixes_.rend(); ++it) {  // later definitions win
        if (it->first == name) return &it->second;
    }
    return nullptr;
}

void Graph::addEntry(json::Value object) {
    const uint32_t index = static_cast<uint32_t>(entries_.size());
    Entry e{object, idOf(object), typeBitsOf(object), kNone, index};
    if (!e.id.empty()) {
        auto [it, fresh] = byId_.try_emplace(e.id, index);
        if (!fresh) {
            e.head = it->second;
            uint32_t last = it->second;
            while (entries_[last].nextSameId != kNone) last = entries_[last].nextSameId;
            entries_[last].nextSameId = index;
        }
    }
    entries_.push_back(e);
}

void Graph::index(json::Value v, int depth) {
    if (depth > kMaxIndexDepth) return;
    if (v.isArray()) {
        for (size_t i = 0; i < v.size(); ++i) index(v.at(i), depth + 1);
        return;
    }
    if (!v.isObject() || isValueObject(v)) return;
    bool wrapper = false;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string_view k = canonicalTerm(v.at(i).key());
        if (k == "@list" || k == "@set") {
            index(v.at(i), depth + 1);
            wrapper = true;
        }
    }
    if (wrapper) return;
    if (!isReferenceOnly(v)) addEntry(v);
    for (size_t i = 0; i < v.size(); ++i) {
        const json::Value member = v.at(i);
        if (!member.isObject() && !member.isArray()) continue;
        const std::string_view k = canonicalTerm(member.key());
        if (k == "@context" || k == "@id" || k == "@type" || k == "@value") continue;
        index(member, depth + 1);
    }
}

// ---- Graph: canonical spellings ------------------------------------------------------------------

std::string_view Graph::intern(std::string s) const { return *store_.insert(std::move(s)).first; }

std::string_view Graph::canonicalTerm(std::string_view key) const {
    if (key.empty() || key[0] == '@') return key;
    if (aliases_.empty()) {
        const size_t colon = key.find(':');
        if (colon != std::string_view::npos) {
            const std::string_view p = key.substr(0, colon);
            for (const auto& identity : identityPrefixes_) {
                if (p == identity) return key;
            }
        }
    }
    if (auto it = termCache_.find(key); it != termCache_.end()) return it->second;
    std::string_view canonical;
    if (auto alias = aliases_.find(std::string(key)); alias != aliases_.end()) {
        canonical = alias->second[0] == '@' ? std::string_view(alias->second) : canonicalIri(alias->second);
    } else if (key.find(':') != std::string_view::npos) {
        canonical = canonicalIri(key);
    } else if (!vocab_.empty()) {
        canonical = canonicalIri(intern(vocab_ + std::string(key)));
    } else {
        canonical = key;
    }
    termCache_.emplace(key, canonical);
    return canonical;
}

std::string_view Graph::canonicalIri(std::string_view raw) const {
    const std::string_view s = trimView(raw);
    if (s.empty() || startsWith(s, "_:")) return s;
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos) return s;  // a relative IRI: kept as written
    const std::string_view rest = s.substr(colon + 1);
    if (startsWith(rest, "//")) {
        auto compacted = compactKnown(s);
        return compacted ? intern(std::move(*compacted)) : s;
    }
    if (const std::string* ns = prefix(s.substr(0, colon))) {
        std::string full = *ns + std::string(rest);
        auto compacted = compactKnown(full);
        return intern(compacted ? std::move(*compacted) : std::move(full));
    }
    return s;  // a built-in prefix ("dfc-m:Kilogram") or an unknown scheme ("urn:..."): as written
}

uint32_t Graph::typeBitsOf(json::Value object) const {
    uint32_t bits = 0;
    const auto add = [&](json::Value t) {
        if (!t.isString()) return;
        const std::string_view name = canonicalTerm(t.text());
        for (const auto& tn : kTypeNames) {
            if (name == tn.name) {
                bits |= tn.bit;
                return;
            }
        }
        bits |= kOtherType;
    };
    for (size_t i = 0; i < object.size(); ++i) {
        const json::Value m = object.at(i);
        if (canonicalTerm(m.key()) != "@type") continue;
        if (m.isArray()) {
            for (size_t k = 0; k < m.size(); ++k) add(m.at(k));
        } else {
            add(m);
        }
    }
    return bits;
}

std::string_view Graph::idOf(json::Value object) const {
    if (!object.isObject()) return {};
    for (size_t i = 0; i < object.size(); ++i) {
        const json::Value m = object.at(i);
        if (m.isString() && canonicalTerm(m.key()) == "@id") return canonicalIri(m.text());
    }
    return {};
}

bool Graph::isValueObject(json::Value object) const {
    for (size_t i = 0; i < object.size(); ++i) {
        if (canonicalTerm(object.at(i).key()) == "@value") return true;
    }
    return false;
}

bool Graph::isReferenceOnly(json::Value object) const {
    return object.size() == 1 && canonicalTerm(object.at(0).key()) == "@id";
}

// ---- Graph: finding nodes ------------------------------------------------------------------------

Node Graph::nodeAt(uint32_t entry) const {
    const Entry& e = entries_[entry];
    const uint32_t head = e.head;
    uint32_t types = 0;
    for (uint32_t i = head; i != kNone; i = entries_[i].nextSameId) types |= entries_[i].types;
    return Node(*this, entries_[head].object, head, e.id, types);
}

std::vector<Node> Graph::nodesOfType(NodeType type) const {
    std::vector<Node> out;
    for (uint32_t i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        if (!(e.types & type)) continue;
        if (e.head != i) {
            // Listed once: at the first description of its @id that carries this type.
            bool earlier = false;
            for (uint32_t k = e.head; k != i; k = entries_[k].nextSameId) earlier |= (entries_[k].types & type) != 0;
            if (earlier) continue;
        }
        out.push_back(nodeAt(i));
    }
    return out;
}

std::optional<Node> Graph::byId(std::string_view canonicalId) const {
    if (canonicalId.empty()) return std::nullopt;
    auto it = byId_.find(canonicalId);
    if (it == byId_.end()) return std::nullopt;
    return nodeAt(it->second);
}

Node Graph::nodeFor(json::Value object) const {
    const std::string_view id = idOf(object);
    if (auto n = byId(id)) return *n;
    return Node(*this, object, kNone, id, typeBitsOf(object));
}

std::vector<Node> Graph::referrers(NodeType type, std::string_view term, std::string_view targetId) const {
    std::string key = std::to_string(static_cast<uint32_t>(type)) + "|" + std::string(term);
    auto built = reverse_.find(key);
    if (built == reverse_.end()) {
        Reverse r;
        const auto link = [&](uint32_t entry, json::Value target) {
            const std::string_view id = target.isString() ? canonicalIri(target.text()) : idOf(target);
            if (id.empty()) return;
            const uint32_t at = static_cast<uint32_t>(r.links.size());
            auto [it, fresh] = r.head.try_emplace(id, at);
            r.links.emplace_back(entry, fresh ? kNone : it->second);  // prepended: reversed when read
            it->second = at;
        };
        for (uint32_t n = 0; n < entries_.size(); ++n) {
            if (!(entries_[n].types & type)) continue;
            const json::Value object = entries_[n].object;
            for (size_t i = 0; i < object.size(); ++i) {
                const json::Value m = object.at(i);
                if (canonicalTerm(m.key()) != term) continue;
                if (m.isArray()) {
                    for (size_t k = 0; k < m.size(); ++k) link(n, m.at(k));
                } else {
                    link(n, m);
                }
            }
        }
        built = reverse_.emplace(std::move(key), std::move(r)).first;
    }
    std::vector<Node> out;
    const Reverse& r = built->second;
    auto it = r.head.find(targetId);
    if (it == r.head.end()) return out;
    std::vector<uint32_t> entries;
    for (uint32_t l = it->second; l != kNone; l = r.links[l].second) entries.push_back(r.links[l].first);
    std::reverse(entries.begin(), entries.end());
    for (const uint32_t e : entries) {
        Node n = nodeAt(e);
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Node& o) { return o.head_ == n.head_; });
        if (!seen) out.push_back(n);
    }
    return out;
}

// ---- Node ----------------------------------------------------------------------------------------

template <typename F>
void Node::forEachDefinition(F&& f) const {
    if (head_ == Graph::kNone) {
        f(primary_);
        return;
    }
    for (uint32_t e = head_; e != Graph::kNone; e = graph_->entries_[e].nextSameId) f(graph_->entries_[e].object);
}

void Node::collect(json::Value v, std::vector<json::Value>& out) const {
    if (v.isArray()) {
        for (size_t i = 0; i < v.size(); ++i) collect(v.at(i), out);
        return;
    }
    if (v.isObject()) {
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string_view k = graph_->canonicalTerm(v.at(i).key());
            if (k == "@list" || k == "@set") {
                collect(v.at(i), out);
                return;
            }
        }
    }
    if (v.isNull()) return;  // JSON-LD drops nulls
    out.push_back(v);
}

std::vector<json::Value> Node::values(std::string_view term) const {
    std::vector<json::Value> out;
    forEachDefinition([&](json::Value d) {
        for (size_t i = 0; i < d.size(); ++i) {
            const json::Value m = d.at(i);
            if (graph_->canonicalTerm(m.key()) == term) collect(m, out);
        }
    });
    return out;
}

bool Node::has(std::string_view term) const { return !values(term).empty(); }

std::optional<json::Value> Node::literal(std::string_view term) const {
    std::optional<json::Value> untagged, first;
    for (const auto& v : values(term)) {
        json::Value inner = v;
        std::string_view language;
        if (v.isObject()) {
            std::optional<json::Value> value;
            for (size_t i = 0; i < v.size(); ++i) {
                const std::string_view k = graph_->canonicalTerm(v.at(i).key());
                if (k == "@value") value = v.at(i);
                if (k == "@language") language = v.at(i).text();
            }
            if (!value) continue;  // a node or a reference: not a literal
            inner = *value;
        }
        if (inner.isObject() || inner.isArray() || inner.isNull()) continue;
        if (language == "fr" || startsWith(language, "fr-")) return inner;
        if (language.empty() && !untagged) untagged = inner;
        if (!first) first = inner;
    }
    return untagged ? untagged : first;
}

std::string Node::text(std::string_view term) const {
    auto v = literal(term);
    return v ? std::string(trimView(v->text())) : std::string();
}

std::vector<Node> Node::objects(std::string_view term) const {
    std::vector<Node> out;
    for (const auto& v : values(term)) {
        if (v.isString()) {
            if (auto n = graph_->byId(graph_->canonicalIri(v.text()))) out.push_back(*n);
        } else if (v.isObject() && !graph_->isValueObject(v)) {
            if (graph_->isReferenceOnly(v)) {
                if (auto n = graph_->byId(graph_->idOf(v))) out.push_back(*n);
            } else {
                out.push_back(graph_->nodeFor(v));
            }
        }
    }
    return out;
}

std::optional<Node> Node::object(std::string_view term) const {
    auto all = objects(term);
    if (all.empty()) return std::nullopt;
    return all.front();
}

std::vector<std::string> Node::iris(std::string_view term) const {
    std::vector<std::string> out;
    for (const auto& v : values(term)) {
        std::string_view iri;
        if (v.isString()) {
            iri = graph_->canonicalIri(v.text());
        } else if (v.isObject()) {
            if (graph_->isValueObject(v)) {
                for (size_t i = 0; i < v.size(); ++i) {
                    if (graph_->canonicalTerm(v.at(i).key()) == "@value" && v.at(i).isString()) {
                        iri = graph_->canonicalIri(v.at(i).text());
                    }
                }
            } else {
                iri = graph_->idOf(v);
            }
        }
        if (!iri.empty()) out.emplace_back(iri);
    }
    return out;
}

std::string Node::iri(std::string_view term) const {
    auto all = iris(term);
    return all.empty() ? std::string() : all.front();
}

std::vector<std::string> Node::allIris() const {
    std::vector<std::string> out;
    std::vector<std::string_view> terms;
    forEachDefinition([&](json::Value d) {
        for (size_t i = 0; i < d.size(); ++i) {
            const std::string_view term = graph_->canonicalTerm(d.at(i).key());
            if (term.empty() || term[0] == '@') continue;
            if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
        }
    });
    for (const auto term : terms) {
        for (auto& iri : iris(term)) out.push_back(std::move(iri));
    }
    return out;
}

std::optional<json::Value> Node::literalByLocalName(std::string_view wanted) const {
    std::optional<json::Value> found;
    forEachDefinition([&](json::Value d) {
        for (size_t i = 0; i < d.size() && !found; ++i) {
            const json::Value m = d.at(i);
            const std::string_view term = graph_->canonicalTerm(m.key());
            if (term.empty() || term[0] == '@' || !sameIgnoringCase(localName(term), wanted)) continue;
            std::vector<json::Value> vals;
            collect(m, vals);
            for (const auto& v : vals) {
                if (v.isString() || v.isNumber()) {
                    found = v;
                    break;
                }
                if (v.isObject()) {
                    if (auto inner = v.get("@value"); inner && (inner->isString() || inner->isNumber())) {
                        found = *inner;
                        break;
                    }
                }
            }
        }
    });
    return found;
}

}  // namespace recolte::bioariegegaronne
