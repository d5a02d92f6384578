#include "export_reader.hpp"

#include <algorithm>

#include "consultation.hpp"
#include "recolte/sdk/text.hpp"
#include "supplier.hpp"

namespace recolte::agrilocal {

namespace {

using sdk::xml::Visit;

constexpr int64_t kProgressEvery = 1024;  // records
constexpr size_t kUnknownNamesShown = 10;

bool isUrl(const std::string& name) { return name.rfind("http://", 0) == 0 || name.rfind("https://", 0) == 0; }

std::string listOf(const std::map<std::string, int64_t>& names) {
    std::string out;
    for (const auto& [name, line] : names) out += (out.empty() ? "" : ", ") + quoted(name) + " (ligne " + std::to_string(line) + ")";
    return out;
}

}  // namespace

uint64_t countLines(std::string_view bytes) {
    return static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
}

ExportReader::ExportReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalLines)
    : settings_(settings), sink_(sink), log_(log), total_lines_(totalLines) {}

sdk::Location ExportReader::locationOf(const std::string& path, int64_t line) const {
    sdk::Location at;
    (is_url_ ? at.url : at.file) = blob_->name;
    at.line = line;
    at.element = path;
    return at;
}

void ExportReader::reject(const Problem& problem) {
    sdk::Reject r;
    r.where = locationOf(problem.path, problem.line);
    r.reason = problem.reason;
    if (problem.quoted) r.excerpt = sdk::xml::excerptOf(*problem.quoted, 200);
    sink_.reject(std::move(r));
    ++rejects_;
}

void ExportReader::warn(const Problem& problem) { sink_.warning(locationOf(problem.path, problem.line), problem.reason); }

Visit ExportReader::open(const Element& e, int depth) {
    const Names& names = settings_.names;
    if (depth == 0) {
        if (e.name() != names[Name::Export]) {
            root_error_ = sdk::configError(
                "l'élément racine est " + quoted(e.name()) + " (ligne " + std::to_string(e.line()) + ") et non " +
                    quoted(names[Name::Export]) + " : ce fichier n'est pas un export Agrilocal, ou indiquez son nom "
                    "dans l'option elements, par exemple elements: {export: \"" + e.name() + "\"}",
                blob_->name);
            return Visit::Skip;
        }
        if (const std::string* site = e.attribute(names[Name::Site]); site && !sdk::trim(*site).empty())
            site_ = sdk::trim(*site);
        std::string info = blob_->name + " : export Agrilocal";
        if (!site_.empty()) info += ", site " + site_;
        if (const std::string* at = e.attribute(names[Name::GeneratedAt])) info += ", généré le " + sdk::trim(*at);
        log_.info(info);
        return Visit::Descend;
    }
    if (e.name() == names[Name::Consultation] || e.name() == names[Name::Supplier]) return Visit::Capture;
    if (e.name() != names[Name::Consultations] && e.name() != names[Name::Suppliers]) unknown_.emplace(e.name(), e.line());
    // Unknown wrappers are searched too: records inside them still count.
    return Visit::Descend;
}

sdk::Status ExportReader::record(const Element& e) {
    if (e.name() == settings_.names[Name::Consultation]) {
        readConsultation(e);
    } else {
        readSupplier(e);
    }
    ++file_records_;
    if (++records_ % kProgressEvery == 0) sink_.progress(lines_before_ + static_cast<uint64_t>(e.line()), total_lines_);
    return sdk::Status::success();
}

void ExportReader::readConsultation(const Element& e) {
    ++consultations_;
    sdk::NeedRecord need;
    std::vector<Problem> warnings;
    if (auto problem = mapConsultation(e, settings_.names, site_, need, warnings)) return reject(*problem);
    for (const auto& w : warnings) warn(w);
    need.where = locationOf(e.path(), e.line());
    sink_.need(std::move(need));
}

void ExportReader::readSupplier(const Element& e) {
    ++suppliers_;
    MappedSupplier supplier = mapSupplier(e, settings_.names, site_);
    for (const auto& w : supplier.warnings) warn(w);
    if (supplier.problem) {
        reject(*supplier.problem);
    } else {
        supplier.producer.where = locationOf(e.path(), e.line());
        sink_.producer(sdk::ProducerRecord(supplier.producer));
    }
    for (auto& product : supplier.products) {
        ++products_;
        if (product.problem) {
            reject(*product.problem);
            continue;
        }
        product.offer.where = locationOf(product.element->path(), product.element->line());
        product.offer.producer.where = supplier.producer.where;
        sink_.offer(std::move(product.offer));
    }
}

sdk::Status ExportReader::readFile(const sdk::Blob& blob) {
    blob_ = &blob;
    is_url_ = isUrl(blob.name);
    site_ = settings_.site;
    root_error_.reset();
    file_records_ = 0;
    unknown_.clear();

    sdk::xml::ParseOptions options;
    options.name = blob.name;
    options.encoding = settings_.encoding;
    sdk::Status status = sdk::xml::stream(blob.bytes, *this, options);
    if (root_error_) return *root_error_;
    if (!status) return status;

    if (!unknown_.empty()) {
        std::map<std::string, int64_t> shown;
        for (const auto& entry : unknown_) {
            if (shown.size() == kUnknownNamesShown) break;
            shown.insert(entry);
        }
        const std::string list = listOf(shown) + (unknown_.size() > shown.size() ? "..." : "");
        if (file_records_ == 0) {
            // Nothing recognized but something there: a mapping problem, not an empty export (an
            // empty read would remove every record of the source).
            return sdk::configError("aucune consultation (" + quoted(settings_.names[Name::Consultation]) +
                                        ") ni aucun fournisseur (" + quoted(settings_.names[Name::Supplier]) +
                                        ") trouvé ; éléments inconnus : " + list +
                                        ". Indiquez leurs noms dans l'option elements",
                                    blob.name);
        }
        sink_.warning(locationOf("", unknown_.begin()->second), "éléments inconnus ignorés hors des consultations et fournisseurs : " + list);
    } else if (file_records_ == 0) {
        sink_.warning(locationOf("", 0), "export sans consultation ni fournisseur");
    }
    lines_before_ += countLines(blob.bytes);
    sink_.progress(lines_before_, total_lines_);
    return sdk::Status::success();
}

}  // namespace recolte::agrilocal
