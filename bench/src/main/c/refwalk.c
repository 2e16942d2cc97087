/*
 * refwalk: the floor for a single-threaded walk, as a peer in bench/run.sh. Walks a tree with openat,
 * getdents64 and statx (no symlink followed, hard links not deduplicated, no output but a count), i.e. the
 * system calls cachectl's Linux scanner makes, without its parallelism, accounting or start-up.
 * Build: cc -O2 -o refwalk refwalk.c   Usage: refwalk DIR
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

struct linux_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static long long entries, blocks;

static void walk(int dirfd) {
    char buffer[65536];
    for (;;) {
        long n = syscall(SYS_getdents64, dirfd, buffer, sizeof buffer);
        if (n <= 0) {
            return;
        }
        for (long off = 0; off < n;) {
            struct linux_dirent64 *d = (struct linux_dirent64 *) (buffer + off);
            off += d->d_reclen;
            if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) {
                continue;
            }
            struct statx st;
            if (statx(dirfd, d->d_name, AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_INO
                      | STATX_SIZE | STATX_BLOCKS | STATX_MTIME, &st) != 0) {
                continue;
            }
            entries++;
            blocks += st.stx_blocks;
            if (S_ISDIR(st.stx_mode)) {
                int child = openat(dirfd, d->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (child >= 0) {
                    walk(child);
                    close(child);
                }
            }
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: refwalk DIR\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    walk(fd);
    printf("%lld entries, %lld KiB\n", entries, blocks / 2);
    return 0;
}
