#include "sync/isolated_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

#include "sync/worker_protocol.hpp"

// Sanitizer runtimes reserve terabytes of shadow memory: a data limit would stop them at start.
#if defined(__SANITIZE_ADDRESS__)
#define RECOLTE_NO_MEMORY_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define RECOLTE_NO_MEMORY_LIMIT 1
#endif
#endif

namespace recolte::sync {

namespace {

using Clock = std::chrono::steady_clock;

// Closes an fd once.
struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

std::string signalName(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return "signal " + std::to_string(sig) + (abbrev ? std::string(" (SIG") + abbrev + ")" : "");
}

std::string secondsFr(std::chrono::seconds s) {
    const auto n = s.count();
    if (n % 3600 == 0) return std::to_string(n / 3600) + " h";
    if (n % 60 == 0) return std::to_string(n / 60) + " min";
    return std::to_string(n) + " s";
}

// The worker's process group: killed and reaped when the run ends, however it ends (the sink may
// throw a store error).
class Child {
public:
    explicit Child(pid_t pid) : pid_(pid) {}
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child() {
        if (reaped_) return;
        kill(-pid_, SIGKILL);
        rusage usage{};
        int status = 0;
        wait4(pid_, &status, 0, &usage);
    }
    void killGroup() { kill(-pid_, SIGKILL); }
    // Waits for the worker to end (killing it after `grace`), kills what it left in its group, reaps it.
    void reap(std::chrono::milliseconds grace, int& status, rusage& usage) {
        const auto until = Clock::now() + grace;
        siginfo_t info{};
        for (;;) {
            info.si_pid = 0;
            if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_) break;
            if (Clock::now() > until) killGroup();
            usleep(2000);
        }
        killGroup();  // the plugin's own children do not outlive the run (the group id is still ours)
        wait4(pid_, &status, 0, &usage);
        reaped_ = true;
    }

private:
    pid_t pid_;
    bool reaped_ = false;
};

// The child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void execWorker(const std::vector<char*>& argv, int inputFd, int frameFd, const RunLimits& limits) {
    setpgid(0, 0);                     // its own group: the daemon kills the plugin's children too
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a daemon that dies takes its worker with it
#ifndef RECOLTE_NO_MEMORY_LIMIT
    struct rlimit rl{limits.memory_limit, limits.memory_limit};
    setrlimit(RLIMIT_DATA, &rl);
#endif
    // Above every fd the dup2s below will use, then onto 0 and 3 (dup2 clears close-on-exec).
    const int in = fcntl(inputFd, F_DUPFD_CLOEXEC, 10);
    const int fr = fcntl(frameFd, F_DUPFD_CLOEXEC, 10);
    if (in < 0 || fr < 0 || dup2(in, 0) < 0 || dup2(fr, worker::kFrameFd) < 0) _exit(127);
    // Nothing else of the daemon's (listening socket, store files) goes to the plugin.
    if (close_range(worker::kFrameFd + 1, ~0U, 0) != 0)
        for (int fd = worker::kFrameFd + 1; fd < 65536; ++fd) close(fd);
    signal(SIGPIPE, SIG_DFL);
    execv(argv[0], argv.data());
    _exit(127);
}

// Why the worker's end is a failure, from its wait status; empty when it exited with 0.
std::string exitReason(int status, const rusage& usage, const RunLimits& limits) {
    const std::string limit = mebibytesFr(limits.memory_limit);
    if (WIFEXITED(status)) {
        const int code = WEXITSTATUS(status);
        if (code == 0) return {};
        if (code == worker::kExitOutOfMemory) return "limite mémoire de " + limit + " dépassée";
        return "le processus de lecture s'est terminé avec le code " + std::to_string(code);
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        // A C allocation that failed at the limit often ends in an abort or a segfault: say so
        // when the worker had grown close to its limit.
        const uint64_t peak = static_cast<uint64_t>(usage.ru_maxrss) * 1024;
        std::string why = "le connecteur s'est arrêté : " + signalName(sig);
        if (peak * 10 >= limits.memory_limit * 8) why += " ; limite mémoire de " + limit + " atteinte";
        return why;
    }
    return "le processus de lecture s'est arrêté (état " + std::to_string(status) + ")";
}

}  // namespace

bool memoryLimitEnforced() {
#ifdef RECOLTE_NO_MEMORY_LIMIT
    return false;
#else
    return true;
#endif
}

WorkerCommand selfWorkerCommand(const std::string& configPath) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return {ec ? std::string("/proc/self/exe") : exe.string(), configPath};
}

sdk::Expected<sdk::ReadResult> runInWorker(const WorkerCommand& command, const WorkerJob& job, sdk::RecordSink& sink,
                                           sdk::Log& log) {
    int framePipe[2], inputPipe[2];
    if (pipe2(framePipe, O_CLOEXEC) != 0) return sdk::systemError(std::string("pipe: ") + std::strerror(errno));
    Fd frameRead(framePipe[0]), frameWrite(framePipe[1]);
    if (pipe2(inputPipe, O_CLOEXEC) != 0) return sdk::systemError(std::string("pipe: ") + std::strerror(errno));
    Fd inputRead(inputPipe[0]), inputWrite(inputPipe[1]);

    std::vector<std::string> args{command.executable, "sync-worker", "--config", command.config_path,
                                  "--source", job.source, "--plugin", job.plugin_path};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    const auto started = Clock::now();
    const pid_t pid = fork();
    if (pid < 0) return sdk::systemError(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) execWorker(argv, inputRead.fd, frameWrite.fd, job.limits);
    setpgid(pid, pid);  // also here: no window where a kill of the group misses it
    Child child(pid);
    frameWrite.reset();
    inputRead.reset();
    fcntl(frameRead.fd, F_SETFL, O_NONBLOCK);
    fcntl(inputWrite.fd, F_SETFL, O_NONBLOCK);

    const auto deadline = started + job.limits.time_limit;
    worker::FrameDecoder decoder;
    worker::FinalOutcome final;
    std::string failure;  // set when the daemon stops the worker itself
    size_t bookmarkSent = 0;
    std::vector<char> buf(1 << 16);
    bool eof = false;
    if (job.bookmark.empty()) inputWrite.reset();

    while (!eof && failure.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            failure = "limite de temps de " + secondsFr(job.limits.time_limit) + " dépassée";
            break;
        }
        if (job.cancel && job.cancel->load()) {
            failure = "lecture interrompue : arrêt du service";
            break;
        }
        pollfd fds[2] = {{frameRead.fd, POLLIN, 0}, {inputWrite.fd, POLLOUT, 0}};
        const int n = poll(fds, inputWrite.fd >= 0 ? 2 : 1, static_cast<int>(std::min<int64_t>(left, 1000)));
        if (n < 0 && errno != EINTR) {
            failure = std::string("poll: ") + std::strerror(errno);
            break;
        }
        if (inputWrite.fd >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            // MSG_NOSIGNAL does not exist for pipes: a worker gone early is seen as EPIPE with
            // SIGPIPE blocked for this write.
            sigset_t block, old;
            sigemptyset(&block);
            sigaddset(&block, SIGPIPE);
            pthread_sigmask(SIG_BLOCK, &block, &old);
            const ssize_t w = ::write(inputWrite.fd, job.bookmark.data() + bookmarkSent, job.bookmark.size() - bookmarkSent);
            const int writeErrno = errno;
            if (w < 0 && writeErrno == EPIPE) {
                struct timespec zero{0, 0};
                sigtimedwait(&block, nullptr, &zero);  // drop the pending SIGPIPE
            }
            pthread_sigmask(SIG_SETMASK, &old, nullptr);
            if (w > 0) bookmarkSent += static_cast<size_t>(w);
            if ((w < 0 && writeErrno != EAGAIN && writeErrno != EINTR) || bookmarkSent == job.bookmark.size())
                inputWrite.reset();
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        for (;;) {
            const ssize_t r = ::read(frameRead.fd, buf.data(), buf.size());
            if (r == 0) {
                eof = true;
                break;
            }
            if (r < 0) {
                if (errno == EINTR) continue;
                if (errno != EAGAIN) failure = std::string("read: ") + std::strerror(errno);
                break;
            }
            decoder.feed(buf.data(), static_cast<size_t>(r));
            worker::Frame frame;
            for (;;) {
                auto got = decoder.next(frame);
                if (!got) {
                    failure = "réponse illisible du processus de lecture : " + got.error().message;
                    break;
                }
                if (!got.value()) break;
                if (auto applied = worker::applyFrame(std::move(frame), sink, log, final); !applied) {
                    failure = "réponse illisible du processus de lecture : " + applied.error().message;
                    break;
                }
            }
            if (!failure.empty() || r < static_cast<ssize_t>(buf.size())) break;
        }
    }
    inputWrite.reset();
    frameRead.reset();
    if (!eof || !failure.empty()) child.killGroup();
    int status = 0;
    rusage usage{};
    child.reap(std::chrono::seconds(10), status, usage);  // after EOF a worker exits at once

    if (!failure.empty()) return sdk::systemError(failure);
    const std::string reason = exitReason(status, usage, job.limits);
    if (!reason.empty()) return sdk::systemError(reason);
    if (decoder.pending() > 0)
        return sdk::systemError("réponse illisible du processus de lecture : trame incomplète de " +
                                std::to_string(decoder.pending()) + " octets à la fin");
    if (!final.done) return sdk::systemError("le processus de lecture s'est terminé sans donner de résultat");
    return final.result;
}

}  // namespace recolte::sync
