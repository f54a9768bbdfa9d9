package org.dars.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.dars.platform.DarsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything a page writes in the user's language: strings from the bundles, formatted with ICU4J
 * {@link MessageFormat} (plurals, numbers in the language's digits), numbers, dates (Solar Hijri for
 * Persian with the Gregorian date for the hover text; Gregorian in Arabic, with the Hijri date when
 * {@code dars.ui.arabic-hijri} is true), and problems. Identifiers, versions and file sizes stay in
 * ASCII digits in every language ({@link #fileSize}).
 */
@Named("ui")
@RequestScoped
public class Ui {
  static final String BUNDLE = "org.dars.web.messages";
  private static final ULocale ASCII = new ULocale("en@numbers=latn");

  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "dars.ui.arabic-hijri", defaultValue = "false")
  boolean arabicHijri;

  private UiLanguage language;
  private ResourceBundle bundle;

  public UiLanguage language() {
    if (language == null) {
      Object chosen = request.getAttribute(LanguageFilter.ATTRIBUTE);
      language = chosen instanceof UiLanguage l ? l : LanguageFilter.fromCookie(request).orElse(UiLanguage.DEFAULT);
    }
    return language;
  }

  public String getLang() {
    return language().code();
  }

  public String getDir() {
    return language().dir();
  }

  public Locale getLocale() {
    return language().locale();
  }

  /** The string {@code key} in the user's language. */
  public String t(String key) {
    return text(bundle(), key);
  }

  /** The message {@code key} with its arguments, by ICU rules (plurals, digits of the language). */
  public String f(String key, Object a) {
    return format(key, a);
  }

  public String f(String key, Object a, Object b) {
    return format(key, a, b);
  }

  public String f(String key, Object a, Object b, Object c) {
    return format(key, a, b, c);
  }

  public String format(String key, Object... args) {
    return new MessageFormat(t(key), language().formatting()).format(args);
  }

  /** A count or other quantity in the digits of the language. */
  public String number(Number n) {
    return n == null ? "" : NumberFormat.getInstance(language().formatting()).format(n);
  }

  /** A date in the user's calendar: Solar Hijri in Persian, Gregorian (and Hijri if configured) in Arabic. */
  public String date(Instant at) {
    if (at == null) {
      return "";
    }
    String main = dateIn(at, language().formatting());
    if (language() == UiLanguage.AR && arabicHijri) {
      String hijri = dateIn(at, language().formatting().setKeywordValue("calendar", "islamic-umalqura"));
      return format("date.withHijri", main, hijri);
    }
    return main;
  }

  /** Date and time in the user's calendar and digits, for events such as the audit log. */
  public String dateTime(Instant at) {
    if (at == null) {
      return "";
    }
    ULocale locale = language().formatting();
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tehran"), locale);
    return DateFormat.getDateTimeInstance(calendar, DateFormat.MEDIUM, DateFormat.SHORT, locale).format(Date.from(at));
  }

  /** {@link #date} for an ISO-8601 instant given as text. */
  public String dateText(String iso) {
    try {
      return date(Instant.parse(iso));
    } catch (java.time.format.DateTimeParseException | NullPointerException e) {
      return iso == null ? "" : iso;
    }
  }

  /** The Gregorian date and time, for the hover text ({@code title}) of a date. */
  public String gregorian(Instant at) {
    if (at == null) {
      return "";
    }
    DateFormat f = DateFormat.getDateTimeInstance(
        Calendar.getInstance(TimeZone.getTimeZone("Asia/Tehran"), language().gregorian()),
        DateFormat.LONG, DateFormat.SHORT, language().gregorian());
    return f.format(Date.from(at));
  }

  /** The ISO form, for the {@code datetime} attribute of {@code <time>}. */
  public String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  private String dateIn(Instant at, ULocale locale) {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tehran"), locale);
    return DateFormat.getDateInstance(calendar, DateFormat.LONG, locale).format(Date.from(at));
  }

  /** A file size in ASCII digits in every language ("1.4 MB"), like identifiers and versions. */
  public String fileSize(long bytes) {
    String key;
    double value;
    if (bytes < 1024) {
      key = "size.bytes";
      value = bytes;
    } else if (bytes < 1024 * 1024) {
      key = "size.kb";
      value = bytes / 1024.0;
    } else if (bytes < 1024L * 1024 * 1024) {
      key = "size.mb";
      value = bytes / (1024.0 * 1024);
    } else {
      key = "size.gb";
      value = bytes / (1024.0 * 1024 * 1024);
    }
    return new MessageFormat(t(key), ASCII).format(new Object[] {value});
  }

  /** A sentence saying what went wrong, in the user's language, for a problem the services raised. */
  public String problem(DarsException e) {
    String type = e.type().getPath().substring(e.type().getPath().lastIndexOf('/') + 1);
    ResourceBundle b = bundle();
    if (b.containsKey("problem." + type)) {
      return t("problem." + type);
    }
    return format("problem.status", e.status());
  }

  /** The address of this page in another language, keeping every other parameter. */
  public String switchTo(String code) {
    StringBuilder url = new StringBuilder(request.getRequestURI()).append("?").append(LanguageFilter.PARAMETER).append("=").append(code);
    request.getParameterMap().forEach((name, values) -> {
      if (!name.equals(LanguageFilter.PARAMETER) && !name.startsWith("jakarta.faces") && !name.contains(":")) {
        for (String v : values) {
          url.append('&').append(enc(name)).append('=').append(enc(v));
        }
      }
    });
    return url.toString();
  }

  /** The strings under {@code prefix} as a JSON object, for the scripts of a page. */
  public String json(String prefix) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    ResourceBundle b = bundle();
    for (String key : b.keySet()) {
      if (key.startsWith(prefix)) {
        o.add(key.substring(prefix.length()), b.getString(key));
      }
    }
    o.add("_digits", language() == UiLanguage.EN ? "latn" : language() == UiLanguage.AR ? "arab" : "arabext");
    return o.build().toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  ResourceBundle bundle() {
    if (bundle == null) {
      bundle = bundle(language());
    }
    return bundle;
  }

  static ResourceBundle bundle(UiLanguage language) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(), Ui.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static String text(ResourceBundle b, String key) {
    try {
      return b.getString(key);
    } catch (MissingResourceException e) {
      return "??" + key + "??";
    }
  }

  /** The Faces context's Ui, for beans that are not injected with one. */
  static Ui current() {
    FacesContext fc = FacesContext.getCurrentInstance();
    return fc.getApplication().evaluateExpressionGet(fc, "#{ui}", Ui.class);
  }
}
