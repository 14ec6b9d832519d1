// Parsing untrusted XML parts (DOCX, ODT) with libxml2, safely.
//
// Why: OOXML and ODF parts never carry a DOCTYPE, so any DOCTYPE is refused
// (ErrorKind::hostile) as soon as the parser meets it, before a single
// entity is declared: billion-laughs and external entities (XXE) cannot
// work. The parse uses XML_PARSE_NONET only (never NOENT, DTDLOAD, HUGE,
// XINCLUDE), a deny-all external entity loader is installed process-wide,
// and nesting deeper than Limits::max_xml_depth is refused as hostile.
// libxml2 writes nothing to stderr. Whitespace is kept (w:t
// xml:space="preserve", text:s matter).
//
// Never call xmlNodeGetContent()/xmlGetProp() on these trees: use text()
// and attr() below, which walk text nodes themselves.
//
// Costs: one DOM in memory, roughly 5-10 times the part's size; a
// document.xml of a 200-page plan parses in a few milliseconds.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <libxml/tree.h>

#include "extractor/reader.h"

namespace plantjek {

struct XmlDocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

class XmlDoc {
public:
    explicit XmlDoc(xmlDoc* d) : doc_(d) {}
    const xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }

private:
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc_;
};

// Parses one part. `part` names it in messages ("word/document.xml").
// Throws ReadError: corrupt (not well-formed), hostile (DOCTYPE, too deep).
XmlDoc parse_xml(std::string_view bytes, std::string_view part, const Limits& limits);

namespace xml {

// Element with this local name (any namespace when ns is null).
bool is(const xmlNode* n, const char* local, const char* ns = nullptr);
// The namespace URI of an element or attribute ("" when none).
std::string_view ns_of(const xmlNode* n);
// First child element with this local name, or null.
const xmlNode* child(const xmlNode* n, const char* local, const char* ns = nullptr);
// Attribute value by local name (any namespace when ns is null); `found`
// tells an empty value from a missing one.
std::string attr(const xmlNode* n, const char* local, const char* ns = nullptr, bool* found = nullptr);
bool has_attr(const xmlNode* n, const char* local, const char* ns = nullptr);
// All text below n, in document order.
std::string text(const xmlNode* n);

}  // namespace xml

// Small helpers shared by the DOCX and ODT readers.
namespace office {

// A list counter in a numbering format: OOXML w:numFmt names ("decimal",
// "upperRoman", "lowerLetter", "decimalZero", ...) and ODF style:num-format
// values ("1", "I", "i", "A", "a"). Unknown formats give decimal.
std::string format_counter(int value, std::string_view format);

// A numbering label as Block::number keeps it: trimmed, one trailing '.'
// removed ("2.1." → "2.1", "a)" stays).
std::string label(std::string_view s);

}  // namespace office
}  // namespace plantjek
