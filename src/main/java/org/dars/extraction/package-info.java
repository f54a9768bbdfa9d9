/**
 * Text and metadata extraction with Apache Tika, under hard limits. This package is a library: it
 * knows files and limits, not items. It detects the type from the bytes alone, normalises text to
 * NFKC (so presentation-form glyphs from PDFs become real letters), guesses Persian, Arabic or
 * English, and turns every way a hostile or broken file can fail into an {@link
 * org.dars.extraction.ExtractionException} with a reason a person can read.
 */
package org.dars.extraction;
