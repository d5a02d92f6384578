// The pipe protocol between the daemon and its `recolte sync-worker` child (sync/isolated_run.hpp).
// The worker writes frames on a private fd (3; its stdout points at stderr, so a plugin printing
// cannot corrupt them): a 4-byte big-endian payload length, a 1-byte type, the payload. Records go
// as the JSON of model/invoice_record_json.hpp. The first frame is Hello with kProtocolVersion;
// the last is Result or Error. Anything else is garbage and stops the run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::sync::worker {

inline constexpr uint32_t kProtocolVersion = 1;
inline constexpr uint32_t kMaxPayload = 64u << 20;  // a bigger frame is garbage, not a record
inline constexpr int kFrameFd = 3;                   // where the worker finds the frame pipe
// The worker's exit code when an allocation failed (new_handler): the memory limit was reached.
inline constexpr int kExitOutOfMemory = 86;

enum class FrameType : uint8_t {
    Hello = 1,          // "recolte-worker N"
    Offer = 2,          // record JSON
    Producer = 3,
    Need = 4,
    Invoice = 5,
    InvoiceStatus = 6,
    Reject = 7,
    Warning = 8,        // {where, message}
    Log = 9,            // level letter (d, i, w, e) + text
    Progress = 10,      // done, total: 2 x 8 bytes big-endian
    Result = 11,        // unchanged flag byte ('0'/'1') + bookmark
    Error = 12,         // kind byte + where + '\0' + message
};

struct Frame {
    FrameType type = FrameType::Hello;
    std::string payload;
};

// Appends one frame to `out`.
void appendFrame(std::string& out, FrameType type, std::string_view payload);

std::string helloPayload();
std::string progressPayload(uint64_t done, uint64_t total);
std::string resultPayload(const sdk::ReadResult& result);
std::string errorPayload(const sdk::Error& error);

// Decodes bytes as they arrive. next() gives a whole frame (true), asks for more bytes (false), or
// says why the stream is garbage (a data error with a French reason).
class FrameDecoder {
public:
    void feed(const char* data, size_t size) { buffer_.append(data, size); }
    sdk::Expected<bool> next(Frame& frame);
    // Bytes of an incomplete frame left when the stream ended.
    size_t pending() const { return buffer_.size() - pos_; }

private:
    std::string buffer_;
    size_t pos_ = 0;
};

// Turns one frame into a call on the sink or the log. Result and Error frames are stored in
// `final` (the run's outcome); Hello checks the version. A malformed frame is an error naming it.
struct FinalOutcome {
    bool hello = false;
    bool done = false;
    sdk::Expected<sdk::ReadResult> result = sdk::systemError("no result");
};
sdk::Status applyFrame(Frame&& frame, sdk::RecordSink& sink, sdk::Log& log, FinalOutcome& final);

}  // namespace recolte::sync::worker
