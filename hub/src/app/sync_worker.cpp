// `recolte sync-worker --config PATH --source NAME --plugin LIB`: the child process a daemon starts
// for one read (sync/isolated_run.hpp). Hidden: not for people. It loads the config and the one
// plugin, builds the source's transport (credentials from the inherited environment), reads the
// bookmark on stdin, runs the connector and streams everything back as frames on fd 3
// (sync/worker_protocol.hpp). Its stdout points at stderr, so whatever a plugin prints cannot
// corrupt the frames.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <new>
#include <string>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "model/invoice_record_json.hpp"
#include "sync/source_transport.hpp"
#include "sync/worker_protocol.hpp"

namespace recolte::app {

namespace {

namespace wk = sync::worker;

// Buffered frame output on the private fd. A write that fails means the daemon is gone or has
// stopped listening: nothing left to do but end.
class FrameOut {
public:
    explicit FrameOut(int fd) : fd_(fd) { buffer_.reserve(kFlushAt + 4096); }
    void send(wk::FrameType type, std::string_view payload) {
        wk::appendFrame(buffer_, type, payload);
        if (buffer_.size() >= kFlushAt) flush();
    }
    void flush() {
        size_t off = 0;
        while (off < buffer_.size()) {
            const ssize_t n = ::write(fd_, buffer_.data() + off, buffer_.size() - off);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) _exit(74);  // EX_IOERR
            off += static_cast<size_t>(n);
        }
        buffer_.clear();
    }

private:
    static constexpr size_t kFlushAt = 64 * 1024;
    int fd_;
    std::string buffer_;
};

class FrameLog : public sdk::Log {
public:
    explicit FrameLog(FrameOut& out) : out_(out) {}
    void debug(const std::string& m) override { send('d', spdlog::level::debug, m); }
    void info(const std::string& m) override { send('i', spdlog::level::info, m); }
    void warn(const std::string& m) override { send('w', spdlog::level::warn, m); }
    void error(const std::string& m) override { send('e', spdlog::level::err, m); }

private:
    void send(char letter, spdlog::level::level_enum level, const std::string& m) {
        if (!spdlog::default_logger()->should_log(level)) return;  // the daemon would drop it
        out_.send(wk::FrameType::Log, std::string(1, letter) + m);
    }
    FrameOut& out_;
};

class FrameSink : public sdk::RecordSink {
public:
    explicit FrameSink(FrameOut& out) : out_(out) {}
    void offer(sdk::OfferRecord&& r) override { out_.send(wk::FrameType::Offer, model::offerRecordToJson(r)); }
    void producer(sdk::ProducerRecord&& r) override { out_.send(wk::FrameType::Producer, model::producerRecordToJson(r)); }
    void need(sdk::NeedRecord&& r) override { out_.send(wk::FrameType::Need, model::needRecordToJson(r)); }
    void invoice(sdk::InvoiceRecord&& r) override { out_.send(wk::FrameType::Invoice, model::invoiceRecordToJson(r)); }
    void invoiceStatus(sdk::InvoiceStatusRecord&& r) override {
        out_.send(wk::FrameType::InvoiceStatus, model::statusRecordToJson(r));
    }
    void reject(sdk::Reject&& r) override { out_.send(wk::FrameType::Reject, model::rejectToJson(r)); }
    void warning(const sdk::Location& where, const std::string& message) override {
        out_.send(wk::FrameType::Warning, model::warningToJson(where, message));
    }
    void progress(uint64_t done, uint64_t total) override {
        out_.send(wk::FrameType::Progress, wk::progressPayload(done, total));
    }

private:
    FrameOut& out_;
};

// A failed allocation is the memory limit: end with the code the daemon reads as such, without
// allocating anything more.
void outOfMemory() { _exit(wk::kExitOutOfMemory); }

std::string readAll(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

sdk::Expected<sdk::ReadResult> read(const std::string& configPath, const std::string& sourceName,
                                    const std::string& pluginPath, sdk::Log& log, sdk::RecordSink& sink) {
    auto loaded = config::loadConfig(configPath);
    if (!loaded.errors.empty()) return sdk::configError(loaded.errors.front());
    setupLogging(loaded.config.log_level);
    const config::SourceConfig* source = nullptr;
    for (const auto& s : loaded.config.sources)
        if (s.name == sourceName) source = &s;
    if (!source) return sdk::configError("no source named \"" + sourceName + "\" in " + configPath);
    registry::PluginRegistry registry;
    auto name = registry.loadFile(pluginPath);
    if (!name) return name.error();
    if (name.value() != source->connector)
        return sdk::configError(pluginPath + " provides \"" + name.value() + "\", not \"" + source->connector + "\"");
    auto options = config::sourceOptions(*source, registry);
    if (!options) return options.error();
    auto settings = config::transportSettings(*source, registry, sync::processEnv);
    if (!settings) return settings.error();
    sync::SourceTransport transport(settings.value(), &log);
    auto connector = registry.create(source->connector);
    if (!connector) return sdk::systemError("connector \"" + source->connector + "\" is not loaded");
    sdk::SourceRef ref{source->name, source->location};
    sdk::Context ctx{ref, options.value(), transport, log, readAll(STDIN_FILENO)};
    try {
        return connector->read(ctx, sink);
    } catch (const std::exception& e) {
        return sdk::systemError(std::string("the connector threw: ") + e.what());
    }
}

}  // namespace

int runSyncWorker(int argc, char** argv) {
    std::string configPath, source, plugin;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--config") configPath = argv[i + 1];
        else if (key == "--source") source = argv[i + 1];
        else if (key == "--plugin") plugin = argv[i + 1];
    }
    if (configPath.empty() || source.empty() || plugin.empty() || fcntl(wk::kFrameFd, F_GETFD) < 0) {
        std::cerr << "recolte sync-worker is started by the daemon for one sync, not by hand\n";
        return kExitUsage;
    }
    // Frames go only to the private fd; what a plugin prints goes to stderr, with the logs.
    std::fflush(stdout);
    dup2(STDERR_FILENO, STDOUT_FILENO);
    std::set_new_handler(outOfMemory);

    FrameOut out(wk::kFrameFd);
    out.send(wk::FrameType::Hello, wk::helloPayload());
    FrameLog log(out);
    FrameSink sink(out);
    auto result = read(configPath, source, plugin, log, sink);
    if (result) out.send(wk::FrameType::Result, wk::resultPayload(result.value()));
    else out.send(wk::FrameType::Error, wk::errorPayload(result.error()));
    out.flush();
    std::fflush(nullptr);
    _exit(0);  // no static destructors: a plugin's may crash after a good read
}

}  // namespace recolte::app
