#include "cli/tally.h"

namespace plantjek {

void BatchTally::count(const Report& r, FailOn fail_on, const std::string& duplicate_of) {
    if (fails(r, fail_on)) ++failing;
    if (!duplicate_of.empty()) {
        ++duplicates;
        return;
    }
    switch (r.status) {
        case Status::conformant: ++conformant; break;
        case Status::nonconformant: ++nonconformant; break;
        case Status::not_a_plan: ++not_plans; break;
        case Status::unreadable:
            ++unreadable;
            ++reasons[r.error && !r.error->kind.empty() ? r.error->kind : "?"];
            break;
    }
}

std::string BatchTally::line(Lang lang) const {
    const bool da = lang == Lang::da;
    std::string s = (da ? "konforme: " : "conformant: ") + std::to_string(conformant) +
                    (da ? ", ikke-konforme: " : ", nonconformant: ") + std::to_string(nonconformant) +
                    (da ? ", ikke beskæftigelsesplaner: " : ", not employment plans: ") + std::to_string(not_plans) +
                    (da ? ", ulæselige: " : ", unreadable: ") + std::to_string(unreadable);
    if (!reasons.empty()) {
        s += " (";
        bool first = true;
        for (const auto& [k, n] : reasons) {
            s += (first ? "" : ", ") + k + " " + std::to_string(n);
            first = false;
        }
        s += ")";
    }
    if (duplicates) s += (da ? ", dubletter: " : ", duplicates: ") + std::to_string(duplicates);
    return s;
}

}  // namespace plantjek
