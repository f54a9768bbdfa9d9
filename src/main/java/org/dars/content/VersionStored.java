package org.dars.content;

/** Fired after the transaction that stored a version commits: its text can now be extracted. */
record VersionStored(ItemId item, int number) {}
