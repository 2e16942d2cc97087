/**
 * The cachectl provider SPI.
 *
 * <p>A provider <em>describes</em> one kind of cache: its identity, where it lives, which environment
 * variables point libraries at it, where the same kind of cache usually lives outside the project, and
 * how to read its tree. The host does every file operation (walking, sizing, deleting, moving); a
 * provider never touches the file system itself, it only reads through the {@link dev.cachectl.api.CacheTree}
 * the host hands it.
 *
 * <p>Unless a method says otherwise, no parameter and no return value is ever {@code null}.
 */
package dev.cachectl.api;
