#include <gtest/gtest.h>

#include "api/auth_throttle.hpp"

namespace recolte::api {
namespace {

using namespace std::chrono_literals;

// A clock the test moves by hand.
class ThrottleTest : public ::testing::Test {
protected:
    AuthThrottle::Clock::time_point now{};
    AuthThrottle make(int64_t free = 3, std::chrono::seconds maxDelay = 60s, size_t maxAddresses = 100) {
        return AuthThrottle({free, maxDelay, 3600s, maxAddresses}, [this] { return now; });
    }
};

TEST_F(ThrottleTest, TheFirstFailuresAreFreeThenTheDelayDoublesUpToItsCap) {
    auto t = make(3, 10s);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(t.failure("192.0.2.1"), 0) << "free failure " << i;
    EXPECT_EQ(t.waitSeconds("192.0.2.1"), 0);
    EXPECT_EQ(t.failure("192.0.2.1"), 1);
    EXPECT_EQ(t.waitSeconds("192.0.2.1"), 1);
    now += 1s;
    EXPECT_EQ(t.waitSeconds("192.0.2.1"), 0) << "the wait is over after Retry-After seconds";
    EXPECT_EQ(t.failure("192.0.2.1"), 2);
    now += 2s;
    EXPECT_EQ(t.failure("192.0.2.1"), 4);
    now += 4s;
    EXPECT_EQ(t.failure("192.0.2.1"), 8);
    now += 8s;
    EXPECT_EQ(t.failure("192.0.2.1"), 10) << "capped at max_delay";
    for (int i = 0; i < 100; ++i) EXPECT_EQ(t.failure("192.0.2.1"), 10) << "no overflow after many failures";
}

TEST_F(ThrottleTest, WaitIsRoundedUpToWholeSeconds) {
    auto t = make(1, 60s);
    t.failure("a");
    EXPECT_EQ(t.failure("a"), 1);
    now += 300ms;
    EXPECT_EQ(t.waitSeconds("a"), 1) << "0.7 s left is announced as 1 s, never 0";
    now += 700ms;
    EXPECT_EQ(t.waitSeconds("a"), 0);
}

TEST_F(ThrottleTest, OneAddressDoesNotSlowAnotherAndASuccessClearsOnlyItsOwn) {
    auto t = make(2, 60s);
    for (int i = 0; i < 4; ++i) t.failure("10.0.0.1");
    for (int i = 0; i < 4; ++i) t.failure("10.0.0.2");
    EXPECT_GT(t.waitSeconds("10.0.0.1"), 0);
    EXPECT_GT(t.waitSeconds("10.0.0.2"), 0);
    EXPECT_EQ(t.waitSeconds("10.0.0.3"), 0) << "an address never seen waits for nothing";
    t.success("10.0.0.1");
    EXPECT_EQ(t.waitSeconds("10.0.0.1"), 0);
    EXPECT_GT(t.waitSeconds("10.0.0.2"), 0) << "a success elsewhere does not help 10.0.0.2";
    EXPECT_EQ(t.failure("10.0.0.1"), 0) << "after a success the free failures start again";
}

TEST_F(ThrottleTest, FailuresAreForgottenAfterAQuietHour) {
    auto t = make(2, 60s);
    for (int i = 0; i < 3; ++i) t.failure("a");
    EXPECT_GT(t.waitSeconds("a"), 0);
    now += 3600s;
    EXPECT_EQ(t.failure("a"), 0) << "an hour without failure: the count starts from zero";
}

TEST_F(ThrottleTest, TheTableNeverHoldsMoreThanItsCap) {
    auto t = make(1, 60s, 50);
    for (int i = 0; i < 1000; ++i) {
        now += 1ms;
        t.failure("198.51.100." + std::to_string(i));
        ASSERT_LE(t.size(), 50u);
    }
    EXPECT_EQ(t.size(), 50u);
    // The one idle longest went first: the newest addresses are still known.
    t.failure("198.51.100.999");
    EXPECT_GT(t.waitSeconds("198.51.100.999"), 0);
    EXPECT_EQ(t.waitSeconds("198.51.100.0"), 0);
}

}  // namespace
}  // namespace recolte::api
