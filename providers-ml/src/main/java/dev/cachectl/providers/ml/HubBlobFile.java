package dev.cachectl.providers.ml;

/**
 * A file of a repo's {@code blobs/} folder reported on its own: an orphan blob or an interrupted download.
 *
 * @param path      its path in the cache tree, e.g. {@code hub/models--org--name/blobs/<etag>.incomplete}
 * @param sizeBytes its size
 */
record HubBlobFile(String path, long sizeBytes) {
}
