// LineCap: over-long lines are left out (their end of line kept) and listed, whatever the chunking;
// FileTransport applies it when a connector asks for max_line_bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/temp_dir.hpp"
#include "sync/file_transport.hpp"
#include "sync/line_cap.hpp"

namespace recolte::sync {
namespace {

// Feeds `text` to a LineCap of `max` bytes per line in pieces of `chunk` bytes.
sdk::Blob capped(const std::string& text, uint64_t max, size_t chunk) {
    sdk::Blob blob;
    LineCap cap(blob, max);
    for (size_t at = 0; at < text.size(); at += chunk) cap.append(text.data() + at, std::min(chunk, text.size() - at));
    cap.finish();
    return blob;
}

TEST(LineCap, LeavesOutLongLinesAndKeepsTheirEnds) {
    const std::string text = "a;b\n" + std::string(30, 'x') + "\nc;d\r\n" + std::string(11, 'y') + "\ne;f";
    for (size_t chunk : {1u, 3u, 7u, 64u}) {
        const auto blob = capped(text, 10, chunk);
        EXPECT_EQ(blob.bytes, "a;b\n\nc;d\r\n\ne;f") << "chunk " << chunk;
        ASSERT_EQ(blob.long_lines.size(), 2u) << "chunk " << chunk;
        EXPECT_EQ(blob.long_lines[0].line, 2);
        EXPECT_EQ(blob.long_lines[0].bytes, 30u);
        EXPECT_EQ(blob.long_lines[0].start, std::string(30, 'x'));
        EXPECT_EQ(blob.long_lines[1].line, 4);
        EXPECT_EQ(blob.long_lines[1].bytes, 11u);
    }
}

TEST(LineCap, LoneCrAndCrlfEndLinesAsForTheCsvReader) {
    const std::string text = "a\r" + std::string(20, 'x') + "\r\nb\rc\r\n" + std::string(20, 'y') + "\r";
    for (size_t chunk : {1u, 2u, 5u, 64u}) {
        const auto blob = capped(text, 10, chunk);
        EXPECT_EQ(blob.bytes, "a\r\r\nb\rc\r\n\r") << "chunk " << chunk;
        ASSERT_EQ(blob.long_lines.size(), 2u) << "chunk " << chunk;
        EXPECT_EQ(blob.long_lines[0].line, 2);
        EXPECT_EQ(blob.long_lines[1].line, 5);
    }
}

TEST(LineCap, ALineOfExactlyTheCapIsKept) {
    const auto blob = capped(std::string(10, 'z') + "\n", 10, 4);
    EXPECT_EQ(blob.bytes, std::string(10, 'z') + "\n");
    EXPECT_TRUE(blob.long_lines.empty());
}

TEST(LineCap, ALastLineWithoutEndIsStillCapped) {
    const auto blob = capped("ok\n" + std::string(500, 'q'), 100, 64);
    EXPECT_EQ(blob.bytes, "ok\n");
    ASSERT_EQ(blob.long_lines.size(), 1u);
    EXPECT_EQ(blob.long_lines[0].line, 2);
    EXPECT_EQ(blob.long_lines[0].bytes, 500u);
    EXPECT_EQ(blob.long_lines[0].start, std::string(200, 'q'));  // the excerpt's first bytes only
}

TEST(LineCap, NoCapAppendsEverything) {
    const std::string text = std::string(5000, 'w') + "\nx";
    const auto blob = capped(text, 0, 1000);
    EXPECT_EQ(blob.bytes, text);
    EXPECT_TRUE(blob.long_lines.empty());
}

TEST(FileTransportLines, AConnectorAskingForALineCapGetsTheLongLinesListed) {
    testing::TempDir dir;
    const auto path = dir.path() / "long.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "nom;prix\n" << std::string(3 << 20, 'L') << "\npommes;2,10\n";
    }
    FileTransport transport;
    sdk::FetchOptions options;
    options.max_line_bytes = 1 << 20;
    auto blob = transport.fetch(path.string(), options);
    ASSERT_TRUE(blob) << blob.error().describe();
    EXPECT_EQ(blob->bytes, "nom;prix\n\npommes;2,10\n");
    ASSERT_EQ(blob->long_lines.size(), 1u);
    EXPECT_EQ(blob->long_lines[0].line, 2);
    EXPECT_EQ(blob->long_lines[0].bytes, 3u << 20);

    auto whole = transport.fetch(path.string());  // no cap asked: the file as it is
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->bytes.size(), (3u << 20) + 22);
    EXPECT_TRUE(whole->long_lines.empty());
}

}  // namespace
}  // namespace recolte::sync
