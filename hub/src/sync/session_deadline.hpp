// A bound on the whole of one HTTP exchange. The per-read timeout never fires for a server that
// trickles a byte a second, so a watcher thread shuts the connection down at the deadline; the
// blocked read then returns, and the transport, seeing the time, reports the deadline.
#pragma once

#include <Poco/Net/HTTPClientSession.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace recolte::sync {

class SessionDeadline {
public:
    SessionDeadline(Poco::Net::HTTPClientSession& session, std::chrono::steady_clock::time_point deadline);
    ~SessionDeadline();  // stops watching; the session is left alone
    SessionDeadline(const SessionDeadline&) = delete;
    SessionDeadline& operator=(const SessionDeadline&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    std::thread watcher_;
};

}  // namespace recolte::sync
