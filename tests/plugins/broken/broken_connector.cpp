// A connector that misbehaves on purpose, for the isolation tests (tests/integration/test_isolation.py).
// It reads what to do from the file `mode` in its source folder at each read, so one daemon can see
// every failure in turn: it emits `count` good offers first, then
//   ok       returns normally
//   crash    dereferences a null pointer (SIGSEGV)
//   abort    calls abort() (SIGABRT)
//   hang     sleeps forever (the time limit must kill it)
//   leak     allocates and touches memory, up to 1 GiB (a lower memory limit must stop it)
//   corrupt  writes random bytes onto the frame pipe, fd 3 (the daemon must refuse them)
//   garbage  prints random bytes on stdout and stderr, then emits nonsense records and returns
//   flaky    fails with "crash" every other read (counted in the file `runs`), else as ok
// Never installed, never in a bundled config.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"

namespace {

using namespace recolte::sdk;

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::string s;
    std::getline(in, s);
    return s;
}

std::string randomBytes(std::mt19937& rng, size_t n) {
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

void crash() {
    volatile int* p = nullptr;
    *p = 42;
}

class BrokenConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "test_broken", "0.0.1", "Misbehaves as its folder's `mode` file says (isolation tests)",
            {{"count", OptionType::Integer, "5", false, false, "Good offers emitted before misbehaving", {}}},
            {{Stream::Offers, "Generated offers"}}};
        return d;
    }
    Status check(Context&) override { return Status::success(); }
    Expected<std::vector<StreamInfo>> discover(Context&) override { return describe().streams; }

    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
        const std::string dir = ctx.source.location;
        std::string mode = readFile(dir + "/mode");
        if (mode == "flaky") {
            const std::string runsText = readFile(dir + "/runs");
            const int runs = runsText.empty() ? 0 : std::atoi(runsText.c_str());
            std::ofstream(dir + "/runs") << runs + 1 << "\n";
            mode = runs % 2 == 1 ? "crash" : "ok";
        }
        const int64_t count = ctx.options.getInt("count", 5);
        for (int64_t i = 0; i < count; ++i) {
            OfferRecord o;
            o.source_id = "B" + std::to_string(i);
            o.name = "Produit fragile " + std::to_string(i);
            o.producer.source_key = "P1";
            o.producer.name = "Ferme fragile";
            o.producer.address.postcode = "31000";
            o.price = Decimal::fromInt(2 + i);
            o.price_unit = "kg";
            o.where.file = dir + "/mode";
            o.where.line = i + 1;
            sink.offer(std::move(o));
        }
        std::mt19937 rng(12345);
        if (mode == "crash") crash();
        if (mode == "abort") std::abort();
        if (mode == "hang")
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(60));
        if (mode == "leak") {
            // Touched, so really resident. Capped at 1 GiB, so that a build without a memory
            // limit (sanitizers) does not eat the machine.
            std::vector<std::vector<char>> hoard;
            for (int i = 0; i < 64; ++i) hoard.emplace_back(16 << 20, 'x');
            return systemError("1 Gio alloué sans atteindre de limite mémoire");
        }
        if (mode == "corrupt") {
            const std::string junk = randomBytes(rng, 4096);
            for (int i = 0; i < 64; ++i)
                if (::write(3, junk.data(), junk.size()) < 0) break;
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(60));  // the daemon must kill it
        }
        if (mode == "garbage") {
            for (int i = 0; i < 16; ++i) {
                const std::string junk = randomBytes(rng, 4096);
                (void)!::write(1, junk.data(), junk.size());
                (void)!::write(2, junk.data(), junk.size());
            }
            for (int i = 0; i < 3; ++i) {
                OfferRecord o;  // nonsense: no id, no name, invalid UTF-8, no price
                o.name = randomBytes(rng, 40);
                o.description = "<script>alert(1)</script>";
                o.where.line = 1000 + i;
                sink.offer(std::move(o));
            }
            NeedRecord n;  // a need with nothing in it
            n.where.line = 2000;
            sink.need(std::move(n));
            sink.reject(Reject{{}, randomBytes(rng, 30), randomBytes(rng, 30)});
            sink.progress(7, 3);
        }
        return ReadResult{false, "mode " + mode};
    }
};

}  // namespace

RECOLTE_CONNECTOR(BrokenConnector, "test_broken", "0.0.1")
