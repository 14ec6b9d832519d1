// -f letter-docx: the region's letter (letter.h) as a Word document the
// consultant can edit before sending: A4, the same text as the HTML letter,
// plain paragraphs with direct formatting (numbers written out, no
// numbering part), so that Word, LibreOffice and python-docx read it alike.
// Built from an empty zip with ZipEdit (annotate/zip_edit.h): the bytes
// depend on the report and the date alone.
#include <sstream>

#include "annotate/place.h"
#include "annotate/zip_edit.h"
#include "cli/writers/letter.h"

namespace plantjek {

namespace {

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

const char* kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

const char* kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

// The document's defaults: Georgia 11 pt, a little space after each paragraph.
const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>)"
    R"(<w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:cs="Georgia"/><w:sz w:val="22"/>)"
    R"(<w:lang w:val="da-DK"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>)"
    R"(</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
    R"(</w:styles>)";

struct Run {
    std::string text;
    bool bold = false, grey = false;
    int half_points = 0;  // 0: the default size
};

// One paragraph: alignment ("right" or ""), left indent in twips, its runs.
std::string para(const std::vector<Run>& runs, const std::string& align = "", int indent = 0, int after = -1) {
    std::string p = "<w:p><w:pPr>";
    if (after >= 0) p += "<w:spacing w:after=\"" + std::to_string(after) + "\"/>";
    if (indent) p += "<w:ind w:left=\"" + std::to_string(indent) + "\"/>";
    if (!align.empty()) p += "<w:jc w:val=\"" + align + "\"/>";
    p += "</w:pPr>";
    for (const auto& r : runs) {
        p += "<w:r><w:rPr>";
        if (r.bold) p += "<w:b/>";
        if (r.grey) p += "<w:color w:val=\"555555\"/>";
        if (r.half_points) p += "<w:sz w:val=\"" + std::to_string(r.half_points) + "\"/>";
        p += "</w:rPr><w:t xml:space=\"preserve\">" + xml_escape(r.text) + "</w:t></w:r>";
    }
    return p + "</w:p>";
}

// Each line of `text` a paragraph of its own (the sender's contact may have several).
std::string lines(const std::string& text, const std::string& align, bool grey, int half_points) {
    std::string out, line;
    std::istringstream in(text);
    while (std::getline(in, line))
        if (!line.empty()) out += para({{line, false, grey, half_points}}, align, 0, 0);
    return out;
}

std::string section_xml(const LetterSection& s, Lang l) {
    std::string x = para({{s.heading, true, false, 23}}, "", 0, 80);
    int n = 0;
    for (const auto& it : s.items) {
        const std::string mark = s.numbered ? std::to_string(++n) + ". " : "• ";
        std::vector<Run> head = {{mark, false, false, 0}};
        if (!it.title.empty()) head.push_back({it.title + ". ", true, false, 0});
        head.push_back({it.text, false, false, 0});
        if (!it.where.empty()) head.push_back({" (" + it.where + ")", false, true, 19});
        x += para(head, "", 0, it.fix.empty() && it.basis.empty() ? 100 : 40);
        if (!it.fix.empty()) x += para({{(l == Lang::da ? "Forslag: " : "Suggestion: ") + it.fix, false, false, 0}}, "", 360, it.basis.empty() ? 100 : 40);
        if (!it.basis.empty()) x += para({{(l == Lang::da ? "Hjemmel: " : "Legal basis: ") + it.basis, false, true, 19}}, "", 360, 100);
    }
    return x;
}

std::string document_xml(const Letter& t, Lang l) {
    std::string body = lines(t.sender_name, "right", t.sender_name_blank, 20) + lines(t.sender_contact, "right", t.sender_contact_blank, 20);
    body += para({}, "", 0, 200) + para({{t.recipient}}, "", 0, 0) + para({{t.jobcentre}}, "", 0, 240);
    body += para({{t.date}}, "right", 0, 300) + para({{t.subject, true, false, 26}}, "", 0, 200) + para({{t.opening}});
    for (const auto& s : t.sections) body += section_xml(s, l);
    body += para({{t.closing}}, "", 0, 400) + para({{t.greeting}}, "", 0, 300) + para({{t.sender_name, false, t.sender_name_blank, 0}});
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
           body +
           R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>)"
           R"(<w:pgMar w:top="1247" w:right="1134" w:bottom="1134" w:left="1247" w:header="708" w:footer="708" w:gutter="0"/>)"
           R"(</w:sectPr></w:body></w:document>)";
}

}  // namespace

void write_letter_docx(std::ostream& os, const Report& r, const WriterOptions& o) {
    static const std::string kEmptyZip("PK\x05\x06" + std::string(18, '\0'));
    ZipEdit z(kEmptyZip);
    z.add("[Content_Types].xml", kContentTypes);
    z.add("_rels/.rels", kPackageRels);
    z.add("word/_rels/document.xml.rels", kDocumentRels);
    z.add("word/styles.xml", kStyles);
    z.add("word/document.xml", document_xml(compose_letter(r, o), o.lang));
    os << z.finish();
}

}  // namespace plantjek
