/**
 * The starter library: on first start with an empty repository, the items of {@code
 * content-samples/} (described by its {@code manifest.json}) are loaded through the same service
 * path that uploads take, so a newcomer sees a living repository. Switched off with {@code
 * DARS_SAMPLES=false}; it never touches a repository that already has content.
 */
package org.dars.samples;
