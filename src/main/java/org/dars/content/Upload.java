package org.dars.content;

import java.util.Optional;
import org.dars.storage.StagedBlob;

/**
 * A received upload: the file's bytes staged durably in the blob store, the client's file name, and
 * the raw metadata JSON if a {@code metadata} part came with it.
 */
public record Upload(StagedBlob file, String fileName, Optional<String> metadataJson) {}
