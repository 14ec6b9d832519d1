#include "cli/report.h"

#include <openssl/evp.h>

#include <cstdio>

namespace plantjek {

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
    }
    for (const auto& f : r.findings) {
        if (f.severity == Severity::error) ++s.errors;
        if (f.severity == Severity::warning) ++s.warnings;
    }
    r.summary = s;
    if (r.error) {
        r.status = "unreadable";
        return;
    }
    bool error = s.errors > 0;
    for (const auto& q : r.requirements)
        if (q.status == ReqStatus::fail && q.severity == Severity::error) error = true;
    r.status = error ? "nonconformant" : "conformant";
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
