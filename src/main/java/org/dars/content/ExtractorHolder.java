package org.dars.content;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dars.extraction.ExtractionLimits;
import org.dars.extraction.Extractor;
import org.dars.platform.DarsConfig;

/** The one Tika extractor of the application, configured from {@link DarsConfig}. */
@ApplicationScoped
class ExtractorHolder {
  @Inject DarsConfig config;

  private Extractor extractor;

  @PostConstruct
  void init() {
    extractor = new Extractor(new ExtractionLimits(config.extractionMaxChars(),
        config.extractionMaxEmbedded(), config.extractionMaxDepth(), config.ocr()));
  }

  Extractor get() {
    return extractor;
  }
}
