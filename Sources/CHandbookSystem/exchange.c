#define _GNU_SOURCE
#include "CHandbookSystem.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

int handbook_rename_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* 2 is RENAME_EXCHANGE; the syscall avoids depending on the libc wrapper. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2);
#else
    errno = ENOSYS;
    return -1;
#endif
}

void handbook_return_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
