package dev.cachectl.core.delete;

import java.nio.file.FileSystemException;

/**
 * A pinned directory is no longer there: its path now leads to another directory (a folder on the way was
 * replaced, e.g. by a symbolic link) or to nothing. Nothing was deleted in it.
 */
public final class DirectoryChangedException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    DirectoryChangedException(PinnedDirectory pinned, String what) {
        super(pinned.path().toString(), null, what + " since the command looked at it; nothing was deleted there."
                + " Check what the path points to and run the command again");
    }
}
