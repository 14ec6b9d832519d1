// The region's letter to the kommune about one plan, composed once and
// rendered twice: as a printable HTML page (letter.cpp, -f letter) and as a
// Word document (letter_docx.cpp, -f letter-docx). Composing decides what
// the letter says; the renderers only lay it out. Plain text throughout
// (the renderers escape it).
#pragma once

#include <string>
#include <vector>

#include "cli/writers/writer.h"

namespace plantjek {

struct LetterItem {
    std::string title, text, where, fix, basis;  // any may be empty; a deadline is text only
};

struct LetterSection {
    std::string heading;
    bool numbered = false;
    std::vector<LetterItem> items;
};

struct Letter {
    std::string sender_name, sender_contact;  // a "[…]" blank to fill in when not configured
    bool sender_name_blank = false, sender_contact_blank = false;
    std::string recipient, jobcentre, date, subject, opening;
    std::vector<LetterSection> sections;  // what to correct, what we recommend, deadlines
    std::string closing, greeting;
    std::string lang;  // "da" / "en"
};

// What the letter says about `r`; the date is today's, or SOURCE_DATE_EPOCH's.
Letter compose_letter(const Report& r, const WriterOptions& o);

}  // namespace plantjek
