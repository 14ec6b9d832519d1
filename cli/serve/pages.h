// The pages of `plantjek serve` that are not reports: upload, progress,
// lists and errors. Danish unless lang is English; every text from a
// client or a document goes through html_escape (cli/writers/writer.h).
// No inline script anywhere: /static/app.js only enhances (drag-and-drop,
// polling), the pages work without it. Cost: string building.
#pragma once

#include <string>
#include <vector>

#include "cli/serve/jobs.h"
#include "report/report.h"

namespace plantjek::serve {

struct UploadPageInfo {
    std::string form_token;
    std::vector<std::string> profile_ids;
    std::uint64_t max_file_mb = 0;
    int max_files = 0;
};

std::string page_upload(Lang lang, const UploadPageInfo& info);
// Files done of total, the file being checked, the queue position; refreshes itself.
std::string page_progress(Lang lang, const BatchView& v);
// A finished batch: a row per file linking to its report and downloads.
std::string page_batch(Lang lang, const BatchView& v, const std::vector<Report>& reports, const std::string& form_token);
// A list of checks (the user's own, or all of them for the admin).
std::string page_list(Lang lang, const std::string& title, const std::vector<BatchView>& batches);
std::string page_admin_login(Lang lang, const std::string& form_token, bool wrong);
std::string page_error(Lang lang, int status, const std::string& da, const std::string& en);
// One plan's downloads: the path after /c/<token>/<n>, the writer
// (cli/writers/) and the MIME type. The first (suffix "") is the HTML
// report page itself; the annotated document is not a writer (its route:
// annotated_suffix()).
struct Download {
    const char* suffix;  // "", ".json", ".csv", ".brev.html", ".brev.docx"
    const char* writer;
    const char* mime;
    Text2 label;
};
const std::vector<Download>& downloads();
const Download* find_download(const std::string& suffix);
// ".plantjek.docx" for a report whose format an annotator writes, else "".
std::string annotated_suffix(const Report& r);
// The links to one plan's downloads (base: "/c/<token>/<n>").
std::string download_links(const std::string& base, const Report& r, Lang lang);
// The HTML report page with a bar of its downloads after <body>.
std::string with_downloads(const std::string& report_html, const std::string& base, const Report& r, Lang lang);
// The script behind /static/app.js.
const char* app_js();

}  // namespace plantjek::serve
