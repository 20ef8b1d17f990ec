// Tests of sixteen bytes at once (SSE2), for the scans that find where a
// word ends: a loop of a byte a round mispredicts its exit at the end of
// nearly every word, where a mask of sixteen bytes and a count of its
// trailing zeros does not. Each caller keeps a loop of a byte a round for
// builds without SSE2.
#ifndef WHOSAID_INTERNAL_BYTE_MASKS_H_
#define WHOSAID_INTERNAL_BYTE_MASKS_H_

#if defined(__SSE2__)
#include <emmintrin.h>

#include <cstdint>

namespace whosaid {
namespace internal {

// The high bit set in each byte of `x` in lo .. lo + n - 1, clear in the
// others; the low bits are of no meaning: the masks of this file are only
// or-ed, and-ed and read by _mm_movemask_epi8(). (An unsigned range test as
// a signed one: x - lo, shifted by 128, is signed-less than n - 128 for an x
// in that range only, and their saturated difference is negative then
// only: no comparison, which would take a copy of a constant.)
inline __m128i BytesInRange16(__m128i x, char lo, char n) {
  return _mm_subs_epi8(
      _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-128 - lo))),
      _mm_set1_epi8(static_cast<char>(-128 + n)));
}

// The high bit set in each byte of `x` that is an ASCII letter of either
// case (see BytesInRange16()).
inline __m128i AsciiLetters16(__m128i x) {
  return BytesInRange16(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
}

// The high bit set in each byte of `x` that is an ASCII letter or digit.
inline __m128i AsciiAlnum16(__m128i x) {
  return _mm_or_si128(AsciiLetters16(x), BytesInRange16(x, '0', 10));
}

// Bit k set for each of the 16 bytes of `x` that is no ASCII letter or
// digit.
inline uint32_t NotAlnum16(__m128i x) {
  return ~static_cast<uint32_t>(_mm_movemask_epi8(AsciiAlnum16(x))) & 0xFFFF;
}

}  // namespace internal
}  // namespace whosaid

#endif  // __SSE2__
#endif  // WHOSAID_INTERNAL_BYTE_MASKS_H_
