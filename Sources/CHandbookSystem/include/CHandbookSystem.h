#ifndef C_HANDBOOK_SYSTEM_H
#define C_HANDBOOK_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where
/// the system or file system cannot do it).
int handbook_rename_exchange(const char *a, const char *b);

/// Returns the memory malloc holds free to the system (glibc's malloc_trim);
/// does nothing where the C library has no such call.
void handbook_return_free_memory(void);

#endif
