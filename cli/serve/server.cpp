// plantjek serve (see serve.h): the routes, the headers every answer gets,
// the upload's limits, the access log and the shutdown.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annotate/annotate.h"
#include "cli/exit_codes.h"
#include "cli/serve/jobs.h"
#include "cli/serve/pages.h"
#include "cli/serve/security.h"
#include "cli/serve/serve.h"
#include "cli/writers/writer.h"
#include "extractor/lexicon.h"
#include "report/duplicates.h"

namespace plantjek {

namespace fs = std::filesystem;
using namespace serve;

namespace {

const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

Lang lang_of(const httplib::Request& req) { return req.get_param_value("lang") == "en" ? Lang::en : Lang::da; }

std::string cookie(const httplib::Request& req, const std::string& name) { return cookie_value(req.get_header_value("Cookie"), name); }

void set_cookie(httplib::Response& res, const std::string& name, const std::string& value) {
    res.set_header("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000");
}

void html(httplib::Response& res, const std::string& body, int status = 200) {
    res.status = status;
    res.set_content(body, "text/html; charset=utf-8");
}

void error(httplib::Response& res, Lang l, int status, const std::string& da, const std::string& en) {
    html(res, page_error(l, status, da, en), status);
}

// The form token of this browser: its cookie, made on the first page.
std::string form_token(const httplib::Request& req, httplib::Response& res) {
    std::string t = cookie(req, "pj_form");
    if (!is_token(t)) {
        t = random_token();
        set_cookie(res, "pj_form", t);
    }
    return t;
}

// Origin and form token of a POST; false after answering 403.
bool post_allowed(const httplib::Request& req, httplib::Response& res, const std::string& field) {
    const Lang l = lang_of(req);
    if (!same_origin(req.get_header_value("Origin"), req.get_header_value("Host"))) {
        error(res, l, 403, "Forespørgslen kom fra en anden side og er afvist.", "The request came from another site and is refused.");
        return false;
    }
    std::string c = cookie(req, "pj_form");
    if (!is_token(c) || !same_secret(c, field)) {
        error(res, l, 403, "Formularen er udløbet. Hent siden igen, og prøv igen.", "The form has expired. Reload the page and try again.");
        return false;
    }
    return true;
}

std::string form_field(const httplib::Request& req, const std::string& name) {
    if (req.has_file(name)) return req.get_file_value(name).content;
    return req.get_param_value(name);
}

// The tokens of this browser's own checks (its cookie), newest first.
std::vector<std::string> own_tokens(const httplib::Request& req) {
    return token_list(cookie(req, "pj_mine"));
}

void remember(const httplib::Request& req, httplib::Response& res, const std::string& token) {
    std::vector<std::string> mine = own_tokens(req);
    std::string v = token;
    for (std::size_t i = 0; i < mine.size() && i < 19; ++i) v += "." + mine[i];
    set_cookie(res, "pj_mine", v);
}

std::string access_line(const httplib::Request& req, const httplib::Response& res) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char when[40];
    std::strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
    std::ostringstream o;
    o << req.remote_addr << " - - [" << when << "] \"" << req.method << " " << log_path(req.path) << " " << req.version << "\" "
      << res.status << " " << res.body.size();
    return o.str();
}

class Server {
public:
    Server(const CommonOptions& common, const CheckOptions& check, const ServeOptions& so) : common_(common), check_(check), so_(so) {
        QueueConfig qc;
        qc.data_dir = so.data;
        qc.check = check;
        qc.jobs = so.jobs;
        qc.timeout_s = so.timeout_s;
        qc.max_memory_mb = so.max_memory_mb;
        queue_ = std::make_unique<JobQueue>(qc);
        lim_ = {common.limits.max_file_bytes, so.max_files, so.max_zip_mb << 20};
    }

    int run();

private:
    const CommonOptions& common_;
    const CheckOptions& check_;
    ServeOptions so_;
    std::unique_ptr<JobQueue> queue_;
    ZipLimits lim_{};
    std::string admin_token_;
    httplib::Server http_;

    void routes();
    void upload(const httplib::Request& req, httplib::Response& res);
    void batch(const httplib::Request& req, httplib::Response& res);
    void file(const httplib::Request& req, httplib::Response& res);
    void annotated(const httplib::Request& req, httplib::Response& res);
    void spreadsheet(const httplib::Request& req, httplib::Response& res);
    WriterOptions writer_options(Lang l) const;
    void admin(const httplib::Request& req, httplib::Response& res, bool post);
    bool uploads_of(const httplib::Request& req, httplib::Response& res, std::vector<JobQueue::Upload>& files);
};

bool Server::uploads_of(const httplib::Request& req, httplib::Response& res, std::vector<JobQueue::Upload>& files) {
    const Lang l = lang_of(req);
    auto range = req.files.equal_range("files");
    for (auto it = range.first; it != range.second; ++it) {
        const auto& f = it->second;
        if (f.filename.empty() && f.content.empty()) continue;
        if (f.content.size() > lim_.max_file_bytes) {
            error(res, l, 413, "En fil er større end de " + std::to_string(lim_.max_file_bytes >> 20) + " MB, der er tilladt.",
                  "A file is larger than the " + std::to_string(lim_.max_file_bytes >> 20) + " MB allowed.");
            return false;
        }
        if (is_batch_zip(f.filename, f.content)) {
            Text2 why;
            if (!unpack_zip(f.content, lim_, files, why)) {
                error(res, l, 413, why.da, why.en);
                return false;
            }
        } else {
            files.push_back({clean_name(f.filename), f.content});
        }
        if (files.size() > static_cast<std::size_t>(lim_.max_files)) {
            error(res, l, 413, "Højst " + std::to_string(lim_.max_files) + " filer ad gangen.",
                  "At most " + std::to_string(lim_.max_files) + " files at a time.");
            return false;
        }
    }
    if (files.empty()) {
        error(res, l, 400, "Vælg mindst én fil.", "Choose at least one file.");
        return false;
    }
    return true;
}

void Server::upload(const httplib::Request& req, httplib::Response& res) {
    const Lang l = lang_of(req);
    if (!req.is_multipart_form_data()) {
        error(res, l, 415, "Filerne skal sendes som multipart/form-data fra formularen.",
              "The files must be sent as multipart/form-data from the form.");
        return;
    }
    if (!post_allowed(req, res, form_field(req, "form_token"))) return;
    JobOptions o;
    o.stage = form_field(req, "stage");
    o.profile = form_field(req, "profile");
    const std::string year = form_field(req, "year");
    if (o.stage != "" && o.stage != "draft" && o.stage != "final")
        return error(res, l, 400, "Ukendt fase.", "Unknown stage.");
    if (!o.profile.empty() && std::find(queue_->profile_ids().begin(), queue_->profile_ids().end(), o.profile) == queue_->profile_ids().end())
        return error(res, l, 400, "Ukendt profil.", "Unknown profile.");
    if (!year.empty()) {
        if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos || std::stoi(year) < 2000 || std::stoi(year) > 2100)
            return error(res, l, 400, "Planåret skal være et tal fra 2000 til 2100.", "The plan year must be a number from 2000 to 2100.");
        o.year = std::stoi(year);
    }
    std::vector<JobQueue::Upload> files;
    if (!uploads_of(req, res, files)) return;
    const std::string token = queue_->submit(o, files);
    remember(req, res, token);
    res.status = 303;
    res.set_header("Location", "/c/" + token + (l == Lang::en ? "?lang=en" : ""));
}

void Server::batch(const httplib::Request& req, httplib::Response& res) {
    const Lang l = lang_of(req);
    const std::string token = req.matches[1];
    auto v = queue_->view(token);
    if (!v) return error(res, l, 404, "Kontrollen findes ikke (linket er forkert, eller den er slettet).",
                         "No such check (the link is wrong, or it has been deleted).");
    if (v->batch.done() < v->batch.files.size()) return html(res, page_progress(l, *v));
    if (v->batch.files.size() == 1) {
        res.status = 303;
        res.set_header("Location", "/c/" + token + "/1" + (l == Lang::en ? "?lang=en" : ""));
        return;
    }
    std::vector<Report> reports;
    for (std::size_t i = 0; i < v->batch.files.size(); ++i)
        if (auto r = queue_->report(token, i)) reports.push_back(*r);
    html(res, page_batch(l, *v, reports, form_token(req, res)));
}

WriterOptions Server::writer_options(Lang l) const {
    WriterOptions wo;
    wo.lang = l;
    wo.sender_name = check_.sender_name;
    wo.sender_contact = check_.sender_contact;
    return wo;
}

void Server::file(const httplib::Request& req, httplib::Response& res) {
    const Lang l = lang_of(req);
    const std::string token = req.matches[1];
    const std::size_t n = std::stoul(req.matches[2].str());
    const Download* d = find_download(req.matches[3].str());
    auto r = n && d ? queue_->report(token, n - 1) : std::nullopt;
    if (!r) return error(res, l, 404, "Rapporten findes ikke (endnu).", "No such report (yet).");
    std::ostringstream os;
    find_writer(d->writer)->write(os, *r, writer_options(l));
    std::string body = os.str();
    if (d->suffix[0] == '\0') body = with_downloads(body, "/c/" + token + "/" + std::to_string(n), *r, l);
    res.set_content(body, d->mime);
    if (d->suffix[0] != '\0')
        res.set_header("Content-Disposition", "attachment; filename=\"" + ascii_name(r->path) + d->suffix + "\"");
}

// /c/<token>/<n>.plantjek.<ext>: the user's own document with the findings
// as comments (annotate/annotate.h), for the formats that can carry them.
void Server::annotated(const httplib::Request& req, httplib::Response& res) {
    const Lang l = lang_of(req);
    const std::string token = req.matches[1];
    const std::size_t n = std::stoul(req.matches[2].str());
    auto v = queue_->view(token);
    auto r = v && n && n <= v->batch.files.size() ? queue_->report(token, n - 1) : std::nullopt;
    if (!r) return error(res, l, 404, "Rapporten findes ikke (endnu).", "No such report (yet).");
    const Annotator* a = r->format == req.matches[3].str() ? find_annotator(r->format) : nullptr;
    if (!a) return error(res, l, 404, "Kommentarer i selve dokumentet kan kun skrives i Word-filer (DOCX); se rapporten.",
                         "Comments inside the document can only be written into Word files (DOCX); see the report.");
    AnnotateOptions ao;
    ao.lang = l;
    ao.limits = common_.limits;
    std::ifstream in(v->batch.files[n - 1].stored, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        res.set_content(a->annotate(bytes, notes_for(*r, ao), ao), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } catch (const ReadError& e) {
        return error(res, l, 422, "Der kan ikke skrives kommentarer i dokumentet: " + e.message(Lang::da),
                     "Comments cannot be written into the document: " + e.message(Lang::en));
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + ascii_name(fs::path(annotated_path(r->path)).filename().string()) + "\"");
}

// /c/<token>/plantjek.xlsx: the batch's spreadsheet (cli/writers/xlsx.cpp),
// duplicates marked as in check's overview. libxlsxwriter writes to a file:
// a temporary one under --data, removed at once.
void Server::spreadsheet(const httplib::Request& req, httplib::Response& res) {
    const Lang l = lang_of(req);
    const std::string token = req.matches[1];
    auto v = queue_->view(token);
    if (!v || v->batch.done() < v->batch.files.size())
        return error(res, l, 404, "Regnearket findes ikke (endnu).", "No such spreadsheet (yet).");
    std::vector<OverviewEntry> plans;
    for (std::size_t i = 0; i < v->batch.files.size(); ++i)
        if (auto r = queue_->report(token, i)) plans.push_back({*r, "/c/" + token + "/" + std::to_string(i + 1), ""});
    std::vector<const Report*> ptrs;
    for (const auto& p : plans) ptrs.push_back(&p.report);
    const auto dup = find_duplicates(ptrs);
    for (std::size_t i = 0; i < plans.size(); ++i) plans[i].duplicate_of = dup[i];
    const std::string tmp = so_.data + "/tmp-" + random_token() + ".xlsx";
    try {
        write_xlsx(tmp, plans, writer_options(l));
    } catch (const std::runtime_error& e) {
        std::error_code ec;
        fs::remove(tmp, ec);
        return error(res, l, 500, std::string("Regnearket kunne ikke skrives: ") + e.what(), std::string("The spreadsheet could not be written: ") + e.what());
    }
    std::ifstream in(tmp, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::error_code ec;
    fs::remove(tmp, ec);
    res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.set_header("Content-Disposition", "attachment; filename=\"plantjek.xlsx\"");
}

void Server::admin(const httplib::Request& req, httplib::Response& res, bool post) {
    const Lang l = lang_of(req);
    if (admin_token_.empty()) return error(res, l, 404, "Der er ingen administratorliste på denne server.", "This server has no admin list.");
    std::string given = cookie(req, "pj_admin");
    if (post) {
        if (!post_allowed(req, res, form_field(req, "form_token"))) return;
        given = form_field(req, "admin_token");
        if (same_secret(given, admin_token_)) {
            set_cookie(res, "pj_admin", given);
            res.status = 303;
            res.set_header("Location", std::string("/admin") + (l == Lang::en ? "?lang=en" : ""));
            return;
        }
        return html(res, page_admin_login(l, form_token(req, res), true), 403);
    }
    const std::string bearer = req.get_header_value("Authorization");
    if (bearer.compare(0, 7, "Bearer ") == 0) given = bearer.substr(7);
    if (!same_secret(given, admin_token_)) return html(res, page_admin_login(l, form_token(req, res), !given.empty()), given.empty() ? 401 : 403);
    html(res, page_list(l, l == Lang::da ? "Alle kontroller" : "All checks", queue_->all()));
}

void Server::routes() {
    http_.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
        UploadPageInfo info{form_token(req, res), queue_->profile_ids(), lim_.max_file_bytes >> 20, lim_.max_files};
        html(res, page_upload(lang_of(req), info));
    });
    http_.Post("/upload", [this](const httplib::Request& req, httplib::Response& res) { upload(req, res); });
    http_.Get(R"(/c/([0-9a-f]{32}))", [this](const httplib::Request& req, httplib::Response& res) { batch(req, res); });
    http_.Get(R"(/c/([0-9a-f]{32})/([0-9]{1,4})(\.json|\.csv|\.brev\.html|\.brev\.docx)?)",
              [this](const httplib::Request& req, httplib::Response& res) { file(req, res); });
    http_.Get(R"(/c/([0-9a-f]{32})/([0-9]{1,4})\.plantjek\.(docx|odt|pdf))",
              [this](const httplib::Request& req, httplib::Response& res) { annotated(req, res); });
    http_.Get(R"(/c/([0-9a-f]{32})/plantjek\.xlsx)", [this](const httplib::Request& req, httplib::Response& res) { spreadsheet(req, res); });
    http_.Get(R"(/c/([0-9a-f]{32})/status\.json)", [this](const httplib::Request& req, httplib::Response& res) {
        auto v = queue_->view(req.matches[1]);
        if (!v) return error(res, lang_of(req), 404, "Kontrollen findes ikke.", "No such check.");
        const Lang l = lang_of(req);
        nlohmann::json j = {{"done", v->batch.done()}, {"total", v->batch.files.size()}, {"ahead", v->ahead}, {"running", v->running},
                            {"text", std::to_string(v->batch.done()) + (l == Lang::da ? " af " : " of ") + std::to_string(v->batch.files.size()) +
                                         (l == Lang::da ? " filer færdige" : " files done")}};
        res.set_content(j.dump(), "application/json");
    });
    http_.Post(R"(/c/([0-9a-f]{32})/again)", [this](const httplib::Request& req, httplib::Response& res) {
        if (!post_allowed(req, res, form_field(req, "form_token"))) return;
        auto token = queue_->again(req.matches[1]);
        if (!token) return error(res, lang_of(req), 404, "Kontrollen findes ikke.", "No such check.");
        remember(req, res, *token);
        res.status = 303;
        res.set_header("Location", "/c/" + *token + (lang_of(req) == Lang::en ? "?lang=en" : ""));
    });
    http_.Get("/mine", [this](const httplib::Request& req, httplib::Response& res) {
        std::vector<BatchView> mine;
        for (const auto& t : own_tokens(req))
            if (auto v = queue_->view(t)) mine.push_back(*v);
        html(res, page_list(lang_of(req), lang_of(req) == Lang::da ? "Mine kontroller" : "My checks", mine));
    });
    http_.Get("/admin", [this](const httplib::Request& req, httplib::Response& res) { admin(req, res, false); });
    http_.Post("/admin", [this](const httplib::Request& req, httplib::Response& res) { admin(req, res, true); });
    http_.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(nlohmann::json{{"status", "ok"}, {"waiting", queue_->waiting()}}.dump(), "application/json");
    });
    http_.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    http_.Get("/static/app.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(app_js(), "text/javascript; charset=utf-8");
        res.set_header("Cache-Control", "max-age=3600");
    });
}

std::atomic<httplib::Server*> g_http{nullptr};

int Server::run() {
    if (!so_.admin_token_file.empty()) {
        std::ifstream f(so_.admin_token_file);
        std::getline(f, admin_token_);
        if (admin_token_.size() < 16) {
            std::cerr << "plantjek: " << (common_.lang == Lang::da ? "administratornøglen skal have mindst 16 tegn: "
                                                                    : "the admin token must have at least 16 characters: ")
                      << so_.admin_token_file << "\n";
            return exit_code::usage;
        }
    }
    try {
        queue_->start();
    } catch (const DictionaryMissing&) {
        throw;
    } catch (const std::exception& e) {
        std::cerr << "plantjek: " << (common_.lang == Lang::da ? "datamappen kan ikke bruges: " : "cannot use the data folder: ")
                  << so_.data << ": " << e.what() << "\n";
        return exit_code::usage;
    }
    routes();
    http_.new_task_queue = [this] { return new httplib::ThreadPool(static_cast<std::size_t>(so_.threads)); };
    http_.set_read_timeout(so_.read_timeout_s, 0);
    http_.set_write_timeout(so_.read_timeout_s, 0);
    http_.set_keep_alive_max_count(20);
    http_.set_payload_max_length(static_cast<std::size_t>(lim_.max_file_bytes) * static_cast<std::size_t>(so_.max_files) + (1u << 20));
    http_.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Security-Policy", kCsp);
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("X-Frame-Options", "DENY");
        res.set_header("Referrer-Policy", "same-origin");  // no-referrer makes a browser send "Origin: null"
        if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    });
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty())
            error(res, lang_of(req), res.status, res.status == 413 ? "Forsendelsen er for stor." : "Siden findes ikke.",
                  res.status == 413 ? "The upload is too large." : "No such page.");
    });
    http_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        static std::mutex mu;
        std::lock_guard<std::mutex> lk(mu);
        std::cerr << access_line(req, res) << "\n" << std::flush;
    });
    if (so_.host != "127.0.0.1" && so_.host != "localhost" && so_.host != "::1")
        std::cerr << "plantjek: " << (common_.lang == Lang::da
                                          ? "advarsel: serveren lytter på " + so_.host + " uden TLS; sæt en TLS-proxy foran (docs/serve.md)"
                                          : "warning: the server listens on " + so_.host + " without TLS; put a TLS proxy in front (docs/serve.md)")
                  << "\n";
    int port = so_.port;
    if (port == 0) port = http_.bind_to_any_port(so_.host);
    else if (!http_.bind_to_port(so_.host, port)) port = -1;
    if (port < 0) {
        std::cerr << "plantjek: " << (common_.lang == Lang::da ? "kan ikke lytte på " : "cannot listen on ") << so_.host << ":" << so_.port << "\n";
        return exit_code::usage;
    }
    std::cerr << "plantjek serve: http://" << so_.host << ":" << port << "/\n" << std::flush;
    g_http = &http_;
    std::thread signals([] {  // SIGTERM and SIGINT, blocked in every other thread, arrive here
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGUSR2);
        int sig = 0;
        sigwait(&set, &sig);
        if (auto* h = g_http.load()) h->stop();
    });
    http_.listen_after_bind();
    g_http = nullptr;
    ::kill(::getpid(), SIGUSR2);  // ends the signal thread when the server stopped on its own
    signals.join();
    queue_->stop();  // running checks stay queued on disk: the next start runs them
    std::cerr << "plantjek serve: " << (common_.lang == Lang::da ? "stoppet" : "stopped") << "\n";
    return exit_code::ok;
}

}  // namespace

int run_serve(const CommonOptions& common, const CheckOptions& check, const ServeOptions& so) {
    if (so.purge) {
        std::size_t n = JobQueue::purge(so.data, so.retention_days);
        std::cout << "plantjek serve --purge: " << n << (common.lang == Lang::da ? " kontroller slettet" : " checks deleted") << "\n";
        return exit_code::ok;
    }
    sigset_t set;  // before any thread starts, so that only the signal thread takes them
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signal(SIGPIPE, SIG_IGN);
    Server s(common, check, so);
    return s.run();
}

}  // namespace plantjek
