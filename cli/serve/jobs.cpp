// See jobs.h.
#include "cli/serve/jobs.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/scan.h"
#include "cli/serve/security.h"
#include "cli/store.h"
#include "cli/worker.h"
#include "extractor/reader.h"

namespace plantjek::serve {

namespace fs = std::filesystem;
using J = nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Whole or absent: written beside (a name of its own, as two uploads of the
// same content may write the same file at once), then renamed over.
void write_atomic(const fs::path& p, const std::string& bytes) {
    fs::path tmp = p;
    tmp += "." + random_token() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << bytes;
        f.flush();
        if (!f) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, p);
}

std::int64_t now_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool write_all(int fd, const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        ssize_t w = ::write(fd, s.data() + done, s.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        done += static_cast<std::size_t>(w);
    }
    return true;
}

// A batch's list (meta.json); a file is done when its report is there.
Batch batch_from_json(const J& j, const std::string& token, const std::string& data_dir) {
    Batch b;
    b.token = token;
    b.created = j.at("created").get<std::int64_t>();
    b.origin = j.value("origin", "");
    b.options.stage = j.at("options").at("stage").get<std::string>();
    b.options.year = j.at("options").at("year").get<int>();
    b.options.profile = j.at("options").at("profile").get<std::string>();
    for (const auto& f : j.at("files")) {
        JobFile jf;
        jf.name = f.at("name").get<std::string>();
        jf.stored = data_dir + "/uploads/" + fs::path(f.at("stored").get<std::string>()).filename().string();
        jf.sha256 = f.at("sha256").get<std::string>();
        jf.bytes = f.at("bytes").get<std::uint64_t>();
        jf.state = fs::exists(data_dir + "/checks/" + token + "/" + std::to_string(b.files.size()) + ".wire") ? JobFile::done : JobFile::queued;
        b.files.push_back(jf);
    }
    return b;
}

}  // namespace

std::size_t Batch::done() const {
    return static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const JobFile& f) { return f.state == JobFile::done; }));
}

// One worker pool per combination of options, with its session and what
// the store's stamp needs.
struct JobQueue::Pool {
    CheckOptions check;
    std::unique_ptr<CheckSession> session;
    std::unique_ptr<WorkerPool> workers;
    std::map<std::string, std::string> versions;  // profile id → profile_version
    std::string options_key;
    std::size_t in_flight = 0;
    std::int64_t last_used = 0;
};

JobQueue::JobQueue(QueueConfig cfg) : cfg_(std::move(cfg)) {}

JobQueue::~JobQueue() { stop(); }

std::string JobQueue::batch_dir(const std::string& token) const { return cfg_.data_dir + "/checks/" + token; }

void JobQueue::start() {
    cfg_.data_dir = fs::absolute(cfg_.data_dir).lexically_normal().string();
    fs::create_directories(cfg_.data_dir + "/uploads");
    fs::create_directories(cfg_.data_dir + "/checks");
    {
        Store probe(cfg_.data_dir + "/plantjek.db");  // created and migrated here, so that its errors reach the user
    }
    {
        CheckSession s(cfg_.check);
        for (const auto& p : s.profiles()) profile_ids_.push_back(p.id);
    }
    load_existing();
    int down[2], up[2];
    if (::pipe2(down, O_CLOEXEC) != 0 || ::pipe2(up, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    child_ = ::fork();
    if (child_ < 0) throw std::runtime_error("fork failed");
    if (child_ == 0) {
        ::close(down[1]);
        ::close(up[0]);
        dispatch(down[0], up[1]);
    }
    ::close(down[0]);
    ::close(up[1]);
    to_child_ = down[1];
    from_child_ = up[0];
    reader_ = std::thread([this] { read_updates(); });
}

void JobQueue::stop() {
    if (to_child_ < 0) return;
    ::close(to_child_);  // the dispatcher ends on end of file, killing its busy workers
    to_child_ = -1;
    int status = 0;
    while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
    }
    if (reader_.joinable()) reader_.join();
    ::close(from_child_);
}

// The server's side: "r TOKEN INDEX" (running), "d TOKEN INDEX" (done).
void JobQueue::read_updates() {
    std::string buf;
    char chunk[4096];
    for (;;) {
        ssize_t n = ::read(from_child_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        buf.append(chunk, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
            std::istringstream line(buf.substr(0, nl));
            char what = 0;
            std::string token;
            std::size_t index = 0;
            if (!(line >> what >> token >> index)) continue;
            std::lock_guard<std::mutex> lk(mu_);
            auto it = batches_.find(token);
            if (it == batches_.end() || index >= it->second.files.size()) continue;
            it->second.files[index].state = what == 'd' ? JobFile::done : JobFile::running;
        }
    }
}

void JobQueue::tell(const std::string& line) {
    if (!write_all(out_, line + "\n")) _exit(0);  // the server is gone
}

// The dispatcher's side: a new batch's token; its list is on disk.
void JobQueue::take_command(const std::string& token) {
    if (!is_token(token)) return;
    Batch b;
    try {
        J j = J::parse(slurp(batch_dir(token) + "/meta.json"));
        b = batch_from_json(j, token, cfg_.data_dir);
    } catch (const std::exception&) {
        return;
    }
    batches_[token] = std::move(b);
    order_.push_back(token);
}

void JobQueue::dispatch(int in, int out) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // dies with the server, and so do its workers
    if (::getppid() == 1) _exit(0);
    out_ = out;
    int rc = 0;
    try {
        store_ = std::make_unique<Store>(cfg_.data_dir + "/plantjek.db");
        pool_for(JobOptions{});  // profiles and Hunspell, before the first upload
        std::string buf;
        for (;;) {
            bool worked = hand_out();
            if (collect()) worked = true;
            pollfd p{in, POLLIN, 0};
            if (::poll(&p, 1, worked || in_flight_ ? 0 : 200) > 0) {
                char chunk[4096];
                ssize_t n = ::read(in, chunk, sizeof chunk);
                if (n == 0) break;  // the server stops
                if (n > 0) buf.append(chunk, static_cast<std::size_t>(n));
                for (std::size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) take_command(buf.substr(0, nl));
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "plantjek serve: " << e.what() << "\n";
        rc = 1;
    }
    pools_.clear();  // kills the busy workers; their files stay queued on disk
    store_.reset();
    std::cerr.flush();
    _exit(rc);
}

void JobQueue::save_meta(const Batch& b) const {
    J files = J::array();
    for (const auto& f : b.files) files.push_back({{"name", f.name}, {"stored", fs::path(f.stored).filename().string()}, {"sha256", f.sha256}, {"bytes", f.bytes}});
    J j = {{"token", b.token}, {"created", b.created}, {"origin", b.origin},
           {"options", {{"stage", b.options.stage}, {"year", b.options.year}, {"profile", b.options.profile}}}, {"files", files}};
    write_atomic(batch_dir(b.token) + "/meta.json", j.dump());
}

void JobQueue::load_existing() {
    std::vector<std::pair<std::int64_t, std::string>> found;
    for (const auto& e : fs::directory_iterator(cfg_.data_dir + "/checks")) {
        const std::string token = e.path().filename().string();
        if (!is_token(token) || !fs::is_regular_file(e.path() / "meta.json")) continue;  // a batch cut off before its list
        try {
            Batch b = batch_from_json(J::parse(slurp(e.path() / "meta.json")), token, cfg_.data_dir);
            found.push_back({b.created, token});
            batches_[token] = std::move(b);
        } catch (const std::exception&) {
            continue;  // a damaged list: the batch is not offered
        }
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) order_.push_back(f.second);
}

std::string JobQueue::submit(const JobOptions& opts, const std::vector<Upload>& files, const std::string& origin) {
    Batch b;
    b.token = random_token();
    b.created = now_s();
    b.options = opts;
    b.origin = origin;
    for (const auto& u : files) {
        JobFile f;
        f.name = u.name;
        f.sha256 = sha256_hex(u.bytes);
        f.bytes = u.bytes.size();
        f.stored = cfg_.data_dir + "/uploads/" + f.sha256 + known_extension(u.name);
        if (!fs::exists(f.stored)) write_atomic(f.stored, u.bytes);
        b.files.push_back(std::move(f));
    }
    fs::create_directories(batch_dir(b.token));
    save_meta(b);  // accepted from here on: a restart checks it
    std::string token = b.token;
    {
        std::lock_guard<std::mutex> lk(mu_);
        order_.push_back(token);
        batches_[token] = std::move(b);
        write_all(to_child_, token + "\n");  // a token line is far below PIPE_BUF: never interleaved
    }
    return token;
}

std::optional<std::string> JobQueue::again(const std::string& token) {
    std::vector<Upload> files;
    JobOptions opts;
    {
        std::lock_guard<std::mutex> lk(mu_);
        auto it = batches_.find(token);
        if (it == batches_.end()) return std::nullopt;
        opts = it->second.options;
        for (const auto& f : it->second.files) files.push_back({f.name, slurp(f.stored)});
    }
    return submit(opts, files, token);
}

std::size_t JobQueue::ahead_of(const std::string& token) const {  // mu_ held
    std::vector<std::size_t> left;
    std::size_t target = order_.size();
    for (std::size_t i = 0; i < order_.size(); ++i) {
        const Batch& b = batches_.at(order_[i]);
        left.push_back(static_cast<std::size_t>(std::count_if(b.files.begin(), b.files.end(), [](const JobFile& f) { return f.state == JobFile::queued; })));
        if (order_[i] == token) target = i;
    }
    if (target == order_.size() || left[target] == 0) return 0;
    std::size_t ahead = 0;
    for (std::size_t k = 0;; ++k) {  // the dispatcher's round-robin, counted
        std::size_t i = (cursor_ + k) % order_.size();
        if (i == target) return ahead;
        if (left[i]) {
            --left[i];
            ++ahead;
        }
    }
}

std::optional<BatchView> JobQueue::view(const std::string& token) const {
    std::lock_guard<std::mutex> lk(mu_);
    auto it = batches_.find(token);
    if (it == batches_.end()) return std::nullopt;
    BatchView v{it->second, ahead_of(token), ""};
    for (const auto& f : it->second.files)
        if (f.state == JobFile::running) v.running = f.name;
    return v;
}

std::vector<BatchView> JobQueue::all() const {
    std::vector<BatchView> out;
    std::lock_guard<std::mutex> lk(mu_);
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) out.push_back({batches_.at(*it), ahead_of(*it), ""});
    return out;
}

std::optional<Report> JobQueue::report(const std::string& token, std::size_t index) const {
    std::string name;
    {
        std::lock_guard<std::mutex> lk(mu_);
        auto it = batches_.find(token);
        if (it == batches_.end() || index >= it->second.files.size() || it->second.files[index].state != JobFile::done)
            return std::nullopt;
        name = it->second.files[index].name;
    }
    std::string wire = slurp(batch_dir(token) + "/" + std::to_string(index) + ".wire");
    try {
        Report r = report_from_wire(wire);
        r.path = name;
        return r;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::size_t JobQueue::waiting() const {
    std::lock_guard<std::mutex> lk(mu_);
    std::size_t n = 0;
    for (const auto& [t, b] : batches_) n += b.files.size() - b.done();
    return n;
}

JobQueue::Pool& JobQueue::pool_for(const JobOptions& o) {
    auto& slot = pools_[o.key()];
    if (!slot) {
        if (pools_.size() > kMaxPools) {  // the idle pool used longest ago goes
            auto victim = pools_.end();
            for (auto it = pools_.begin(); it != pools_.end(); ++it)
                if (it->second && it->second->in_flight == 0 && it->first != JobOptions{}.key() &&
                    (victim == pools_.end() || it->second->last_used < victim->second->last_used))
                    victim = it;
            if (victim != pools_.end()) pools_.erase(victim);
        }
        auto p = std::make_unique<Pool>();
        p->check = cfg_.check;
        if (!o.stage.empty()) {
            p->check.report.stage_given = true;
            p->check.report.stage = stage_from_name(o.stage);
        }
        if (o.year) p->check.year = o.year;
        if (!o.profile.empty()) p->check.profile = o.profile;
        p->session = std::make_unique<CheckSession>(p->check);
        p->session->prepare();
        for (const auto& prof : p->session->profiles()) {
            Profile copy = prof;
            for (const auto& f : p->check.rules_files) add_rules_file(copy, f);
            p->versions[prof.id] = profile_version(copy.source_files);
        }
        p->options_key = check_options_key(p->check);
        PoolOptions po;
        po.session = p->session.get();
        po.jobs = cfg_.jobs;
        po.timeout_s = cfg_.timeout_s;
        po.max_memory_mb = cfg_.max_memory_mb;
        po.check = p->check;
        p->workers = std::make_unique<WorkerPool>(po);
        pools_[o.key()] = std::move(p);
    }
    Pool& p = *pools_[o.key()];
    p.last_used = now_s();
    return p;
}

// Starts queued files, round-robin over the batches, while fewer than
// `jobs` run. true when it started one.
bool JobQueue::hand_out() {
    bool started = false;
    while (in_flight_ < static_cast<std::size_t>(cfg_.jobs)) {
        std::string token;
        std::size_t index = 0;
        JobOptions opts;
        Report base;
        {
            std::lock_guard<std::mutex> lk(mu_);
            bool found = false;
            for (std::size_t k = 0; k < order_.size() && !found; ++k) {
                std::size_t i = (cursor_ + k) % order_.size();
                Batch& b = batches_[order_[i]];
                for (std::size_t f = 0; f < b.files.size(); ++f)
                    if (b.files[f].state == JobFile::queued) {
                        b.files[f].state = JobFile::running;
                        token = b.token;
                        index = f;
                        opts = b.options;
                        base.path = b.files[f].stored;
                        base.sha256 = b.files[f].sha256;
                        base.bytes = b.files[f].bytes;
                        cursor_ = (i + 1) % order_.size();
                        found = true;
                        break;
                    }
            }
            if (!found) return started;
        }
        std::string head = slurp(base.path).substr(0, 8192);
        Format fmt = sniff_format(head);
        base.format = head.empty() || fmt == Format::unknown ? "" : format_name(fmt);
        Pool& p = pool_for(opts);
        std::size_t tag = next_tag_++;
        tags_[tag] = {token, index};
        tell("r " + token + " " + std::to_string(index));
        p.workers->submit(tag, std::move(base));
        ++p.in_flight;
        ++in_flight_;
        started = true;
    }
    return started;
}

// Takes the finished reports of every pool. true when there was one.
bool JobQueue::collect() {
    bool any = false;
    for (auto& [key, p] : pools_) {
        if (!p || p->in_flight == 0) continue;
        for (auto& res : p->workers->wait(in_flight_ == p->in_flight ? 50 : 5)) {
            --p->in_flight;
            --in_flight_;
            finish(res.tag, std::move(res.report));
            any = true;
        }
    }
    return any;
}

void JobQueue::finish(std::size_t tag, Report r) {
    auto [token, index] = tags_.at(tag);
    tags_.erase(tag);
    JobOptions opts;
    {
        std::lock_guard<std::mutex> lk(mu_);
        opts = batches_.at(token).options;
    }
    Pool& p = pool_for(opts);
    CheckStamp stamp{PLANTJEK_VERSION, "", p.options_key};
    if (!r.profile.empty() && p.versions.count(r.profile)) stamp.profile_version = p.versions[r.profile];
    try {
        store_->put(r, stamp, utc_now());
    } catch (const StoreError&) {
        // The report file below is what the pages show; the store is the researchers' copy.
    }
    write_atomic(batch_dir(token) + "/" + std::to_string(index) + ".wire", report_to_wire(r));
    {
        std::lock_guard<std::mutex> lk(mu_);
        batches_.at(token).files.at(index).state = JobFile::done;
    }
    tell("d " + token + " " + std::to_string(index));
}

std::size_t JobQueue::purge(const std::string& data_dir, int days) {
    const std::int64_t cutoff = now_s() - static_cast<std::int64_t>(days) * 86400;
    std::size_t gone = 0;
    std::set<std::string> used;
    const fs::path checks = fs::path(data_dir) / "checks", uploads = fs::path(data_dir) / "uploads";
    std::error_code ec;
    bool unreadable = false;
    for (const auto& e : fs::directory_iterator(checks, ec)) {
        if (!is_token(e.path().filename().string())) continue;
        try {
            J j = J::parse(slurp(e.path() / "meta.json"));
            if (j.at("created").get<std::int64_t>() < cutoff) {
                fs::remove_all(e.path());
                ++gone;
                continue;
            }
            for (const auto& f : j.at("files")) used.insert(f.at("stored").get<std::string>());
        } catch (const std::exception&) {
            unreadable = true;  // an unreadable list: kept, and so are all uploads
        }
    }
    if (gone && !unreadable)
        for (const auto& e : fs::directory_iterator(uploads, ec))
            if (!used.count(e.path().filename().string())) fs::remove(e.path(), ec);
    return gone;
}

}  // namespace plantjek::serve
