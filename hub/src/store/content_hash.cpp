#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace recolte::store {

// A 64-bit multiply-xorshift hash over 8-byte words: change detection needs speed and stability,
// not cryptographic strength (collisions would only make a changed record look unchanged once in
// 2^64).
std::string contentHash(std::string_view bytes) {
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = 0xCBF29CE484222325ull ^ (bytes.size() * k);
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        w *= k;
        w ^= w >> 29;
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    uint64_t tail = 0;
    for (size_t j = 0; i + j < bytes.size(); ++j) tail |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i + j])) << (8 * j);
    h = (h ^ (tail * k)) * 0x94D049BB133111EBull;
    h ^= h >> 32;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    static const char* hex = "0123456789abcdef";
    std::string out(16, '0');
    for (int n = 15; n >= 0; --n, h >>= 4) out[n] = hex[h & 0xF];
    return out;
}

const char* toString(Change c) {
    switch (c) {
        case Change::Added: return "added";
        case Change::Changed: return "changed";
        case Change::PriceChanged: return "price_changed";
        case Change::Removed: return "removed";
    }
    return "changed";
}

}  // namespace recolte::store
