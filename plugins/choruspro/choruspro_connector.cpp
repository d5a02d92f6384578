// The choruspro connector: invoices as a CCAS receives them from Chorus Pro (UBL 2.1, CII D16B,
// Factur-X PDF, the pivot XML with its ZIP attachments) and the status reports of its API (the
// invoice-list JSON, status histories, the status pivot). See FORMAT.md, field by field.
#include <algorithm>

#include "invoice_file_reader.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_CHORUSPRO_CONNECTOR_VERSION "1.0.0"

namespace recolte::choruspro {

namespace {

using namespace recolte::sdk;

// The file's name inside the source: relative to the folder, or the file name itself.
std::string relativeName(const std::string& location, const std::string& file) {
    std::string base = location;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    if (file.size() > base.size() + 1 && file.compare(0, base.size(), base) == 0 && file[base.size()] == '/')
        return file.substr(base.size() + 1);
    const size_t slash = file.rfind('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

// The bookmark: a SHA-256 of the connector version, the options, and each file's name and bytes.
// Computed first, file by file, so that an unchanged folder of 10,000 invoices emits nothing.
Expected<std::string> contentHash(Context& ctx, const Settings& settings, const std::vector<std::string>& files) {
    std::string manifest = "choruspro " RECOLTE_CHORUSPRO_CONNECTOR_VERSION "\n" + settings.fingerprint;
    for (const auto& file : files) {
        auto blob = ctx.transport.fetch(file);
        if (!blob) {
            if (blob.error().kind != ErrorKind::Data) return blob.error();
            manifest += file + "\nunreadable\n";
            continue;
        }
        manifest += file + "\n" + sha256Hex(blob->bytes) + "\n";
    }
    return sha256Hex(manifest);
}

// Counts what a check reads, emits nothing.
struct CountingSink : RecordSink {
    int64_t records = 0, rejects = 0;
    void offer(OfferRecord&&) override { ++records; }
    void producer(ProducerRecord&&) override { ++records; }
    void need(NeedRecord&&) override { ++records; }
    void invoice(InvoiceRecord&&) override { ++records; }
    void invoiceStatus(InvoiceStatusRecord&&) override { ++records; }
    void reject(Reject&&) override { ++rejects; }
    void warning(const Location&, const std::string&) override {}
    void progress(uint64_t, uint64_t) override {}
};

class ChorusProConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "choruspro",
            RECOLTE_CHORUSPRO_CONNECTOR_VERSION,
            "Invoices a CCAS receives through Chorus Pro: UBL 2.1 Invoice/CreditNote, CII D16B, Factur-X PDF, the "
            "pivot XML (CPPFacturePivot, ZIP attachments read within limits), and status reports (invoice-list "
            "JSON, status history JSON, CPPStatut XML); kind found from each file's content",
            optionSpecs(),
            {{Stream::Invoices, "One invoice per UBL, CII or Factur-X file and per pivot invoice; one status record "
                                "per entry of an invoice list or status report"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();
        CountingSink sink;
        InvoiceFileReader reader(*settings, sink);
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file);
            if (!blob) return blob.error();
            reader.read(*blob, relativeName(ctx.source.location, file));
        }
        if (sink.records == 0 && sink.rejects > 0)
            return dataError("aucun des " + std::to_string(files->size()) + " fichier(s) n'a pu être lu (" +
                                 std::to_string(sink.rejects) + " rejet(s))",
                             ctx.source.location);
        return Status::success();
    }

    Expected<std::vector<StreamInfo>> discover(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        return describe().streams;
    }

    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();
        auto hash = contentHash(ctx, *settings, *files);
        if (!hash) return hash.error();
        if (!ctx.bookmark.empty() && *hash == ctx.bookmark) {
            ctx.log.info("aucun fichier changé depuis la dernière lecture");
            return ReadResult{true, ctx.bookmark};
        }

        InvoiceFileReader reader(*settings, sink);
        const uint64_t total = files->size();
        uint64_t done = 0;
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file);
            if (!blob) {
                if (blob.error().kind != ErrorKind::Data) return blob.error();
                reader.rejectFile(file, "fichier illisible : " + blob.error().message);
            } else {
                reader.read(*blob, relativeName(ctx.source.location, file));
            }
            if (++done % 256 == 0) sink.progress(done, total);
        }
        sink.progress(done, total);
        ctx.log.info(std::to_string(total) + " fichier(s) : " + std::to_string(reader.invoices()) + " facture(s), " +
                     std::to_string(reader.statuses()) + " statut(s), " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, *hash};
    }
};

}  // namespace

}  // namespace recolte::choruspro

using recolte::choruspro::ChorusProConnector;
RECOLTE_CONNECTOR(ChorusProConnector, "choruspro", RECOLTE_CHORUSPRO_CONNECTOR_VERSION)
