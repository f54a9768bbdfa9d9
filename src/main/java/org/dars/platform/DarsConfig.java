package org.dars.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Every configuration key Dars reads, read once and checked at start-up. A bad value stops the
 * deployment with a message that names the key, instead of failing later on some request. Defaults
 * live in {@code META-INF/microprofile-config.properties}; environment variables override them
 * ({@code DARS_DATA_DIR} for {@code dars.data.dir}).
 */
@ApplicationScoped
public class DarsConfig {
  private static final Pattern ORIGIN =
      Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?");

  @Inject Config config;

  private Path dataDir;
  private long uploadMaxBytes;
  private long metadataMaxBytes;
  private int extractionMaxChars;
  private Duration extractionTimeout;
  private int extractionMaxEmbedded;
  private int extractionMaxDepth;
  private int extractionThreads;
  private boolean ocr;
  private boolean samples;
  private Optional<Path> samplesDir;
  private boolean anonymousRead;
  private String adminUser;
  private Optional<String> adminPassword;
  private String homeOrganisation;
  private int addressFailureLimit;
  private List<String> frameAncestors;
  private int jsonMaxBytes;

  @PostConstruct
  void read() {
    dataDir = Path.of(string("dars.data.dir")).toAbsolutePath().normalize();
    uploadMaxBytes = positiveLong("dars.upload.max-bytes");
    metadataMaxBytes = positiveLong("dars.upload.max-metadata-bytes");
    extractionMaxChars = (int) Math.min(Integer.MAX_VALUE, positiveLong("dars.extraction.max-chars"));
    extractionTimeout = Duration.ofSeconds(positiveLong("dars.extraction.timeout-seconds"));
    extractionMaxEmbedded = (int) positiveLong("dars.extraction.max-embedded");
    extractionMaxDepth = (int) positiveLong("dars.extraction.max-depth");
    extractionThreads = (int) Math.min(64, positiveLong("dars.extraction.threads"));
    String ocrValue = string("dars.ocr").toLowerCase(Locale.ROOT);
    if (!ocrValue.equals("auto") && !ocrValue.equals("off")) {
      throw invalid("dars.ocr", ocrValue, "auto or off");
    }
    ocr = ocrValue.equals("auto");
    samples = bool("dars.samples");
    samplesDir =
        config.getOptionalValue("dars.samples.dir", String.class)
            .filter(s -> !s.isBlank())
            .map(s -> Path.of(s).toAbsolutePath().normalize());
    anonymousRead = bool("dars.access.anonymous-read");
    adminUser = string("dars.admin.user").strip();
    adminPassword = config.getOptionalValue("dars.admin.password", String.class).filter(s -> !s.isBlank());
    addressFailureLimit = (int) Math.min(1_000_000, positiveLong("dars.access.address-failure-limit"));
    homeOrganisation = string("dars.instance.organisation-id").strip();
    if (!homeOrganisation.matches("[a-z0-9][a-z0-9-]{1,39}")) {
      throw invalid("dars.instance.organisation-id", homeOrganisation, "2 to 40 lower-case ASCII letters, digits and hyphens");
    }
    frameAncestors = origins("dars.http.frame-ancestors");
    jsonMaxBytes = (int) Math.min(Integer.MAX_VALUE - 8, positiveLong("dars.http.max-json-bytes"));
  }

  public Path dataDir() {
    return dataDir;
  }

  public long uploadMaxBytes() {
    return uploadMaxBytes;
  }

  public long metadataMaxBytes() {
    return metadataMaxBytes;
  }

  public int extractionMaxChars() {
    return extractionMaxChars;
  }

  public Duration extractionTimeout() {
    return extractionTimeout;
  }

  public int extractionMaxEmbedded() {
    return extractionMaxEmbedded;
  }

  public int extractionMaxDepth() {
    return extractionMaxDepth;
  }

  public int extractionThreads() {
    return extractionThreads;
  }

  public boolean ocr() {
    return ocr;
  }

  public boolean samples() {
    return samples;
  }

  public Optional<Path> samplesDir() {
    return samplesDir;
  }

  /** Whether anonymous visitors may read content whose visibility is public. */
  public boolean anonymousRead() {
    return anonymousRead;
  }

  /** The administrator created on first start. */
  public String adminUser() {
    return adminUser;
  }

  /** Its password; when absent, the first start generates one and logs it once. */
  public Optional<String> adminPassword() {
    return adminPassword;
  }

  /** Failed sign-ins from one address within five minutes before that address is refused (429). */
  public int addressFailureLimit() {
    return addressFailureLimit;
  }

  /** The id of this instance's own organisation, created on first start. */
  public String homeOrganisation() {
    return homeOrganisation;
  }

  /** Origins (besides Dars itself) whose pages may frame Dars: the LMS. */
  public List<String> frameAncestors() {
    return frameAncestors;
  }

  /** Largest JSON request body, in bytes. */
  public int jsonMaxBytes() {
    return jsonMaxBytes;
  }

  /**
   * A space- or comma-separated list of origins such as {@code https://lms.example}; empty is
   * allowed. Each must be a bare origin, since it lands in a Content-Security-Policy header where
   * a stray {@code ;} or quote would change the policy.
   */
  private List<String> origins(String key) {
    String raw = config.getOptionalValue(key, String.class).orElse("").strip();
    List<String> origins = new ArrayList<>();
    for (String origin : raw.split("[\\s,]+")) {
      if (origin.isEmpty()) {
        continue;
      }
      if (!ORIGIN.matcher(origin).matches()) {
        throw invalid(key, raw, "a list of origins such as https://lms.example or https://*.lms.example:8443,"
            + " separated by spaces; '" + origin + "' is not one");
      }
      origins.add(origin.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(origins);
  }

  private String string(String key) {
    return config.getOptionalValue(key, String.class)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new IllegalStateException("Configuration key " + key + " has no value. Set it, or the environment variable " + envName(key) + "."));
  }

  private long positiveLong(String key) {
    String raw = string(key).trim();
    try {
      long value = Long.parseLong(raw);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, raw, "a positive whole number");
  }

  private boolean bool(String key) {
    String raw = string(key).trim().toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, raw, "true or false");
    };
  }

  private static IllegalStateException invalid(String key, String value, String expected) {
    return new IllegalStateException(
        "Configuration key " + key + " (environment variable " + envName(key) + ") is '" + value
            + "', but must be " + expected + ".");
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
