#ifndef CMARK_ARENA_H
#define CMARK_ARENA_H

// An allocator for cmark that hands out memory from large blocks and frees
// nothing until the parse ends: one Markdown conversion allocates thousands
// of small nodes and buffers, and returning each to malloc costs more than
// the parse. Each thread has its own arena; begin/end pairs may nest (a
// table cell is parsed inside its page's parse); the outermost end releases
// everything the parse allocated. Nothing allocated from it may be used
// after that end. Returns the arena as a `cmark_mem *`.
void *handbook_arena_begin(void);
void handbook_arena_end(void);

// The allocator new nodes should use: the thread's arena inside a
// begin/end pair, cmark's default allocator outside one. A node made with
// the default allocator inside a parse would outlive nothing it belongs to
// and leak if it were ever left out of the tree.
void *handbook_arena_current(void);

#endif
