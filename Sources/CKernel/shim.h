#ifndef GROUPLEDGER_CKERNEL_SHIM_H
#define GROUPLEDGER_CKERNEL_SHIM_H
/* What Swift cannot say itself: kernel calls that the C library declares only with _GNU_SOURCE (which Swift's Glibc
 * module does not define), and a prefetch hint. */
#ifdef __linux__
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>

/* Starts the write-back of `count` bytes at `offset` of `fd` without waiting for it (sync_file_range(2) with
 * SYNC_FILE_RANGE_WRITE). Returns 0, or -1 with errno set. */
static inline int groupledger_start_writeback(int fd, long long offset, long long count) {
    return sync_file_range(fd, offset, count, SYNC_FILE_RANGE_WRITE);
}
#else
static inline int groupledger_start_writeback(int fd, long long offset, long long count) {
    (void)fd; (void)offset; (void)count;
    return 0;
}
#endif

/* Asks the processor to start loading the cache line at `address`, for a lookup that will read it soon; a hint
 * with no effect on what the program computes. */
static inline void groupledger_prefetch(const void *address) {
    __builtin_prefetch(address);
}
#endif
