// The shared work table (see shared_work.h).
//
// Layout of the mapping: a header, a fixed array of slots (open addressing,
// linear probing) and an arena for the keys and answers (bump allocation,
// never freed: the table lives for one scan). A slot is claimed by a CAS of
// its hash from 0; the claimer then writes the key and sets the state to
// `computing`; readers that find the hash wait for that before comparing
// keys. Only lock-free std::atomic of 32 and 64 bits are shared between the
// processes.
#include "extractor/shared_work.h"

#include <signal.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <unordered_map>

namespace plantjek::shared_work {

namespace {

enum : std::uint32_t { st_writing = 0, st_computing = 1, st_done = 2, st_failed = 3 };

struct Slot {
    std::atomic<std::uint64_t> hash;  // 0: empty
    std::atomic<std::uint32_t> state;
    std::atomic<std::int32_t> owner;  // pid of the computing process
    std::uint64_t key_off;
    std::uint64_t val_off;
    std::uint32_t key_len;
    std::uint32_t val_len;
};
static_assert(std::atomic<std::uint64_t>::is_always_lock_free && std::atomic<std::uint32_t>::is_always_lock_free,
              "the table is shared between processes: its atomics must be lock-free");

struct Header {
    std::uint64_t slots;
    std::uint64_t arena_size;
    std::atomic<std::uint64_t> arena_used;
};

Header* table = nullptr;
Slot* slots = nullptr;
char* arena = nullptr;
thread_local bool defer_busy = false;
std::unordered_map<std::string, std::uint64_t>& claimed() {  // key → slot index, this process's claims
    static std::unordered_map<std::string, std::uint64_t> m;
    return m;
}

constexpr auto kPatience = std::chrono::seconds(60);

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key) | 1; }

// Offset of n fresh bytes in the arena; false when it is full.
bool allocate(std::size_t n, std::uint64_t* off) {
    std::uint64_t o = table->arena_used.fetch_add(n, std::memory_order_relaxed);
    if (o + n > table->arena_size) return false;
    *off = o;
    return true;
}

bool alive(std::int32_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH); }

void nap() {
    struct timespec ts {0, 200000};
    ::nanosleep(&ts, nullptr);
}

}  // namespace

DeferBusy::DeferBusy() : saved_(defer_busy) { defer_busy = true; }
DeferBusy::~DeferBusy() { defer_busy = saved_; }

namespace {

class TableShare final : public WorkShare {
public:
    Look lookup(std::string_view key, std::string* value) override { return shared_work::lookup(key, value); }
    void publish(std::string_view key, std::string_view value) override { shared_work::publish(key, value); }
    void abandon(std::string_view key) override { shared_work::abandon(key); }
};

}  // namespace

WorkShare* table_share() {
    static TableShare share;
    return table ? &share : nullptr;
}

bool enable(std::size_t bytes) {
    if (table) return true;
    std::size_t n_slots = bytes / 16 / sizeof(Slot);  // a sixteenth of the mapping for slots
    if (n_slots < 16) return false;
    std::size_t head = (sizeof(Header) + sizeof(Slot) * n_slots + 63) & ~std::size_t{63};
    if (bytes <= head) return false;
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
    table = new (p) Header{n_slots, bytes - head, {0}};  // the mapping is zeroed: every slot empty
    slots = reinterpret_cast<Slot*>(static_cast<char*>(p) + sizeof(Header));
    arena = static_cast<char*>(p) + head;
    return true;
}

bool enabled() { return table != nullptr; }

Look lookup(std::string_view key, std::string* value) {
    if (!table) return Look::off;
    const std::uint64_t h = hash_of(key);
    const std::int32_t me = static_cast<std::int32_t>(::getpid());
    for (std::uint64_t probe = 0; probe < table->slots; ++probe) {
        std::uint64_t i = (h + probe) % table->slots;
        Slot& s = slots[i];
        std::uint64_t cur = s.hash.load(std::memory_order_acquire);
        if (cur == 0) {
            std::uint64_t expected = 0;
            if (s.hash.compare_exchange_strong(expected, h, std::memory_order_acq_rel)) {
                std::uint64_t off = 0;
                if (!allocate(key.size(), &off)) {
                    s.owner.store(me, std::memory_order_relaxed);
                    s.state.store(st_failed, std::memory_order_release);  // no room for the key: nobody's
                    return Look::off;
                }
                std::memcpy(arena + off, key.data(), key.size());
                s.key_off = off;
                s.key_len = static_cast<std::uint32_t>(key.size());
                s.owner.store(me, std::memory_order_relaxed);
                s.state.store(st_computing, std::memory_order_release);
                claimed()[std::string(key)] = i;
                return Look::mine;
            }
            cur = expected;
        }
        if (cur != h) continue;
        // Same hash: wait for the key to be written, then compare.
        while (s.state.load(std::memory_order_acquire) == st_writing) nap();
        if (s.key_len != key.size() || (s.key_len && std::memcmp(arena + s.key_off, key.data(), key.size()) != 0))
            continue;  // another key with the same hash (or one that found no room)
        auto start = std::chrono::steady_clock::now();
        for (;;) {
            std::uint32_t st = s.state.load(std::memory_order_acquire);
            if (st == st_done) {
                value->assign(arena + s.val_off, s.val_len);
                return Look::found;
            }
            if (st == st_failed) return Look::off;
            std::int32_t owner = s.owner.load(std::memory_order_relaxed);
            if (owner == me || !alive(owner)) return Look::off;  // a claim of ours not yet answered; a dead worker
            if (defer_busy) throw Busy{};
            if (std::chrono::steady_clock::now() - start > kPatience) return Look::off;
            nap();
        }
    }
    return Look::off;  // every slot taken
}

void publish(std::string_view key, std::string_view value) {
    auto it = claimed().find(std::string(key));
    if (it == claimed().end()) return;
    Slot& s = slots[it->second];
    claimed().erase(it);
    std::uint64_t off = 0;
    if (!allocate(value.size(), &off)) {
        s.state.store(st_failed, std::memory_order_release);
        return;
    }
    std::memcpy(arena + off, value.data(), value.size());
    s.val_off = off;
    s.val_len = static_cast<std::uint32_t>(value.size());
    s.state.store(st_done, std::memory_order_release);
}

void abandon(std::string_view key) {
    auto it = claimed().find(std::string(key));
    if (it == claimed().end()) return;
    slots[it->second].state.store(st_failed, std::memory_order_release);
    claimed().erase(it);
}

}  // namespace plantjek::shared_work

namespace plantjek {

WorkShare::Defer::Defer(WorkShare* share) : saved_(shared_work::defer_busy) {
    if (share) shared_work::defer_busy = true;
}
WorkShare::Defer::~Defer() { shared_work::defer_busy = saved_; }

std::string shared_answer(WorkShare* share, std::string_view key, const std::function<std::string()>& compute,
                          bool* fresh) {
    std::string value;
    const WorkShare::Look look = share ? share->lookup(key, &value) : WorkShare::Look::off;
    if (fresh) *fresh = look != WorkShare::Look::found;
    if (look == WorkShare::Look::found) return value;
    try {
        value = compute();
    } catch (...) {
        if (look == WorkShare::Look::mine) share->abandon(key);
        throw;
    }
    if (look == WorkShare::Look::mine) share->publish(key, value);
    return value;
}

}  // namespace plantjek
