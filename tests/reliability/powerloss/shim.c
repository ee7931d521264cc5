/* Power-loss recorder (tests only; SECURITY.md row 2).
 *
 * Loaded with LD_PRELOAD into a child that writes to a vault. Every write, truncate, fsync,
 * rename and unlink under $PL_DIR is appended to $PL_LOG, with the data written, and so is
 * every line the child prints on stdout (its acknowledgements). tests/reliability/powerloss/
 * model.py replays the log and builds the folder as a power cut after any operation would
 * leave it: only what was fsynced survives (file data after fsync of the file, directory
 * entries after fsync of the directory). LazyFS does the same job as a FUSE layer; this
 * needs nothing but a C compiler.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define MAXFD 4096
static char *paths[MAXFD];
static char watch[PATH_MAX];
static size_t watchlen;
static int logfd = -1;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void raw_write(const void *buf, size_t len) {
    const char *p = buf;
    while (len > 0) {
        long n = syscall(SYS_write, logfd, p, len);
        if (n <= 0) return;
        p += n;
        len -= (size_t)n;
    }
}

static void record(char op, const char *path, const char *path2, int64_t off, const void *data,
                   int64_t len) {
    if (logfd < 0) return;
    uint32_t l1 = path ? (uint32_t)strlen(path) : 0, l2 = path2 ? (uint32_t)strlen(path2) : 0;
    int64_t dlen = data ? len : 0;
    pthread_mutex_lock(&mu);
    raw_write(&op, 1);
    raw_write(&l1, 4);
    raw_write(&l2, 4);
    raw_write(&off, 8);
    raw_write(&len, 8);
    raw_write(&dlen, 8);
    if (l1) raw_write(path, l1);
    if (l2) raw_write(path2, l2);
    if (dlen > 0) raw_write(data, (size_t)dlen);
    pthread_mutex_unlock(&mu);
}

__attribute__((constructor)) static void init(void) {
    const char *dir = getenv("PL_DIR"), *log = getenv("PL_LOG");
    if (!dir || !log) return;
    strncpy(watch, dir, sizeof(watch) - 1);
    watchlen = strlen(watch);
    logfd = (int)syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static int absolute(int dirfd, const char *path, char *out) {
    if (path[0] == '/') {
        snprintf(out, PATH_MAX, "%s", path);
    } else if (dirfd == AT_FDCWD) {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof(cwd))) return 0;
        snprintf(out, PATH_MAX, "%s/%s", cwd, path);
    } else {
        return 0;
    }
    return 1;
}

static int watched(const char *abs) {
    return watchlen && strncmp(abs, watch, watchlen) == 0 && (abs[watchlen] == '/' || !abs[watchlen]);
}

static void opened(int fd, int dirfd, const char *path, int flags) {
    char abs[PATH_MAX];
    if (fd < 0 || fd >= MAXFD || !absolute(dirfd, path, abs) || !watched(abs)) return;
    free(paths[fd]);
    paths[fd] = strdup(abs);
    record('O', abs, NULL, flags, NULL, 0);
}

#define REAL(name, ret, ...) static ret (*real_##name)(__VA_ARGS__); \
    if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name)

static int do_open(const char *name, int dirfd, const char *path, int flags, mode_t mode) {
    static int (*ro)(const char *, int, ...), (*ro64)(const char *, int, ...);
    static int (*rat)(int, const char *, int, ...), (*rat64)(int, const char *, int, ...);
    int fd;
    if (!strcmp(name, "open")) { if (!ro) ro = dlsym(RTLD_NEXT, "open"); fd = ro(path, flags, mode); }
    else if (!strcmp(name, "open64")) { if (!ro64) ro64 = dlsym(RTLD_NEXT, "open64"); fd = ro64(path, flags, mode); }
    else if (!strcmp(name, "openat")) { if (!rat) rat = dlsym(RTLD_NEXT, "openat"); fd = rat(dirfd, path, flags, mode); }
    else { if (!rat64) rat64 = dlsym(RTLD_NEXT, "openat64"); fd = rat64(dirfd, path, flags, mode); }
    opened(fd, dirfd, path, flags);
    return fd;
}

#define MODE_ARG mode_t mode = 0; if (flags & (O_CREAT | O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
int open(const char *path, int flags, ...) { MODE_ARG return do_open("open", AT_FDCWD, path, flags, mode); }
int open64(const char *path, int flags, ...) { MODE_ARG return do_open("open64", AT_FDCWD, path, flags, mode); }
int openat(int d, const char *path, int flags, ...) { MODE_ARG return do_open("openat", d, path, flags, mode); }
int openat64(int d, const char *path, int flags, ...) { MODE_ARG return do_open("openat64", d, path, flags, mode); }

int close(int fd) {
    REAL(close, int, int);
    if (fd >= 0 && fd < MAXFD && paths[fd]) { free(paths[fd]); paths[fd] = NULL; }
    return real_close(fd);
}

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write, ssize_t, int, const void *, size_t);
    if (fd == 1 && logfd >= 0) record('A', NULL, NULL, 0, buf, (int64_t)n);
    if (fd < 0 || fd >= MAXFD || !paths[fd]) return real_write(fd, buf, n);
    off_t at = lseek(fd, 0, SEEK_CUR);
    ssize_t done = real_write(fd, buf, n);
    if (done > 0) record('W', paths[fd], NULL, at, buf, done);
    return done;
}

static ssize_t pw(const char *name, int fd, const void *buf, size_t n, off_t off) {
    static ssize_t (*r)(int, const void *, size_t, off_t), (*r64)(int, const void *, size_t, off_t);
    ssize_t done;
    if (!strcmp(name, "pwrite")) { if (!r) r = dlsym(RTLD_NEXT, "pwrite"); done = r(fd, buf, n, off); }
    else { if (!r64) r64 = dlsym(RTLD_NEXT, "pwrite64"); done = r64(fd, buf, n, off); }
    if (done > 0 && fd >= 0 && fd < MAXFD && paths[fd]) record('W', paths[fd], NULL, off, buf, done);
    return done;
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) { return pw("pwrite", fd, buf, n, off); }
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) { return pw("pwrite64", fd, buf, n, off); }

static int trunc_common(int fd, off_t len, int rc) {
    if (rc == 0 && fd >= 0 && fd < MAXFD && paths[fd]) record('T', paths[fd], NULL, len, NULL, 0);
    return rc;
}
int ftruncate(int fd, off_t len) { REAL(ftruncate, int, int, off_t); return trunc_common(fd, len, real_ftruncate(fd, len)); }
int ftruncate64(int fd, off_t len) { REAL(ftruncate64, int, int, off_t); return trunc_common(fd, len, real_ftruncate64(fd, len)); }

static int sync_common(int fd, int rc) {
    if (rc == 0 && fd >= 0 && fd < MAXFD && paths[fd]) record('S', paths[fd], NULL, 0, NULL, 0);
    return rc;
}
int fsync(int fd) { REAL(fsync, int, int); return sync_common(fd, real_fsync(fd)); }
int fdatasync(int fd) { REAL(fdatasync, int, int); return sync_common(fd, real_fdatasync(fd)); }

static void moved(int d1, const char *a, int d2, const char *b, int rc) {
    char x[PATH_MAX], y[PATH_MAX];
    if (rc == 0 && absolute(d1, a, x) && absolute(d2, b, y) && (watched(x) || watched(y)))
        record('R', x, y, 0, NULL, 0);
}
int rename(const char *a, const char *b) {
    REAL(rename, int, const char *, const char *);
    int rc = real_rename(a, b); moved(AT_FDCWD, a, AT_FDCWD, b, rc); return rc;
}
int renameat(int d1, const char *a, int d2, const char *b) {
    REAL(renameat, int, int, const char *, int, const char *);
    int rc = real_renameat(d1, a, d2, b); moved(d1, a, d2, b, rc); return rc;
}

static void removed(int d, const char *p, int rc) {
    char x[PATH_MAX];
    if (rc == 0 && absolute(d, p, x) && watched(x)) record('U', x, NULL, 0, NULL, 0);
}
int unlink(const char *p) { REAL(unlink, int, const char *); int rc = real_unlink(p); removed(AT_FDCWD, p, rc); return rc; }
int unlinkat(int d, const char *p, int f) {
    REAL(unlinkat, int, int, const char *, int);
    int rc = real_unlinkat(d, p, f); removed(d, p, rc); return rc;
}
