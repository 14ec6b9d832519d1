#include "report/report.h"

#include <openssl/evp.h>

#include <cstdio>
#include <stdexcept>

namespace plantjek {

namespace {

template <typename E, std::size_t N>
E from_name(std::string_view name, const E (&all)[N], const char* (*name_of)(E), const char* what) {
    for (E e : all)
        if (name == name_of(e)) return e;
    throw std::invalid_argument(std::string("unknown ") + what + " '" + std::string(name) + "'");
}

}  // namespace

const char* status_name(Status s) {
    switch (s) {
        case Status::conformant: return "conformant";
        case Status::nonconformant: return "nonconformant";
        case Status::not_a_plan: return "not-a-plan";
        case Status::unreadable: return "unreadable";
    }
    return "unreadable";
}

Status status_from_name(std::string_view name) {
    static constexpr Status all[] = {Status::conformant, Status::nonconformant, Status::not_a_plan,
                                     Status::unreadable};
    return from_name(name, all, status_name, "status");
}

const char* stage_name(Stage s) { return s == Stage::draft ? "draft" : "final"; }

Stage stage_from_name(std::string_view name) {
    static constexpr Stage all[] = {Stage::final, Stage::draft};
    return from_name(name, all, stage_name, "stage");
}

DocKind doc_kind_from_name(std::string_view name) {
    static constexpr DocKind all[] = {DocKind::plan, DocKind::draft, DocKind::annex, DocKind::other};
    return from_name(name, all, doc_kind_name, "document kind");
}

Severity severity_from_name(std::string_view name) {
    static constexpr Severity all[] = {Severity::info, Severity::warning, Severity::error};
    return from_name(name, all, severity_name, "severity");
}

ReqStatus req_status_from_name(std::string_view name) {
    static constexpr ReqStatus all[] = {ReqStatus::pass, ReqStatus::fail, ReqStatus::warn, ReqStatus::not_applicable,
                                        ReqStatus::waived};
    return from_name(name, all, req_status_name, "requirement status");
}

void finish_report(Report& r) {
    Summary s;
    s.misspellings = 0;
    for (const auto& w : r.spelling.unknown)
        if (!w.footnote_marker) ++s.misspellings;
    for (const auto& q : r.requirements) {
        if (q.status == ReqStatus::not_applicable) continue;
        ++s.requirements;
        if (q.status == ReqStatus::pass || q.status == ReqStatus::waived) ++s.passed;
        if (q.status == ReqStatus::fail) ++s.failed;
        if (q.status == ReqStatus::warn) ++s.warned;
        if (q.status == ReqStatus::waived) ++s.waived;
    }
    for (const auto& f : r.findings) {
        if (f.requirement_result) continue;  // counted with its requirement
        if (f.severity == Severity::error) ++s.errors;
        if (f.severity == Severity::warning) ++s.warnings;
    }
    r.summary = s;
    if (r.error) {
        r.status = Status::unreadable;
        return;
    }
    for (const auto& f : r.findings)
        if (f.rule == kNotAPlanRule) {
            r.status = Status::not_a_plan;
            return;
        }
    bool error = s.errors > 0;
    for (const auto& q : r.requirements)
        if (q.status == ReqStatus::fail && q.severity == Severity::error) error = true;
    r.status = error ? Status::nonconformant : Status::conformant;
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
    std::string hex;
    char buf[3];
    for (unsigned int i = 0; i < len; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", md[i]);
        hex += buf;
    }
    return hex;
}

}  // namespace plantjek
