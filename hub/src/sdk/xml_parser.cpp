// libxml2 behind recolte/sdk/xml.hpp. SAX2 rather than a DOM or xmlTextReader: memory stays
// bounded by the largest captured record, line numbers are not capped at 65,535, and every DTD
// hook is ours, so that an entity declaration is refused before libxml2 could expand or fetch it.
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "recolte/sdk/model.hpp"
#include "recolte/sdk/text.hpp"
#include "recolte/sdk/xml.hpp"

namespace recolte::sdk::xml {

namespace {

#if LIBXML_VERSION >= 21200
using ErrorRecord = const xmlError*;
#else
using ErrorRecord = xmlErrorPtr;
#endif

std::string where(const std::string& name, int64_t line) {
    Location at;
    at.file = name;
    at.line = line;
    return at.describe();
}

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string qualified(const xmlChar* prefix, const xmlChar* local) {
    return prefix ? str(prefix) + ":" + str(local) : str(local);
}

// Without entity substitution (no XML_PARSE_NOENT) libxml2 hands attribute values over with '&'
// written "&#38;", for its own tree builder to decode. Entity declarations are refused, so that
// is the only reference left to turn back into text.
std::string attributeValue(const xmlChar* begin, const xmlChar* end) {
    std::string v(reinterpret_cast<const char*>(begin), static_cast<size_t>(end - begin));
    if (v.find('&') == std::string::npos) return v;
    std::string out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if (v.compare(i, 5, "&#38;") == 0) {
            out += '&';
            i += 4;
        } else {
            out += v[i];
        }
    }
    return out;
}

void silentGenericError(void*, const char*, ...) {}

// libxml2's error handlers are per thread: ours for the parse, the previous ones restored after,
// so nothing ever reaches stderr and no other parse in the process is disturbed.
class ErrorHandlerScope {
public:
    ErrorHandlerScope(void* context, xmlStructuredErrorFunc handler)
        : structured_(xmlStructuredError),
          structuredContext_(xmlStructuredErrorContext),
          generic_(xmlGenericError),
          genericContext_(xmlGenericErrorContext) {
        xmlSetStructuredErrorFunc(context, handler);
        xmlSetGenericErrorFunc(nullptr, silentGenericError);
    }
    ~ErrorHandlerScope() {
        xmlSetStructuredErrorFunc(structuredContext_, structured_);
        xmlSetGenericErrorFunc(genericContext_, generic_);
    }
    ErrorHandlerScope(const ErrorHandlerScope&) = delete;
    ErrorHandlerScope& operator=(const ErrorHandlerScope&) = delete;

private:
    xmlStructuredErrorFunc structured_;
    void* structuredContext_;
    xmlGenericErrorFunc generic_;
    void* genericContext_;
};

struct ContextDeleter {
    void operator()(xmlParserCtxtPtr ctxt) const { xmlFreeParserCtxt(ctxt); }
};

// French hints beside libxml2's own message, for the causes a PAT officer meets.
std::string hintFor(int code) {
    switch (code) {
        case XML_ERR_DOCUMENT_EMPTY: return " (document vide)";
        case XML_ERR_DOCUMENT_END:
        case XML_ERR_TAG_NOT_FINISHED:
        case XML_ERR_LTSLASH_REQUIRED:
        case XML_ERR_GT_REQUIRED:
            return " (fichier tronqué ou balise mal fermée ?)";
        case XML_ERR_INVALID_CHAR:
        case XML_ERR_INVALID_ENCODING:
        case XML_ERR_UNKNOWN_ENCODING:
        case XML_ERR_UNSUPPORTED_ENCODING:
            return " (encodage : le fichier n'est pas dans l'encodage annoncé ; indiquez-le dans la déclaration "
                   "<?xml ... encoding=\"...\"?> ou dans l'option encoding de la source)";
        case XML_ERR_UNDECLARED_ENTITY:
            return " (entité non définie : seules &amp; &lt; &gt; &quot; &apos; et les références &#...; sont admises)";
        default: return "";
    }
}

}  // namespace

// Builds elements from SAX2 events. Outside captured subtrees only the chain of open containers is
// kept; a captured subtree is built whole, handed over, then freed.
class TreeBuilder {
public:
    TreeBuilder(StreamHandler* handler, const ParseOptions& options) : handler_(handler), options_(options) {}

    Status run(std::string_view bytes);
    std::optional<Element> takeRoot() { return std::move(root_); }

private:
    struct Frame {  // a container the handler descended into
        Element element;
        std::unordered_map<std::string, int64_t> seen;  // children per name so far
    };

    static TreeBuilder& self(void* ctx) { return *static_cast<TreeBuilder*>(ctx); }

    // Every SAX callback: nothing after a failure, and no exception ever crosses libxml2's C frames.
    template <typename F>
    void guarded(F&& body) {
        if (failure_) {
            stopOnce();
            return;
        }
        try {
            body();
        } catch (const std::exception& e) {
            fail(systemError(std::string("erreur pendant la lecture XML : ") + e.what(), where(options_.name, line())));
        } catch (...) {
            fail(systemError("erreur inconnue pendant la lecture XML", where(options_.name, line())));
        }
    }

    int64_t line() const { return ctxt_ ? xmlSAX2GetLineNumber(ctxt_) : 0; }

    void fail(Error error) {
        if (!failure_) failure_ = std::move(error);
        stopOnce();
    }
    void stopOnce() {
        if (stopped_ || !ctxt_) return;
        stopped_ = true;
        xmlStopParser(ctxt_);
    }

    void open(const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nbAttributes, int nbDefaulted,
              const xmlChar** attributes);
    void close();
    void text(const xmlChar* ch, int len) {
        if (skip_depth_ == 0 && !captured_.empty()) captured_.back().text_.append(reinterpret_cast<const char*>(ch), len);
    }
    void finishCapture(Element&& element);
    static void assignPaths(Element& e);

    static void onStartElement(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int,
                               const xmlChar**, int nbAttributes, int nbDefaulted, const xmlChar** attributes) {
        auto& b = self(ctx);
        b.guarded([&] { b.open(localname, prefix, uri, nbAttributes, nbDefaulted, attributes); });
    }
    static void onEndElement(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto& b = self(ctx);
        b.guarded([&] { b.close(); });
    }
    static void onCharacters(void* ctx, const xmlChar* ch, int len) {
        auto& b = self(ctx);
        b.guarded([&] { b.text(ch, len); });
    }
    // A DTD entity declaration stops the parse before anything could be expanded or fetched.
    static void onEntityDecl(void* ctx, const xmlChar* name, int type, const xmlChar*, const xmlChar* systemId,
                             xmlChar*) {
        auto& b = self(ctx);
        b.guarded([&] {
            const bool external = systemId != nullptr;
            const bool parameter = type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY;
            b.fail(dataError(std::string("la DTD déclare ") + (parameter ? "l'entité paramètre « %" : "l'entité « ") +
                                 str(name) + " »" + (external ? " (externe : « " + str(systemId) + " »)" : "") +
                                 " : refusé par sécurité, les entités déclarées ne sont jamais développées ni chargées",
                             where(b.options_.name, b.line())));
        });
    }
    static void onUnparsedEntityDecl(void* ctx, const xmlChar* name, const xmlChar*, const xmlChar* systemId,
                                     const xmlChar*) {
        onEntityDecl(ctx, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, nullptr, systemId, nullptr);
    }
    // Only reached for an entity libxml2 could not resolve and chose not to refuse.
    static void onReference(void* ctx, const xmlChar* name) {
        auto& b = self(ctx);
        b.guarded([&] {
            b.fail(dataError("référence à l'entité « &" + str(name) + "; » non définie", where(b.options_.name, b.line())));
        });
    }
    static xmlEntityPtr onGetEntity(void*, const xmlChar*) { return nullptr; }
    static xmlParserInputPtr onResolveEntity(void*, const xmlChar*, const xmlChar*) { return nullptr; }
    static void onError(void* ctx, ErrorRecord error) {
        if (!ctx || !error || error->level < XML_ERR_ERROR) return;  // warnings are not failures
        auto& b = self(ctx);
        if (b.failure_) return;
        try {
            std::string message = trim(error->message ? error->message : "erreur inconnue");
            const int64_t at = error->line > 0 ? error->line : b.line();
            std::string text = "XML mal formé ligne " + std::to_string(at);
            if (error->int2 > 0) text += ", colonne " + std::to_string(error->int2);
            text += " : " + message + hintFor(error->code);
            // Stopping inside libxml2's error path is not safe: the next SAX callback stops the parse.
            b.failure_ = dataError(std::move(text), where(b.options_.name, at));
        } catch (...) {
            b.failure_ = systemError("XML mal formé (mémoire insuffisante pour décrire l'erreur)");
        }
    }

    StreamHandler* handler_;  // nullptr: parse(), which captures the root
    const ParseOptions& options_;
    xmlParserCtxtPtr ctxt_ = nullptr;
    std::vector<Frame> frames_;      // open containers, root first
    std::vector<Element> captured_;  // the open elements of the subtree being built
    int64_t skip_depth_ = 0;
    std::optional<Error> failure_;
    std::optional<Element> root_;
    bool stopped_ = false;
};

void TreeBuilder::open(const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nbAttributes,
                       int nbDefaulted, const xmlChar** attributes) {
    if (skip_depth_ > 0) {
        ++skip_depth_;
        return;
    }
    Element e;
    e.local_name_ = str(localname);
    e.name_ = prefix ? qualified(prefix, localname) : e.local_name_;
    e.ns_ = str(uri);
    e.line_ = line();
    // Defaulted attributes come last; only what the document writes counts (no DTD defaults).
    const int written = nbAttributes - nbDefaulted;
    e.attributes_.reserve(static_cast<size_t>(written));
    for (int i = 0; i < written; ++i) {
        const xmlChar** a = attributes + 5 * i;  // localname, prefix, URI, value begin, value end
        e.attributes_.push_back(Attribute{qualified(a[1], a[0]), str(a[0]), str(a[2]), attributeValue(a[3], a[4])});
    }
    if (!captured_.empty()) {  // inside a record: paths are set once the record is complete
        captured_.push_back(std::move(e));
        return;
    }

    const int depth = static_cast<int>(frames_.size());
    int64_t position = 1;
    if (!frames_.empty()) position = ++frames_.back().seen[e.name_];
    const std::string parentPath = frames_.empty() ? "" : frames_.back().element.path_;
    e.path_ = parentPath + "/" + e.name_ + (position > 1 ? "[" + std::to_string(position) + "]" : "");
    const Visit visit = handler_ ? handler_->open(e, depth) : Visit::Capture;
    switch (visit) {
        case Visit::Descend: frames_.push_back(Frame{std::move(e), {}}); break;
        case Visit::Capture:
            // Later siblings are not read yet: a record names its position even when first.
            if (depth > 0) e.path_ = parentPath + "/" + e.name_ + "[" + std::to_string(position) + "]";
            captured_.push_back(std::move(e));
            break;
        case Visit::Skip: skip_depth_ = 1; break;
    }
}

void TreeBuilder::close() {
    if (skip_depth_ > 0) {
        --skip_depth_;
        return;
    }
    if (!captured_.empty()) {
        Element done = std::move(captured_.back());
        captured_.pop_back();
        if (captured_.empty()) {
            finishCapture(std::move(done));
        } else {
            captured_.back().children_.push_back(std::move(done));
        }
        return;
    }
    if (frames_.empty()) return;
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (handler_) handler_->close(frame.element, static_cast<int>(frames_.size()));
}

void TreeBuilder::assignPaths(Element& e) {
    std::unordered_map<std::string_view, std::pair<int64_t, int64_t>> count;  // name -> (total, seen)
    if (e.children_.size() > 1) {
        for (const auto& c : e.children_) ++count[c.name_].first;
    }
    for (auto& c : e.children_) {
        c.path_ = e.path_ + "/" + c.name_;
        if (e.children_.size() > 1) {
            auto& [total, seen] = count[c.name_];
            ++seen;
            if (total > 1) c.path_ += "[" + std::to_string(seen) + "]";
        }
        assignPaths(c);
    }
}

void TreeBuilder::finishCapture(Element&& element) {
    if (element.path_.empty()) element.path_ = "/" + element.name_;  // the root, in parse()
    assignPaths(element);
    if (!handler_) {
        root_ = std::move(element);
        return;
    }
    Status status = handler_->record(element);
    if (!status) fail(status.error());
}

Status TreeBuilder::run(std::string_view bytes) {
    static std::once_flag initialized;
    std::call_once(initialized, [] { xmlInitParser(); });

    if (bytes.empty()) return dataError("document XML vide (0 octet)", where(options_.name, 0));
    if (bytes.size() > static_cast<size_t>(INT_MAX))
        return dataError("document XML trop gros pour être lu (plus de 2 Gio)", where(options_.name, 0));

    ErrorHandlerScope scope(this, &TreeBuilder::onError);
    // libxml2 copies the bytes once; reading them in place (xmlParserInputBufferCreateStatic) fails
    // on big exports in 2.9 ("Huge input lookup").
    std::unique_ptr<xmlParserCtxt, ContextDeleter> ctxt(
        xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
    if (!ctxt) return systemError("analyseur XML impossible à créer (mémoire ?)", where(options_.name, 0));
    ctxt_ = ctxt.get();

    xmlSAXHandler* sax = ctxt->sax;
    std::memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = &TreeBuilder::onStartElement;
    sax->endElementNs = &TreeBuilder::onEndElement;
    sax->characters = &TreeBuilder::onCharacters;
    sax->cdataBlock = &TreeBuilder::onCharacters;
    sax->ignorableWhitespace = &TreeBuilder::onCharacters;
    sax->entityDecl = &TreeBuilder::onEntityDecl;
    sax->unparsedEntityDecl = &TreeBuilder::onUnparsedEntityDecl;
    sax->reference = &TreeBuilder::onReference;
    sax->getEntity = &TreeBuilder::onGetEntity;
    sax->getParameterEntity = &TreeBuilder::onGetEntity;
    sax->resolveEntity = &TreeBuilder::onResolveEntity;
    sax->serror = &TreeBuilder::onError;
    // internalSubset and externalSubset stay null: no DTD is built, none is ever loaded.
    ctxt->userData = this;

    // No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or XML_PARSE_HUGE: no substitution,
    // no external subset, libxml2's limits on depth and text size kept.
    int parseOptions = XML_PARSE_NONET;
    xmlCharEncodingHandlerPtr encoder = nullptr;
    if (!options_.encoding.empty()) {
        encoder = xmlFindCharEncodingHandler(options_.encoding.c_str());
        if (!encoder) return configError("encodage « " + options_.encoding + " » inconnu", "encoding");
        parseOptions |= XML_PARSE_IGNORE_ENC;  // the option wins over the declaration
    }
    xmlCtxtUseOptions(ctxt.get(), parseOptions);
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;
    if (encoder) xmlSwitchToEncoding(ctxt.get(), encoder);

    xmlParseDocument(ctxt.get());
    if (ctxt->myDoc) {  // never built by these callbacks; freed should libxml2 have made one
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = nullptr;
    }
    const bool wellFormed = ctxt->wellFormed != 0;
    ctxt_ = nullptr;

    if (failure_) return *failure_;
    if (!wellFormed) return dataError("XML mal formé", where(options_.name, 0));
    return Status::success();
}

Expected<Element> parse(std::string_view bytes, const ParseOptions& options) {
    TreeBuilder builder(nullptr, options);
    Status status = builder.run(bytes);
    if (!status) return status.error();
    auto root = builder.takeRoot();
    if (!root) return dataError("document XML sans élément racine", options.name);
    return std::move(*root);
}

Status stream(std::string_view bytes, StreamHandler& handler, const ParseOptions& options) {
    TreeBuilder builder(&handler, options);
    return builder.run(bytes);
}

}  // namespace recolte::sdk::xml
