#include <catch2/catch.hpp>

#include "extractor/utf8.h"

using namespace plantjek;

TEST_CASE("utf8: Danish letters are letters and fold case", "[utf8]") {
    std::string s = "ÆØÅ";
    std::size_t i = 0;
    CHECK(utf8::is_letter(utf8::next(s, i)));
    CHECK(utf8::lower("ÆBLE ØL ÅEN") == "æble øl åen");
    CHECK(utf8::length("æøå") == 3);
    CHECK_FALSE(utf8::is_letter(U'1'));
    CHECK(utf8::is_space(U'\u00A0'));
}

TEST_CASE("utf8: NFC composes a + combining ring into å", "[utf8]") {
    CHECK(utf8::nfc("a\xCC\x8A") == "å");
    CHECK(utf8::valid("å"));
    CHECK_FALSE(utf8::valid("\xC3"));
    CHECK(utf8::nfc("\xFF" "a") == "\xEF\xBF\xBD" "a");
    // Already composed text, dashes, quotes and € come back as they are;
    // a combining mark after them is still composed.
    CHECK(utf8::nfc("Århus – „ø“ • 5 €") == "Århus – „ø“ • 5 €");
    CHECK(utf8::nfc("– a\xCC\x8A") == "– å");
    CHECK(utf8::nfc("\xE2\x80\x80") == "\xE2\x80\x82");  // EN QUAD → EN SPACE: outside the shortcut
}

TEST_CASE("utf8: squeeze and all-caps", "[utf8]") {
    CHECK(utf8::squeeze_spaces("  a \n\t b  ") == "a b");
    CHECK(utf8::all_caps("BESKÆFTIGELSESPLAN 2019"));
    CHECK_FALSE(utf8::all_caps("Budget"));
    CHECK_FALSE(utf8::all_caps("A"));
}

TEST_CASE("utf8: the one trim and the one excerpt", "[utf8]") {
    CHECK(utf8::trim(" \t\r\n\v\fÅrhus – mål\r\n ") == "Århus – mål");
    CHECK(utf8::trim("   ").empty());
    CHECK(utf8::trim("\xC2\xA0" "a") == "\xC2\xA0" "a");  // no-break space is not ASCII white space
    // Cut by code points, never inside one, with an ellipsis only when cut.
    CHECK(utf8::excerpt("æøå  ÆØÅ", 7) == "æøå ÆØÅ");
    CHECK(utf8::excerpt("æøå ÆØÅ", 3) == "æøå…");
    CHECK(utf8::excerpt("  fællesskab\n\n", 80) == "fællesskab");
    CHECK(utf8::excerpt("", 5).empty());
    CHECK(utf8::excerpt("abc", 0) == "…");
    CHECK(utf8::excerpt("svt. et fald", 8) == "svt. et…");  // no space before the ellipsis
}
