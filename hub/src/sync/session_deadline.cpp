#include "sync/session_deadline.hpp"

#include <sys/socket.h>

namespace recolte::sync {

SessionDeadline::SessionDeadline(Poco::Net::HTTPClientSession& session, std::chrono::steady_clock::time_point deadline) {
    watcher_ = std::thread([this, &session, deadline] {
        std::unique_lock lock(mutex_);
        if (wake_.wait_until(lock, deadline, [this] { return done_; })) return;
        // shutdown(2) rather than Poco's abort(): it only wakes the reader, and closes no file
        // descriptor under the thread that is using it (TLS included).
        const auto fd = session.socket().impl()->sockfd();
        if (fd != POCO_INVALID_SOCKET) ::shutdown(fd, SHUT_RDWR);
    });
}

SessionDeadline::~SessionDeadline() {
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    wake_.notify_one();
    watcher_.join();
}

}  // namespace recolte::sync
