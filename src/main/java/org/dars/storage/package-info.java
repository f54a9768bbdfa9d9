/**
 * The blob store: content-addressed, write-once storage of uploaded bytes and derived text. Bytes
 * are staged in a temporary file, fsynced, then renamed atomically into place, so a crash never
 * leaves a half-written blob under its digest. {@link org.dars.storage.BlobStore} is the boundary
 * behind which an S3-compatible store can later stand.
 */
package org.dars.storage;
