// plantjek serve: the checks of `check` and `scan` as a web application, in
// Danish (English with ?lang=en), for people who do not use a terminal
// (docs/serve.md: the security model and operations).
//
// Why: a kommune drops its draft on a page and reads what to fix; a region
// runs one server for its kommuner and drops the autumn's batch. The server
// only wires the existing stages: uploads go to the scan's worker processes
// (cli/worker.h) through a fair queue (jobs.h), reports into the scan's
// SQLite store (cli/store.h) and files under --data, and every page and
// download is rendered by the writers (cli/writers/) from the same Report.
//
// Cost: the HTTP server is cpp-httplib (Debian's libcpp-httplib-dev) with a
// pool of request threads; each check costs what it costs in `scan`.
// Limits: plain HTTP (bind to loopback, or put a TLS proxy in front); no
// user accounts (a link is the key).
#pragma once

#include <cstdint>
#include <string>

#include "cli/check.h"
#include "cli/commands.h"

namespace plantjek {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string data = "plantjek-data";  // the store and the uploads
    int jobs = 2;                        // checks at the same time
    int timeout_s = 120;                 // per document
    std::uint64_t max_memory_mb = 1536;  // per worker
    int max_files = 50;                  // files per upload (a zip's plans count)
    std::uint64_t max_zip_mb = 256;      // decompressed bytes of an uploaded zip
    int threads = 8;                     // request threads
    int read_timeout_s = 10;             // a client that sends nothing for this long is dropped
    std::string admin_token_file;        // a file holding the admin token ("" = no admin list)
    bool purge = false;                  // delete checks older than retention_days and exit
    int retention_days = 30;
};

int run_serve(const CommonOptions& common, const CheckOptions& check, const ServeOptions& serve);

}  // namespace plantjek
