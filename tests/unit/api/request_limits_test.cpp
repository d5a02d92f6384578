#include <gtest/gtest.h>

#include <Poco/Net/HTTPRequest.h>

#include "api/request_limits.hpp"

namespace recolte::api {
namespace {

config::HttpLimits small() {
    config::HttpLimits l;
    l.max_uri = 100;
    l.max_header_fields = 5;
    l.max_header_name = 20;
    l.max_header_value = 50;
    return l;
}

Poco::Net::HTTPRequest request(const std::string& uri) {
    return Poco::Net::HTTPRequest(Poco::Net::HTTPRequest::HTTP_GET, uri, Poco::Net::HTTPMessage::HTTP_1_1);
}

TEST(RequestLimits, ARequestWithinEveryLimitPasses) {
    auto req = request("/api/v1/offers?q=" + std::string(80, 'a'));
    req.set("Host", "127.0.0.1");
    req.set("X-Twenty-Characters-", std::string(50, 'v'));
    EXPECT_FALSE(checkHeaderLimits(req, small()));
}

TEST(RequestLimits, ALongUriIs414) {
    auto breach = checkHeaderLimits(request("/" + std::string(100, 'a')), small());
    ASSERT_TRUE(breach);
    EXPECT_EQ(breach->status, 414);
    EXPECT_EQ(breach->message, "adresse demandée trop longue : 101 octets (100 au plus)");
}

TEST(RequestLimits, TooManyFieldsALongNameOrALongValueIs431) {
    auto many = request("/");
    for (int i = 0; i < 6; ++i) many.add("X-" + std::to_string(i), "v");
    auto breach = checkHeaderLimits(many, small());
    ASSERT_TRUE(breach);
    EXPECT_EQ(breach->status, 431);
    EXPECT_EQ(breach->message, "trop d'en-têtes : 6 (5 au plus)");

    auto name = request("/");
    name.set("X-" + std::string(19, 'n'), "v");
    breach = checkHeaderLimits(name, small());
    ASSERT_TRUE(breach);
    EXPECT_EQ(breach->status, 431);
    EXPECT_NE(breach->message.find("nom d'en-tête trop long"), std::string::npos) << breach->message;

    auto value = request("/");
    value.set("Cookie", std::string(51, 'v'));
    breach = checkHeaderLimits(value, small());
    ASSERT_TRUE(breach);
    EXPECT_EQ(breach->status, 431);
    EXPECT_EQ(breach->message, "valeur de l'en-tête « Cookie » trop longue : 51 octets (50 au plus)");
}

TEST(RequestLimits, BodiesAreSeenWhetherSizedOrChunked) {
    auto req = request("/");
    EXPECT_FALSE(hasBody(req));
    req.setContentLength64(0);
    EXPECT_FALSE(hasBody(req));
    req.setContentLength64(10);
    EXPECT_TRUE(hasBody(req));
    EXPECT_FALSE(declaredBeyond(req, 10));
    EXPECT_EQ(declaredBeyond(req, 9), 10);
    auto chunked = request("/");
    chunked.setChunkedTransferEncoding(true);
    EXPECT_TRUE(hasBody(chunked));
    EXPECT_FALSE(declaredBeyond(chunked, 1)) << "no length declared: the reader enforces the cap";
}

TEST(RequestLimits, SizesInFrench) {
    EXPECT_EQ(frenchSize(1 << 20), "1 Mio");
    EXPECT_EQ(frenchSize(int64_t{50} << 20), "50 Mio");
    EXPECT_EQ(frenchSize(2048), "2 Kio");
    EXPECT_EQ(frenchSize(1500), "1500 octets");
}

}  // namespace
}  // namespace recolte::api
