/**
 * Sharing releases between Dars instances (issue 5). Each instance has an identity and an Ed25519
 * signing key ({@link org.dars.sharing.InstanceIdentity}). A release travels as a signed,
 * self-describing zip ({@link org.dars.sharing.PackageWriter}, format in {@code
 * docs/package-format.md}), by network pull ({@link org.dars.sharing.SyncService}) or by hand
 * (a USB stick and the import folder). {@link org.dars.sharing.PackageReader} verifies format,
 * signature and every digest before {@link org.dars.sharing.ImportService} writes anything, in one
 * transaction, as read-only upstream copies marked with their origin.
 */
package org.dars.sharing;
