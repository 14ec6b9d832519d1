// The report as one self-contained HTML page, for a person with no training:
// the verdict first, then the checklist with the legal basis of each
// requirement and the passage that satisfied it (matched words marked), the
// plan's outline with the requirements found in each section, the minister's
// goals and their targets, the other findings by section, the deadlines, the
// spelling list and how the plan was identified.
//
// Why this shape: inline CSS only, no scripts, no fonts or images from the
// network, so the file can be mailed, archived and printed (print CSS drops
// the navigation and keeps colours). Every piece of document text goes
// through html_escape, so nothing a plan says can become markup. Output is
// deterministic: no dates, no random ids.
#include <cctype>
#include <map>
#include <sstream>

#include "cli/writers/writer.h"
#include "extractor/utf8.h"

namespace plantjek {

namespace {

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

using E = std::string;  // escaped HTML

const char* kCss = R"CSS(
:root{--ok:#1a7f37;--bad:#b42318;--warn:#9a5b00;--dim:#667085;--line:#d0d5dd;--bg:#f8f9fb}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2939;margin:0;background:#fff}
.wrap{max-width:1100px;margin:0 auto;padding:0 24px 48px}
.banner{padding:20px 24px;color:#fff;margin:0 0 16px}
.banner.conformant{background:var(--ok)}.banner.nonconformant{background:var(--bad)}.banner.unreadable{background:#475467}.banner.not-a-plan{background:var(--dim)}
.banner .verdict{font-size:28px;font-weight:700;letter-spacing:.04em;margin:0}
.banner h1{font-size:20px;font-weight:600;margin:4px 0 8px}
.banner p{margin:4px 0}
.banner dl{display:flex;flex-wrap:wrap;gap:4px 24px;margin:8px 0 0}
.banner dl div{display:flex;gap:6px}.banner dt{opacity:.85}.banner dd{margin:0;font-weight:600}
nav{margin:0 0 8px;font-size:14px}nav a{margin-right:14px;color:#175cd3}
h2{font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px;margin:28px 0 10px}
h3{font-size:16px;margin:16px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600;font-size:13px}
td.num,th.num{text-align:right;white-space:nowrap}
.mark{display:inline-block;min-width:1.6em;text-align:center;font-weight:700;border-radius:4px;padding:0 4px}
.pass .mark,.mark.pass{color:#fff;background:var(--ok)}
.fail .mark,.mark.fail{color:#fff;background:var(--bad)}
.warn .mark,.mark.warn{color:#fff;background:var(--warn)}
.not-applicable .mark,.waived .mark,.mark.not-applicable,.mark.waived{color:#fff;background:var(--dim)}
tr.fail{background:#fef3f2}tr.warn{background:#fffaeb}
.id,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;color:var(--dim)}
.basis{font-size:13px;color:#344054}
.msg{margin:0 0 4px}
.suggest{margin:4px 0;padding:4px 10px;border-left:3px solid var(--ok);font-size:14px}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid var(--line);background:var(--bg);font-size:14px}
blockquote .where{display:block;font-size:12px;color:var(--dim)}
mark{background:#fde68a;color:inherit;padding:0 1px}
.tag{display:inline-block;font-size:12px;border:1px solid var(--line);border-radius:10px;padding:0 7px;margin:1px 2px;color:#344054;text-decoration:none}
a.tag.pass{border-color:var(--ok)}a.tag.fail{border-color:var(--bad)}a.tag.warn{border-color:var(--warn)}
.lv2 td.title{padding-left:26px}.lv3 td.title{padding-left:44px}.lv4 td.title,.lv5 td.title,.lv6 td.title{padding-left:62px}
.sev{font-size:12px;font-weight:700;text-transform:uppercase;border-radius:4px;padding:0 5px;color:#fff}
.sev.error{background:var(--bad)}.sev.warning{background:var(--warn)}.sev.info{background:var(--dim)}
ul.findings{list-style:none;padding:0;margin:0}ul.findings li{margin:6px 0}
.dim{color:var(--dim)}.sentence{font-size:13px;color:#344054}
.legend{font-size:13px;color:var(--dim)}
.todo ul{list-style:none;padding:0;margin:0}.todo li{margin:6px 0;padding:6px 10px;border-radius:6px;background:#fef3f2}
.todo li.warn{background:#fffaeb}.todo a{color:inherit}
footer{margin-top:32px;font-size:12px;color:var(--dim);border-top:1px solid var(--line);padding-top:8px}
footer dl{display:grid;grid-template-columns:max-content 1fr;gap:0 12px;margin:0}footer dd{margin:0;word-break:break-all}
@media print{
 body{font-size:11pt}.wrap{max-width:none;padding:0}nav{display:none}
 .banner,.mark,.sev,tr.fail,tr.warn,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 tr,blockquote{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}
 @page{margin:15mm}
}
)CSS";

// A fragment id from a requirement id (a region's own ids may hold anything).
std::string anchor(const std::string& id) {
    std::string a = "req-";
    for (char c : id) a.push_back((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_');
    return a;
}

std::string status_class(ReqStatus s) { return req_status_name(s); }

E mark_span(ReqStatus s, Lang l) {
    E label = html_escape(req_status_label(s, l));
    return "<span class=\"mark " + status_class(s) + "\" title=\"" + label + "\" aria-label=\"" + label + "\">" +
           req_status_mark(s) + "</span>";
}

// The excerpt with the matched words in <mark>: the whole match where it
// occurs (case-insensitively), else each of its words of 4+ characters.
E highlight(const std::string& excerpt, const std::string& match) {
    if (match.empty()) return html_escape(excerpt);
    std::string le = utf8::lower(excerpt), lm = utf8::lower(match);
    bool ci = le.size() == excerpt.size();
    const std::string& hay = ci ? le : excerpt;
    std::vector<std::string> needles;
    const std::string whole = ci && lm.size() == match.size() ? lm : match;
    if (!whole.empty() && hay.find(whole) != std::string::npos) {
        needles.push_back(whole);
    } else {
        std::string w;
        auto flush = [&] {
            if (utf8::length(w) >= 4) needles.push_back(ci ? utf8::lower(w) : w);
            w.clear();
        };
        for (std::size_t i = 0; i < match.size();) {
            std::size_t start = i;
            char32_t cp = utf8::next(match, i);
            if (utf8::is_letter(cp) || utf8::is_digit(cp)) w += match.substr(start, i - start);
            else flush();
        }
        flush();
    }
    std::vector<bool> on(excerpt.size(), false);
    for (const auto& n : needles) {
        if (n.empty()) continue;
        for (std::size_t p = hay.find(n); p != std::string::npos; p = hay.find(n, p + n.size()))
            for (std::size_t k = p; k < p + n.size() && k < on.size(); ++k) on[k] = true;
    }
    E out;
    std::size_t i = 0;
    while (i < excerpt.size()) {
        std::size_t j = i;
        while (j < excerpt.size() && on[j] == on[i]) ++j;
        E part = html_escape(std::string_view(excerpt).substr(i, j - i));
        out += on[i] ? "<mark>" + part + "</mark>" : part;
        i = j;
    }
    return out;
}

// An evidence's place: "s. 4 · afsnit 4.2 Unge"; without pages the
// location alone ("afsnit 4.2, tekstafsnit 3").
E where(const Evidence& e, Lang l) {
    if (e.page <= 0) return html_escape(pick(location_text(e.page, e.section, e.paragraph), l));
    E s = pick(location_text(e.page, "", 0), l);
    if (!e.section.empty()) s += " · " + tr(l, "afsnit ", "section ") + html_escape(e.section);
    return s;
}

// " (s. 4)" / " (afsnit 4.2, tekstafsnit 3)" after an item, dimmed; "" when not known.
E at(int page, const std::string& section, int paragraph, Lang l, bool with_section = true) {
    std::string w = pick(location_text(page, section, paragraph, with_section), l);
    return w.empty() ? E() : " <span class=\"dim\">(" + html_escape(w) + ")</span>";
}

E evidence_html(const Evidence& e, Lang l) {
    E s = "<blockquote>";
    E w = where(e, l);
    if (!w.empty()) s += "<span class=\"where\">" + w + "</span>";
    s += highlight(e.excerpt, e.match) + "</blockquote>";
    return s;
}

void banner(std::ostream& os, const Report& r, Lang l) {
    const std::string verdict = status_banner(r.status, l);
    os << "<header class=\"banner " << html_escape(status_name(r.status)) << "\" id=\"verdict\">\n";
    os << "<p class=\"verdict\">" << verdict << "</p>\n";
    std::string kommune = municipalities_label(r.municipalities), years = years_label(r.years);
    std::string h1 = tr(l, "Beskæftigelsesplan", "Employment plan");
    if (!years.empty()) h1 += " " + years;
    if (!kommune.empty()) h1 += " — " + kommune;
    if ((kommune.empty() && years.empty()) || r.status == Status::not_a_plan) h1 = r.path;
    os << "<h1>" << html_escape(h1) << "</h1>\n";
    if (r.status == Status::unreadable) {
        os << "<p>" << tr(l, "Filen kunne ikke læses: ", "The file could not be read: ")
           << html_escape(r.error ? pick(r.error->message, l) : "") << "</p>\n";
    } else if (r.status == Status::not_a_plan) {
        os << "<p>"
           << tr(l, "Dokumentet ser ikke ud til at være en beskæftigelsesplan; kravene er ikke kontrolleret. "
                    "Begrundelsen står under »Sådan blev dokumentet genkendt«.",
                 "The document does not look like an employment plan; the requirements were not checked. "
                 "The reason is under \"How the document was identified\".")
           << "</p>\n";
    } else {
        const auto& s = r.summary;
        std::string what =
            r.status == Status::conformant
                ? tr(l, "Planen opfylder de krav, der gælder for planåret.",
                     "The plan meets the requirements that apply to its plan year.")
                : tr(l, "Planen mangler noget, som reglerne kræver — se de krav, der er markeret ✗, nedenfor.",
                     "The plan lacks something the rules require — see the requirements marked ✗ below.");
        os << "<p>" << what << "</p>\n";
        os << "<p class=\"summary\">" << html_escape(requirement_counts(s, l)) << " · "
           << html_escape(finding_counts(s, l));
        if (r.spelling.checked)
            os << " · " << count_noun(s.misspellings, l, "ukendt ord", "ukendte ord", "unknown word", "unknown words");
        os << "</p>\n";
    }
    os << "<dl>";
    auto item = [&](const std::string& dt, const std::string& dd) {
        os << "<div><dt>" << html_escape(dt) << "</dt><dd>" << html_escape(dd.empty() ? "—" : dd) << "</dd></div>";
    };
    item(tr(l, "Kommune", "Municipality"), kommune);
    item(tr(l, "Planår", "Plan year"), years);
    item(tr(l, "Type", "Kind"), doc_kind_label(r.kind, l));
    item(tr(l, "Profil", "Profile"), r.profile);
    item(tr(l, "Stadie", "Stage"), stage_label(r.stage, l));
    item(tr(l, "Fil", "File"), r.path);
    os << "</dl>\n</header>\n";
}

// "Forslag: …" under what it fixes, where there is one (report/suggest.h).
std::string suggestion_html(const Text2& s, Lang l) {
    if (pick(s, l).empty()) return "";
    return "<p class=\"suggest\"><strong>" + std::string(tr(l, "Forslag:", "Suggestion:")) + "</strong> " +
           std::string(html_escape(pick(s, l))) + "</p>";
}

void checklist(std::ostream& os, const Report& r, Lang l) {
    os << "<section id=\"checklist\">\n<h2>" << tr(l, "Tjekliste", "Checklist") << "</h2>\n";
    os << "<p class=\"legend\">✓ " << tr(l, "opfyldt", "met") << " · ✗ " << tr(l, "ikke opfyldt", "not met")
       << " · ! " << tr(l, "advarsel", "warning") << " · – " << tr(l, "ikke relevant", "not applicable") << " · ~ "
       << tr(l, "fritaget", "waived") << "</p>\n";
    os << "<table class=\"checklist\">\n<thead><tr><th>" << tr(l, "Status", "Status") << "</th><th>"
       << tr(l, "Krav", "Requirement") << "</th><th>" << tr(l, "Lovgrundlag", "Legal basis") << "</th><th>"
       << tr(l, "Vurdering og belæg", "Assessment and evidence") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& q : r.requirements) {
        os << "<tr class=\"req " << status_class(q.status) << "\" id=\"" << html_escape(anchor(q.id)) << "\">";
        os << "<td>" << mark_span(q.status, l) << "</td>";
        os << "<td><strong>" << html_escape(pick(q.title, l)) << "</strong><br><span class=\"id\">"
           << html_escape(q.id) << "</span></td>";
        os << "<td class=\"basis\">" << html_escape(q.legal_basis) << "</td>";
        os << "<td>";
        if (!pick(q.message, l).empty()) os << "<p class=\"msg\">" << html_escape(pick(q.message, l)) << "</p>";
        os << suggestion_html(q.suggestion, l);
        // a requirement met needs one passage as proof; one that is not, up to three
        const std::size_t shown = q.status == ReqStatus::pass ? 1 : 3;
        for (std::size_t i = 0; i < q.evidence.size() && i < shown; ++i) os << evidence_html(q.evidence[i], l);
        if (q.evidence.size() > shown) {
            std::size_t more = q.evidence.size() - shown;
            os << "<p class=\"dim\">" << tr(l, "… og ", "… and ") << more
               << (more == 1 ? tr(l, " sted mere", " more place") : tr(l, " steder mere", " more places")) << "</p>";
        }
        os << "</td></tr>\n";
    }
    os << "</tbody>\n</table>\n</section>\n";
}

// What to fix, before the details: the requirements not met (then those
// with a warning) and error findings that belong to no requirement.
void todo(std::ostream& os, const Report& r, Lang l) {
    std::vector<const RequirementResult*> items;
    for (ReqStatus want : {ReqStatus::fail, ReqStatus::warn})
        for (const auto& q : r.requirements)
            if (q.status == want) items.push_back(&q);
    std::vector<const Finding*> loose;
    for (const auto& f : r.findings) {
        if (f.severity != Severity::error) continue;
        bool owned = false;
        for (const auto& q : r.requirements) owned = owned || q.id == f.rule;
        if (!owned) loose.push_back(&f);
    }
    if (items.empty() && loose.empty()) return;
    os << "<section id=\"todo\" class=\"todo\">\n<h2>" << tr(l, "Det skal rettes", "To be fixed") << "</h2>\n<ul>\n";
    for (const auto* q : items) {
        os << "<li class=\"" << status_class(q->status) << "\">" << mark_span(q->status, l) << " <a href=\"#"
           << html_escape(anchor(q->id)) << "\"><strong>" << html_escape(pick(q->title, l)) << "</strong></a>: "
           << html_escape(pick(q->message, l));
        if (!q->evidence.empty()) {
            const Evidence& e = q->evidence.front();
            os << at(e.page, e.section, e.paragraph, l);
        }
        os << "</li>\n";
    }
    for (const auto* f : loose) {
        os << "<li class=\"fail\"><span class=\"sev error\">" << severity_label(Severity::error, l) << "</span> "
           << html_escape(pick(f->message, l));
        os << at(f->page, f->section, f->paragraph, l);
        os << "</li>\n";
    }
    os << "</ul>\n</section>\n";
}

void outline(std::ostream& os, const Report& r, Lang l) {
    std::map<std::string, ReqStatus> status;
    for (const auto& q : r.requirements) status[q.id] = q.status;
    os << "<section id=\"outline\">\n<h2>" << tr(l, "Planens opbygning", "The plan's outline") << "</h2>\n";
    os << "<table class=\"outline\">\n<thead><tr><th>" << tr(l, "Nr.", "No.") << "</th><th>"
       << tr(l, "Afsnit", "Section") << "</th><th class=\"num\">" << tr(l, "Side", "Page") << "</th><th>"
       << tr(l, "Krav fundet her", "Requirements found here") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& s : r.outline) {
        int lv = s.level < 1 ? 1 : s.level > 6 ? 6 : s.level;
        os << "<tr class=\"lv" << lv << "\"><td>" << html_escape(s.number) << "</td><td class=\"title\">"
           << html_escape(s.title);
        if (s.annex) os << " <span class=\"tag\">" << tr(l, "bilag", "annex") << "</span>";
        os << "</td><td class=\"num\">" << (s.page > 0 ? std::to_string(s.page) : "") << "</td><td>";
        for (const auto& id : s.requirements) {
            auto it = status.find(id);
            std::string cls = it == status.end() ? "" : " " + status_class(it->second);
            os << "<a class=\"tag" << cls << "\" href=\"#" << html_escape(anchor(id)) << "\">"
               << (it == status.end() ? "" : std::string(req_status_mark(it->second)) + " ") << html_escape(id)
               << "</a>";
        }
        os << "</td></tr>\n";
    }
    os << "</tbody>\n</table>\n</section>\n";
}

void goals(std::ostream& os, const Report& r, Lang l) {
    os << "<section id=\"goals\">\n<h2>" << tr(l, "Ministerens mål og måltal", "The minister's goals and targets")
       << "</h2>\n";
    os << "<table class=\"goals\">\n<thead><tr><th></th><th>" << tr(l, "Mål", "Goal") << "</th><th class=\"num\">"
       << tr(l, "Måltal", "Target") << "</th><th>" << tr(l, "Enhed", "Unit") << "</th><th>"
       << tr(l, "Frist", "Deadline") << "</th><th class=\"num\">" << tr(l, "Ændring", "Change")
       << "</th><th class=\"num\">" << tr(l, "Side", "Page") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& g : r.goals) {
        ReqStatus st = g.addressed ? ReqStatus::pass : g.pending ? ReqStatus::not_applicable : ReqStatus::fail;
        std::size_t rows = g.targets.empty() ? 1 : g.targets.size();
        for (std::size_t i = 0; i < rows; ++i) {
            const Target* t = g.targets.empty() ? nullptr : &g.targets[i];
            os << "<tr class=\"goal " << status_class(st) << "\">";
            if (i == 0) {
                os << "<td>" << mark_span(st, l) << "</td><td><strong>" << html_escape(pick(g.title, l))
                   << "</strong><br><span class=\"id\">" << html_escape(g.id) << "</span>";
                if (g.pending) os << " <span class=\"tag\">" << tr(l, "afventer", "pending") << "</span>";
            } else {
                os << "<td></td><td>";
            }
            if (t && !t->text.empty()) os << "<div class=\"sentence\">»" << html_escape(t->text) << "«</div>";
            if (i == 0) os << suggestion_html(g.suggestion, l);
            os << "</td>";
            if (!t) {
                os << "<td class=\"num dim\">—</td><td></td><td></td><td></td><td class=\"num\">"
                   << (g.page > 0 ? std::to_string(g.page) : "") << "</td>";
            } else {
                os << "<td class=\"num\">";
                if (t->value) os << html_escape(format_number(*t->value, l));
                else if (target_missing(*t)) os << "<span class=\"sev error\">" << html_escape(target_label(*t, l)) << "</span>";
                else os << html_escape(target_label(*t, l));  // a change-only target: its change
                os << "</td><td>" << html_escape(t->value ? t->unit : "") << "</td><td>" << html_escape(t->deadline)
                   << "</td><td class=\"num\">";
                if (t->change_pct) os << html_escape(change_label(*t->change_pct, l));
                os << "</td><td class=\"num\">" << (t->page > 0 ? std::to_string(t->page) : "") << "</td>";
            }
            os << "</tr>\n";
        }
    }
    os << "</tbody>\n</table>\n</section>\n";
}

void findings(std::ostream& os, const Report& r, Lang l) {
    os << "<section id=\"findings\">\n<h2>" << tr(l, "Fund", "Findings") << "</h2>\n";
    std::map<std::string, std::vector<const Finding*>> by_section;
    std::vector<std::string> order;
    for (const auto& f : r.findings) {
        if (f.requirement_result) continue;  // shown, with its message, in the checklist
        if (!by_section.count(f.section)) order.push_back(f.section);
        by_section[f.section].push_back(&f);
    }
    if (order.empty()) {
        os << "<p>" << tr(l, "Ingen fund ud over kravene.", "No findings beyond the requirements.") << "</p>\n</section>\n";
        return;
    }
    for (const auto& sec : order) {
        os << "<h3>"
           << (sec.empty() ? tr(l, "Hele planen", "The whole plan") : tr(l, "Afsnit ", "Section ") + html_escape(sec))
           << "</h3>\n<ul class=\"findings\">\n";
        for (const Finding* f : by_section[sec]) {
            std::string sev = severity_name(f->severity);
            const std::string label = severity_label(f->severity, l);
            os << "<li class=\"finding " << sev << "\"><span class=\"sev " << sev << "\">" << label << "</span> "
               << html_escape(pick(f->message, l));
            os << at(f->page, f->section, f->paragraph, l, false);
            os << " <span class=\"id\">" << html_escape(f->rule) << "</span>";
            if (!f->excerpt.empty()) os << "<blockquote>" << html_escape(f->excerpt) << "</blockquote>";
            os << suggestion_html(f->suggestion, l);
            os << "</li>\n";
        }
        os << "</ul>\n";
    }
    os << "</section>\n";
}

void deadlines(std::ostream& os, const Report& r, Lang l) {
    if (r.deadlines.empty()) return;
    os << "<section id=\"deadlines\">\n<h2>" << tr(l, "Frister for planåret", "Deadlines for the plan year")
       << "</h2>\n<table class=\"deadlines\">\n<thead><tr><th>" << tr(l, "Dato", "Date") << "</th><th>"
       << tr(l, "Hvad", "What") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& d : r.deadlines)
        os << "<tr><td>" << html_escape(d.date) << "</td><td>" << html_escape(pick(d.title, l)) << "</td></tr>\n";
    os << "</tbody>\n</table>\n</section>\n";
}

void spelling(std::ostream& os, const Report& r, Lang l) {
    if (!r.spelling.checked) return;
    os << "<section id=\"spelling\">\n<h2>" << tr(l, "Stavning", "Spelling") << "</h2>\n<p>"
       << r.spelling.words_checked << tr(l, " ord kontrolleret", " words checked") << ", " << r.summary.misspellings
       << tr(l, " ukendte.", " unknown.") << "</p>\n";
    if (r.spelling.unknown.empty()) {
        os << "</section>\n";
        return;
    }
    os << "<table class=\"spelling\">\n<thead><tr><th>" << tr(l, "Ord", "Word") << "</th><th class=\"num\">"
       << tr(l, "Antal", "Count") << "</th><th>" << tr(l, "Forslag", "Suggestions") << "</th><th>"
       << tr(l, "Sider", "Pages") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& w : r.spelling.unknown) {
        os << "<tr" << (w.footnote_marker ? " class=\"dim\"" : "") << "><td>" << html_escape(w.word);
        if (w.footnote_marker) os << " <span class=\"tag\">" << tr(l, "fodnotemarkør?", "footnote marker?") << "</span>";
        os << "</td><td class=\"num\">" << w.count << "</td><td>";
        for (std::size_t i = 0; i < w.suggestions.size(); ++i) os << (i ? ", " : "") << html_escape(w.suggestions[i]);
        os << "</td><td>";
        for (std::size_t i = 0; i < w.pages.size(); ++i) os << (i ? ", " : "") << w.pages[i];
        os << "</td></tr>\n";
    }
    os << "</tbody>\n</table>\n</section>\n";
}

void identity(std::ostream& os, const Report& r, Lang l) {
    if (r.reasons.empty()) return;
    os << "<section id=\"identity\">\n<h2>"
       << (r.status == Status::not_a_plan
               ? tr(l, "Sådan blev dokumentet genkendt", "How the document was identified")
               : tr(l, "Sådan blev planen genkendt", "How the plan was identified"))
       << "</h2>\n<ul>\n";
    for (const auto& x : r.reasons) os << "<li>" << html_escape(l == Lang::da ? x.da : x.en) << "</li>\n";
    os << "</ul>\n</section>\n";
}

void footer(std::ostream& os, const Report& r, Lang l) {
    os << "<footer>\n<dl>";
    auto item = [&](const std::string& dt, const std::string& dd) {
        os << "<dt>" << html_escape(dt) << "</dt><dd>" << html_escape(dd) << "</dd>";
    };
    item(tr(l, "Fil", "File"), r.path);
    item(tr(l, "Format", "Format"), r.format);
    item(tr(l, "Størrelse", "Size"), format_number(static_cast<double>(r.bytes), l) + " bytes");
    item(tr(l, "Sider", "Pages"), r.pages > 0 ? std::to_string(r.pages)
                                              : tr(l, "ikke kendt (filen har ingen sideskift)",
                                                   "not known (the file records no page breaks)"));
    item(tr(l, "Ord", "Words"), format_number(r.words, l));
    if (!r.ocr_pages.empty()) {
        std::string p;
        for (std::size_t i = 0; i < r.ocr_pages.size(); ++i) p += (i ? ", " : "") + std::to_string(r.ocr_pages[i]);
        item(tr(l, "Sider læst med OCR", "Pages read by OCR"),
             p + " (" + tr(l, "sikkerhed ", "confidence ") + format_number(r.ocr_confidence, l) + ")");
    }
    item("SHA-256", r.sha256);
    item(tr(l, "Kontrolleret med", "Checked with"), std::string("plantjek ") + PLANTJEK_VERSION + " (" + kReportSchema + ")");
    os << "</dl>\n</footer>\n";
}

}  // namespace

void write_html(std::ostream& os, const Report& r, const WriterOptions& o) {
    const Lang l = o.lang;
    const std::string verdict = status_label(r.status, l);
    std::string name = municipalities_label(r.municipalities);
    if (!r.years.empty()) name += (name.empty() ? "" : " ") + years_label(r.years);
    if (name.empty()) name = r.path;
    os << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<meta name=\"generator\" content=\"plantjek " << PLANTJEK_VERSION << "\">\n"
       << "<title>" << html_escape(name) << " — " << verdict << " · plantjek</title>\n<style>" << kCss
       << "</style>\n</head>\n<body>\n";
    banner(os, r, l);
    os << "<div class=\"wrap\">\n";
    if (r.status != Status::unreadable) {
        os << "<nav>";
        std::ostringstream fix;
        todo(fix, r, l);
        if (!fix.str().empty()) os << "<a href=\"#todo\">" << tr(l, "Det skal rettes", "To be fixed") << "</a>";
        if (!r.requirements.empty()) os << "<a href=\"#checklist\">" << tr(l, "Tjekliste", "Checklist") << "</a>";
        if (!r.outline.empty()) os << "<a href=\"#outline\">" << tr(l, "Opbygning", "Outline") << "</a>";
        if (!r.goals.empty()) os << "<a href=\"#goals\">" << tr(l, "Mål", "Goals") << "</a>";
        os << "<a href=\"#findings\">" << tr(l, "Fund", "Findings") << "</a>";
        if (!r.deadlines.empty()) os << "<a href=\"#deadlines\">" << tr(l, "Frister", "Deadlines") << "</a>";
        if (r.spelling.checked) os << "<a href=\"#spelling\">" << tr(l, "Stavning", "Spelling") << "</a>";
        if (!r.reasons.empty()) os << "<a href=\"#identity\">" << tr(l, "Genkendelse", "Identification") << "</a>";
        os << "</nav>\n";
        os << fix.str();
        if (!r.requirements.empty()) checklist(os, r, l);
        if (!r.outline.empty()) outline(os, r, l);
        if (!r.goals.empty()) goals(os, r, l);
        findings(os, r, l);
        deadlines(os, r, l);
        spelling(os, r, l);
        identity(os, r, l);
    }
    footer(os, r, l);
    os << "</div>\n</body>\n</html>\n";
}

}  // namespace plantjek
