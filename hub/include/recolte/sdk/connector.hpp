// The connector contract (after Airbyte): check, discover, read. A plugin implements Connector,
// declares its options once, and exports itself with RECOLTE_CONNECTOR (see export.hpp).
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/invoice.hpp"
#include "recolte/sdk/model.hpp"
#include "recolte/sdk/options.hpp"
#include "recolte/sdk/transport.hpp"

namespace recolte::sdk {

// Streams a connector may emit; each names its JSON Schema under schemas/.
enum class Stream { Offers, Producers, Needs, Invoices };
const char* toString(Stream s);        // "offers"
const char* schemaFileOf(Stream s);    // "offer.schema.json"

struct StreamInfo {
    Stream stream;
    std::string description;
};

// Where the records go. The host counts: read = records + rejects. Each method may be called any
// number of times, in any order, during read().
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void offer(OfferRecord&& record) = 0;
    virtual void producer(ProducerRecord&& record) = 0;  // standalone producer (directory entry)
    virtual void need(NeedRecord&& record) = 0;
    virtual void invoice(InvoiceRecord&& record) = 0;
    virtual void invoiceStatus(InvoiceStatusRecord&& record) = 0;  // a status about some invoice
    virtual void reject(Reject&& reject) = 0;
    virtual void warning(const Location& where, const std::string& message) = 0;  // kept, not a reject
    // Progress of long reads, in any unit the connector likes (bytes, files); total 0 = unknown.
    virtual void progress(uint64_t done, uint64_t total) = 0;
};

struct SourceRef {
    std::string name;      // the source's name in the config
    std::string location;  // its `path` or `url`
};

struct Context {
    const SourceRef& source;
    const OptionValues& options;
    Transport& transport;
    Log& log;
    std::string bookmark;  // what the last successful read returned; empty = full read
};

struct ReadResult {
    // A full read replaces the source's records: those not emitted are marked removed.
    // unchanged = the source did not change since the bookmark; nothing emitted, nothing removed.
    bool unchanged = false;
    std::string bookmark;  // committed with the records, handed back next time
};

struct ConnectorDescription {
    std::string name;
    std::string version;
    std::string summary;
    std::vector<OptionSpec> options;
    std::vector<StreamInfo> streams;
};

// The files of the source's location that match `pattern` (for a folder; a file or a URL is
// itself), sorted by name so that every read sees them in the same order. A config error naming
// the source when it has no location, or the location when nothing matches.
Expected<std::vector<std::string>> listSourceFiles(const Context& ctx, const std::string& pattern);

// The longest line that line-based readers (CSV) hold: the host never loads a longer one (a
// hostile 1 GB line), the connector rejects it. Pass it as FetchOptions::max_line_bytes.
constexpr uint64_t kMaxLineBytes = 1u << 20;  // 1 MiB

// One reject per line the host left out of `blob` (Blob::long_lines), naming the file and the line:
// "ligne trop longue : plus de 1 Mio (N octets), ignorée". Returns how many.
size_t rejectLongLines(const Blob& blob, uint64_t maxLineBytes, RecordSink& sink);

// The long lines' numbers and lengths, for a content hash: a file whose only change is in a line
// left out still reads as changed.
std::string longLinesDigest(const Blob& blob);

class Connector {
public:
    virtual ~Connector() = default;
    // Static facts: name, options table, streams. Must not touch the source.
    virtual const ConnectorDescription& describe() const = 0;
    // Can the source be reached and read with these options?
    virtual Status check(Context& ctx) = 0;
    // Which streams this source actually offers.
    virtual Expected<std::vector<StreamInfo>> discover(Context& ctx) = 0;
    // Emit records and rejects into the sink. A returned Error aborts the sync (nothing committed);
    // a bad record is a reject, not an error.
    virtual Expected<ReadResult> read(Context& ctx, RecordSink& sink) = 0;
};

}  // namespace recolte::sdk
