package org.dars.extraction;

/** Hard limits on one extraction. */
public record ExtractionLimits(int maxChars, int maxEmbedded, int maxDepth, boolean ocr) {}
