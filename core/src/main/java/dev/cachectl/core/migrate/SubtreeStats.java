package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Size of an entry that moves in one piece: apparent bytes of its regular files (hard-linked files once),
 * how many files and links it holds, and whether it can be copied in one piece (no unreadable folder, no
 * socket, pipe or device inside). Symbolic links are never followed.
 *
 * @param bytes    apparent bytes
 * @param files    regular files and symbolic links
 * @param copyable whether a copy would carry everything
 */
record SubtreeStats(long bytes, long files, boolean copyable) {

    static SubtreeStats of(Path entry) {
        long[] totals = new long[2];
        boolean[] copyable = {true};
        Set<Object> seen = new HashSet<>();
        try {
            Files.walkFileTree(entry, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                Object key = attrs.fileKey();
                                if (key == null || seen.add(key)) {
                                    totals[0] += attrs.size();
                                }
                                totals[1]++;
                            } else if (attrs.isSymbolicLink()) {
                                totals[1]++;
                            } else {
                                copyable[0] = false;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            copyable[0] = false;
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            return new SubtreeStats(totals[0], totals[1], false);
        }
        return new SubtreeStats(totals[0], totals[1], copyable[0]);
    }
}
