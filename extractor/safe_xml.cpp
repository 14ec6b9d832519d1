#include "extractor/safe_xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

#include "extractor/utf8.h"

namespace plantjek {

namespace {

struct ParseState {
    unsigned depth = 0, max_depth = 0, limit = 0;
    bool doctype = false, too_deep = false;
    startElementNsSAX2Func start = nullptr;
    endElementNsSAX2Func end = nullptr;
};

ParseState* state_of(void* ctx) { return static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    state_of(ctx)->doctype = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

void on_entity_decl(void* ctx, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
    state_of(ctx)->doctype = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

void on_start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nb_namespaces,
              const xmlChar** namespaces, int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
    ParseState* s = state_of(ctx);
    if (++s->depth > s->max_depth) s->max_depth = s->depth;
    if (s->depth > s->limit) {
        s->too_deep = true;
        xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
        return;
    }
    s->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
}

void on_end(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
    ParseState* s = state_of(ctx);
    if (s->depth > 0) --s->depth;
    s->end(ctx, localname, prefix, uri);
}

xmlParserInputPtr deny_entity_loader(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

void silent(void*, xmlErrorPtr) {}
void silent_generic(void*, const char*, ...) {}

void global_setup() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(deny_entity_loader);
    });
    // Per thread in libxml2: set on every call (cheap).
    xmlSetStructuredErrorFunc(nullptr, silent);
    xmlSetGenericErrorFunc(nullptr, silent_generic);
}

// Also looks for a UTF-16 spelling of the DOCTYPE.
bool mentions_doctype(std::string_view b) {
    if (b.find("<!DOCTYPE") != std::string_view::npos) return true;
    static const char le[] = "<\0!\0D\0O\0C\0T\0Y\0P\0E\0";
    if (b.find(std::string_view(le, sizeof le - 1)) != std::string_view::npos) return true;
    if (b.find(std::string_view(le + 1, sizeof le - 2)) != std::string_view::npos) return true;
    return false;
}

[[noreturn]] void hostile_doctype(std::string_view part) {
    std::string p(part);
    throw ReadError(ErrorKind::hostile,
                    "Filen afvises: delen " + p +
                        " indeholder en DOCTYPE-erklæring (mulige entiteter eller eksterne henvisninger), "
                        "hvad Office-filer aldrig har.",
                    "The file is refused: part " + p +
                        " has a DOCTYPE declaration (possible entities or external references), "
                        "which Office files never have.");
}

}  // namespace

XmlDoc parse_xml(std::string_view bytes, std::string_view part, const Limits& limits) {
    global_setup();
    if (mentions_doctype(bytes)) hostile_doctype(part);
    std::string p(part);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw ReadError(ErrorKind::too_large, "Delen " + p + " er for stor.", "Part " + p + " is too large.");

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        throw ReadError(ErrorKind::too_large, "Der er ikke hukommelse nok til at læse " + p + ".",
                        "Not enough memory to read " + p + ".");
    ParseState st;
    st.limit = limits.max_xml_depth ? limits.max_xml_depth : 1;
    st.start = ctxt->sax->startElementNs ? ctxt->sax->startElementNs : xmlSAX2StartElementNs;
    st.end = ctxt->sax->endElementNs ? ctxt->sax->endElementNs : xmlSAX2EndElementNs;
    ctxt->sax->startElementNs = on_start;
    ctxt->sax->endElementNs = on_end;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->externalSubset = on_doctype;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->serror = silent;
    ctxt->sax->error = silent_generic;
    ctxt->sax->warning = silent_generic;
    ctxt->_private = &st;

    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDoc* doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), p.c_str(), nullptr, options);
    bool well_formed = ctxt->wellFormed != 0;
    std::string why;
    if (ctxt->lastError.message) why = ctxt->lastError.message;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    xmlFreeParserCtxt(ctxt);
    XmlDoc out(doc);  // frees doc on every path below

    if (st.doctype || (doc && (doc->intSubset || doc->extSubset))) hostile_doctype(part);
    // libxml2 stops at depth 256 itself without XML_PARSE_HUGE.
    if (st.too_deep || (!doc && st.max_depth >= std::min(st.limit, 256u)))
        throw ReadError(ErrorKind::hostile,
                        "Filen afvises: delen " + p + " er indlejret dybere end " + std::to_string(st.limit) +
                            " niveauer.",
                        "The file is refused: part " + p + " is nested deeper than " + std::to_string(st.limit) +
                            " levels.");
    if (!doc || !well_formed || !out.root())
        throw ReadError(ErrorKind::corrupt, "Filen er beskadiget: delen " + p + " er ikke gyldig XML.",
                        "The file is damaged: part " + p + " is not well-formed XML" +
                            (why.empty() ? "" : " (" + why + ")") + ".");
    return out;
}

namespace xml {

std::string_view ns_of(const xmlNode* n) {
    if (n && n->ns && n->ns->href) return reinterpret_cast<const char*>(n->ns->href);
    return {};
}

bool is(const xmlNode* n, const char* local, const char* ns) {
    if (!n || n->type != XML_ELEMENT_NODE || !n->name) return false;
    if (std::strcmp(reinterpret_cast<const char*>(n->name), local) != 0) return false;
    return !ns || ns_of(n) == ns;
}

const xmlNode* child(const xmlNode* n, const char* local, const char* ns) {
    if (!n) return nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is(c, local, ns)) return c;
    return nullptr;
}

static void append_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            append_text(c->children, out);
        }
    }
}

std::string attr(const xmlNode* n, const char* local, const char* ns, bool* found) {
    if (found) *found = false;
    if (!n || n->type != XML_ELEMENT_NODE) return {};
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (!a->name || std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
        if (ns && !(a->ns && a->ns->href && std::strcmp(reinterpret_cast<const char*>(a->ns->href), ns) == 0))
            continue;
        if (found) *found = true;
        std::string v;
        for (const xmlNode* c = a->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content) v += reinterpret_cast<const char*>(c->content);
        return v;
    }
    return {};
}

bool has_attr(const xmlNode* n, const char* local, const char* ns) {
    bool f = false;
    attr(n, local, ns, &f);
    return f;
}

std::string text(const xmlNode* n) {
    std::string out;
    if (n) append_text(n->children, out);
    return out;
}

}  // namespace xml

namespace office {

static std::string roman(int v, bool upper) {
    if (v <= 0 || v >= 4000) return std::to_string(v);
    static const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char* syms[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    std::string out;
    for (int i = 0; i < 13; ++i)
        while (v >= vals[i]) {
            out += syms[i];
            v -= vals[i];
        }
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Word and LibreOffice both write a, b, ..., z, aa, bb, ...
static std::string letters(int v, bool upper) {
    if (v <= 0) return std::to_string(v);
    char c = static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26);
    return std::string(static_cast<std::size_t>((v - 1) / 26 + 1), c);
}

std::string format_counter(int value, std::string_view f) {
    if (f == "upperRoman" || f == "I") return roman(value, true);
    if (f == "lowerRoman" || f == "i") return roman(value, false);
    if (f == "upperLetter" || f == "A") return letters(value, true);
    if (f == "lowerLetter" || f == "a") return letters(value, false);
    if (f == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
    return std::to_string(value);
}

using utf8::trim;

std::string label(std::string_view s) {
    std::string t(trim(s));
    if (t.size() > 1 && t.back() == '.') t.pop_back();
    return t;
}


}  // namespace office
}  // namespace plantjek
