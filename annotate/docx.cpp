// DOCX → the same file with Word comments (author "plantjek").
//
// document.xml changes only by the comment range marks and reference runs;
// the comments go into the existing comments part (after its own) or a new
// word/comments.xml, which then gets its line in [Content_Types].xml and
// document.xml.rels. Every other entry is copied unchanged (its compressed
// bytes, by libzip). Existing comments and tracked changes are kept.
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "annotate/annotate.h"
#include "annotate/place.h"
#include "annotate/zip_edit.h"
#include "extractor/safe_xml.h"
#include "extractor/safe_zip.h"

namespace plantjek {

namespace {

const char* kCommentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const char* kCommentsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

ReadError not_docx(const std::string& what) {
    return ReadError(ErrorKind::corrupt, "DOCX-filen kan ikke kommenteres: " + what,
                     "The DOCX file cannot be annotated: " + what);
}

// The highest w:id="N" in a part (comments, tracked changes and bookmarks
// share the id space in practice), so that new ids are unused.
long max_id(const std::string& xml) {
    long m = -1;
    static const std::regex id(R"re(w:id="(-?[0-9]{1,9})")re");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), id); it != std::sregex_iterator(); ++it)
        m = std::max(m, std::stol((*it)[1]));
    return m;
}

std::string comment_xml(long id, const std::vector<std::string>& lines) {
    std::string s = "<w:comment w:id=\"" + std::to_string(id) + "\" w:author=\"plantjek\" w:date=\"" +
                    kAnnotationDate + "\" w:initials=\"PJ\">";
    for (const auto& line : lines)
        s += "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(line) + "</w:t></w:r></w:p>";
    return s + "</w:comment>";
}

// The comments part's target from document.xml.rels ("comments.xml"), "".
std::string comments_target(const std::string& rels) {
    static const std::regex rel(R"re(<Relationship\b[^>]*>)re");
    for (auto it = std::sregex_iterator(rels.begin(), rels.end(), rel); it != std::sregex_iterator(); ++it) {
        std::string tag = it->str();
        if (tag.find(std::string("Type=\"") + kCommentsRel + "\"") == std::string::npos) continue;
        std::smatch m;
        if (std::regex_search(tag, m, std::regex(R"re(Target="([^"]+)")re"))) return m[1];
    }
    return "";
}

std::string insert_before_last(const std::string& xml, const std::string& closing, const std::string& what) {
    std::size_t at = xml.rfind(closing);
    if (at == std::string::npos) throw not_docx("mangler " + closing);
    return xml.substr(0, at) + what + xml.substr(at);
}

// The comments after those the part has; an empty part may be one
// self-closing <w:comments …/>.
std::string add_comments(const std::string& part, const std::string& added) {
    if (part.rfind("</w:comments>") != std::string::npos) return insert_before_last(part, "</w:comments>", added);
    std::size_t root = part.find("<w:comments");
    std::size_t gt = root == std::string::npos ? root : part.find('>', root);
    if (gt == std::string::npos || gt == 0 || part[gt - 1] != '/') throw not_docx("comments.xml har ingen <w:comments>");
    return part.substr(0, gt - 1) + ">" + added + "</w:comments>" + part.substr(gt + 1);
}

// The marks for comment `id` on paragraph p: its range over the whole
// paragraph content, and the reference run at its end.
struct Mark {
    std::size_t at;
    std::string text;
};

void marks_for(const std::string& xml, const Para& p, long id, std::vector<Mark>& marks) {
    std::size_t start = p.open_end;
    std::size_t ppr = xml.find("<w:pPr", p.open_end);
    if (ppr == p.open_end) {
        std::size_t end = xml.find("</w:pPr>", ppr);
        std::size_t self = xml.find("/>", ppr);
        std::size_t gt = xml.find('>', ppr);
        if (self != std::string::npos && self + 1 == gt) start = gt + 1;
        else if (end != std::string::npos && end < p.close_begin) start = end + 8;
    }
    std::string n = std::to_string(id);
    marks.push_back({start, "<w:commentRangeStart w:id=\"" + n + "\"/>"});
    marks.push_back({p.close_begin, "<w:commentRangeEnd w:id=\"" + n + "\"/><w:r><w:commentReference w:id=\"" + n +
                                        "\"/></w:r>"});
}

std::string apply_marks(const std::string& xml, std::vector<Mark> marks) {
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.at < b.at; });
    std::string out;
    out.reserve(xml.size() + marks.size() * 80);
    std::size_t from = 0;
    for (const auto& m : marks) {
        out.append(xml, from, m.at - from);
        out += m.text;
        from = m.at;
    }
    out.append(xml, from, std::string::npos);
    return out;
}

const ParaSyntax kDocx{{"w:p"}, "w:t", {"w:delText", "w:instrText"}};

}  // namespace

std::string annotate_docx(std::string_view original, const Notes& notes, const AnnotateOptions& opts) {
    SafeZip zip(original, opts.limits);
    auto doc = zip.read("word/document.xml");
    if (!doc) throw not_docx("word/document.xml mangler");
    parse_xml(*doc, "word/document.xml", opts.limits);  // refuses what the reader refuses (DOCTYPE, depth)
    std::string rels = zip.read("word/_rels/document.xml.rels").value_or("");
    std::string types = zip.read("[Content_Types].xml").value_or("");
    if (rels.empty() || types.empty()) throw not_docx("[Content_Types].xml eller document.xml.rels mangler");
    std::string target = comments_target(rels);
    std::string part = target.empty() ? "word/comments.xml" : "word/" + target;
    std::optional<std::string> comments = target.empty() ? std::nullopt : zip.read(part);
    if (comments) parse_xml(*comments, part, opts.limits);

    long id = std::max(max_id(*doc), comments ? max_id(*comments) : -1) + 1;
    std::vector<Para> paras = scan_paragraphs(*doc, kDocx);
    if (paras.empty()) throw not_docx("dokumentet har ingen afsnit");
    std::vector<int> where = place_notes(paras, notes.placed);

    std::vector<std::string> summary = notes.summary;
    std::vector<Mark> marks;
    std::string added;
    std::vector<std::string> unplaced;
    for (std::size_t i = 0; i < notes.placed.size(); ++i)
        if (where[i] < 0) unplaced.push_back("– " + notes.placed[i].text);
    if (!unplaced.empty()) {
        summary.push_back(opts.lang == Lang::da ? "Uden sted i teksten:" : "Without a place in the text:");
        summary.insert(summary.end(), unplaced.begin(), unplaced.end());
    }
    marks_for(*doc, paras.front(), id, marks);
    added += comment_xml(id++, summary);
    for (std::size_t i = 0; i < notes.placed.size(); ++i) {
        if (where[i] < 0) continue;
        marks_for(*doc, paras[where[i]], id, marks);
        added += comment_xml(id++, {notes.placed[i].text});
    }

    ZipEdit edit(original);
    edit.replace("word/document.xml", apply_marks(*doc, marks));
    if (comments) {
        edit.replace(part, add_comments(*comments, added));
    } else {
        edit.add("word/comments.xml",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments "
                 "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
                     added + "</w:comments>");
        edit.replace("[Content_Types].xml",
                     insert_before_last(types, "</Types>",
                                        std::string("<Override PartName=\"/word/comments.xml\" ContentType=\"") +
                                            kCommentsType + "\"/>"));
        edit.replace("word/_rels/document.xml.rels",
                     insert_before_last(rels, "</Relationships>",
                                        std::string("<Relationship Id=\"rIdPlantjekComments\" Type=\"") + kCommentsRel +
                                            "\" Target=\"comments.xml\"/>"));
    }
    return edit.finish();
}

}  // namespace plantjek
