#include "pdf_attachments.hpp"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFLogger.hh>

#include <stdexcept>

namespace recolte::choruspro {

namespace {

struct TooBig : std::runtime_error {
    TooBig() : std::runtime_error("too big") {}
};

// Collects a stream's decoded bytes, stopping at the limit: a deflate bomb costs nothing.
class LimitedBuffer : public Pipeline {
public:
    LimitedBuffer(std::string& out, uint64_t max) : Pipeline("limited buffer", nullptr), out_(out), max_(max) {}
    void write(unsigned char const* data, size_t len) override {
        if (out_.size() + len > max_) throw TooBig();
        out_.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}

private:
    std::string& out_;
    uint64_t max_;
};

}  // namespace

sdk::Expected<std::vector<PdfAttachment>> pdfAttachments(std::string_view bytes, const std::string& name,
                                                         uint64_t maxBytes) {
    std::vector<PdfAttachment> out;
    try {
        QPDF pdf;
        // libqpdf's warnings would go to stderr: they are dropped, failures come back as values.
        auto logger = QPDFLogger::create();
        logger->setInfo(logger->discard());
        logger->setWarn(logger->discard());
        logger->setError(logger->discard());
        pdf.setLogger(logger);
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
        QPDFEmbeddedFileDocumentHelper files(pdf);
        for (auto& [key, spec] : files.getEmbeddedFiles()) {
            PdfAttachment a;
            a.name = spec->getFilename();
            if (a.name.empty()) a.name = key;
            QPDFObjectHandle stream = spec->getEmbeddedFileStream();
            if (!stream.isStream()) continue;
            LimitedBuffer buffer(a.bytes, maxBytes);
            try {
                if (!stream.pipeStreamData(&buffer, nullptr, 0, qpdf_dl_generalized, true))
                    return sdk::dataError("pièce jointe « " + a.name + " » du PDF illisible (flux endommagé)");
            } catch (const TooBig&) {
                return sdk::dataError("pièce jointe « " + a.name + " » du PDF trop volumineuse une fois décompressée (plus de " +
                                      std::to_string(maxBytes) + " octets, option zip_max_bytes)");
            }
            out.push_back(std::move(a));
        }
    } catch (const QPDFExc& e) {
        return sdk::dataError(std::string("PDF illisible (tronqué ou endommagé ?) : ") + e.what());
    } catch (const std::exception& e) {
        return sdk::dataError(std::string("PDF illisible (tronqué ou endommagé ?) : ") + e.what());
    }
    return out;
}

}  // namespace recolte::choruspro
