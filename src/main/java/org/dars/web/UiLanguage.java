package org.dars.web;

import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Optional;

/**
 * The three interface languages. Each fixes the locale of the bundles, the writing direction, and
 * the ICU locale that formats numbers and dates: Persian digits and the Solar Hijri calendar for
 * Persian, Arabic-Indic digits for Arabic (as written in Iraq), ASCII digits for English.
 */
public enum UiLanguage {
  FA("fa", "rtl", "fa_IR@numbers=arabext;calendar=persian"),
  AR("ar", "rtl", "ar_IQ@numbers=arab;calendar=gregorian"),
  EN("en", "ltr", "en_GB@numbers=latn;calendar=gregorian");

  /** The language used when nothing was chosen yet. */
  public static final UiLanguage DEFAULT = FA;

  private final String code;
  private final String dir;
  private final ULocale formatting;

  UiLanguage(String code, String dir, String formatting) {
    this.code = code;
    this.dir = dir;
    this.formatting = new ULocale(formatting);
  }

  /** The language for a code such as {@code fa}; anything else is empty. */
  public static Optional<UiLanguage> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (UiLanguage l : values()) {
      if (l.code.equals(code.strip())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  public String code() {
    return code;
  }

  /** {@code rtl} or {@code ltr}, for the {@code dir} attribute of the page. */
  public String dir() {
    return dir;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /** The ICU locale with the numbering system and calendar of this language. */
  public ULocale formatting() {
    return formatting;
  }

  /** The same locale with the Gregorian calendar, for the date shown on hover. */
  public ULocale gregorian() {
    return formatting.setKeywordValue("calendar", "gregorian");
  }
}
