package dev.cachectl.api;

/** The type of a file system entry, as seen without following symbolic links. */
public enum EntryKind {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link (never followed by the host). */
    SYMLINK,
    /** Anything else: a socket, a pipe, a device. */
    OTHER
}
