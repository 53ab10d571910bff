#include "CMarkArena.h"

#include <cmark.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* A block of the arena; allocations are carved from `data` in order. */
typedef struct block {
    struct block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

/* Before each allocation: its size, so that realloc can copy it. 16 bytes,
   which keeps every allocation 16-byte aligned, as malloc's are. */
typedef struct {
    size_t size;
    size_t unused;
} header;

enum { BLOCK_SIZE = 1 << 20 };

static _Thread_local block *head;  /* the newest block: allocations come from it */
static _Thread_local void *last;   /* the newest allocation, which realloc may grow in place */
static _Thread_local int depth;

/* Blocks come straight from mmap, not malloc: freeing a large malloc'd
   block raises glibc's mmap threshold, after which the build's other large
   allocations (rendered pages) stay on the heap and fragment it. */
static block *map_block(size_t capacity) {
    if (capacity > SIZE_MAX - sizeof(block)) abort();
    void *p = mmap(NULL, sizeof(block) + capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) abort(); /* as cmark's own allocator does when out of memory */
    return p;
}

static void unmap_block(block *b) { munmap(b, sizeof(block) + b->size); }

static size_t footprint(size_t size) {
    if (size > SIZE_MAX - sizeof(header) - 15) abort();
    return (sizeof(header) + size + 15) & ~(size_t)15;
}

static void *allocate(size_t size) {
    size_t need = footprint(size);
    if (!head || head->size - head->used < need) {
        size_t capacity = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        block *fresh = map_block(capacity);
        fresh->next = head;
        fresh->size = capacity;
        fresh->used = 0;
        head = fresh;
    }
    header *h = (header *)(head->data + head->used);
    head->used += need;
    h->size = size;
    last = h + 1;
    return last;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *p = allocate(count * size);
    memset(p, 0, count * size);
    return p;
}

static void *arena_realloc(void *p, size_t size) {
    if (!p) return allocate(size);
    header *h = (header *)p - 1;
    if (size <= h->size) return p;
    if (p == last) {
        /* The newest allocation grows in place when its block has room. */
        size_t start = head->used - footprint(h->size);
        size_t need = footprint(size);
        if (head->size - start >= need) {
            head->used = start + need;
            h->size = size;
            return p;
        }
    }
    void *q = allocate(size);
    memcpy(q, p, h->size);
    return q;
}

static void arena_free(void *p) { (void)p; }

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

void *handbook_arena_begin(void) {
    depth++;
    return &arena;
}

void *handbook_arena_current(void) {
    return depth > 0 ? (void *)&arena : (void *)cmark_get_default_mem_allocator();
}

void handbook_arena_end(void) {
    if (depth == 0 || --depth > 0) return;
    /* Keep one ordinary block for the thread's next parse; free the rest. */
    block *keep = NULL;
    while (head) {
        block *next = head->next;
        if (!keep && head->size == BLOCK_SIZE) {
            keep = head;
        } else {
            unmap_block(head);
        }
        head = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    head = keep;
    last = NULL;
}
