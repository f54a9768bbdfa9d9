/**
 * Content items: one piece of training material, its metadata and its immutable versions. Uploads
 * are streamed into the blob store and committed before the API answers; extraction and indexing
 * follow asynchronously. Deleting leaves a tombstone, and history records who changed what.
 */
package org.dars.content;
