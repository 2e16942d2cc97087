package dev.cachectl.core.scan;

import dev.cachectl.core.fs.linux.Scratch;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a directory of a native walk is, as a chain of raw names up to the walk's root, turned into a
 * {@link Path} only when an error must name it.
 *
 * @param parent the directory above, {@code null} for the root
 * @param name   the raw name in the parent, {@code null} for the root
 * @param root   the walk's root path (the same object in every node)
 */
record PathNode(PathNode parent, byte[] name, Path root) {

    /** The node of the root. */
    static PathNode root(Path root) {
        return new PathNode(null, null, root);
    }

    /** The node of subdirectory {@code childName}. */
    PathNode child(byte[] childName) {
        return new PathNode(this, childName, root);
    }

    /** The path of this directory. */
    Path toPath() {
        Deque<String> names = new ArrayDeque<>();
        for (PathNode n = this; n.parent != null; n = n.parent) {
            names.push(decode(n.name));
        }
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** The path of entry {@code entryName} in this directory. */
    Path resolve(byte[] entryName) {
        return toPath().resolve(decode(entryName));
    }

    static String decode(byte[] name) {
        return new String(name, Scratch.FileNames.CHARSET);
    }
}
