package org.dars.extraction;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Detects and extracts with Tika. Thread-safe; one instance serves the whole application. Limits
 * on characters, embedded documents, nesting and compression ratio are enforced here; the time
 * limit is the caller's, since only the caller can abandon a thread.
 */
public final class Extractor {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final java.util.regex.Pattern IMAGE_NAME =
      java.util.regex.Pattern.compile("(?i)\\.(png|jpe?g|gif|bmp|tiff?|webp|emf|wmf|svg)$");

  private final TikaConfig tika;
  private final Detector detector;
  private final AutoDetectParser parser;
  private final ExtractionLimits limits;

  public Extractor(ExtractionLimits limits) {
    try {
      this.tika = new TikaConfig(TikaConfig.class.getClassLoader());
    } catch (TikaException | IOException e) {
      throw new IllegalStateException("Apache Tika could not be configured", e);
    }
    this.detector = tika.getDetector();
    this.parser = new AutoDetectParser(tika);
    this.limits = limits;
  }

  /** The media type of a file, from its bytes alone: the client's name and type are not trusted. */
  public String detect(Path file) throws IOException {
    String type;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      type = detector.detect(in, new Metadata()).getBaseType().toString();
    }
    // Tika's magic calls text in a legacy single-byte charset (Windows-1256, for one) binary.
    if (type.equals(MediaType.OCTET_STREAM.toString()) && LegacyText.looksLikeText(file)) {
      return MediaType.TEXT_PLAIN.toString();
    }
    return type;
  }

  public Extraction extract(Path file) throws ExtractionException, IOException {
    String mediaType = detect(file);
    Metadata metadata = new Metadata();
    // The detected type is a hint AutoDetectParser honours when its own magic finds nothing better.
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    ZipBombs.check(file, mediaType);
    CountingEmbeddedExtractor embedded = new CountingEmbeddedExtractor(limits.maxEmbedded(), limits.maxDepth());
    ParseContext context = context(embedded);
    WriteOutContentHandler text = new WriteOutContentHandler(limits.maxChars());
    boolean truncated = false;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      SecureContentHandler secure = new SecureContentHandler(new BodyContentHandler(text), in);
      secure.setMaximumDepth(limits.maxDepth() * 50);
      // Looser than the embedded-document depth limit, which reports itself; this one is a backstop.
      secure.setMaximumPackageEntryDepth(limits.maxDepth() + 2);
      try {
        parser.parse(in, secure, metadata, context);
      } catch (SAXException e) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
          truncated = true;
        } else {
          secure.throwIfCauseOf(e);
          throw new ExtractionException(mediaType, "The document's structure could not be read: " + e.getMessage(), e);
        }
      }
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException(mediaType, "The document is password-protected or encrypted. Upload it without a password.", e);
    } catch (ZeroByteFileException e) {
      throw new ExtractionException(mediaType, "The file is empty.", e);
    } catch (TikaException e) {
      Optional<LimitExceeded> limit = limitIn(e);
      if (limit.isPresent()) {
        throw new ExtractionException(mediaType, limit.get().getMessage(), e);
      }
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (reason.contains("Suspected zip bomb") || reason.contains("ratio")) {
        throw new ExtractionException(mediaType, "The file expands far beyond its size (a suspected zip bomb): " + reason, e);
      }
      throw new ExtractionException(mediaType, "The " + mediaType + " file is damaged or malformed: " + reason, e);
    } catch (LimitExceeded e) {
      throw new ExtractionException(mediaType, e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new ExtractionException(mediaType, "The document is nested too deeply to read.", null);
    }
    if (embedded.exceeded().isPresent()) {
      throw new ExtractionException(mediaType, embedded.exceeded().get().getMessage(), embedded.exceeded().get());
    }
    String normalized = NFKC.normalize(text.toString()).strip();
    return new Extraction(mediaType, normalized, truncated, LanguageGuesser.guess(normalized), metadataOf(metadata));
  }

  private ParseContext context(CountingEmbeddedExtractor embedded) {
    ParseContext context = embedded.context();
    context.set(Parser.class, parser);
    context.set(EmbeddedDocumentExtractor.class, embedded);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setExtractInlineImages(false);
    pdf.setOcrStrategy(limits.ocr() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setLanguage("fas+ara+eng");
    ocr.setSkipOcr(!limits.ocr());
    ocr.setTimeoutSeconds(120);
    context.set(TesseractOCRConfig.class, ocr);
    return context;
  }

  private static Map<String, String> metadataOf(Metadata m) {
    Map<String, String> result = new LinkedHashMap<>();
    put(result, "title", m, TikaCoreProperties.TITLE);
    put(result, "author", m, TikaCoreProperties.CREATOR);
    put(result, "created", m, TikaCoreProperties.CREATED);
    put(result, "modified", m, TikaCoreProperties.MODIFIED);
    put(result, "pageCount", m, PagedText.N_PAGES);
    if (!result.containsKey("pageCount")) {
      put(result, "pageCount", m, Office.PAGE_COUNT);
    }
    put(result, "slideCount", m, Office.SLIDE_COUNT);
    String duration = m.get("xmpDM:duration");
    if (duration != null) {
      result.put("duration", duration);
    }
    String width = m.get("tiff:ImageWidth");
    if (width != null) {
      result.put("width", width);
      String height = m.get("tiff:ImageLength");
      if (height != null) {
        result.put("height", height);
      }
    }
    return result;
  }

  private static void put(Map<String, String> result, String key, Metadata m, Property property) {
    String value = m.get(property);
    if (value != null && !value.isBlank()) {
      result.put(key, NFKC.normalize(value.strip()));
    }
  }

  /** True for types whose bytes Dars never serves inline: a browser would run them. */
  public static boolean isActiveContent(String mediaType) {
    MediaType type = MediaType.parse(mediaType);
    if (type == null) {
      return true;
    }
    String base = type.getBaseType().toString();
    return base.contains("html") || base.contains("xml") || base.contains("svg") || base.contains("javascript");
  }

  private static Optional<LimitExceeded> limitIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitExceeded limit) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }

  /** Stops documents that embed too many others, or nest them too deeply. */
  private static final class CountingEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger depth = new AtomicInteger();
    private final int maxCount;
    private final int maxDepth;
    private volatile LimitExceeded exceeded;

    CountingEmbeddedExtractor(int maxCount, int maxDepth) {
      super(new ParseContext());
      this.maxCount = maxCount;
      this.maxDepth = maxDepth;
    }

    /**
     * Pictures inside office documents and e-books are not read: the document has a text layer, and
     * OCR of its illustrations (three Tesseract languages) costs far more than the rest of the
     * extraction while adding little. Scans and image files are still OCRed: PDF pages through the
     * PDF parser's OCR strategy, images as documents of their own.
     */
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      String type = metadata.get(Metadata.CONTENT_TYPE);
      String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
      boolean picture = (type != null && type.startsWith("image/"))
          || (name != null && IMAGE_NAME.matcher(name).find());
      return !picture && super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      if (count.incrementAndGet() > maxCount) {
        throw exceeded("The document embeds more than " + maxCount + " other documents.");
      }
      if (depth.incrementAndGet() > maxDepth) {
        depth.decrementAndGet();
        throw exceeded("The document nests other documents more than " + maxDepth + " levels deep.");
      }
      try {
        super.parseEmbedded(stream, handler, metadata, outputHtml);
      } finally {
        depth.decrementAndGet();
      }
    }

    /** Some container parsers swallow exceptions from embedded documents; the limit is kept here too. */
    private LimitExceeded exceeded(String message) {
      if (exceeded == null) {
        exceeded = new LimitExceeded(message);
      }
      return exceeded;
    }

    ParseContext context() {
      return context;
    }

    Optional<LimitExceeded> exceeded() {
      return Optional.ofNullable(exceeded);
    }
  }

  /** Thrown through Tika's parsers, which wrap it; found again by {@link #limitIn}. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }
}
