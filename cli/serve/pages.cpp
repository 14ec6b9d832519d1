// See pages.h.
#include "cli/serve/pages.h"

#include <ctime>
#include <sstream>

#include "annotate/annotate.h"
#include "cli/writers/writer.h"

namespace plantjek::serve {

namespace {

const char* kCss =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
    "h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}"
    ".drop{border:2px dashed #888;padding:2rem;text-align:center;margin:1rem 0}.drop.over{background:#eef}"
    ".err{color:#a00;font-weight:bold}label{display:block;margin:.5rem 0}nav a{margin-right:1rem}";

std::string t(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }
std::string q(Lang l) { return l == Lang::da ? "" : "?lang=en"; }

std::string head(Lang l, const std::string& title, bool refresh = false) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">";
    if (refresh) o << "<meta http-equiv=\"refresh\" content=\"2\">";
    o << "<title>" << html_escape(title) << " · plantjek</title><style>" << kCss << "</style>"
      << "<script src=\"/static/app.js\" defer></script></head><body>"
      << "<nav><a href=\"/" << q(l) << "\">" << t(l, "Ny kontrol", "New check") << "</a><a href=\"/mine" << q(l) << "\">"
      << t(l, "Mine kontroller", "My checks") << "</a>"
      << (l == Lang::da ? "<a href=\"?lang=en\" lang=\"en\">English</a>" : "<a href=\"?\" lang=\"da\">Dansk</a>") << "</nav>"
      << "<h1>" << html_escape(title) << "</h1>";
    return o.str();
}

const char* kFoot = "</body></html>\n";

std::string date_of(std::int64_t s) {
    std::time_t tt = static_cast<std::time_t>(s);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%d %H:%M UTC", &tm);
    return b;
}

}  // namespace

std::string page_upload(Lang l, const UploadPageInfo& info) {
    std::ostringstream o;
    o << head(l, t(l, "Kontrollér en beskæftigelsesplan", "Check an employment plan"))
      << "<p>" << t(l, "Vælg en eller flere planer (PDF, DOCX, ODT, DOC, RTF eller tekst) eller en zip-fil med en hel omgang. ",
                    "Choose one or more plans (PDF, DOCX, ODT, DOC, RTF or text) or a zip file with a whole batch. ")
      << t(l, "Højst ", "At most ") << info.max_files << t(l, " filer, hver højst ", " files, each at most ") << info.max_file_mb
      << " MB.</p>"
      << "<form id=\"upload\" method=\"post\" action=\"/upload" << q(l) << "\" enctype=\"multipart/form-data\">"
      << "<input type=\"hidden\" name=\"form_token\" value=\"" << html_escape(info.form_token) << "\">"
      << "<div class=\"drop\" id=\"drop\"><label>" << t(l, "Filer", "Files")
      << " <input type=\"file\" id=\"files\" name=\"files\" multiple required></label>"
      << "<span class=\"hint\" hidden>" << t(l, "… eller træk filerne herhen", "… or drop the files here") << "</span></div>"
      << "<label>" << t(l, "Fase", "Stage") << " <select name=\"stage\"><option value=\"\">"
      << t(l, "udled af dokumentet", "inferred from the document") << "</option><option value=\"draft\">"
      << t(l, "udkast", "draft") << "</option><option value=\"final\">" << t(l, "endelig", "final") << "</option></select></label>"
      << "<label>" << t(l, "Planår", "Plan year") << " <input type=\"number\" name=\"year\" min=\"2000\" max=\"2100\" placeholder=\""
      << t(l, "læses i planen", "read from the plan") << "\"></label>"
      << "<label>" << t(l, "Profil", "Profile") << " <select name=\"profile\"><option value=\"\">"
      << t(l, "planårets", "the plan year's") << "</option>";
    for (const auto& id : info.profile_ids) o << "<option>" << html_escape(id) << "</option>";
    o << "</select></label><button type=\"submit\">" << t(l, "Kontrollér", "Check") << "</button></form>" << kFoot;
    return o.str();
}

std::string page_progress(Lang l, const BatchView& v) {
    std::ostringstream o;
    const auto& b = v.batch;
    o << head(l, t(l, "Kontrollerer …", "Checking …"), true) << "<p id=\"progress\" data-status=\"/c/" << b.token
      << "/status.json\">" << b.done() << t(l, " af ", " of ") << b.files.size() << t(l, " filer færdige", " files done")
      << "</p>";
    if (!v.running.empty()) o << "<p>" << t(l, "Nu: ", "Now: ") << html_escape(v.running) << "</p>";
    if (v.ahead) o << "<p>" << t(l, "Plads i køen: ", "Queue position: ") << v.ahead + 1 << "</p>";
    o << "<p>" << t(l, "Siden opdaterer sig selv. Gem linket: det er den eneste vej til resultatet.",
                    "The page refreshes itself. Keep the link: it is the only way to the result.")
      << "</p>" << kFoot;
    return o.str();
}

std::string page_batch(Lang l, const BatchView& v, const std::vector<Report>& reports, const std::string& form_token) {
    std::ostringstream o;
    const auto& b = v.batch;
    o << head(l, t(l, "Resultat", "Result")) << "<p>" << b.files.size() << t(l, " filer kontrolleret ", " files checked ")
      << date_of(b.created) << "</p><table id=\"batch\"><thead><tr><th>" << t(l, "Fil", "File") << "</th><th>"
      << t(l, "Resultat", "Result") << "</th><th>" << t(l, "Kommune", "Kommune") << "</th><th>" << t(l, "År", "Year")
      << "</th><th>" << t(l, "Hent", "Download") << "</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const Report& r = reports[i];
        const std::string base = "/c/" + b.token + "/" + std::to_string(i + 1);
        o << "<tr><td><a href=\"" << base << q(l) << "\">" << html_escape(r.path) << "</a></td><td class=\"status\">"
          << html_escape(status_label(r.status, l)) << "</td><td>" << html_escape(municipalities_label(r.municipalities))
          << "</td><td>" << html_escape(years_label(r.years)) << "</td><td>" << download_links(base, r, l) << "</td></tr>";
    }
    o << "</tbody></table><p><a href=\"/c/" << b.token << "/plantjek.xlsx" << q(l) << "\">"
      << t(l, "Hent regnearket med alle planer (xlsx)", "Download the spreadsheet of all plans (xlsx)") << "</a></p><form method=\"post\" action=\"/c/" << b.token << "/again" << q(l) << "\">"
      << "<input type=\"hidden\" name=\"form_token\" value=\"" << html_escape(form_token) << "\"><button type=\"submit\">"
      << t(l, "Kontrollér igen mod dagens regler", "Check again against today's rules") << "</button></form>" << kFoot;
    return o.str();
}

const std::vector<Download>& downloads() {
    static const std::vector<Download> d = {
        {"", "html", "text/html; charset=utf-8", {"Rapport", "Report"}},
        {".json", "json", "application/json", {"JSON", "JSON"}},
        {".csv", "csv", "text/csv; charset=utf-8", {"CSV", "CSV"}},
        {".brev.html", "letter", "text/html; charset=utf-8", {"Brev til kommunen", "Letter to the kommune"}},
        {".brev.docx", "letter-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         {"Brev (Word)", "Letter (Word)"}},
    };
    return d;
}

const Download* find_download(const std::string& suffix) {
    for (const auto& d : downloads())
        if (suffix == d.suffix) return &d;
    return nullptr;
}

std::string annotated_suffix(const Report& r) {
    if (r.status == Status::unreadable || !find_annotator(r.format)) return "";
    return ".plantjek." + r.format;
}

std::string download_links(const std::string& base, const Report& r, Lang l) {
    std::ostringstream o;
    const std::string ann = annotated_suffix(r);
    if (!ann.empty())
        o << "<a href=\"" << base << ann << q(l) << "\">" << t(l, "Dokumentet med kommentarer", "The document with comments") << "</a> ";
    for (const auto& d : downloads())
        if (d.suffix[0] != '\0' && (r.status != Status::unreadable || d.writer == std::string("json")))
            o << "<a href=\"" << base << d.suffix << q(l) << "\">" << html_escape(l == Lang::da ? d.label.da : d.label.en) << "</a> ";
    std::string s = o.str();
    if (!s.empty()) s.pop_back();
    return s;
}

std::string with_downloads(const std::string& html, const std::string& base, const Report& r, Lang l) {
    const std::size_t body = html.find("<body");
    const std::size_t end = body == std::string::npos ? body : html.find('>', body);
    if (end == std::string::npos) return html;
    const std::string bar = "<nav class=\"downloads\" style=\"font-family:system-ui,sans-serif;margin:1rem\">" +
                            t(l, "Hent: ", "Download: ") + download_links(base, r, l) + "</nav>";
    return html.substr(0, end + 1) + bar + html.substr(end + 1);
}

std::string page_list(Lang l, const std::string& title, const std::vector<BatchView>& batches) {
    std::ostringstream o;
    o << head(l, title);
    if (batches.empty()) o << "<p>" << t(l, "Ingen kontroller endnu.", "No checks yet.") << "</p>";
    else {
        o << "<table><thead><tr><th>" << t(l, "Tidspunkt", "Time") << "</th><th>" << t(l, "Filer", "Files") << "</th><th>"
          << t(l, "Færdige", "Done") << "</th></tr></thead><tbody>";
        for (const auto& v : batches) {
            std::string names;
            for (const auto& f : v.batch.files) names += (names.empty() ? "" : ", ") + f.name;
            if (names.size() > 200) names = names.substr(0, 200) + " …";
            o << "<tr><td><a href=\"/c/" << v.batch.token << q(l) << "\">" << date_of(v.batch.created) << "</a></td><td>"
              << html_escape(names) << "</td><td>" << v.batch.done() << "/" << v.batch.files.size() << "</td></tr>";
        }
        o << "</tbody></table>";
    }
    o << kFoot;
    return o.str();
}

std::string page_admin_login(Lang l, const std::string& form_token, bool wrong) {
    std::ostringstream o;
    o << head(l, t(l, "Alle kontroller", "All checks"));
    if (wrong) o << "<p class=\"err\">" << t(l, "Forkert administratornøgle.", "Wrong admin token.") << "</p>";
    o << "<form method=\"post\" action=\"/admin" << q(l) << "\"><input type=\"hidden\" name=\"form_token\" value=\""
      << html_escape(form_token) << "\"><label>" << t(l, "Administratornøgle", "Admin token")
      << " <input type=\"password\" name=\"admin_token\" required></label><button type=\"submit\">"
      << t(l, "Åbn", "Open") << "</button></form>" << kFoot;
    return o.str();
}

std::string page_error(Lang l, int status, const std::string& da, const std::string& en) {
    std::ostringstream o;
    o << head(l, t(l, "Fejl", "Error")) << "<p class=\"err\" id=\"error\">" << html_escape(l == Lang::da ? da : en) << "</p>"
      << "<p>HTTP " << status << "</p>" << kFoot;
    return o.str();
}

const char* app_js() {
    return R"JS(// plantjek serve: drag-and-drop onto the upload form and polling of the
// progress page. The pages work without this script.
(function () {
  var drop = document.getElementById('drop'), input = document.getElementById('files');
  if (drop && input && window.DataTransfer) {
    var hint = drop.querySelector('.hint');
    if (hint) hint.hidden = false;
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      input.files = e.dataTransfer.files;
    });
  }
  var p = document.getElementById('progress');
  if (p && window.fetch) {
    var poll = function () {
      fetch(p.getAttribute('data-status')).then(function (r) { return r.json(); }).then(function (s) {
        if (s.done === s.total) { window.location.reload(); return; }
        p.textContent = s.text;
        setTimeout(poll, 1000);
      }).catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1000);
  }
})();
)JS";
}

}  // namespace plantjek::serve
