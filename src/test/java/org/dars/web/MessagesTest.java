package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import java.util.Date;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The three bundles say the same things, every pattern is valid ICU, and digits follow the language. */
class MessagesTest {
  @Test
  void everyLanguageHasEveryKey() {
    Set<String> en = new TreeSet<>(Ui.bundle(UiLanguage.EN).keySet());
    for (UiLanguage l : UiLanguage.values()) {
      Set<String> keys = new TreeSet<>(Ui.bundle(l).keySet());
      Set<String> missing = new TreeSet<>(en);
      missing.removeAll(keys);
      Set<String> extra = new TreeSet<>(keys);
      extra.removeAll(en);
      assertTrue(missing.isEmpty() && extra.isEmpty(), l + " missing " + missing + ", extra " + extra);
    }
  }

  @Test
  void everyPatternIsValidIcu() {
    for (UiLanguage l : UiLanguage.values()) {
      ResourceBundle b = Ui.bundle(l);
      for (String key : b.keySet()) {
        new MessageFormat(b.getString(key), l.formatting()).format(new Object[] {3, "x", 2, 1, 1});
      }
    }
  }

  @Test
  void persianPluralsUsePersianDigits() {
    String s = new MessageFormat(Ui.bundle(UiLanguage.FA).getString("search.totalAll"), UiLanguage.FA.formatting())
        .format(new Object[] {1234});
    assertEquals("۱٬۲۳۴ مورد", s);
  }

  @Test
  void arabicUsesArabicIndicDigitsAndDualForms() {
    MessageFormat f = new MessageFormat(Ui.bundle(UiLanguage.AR).getString("search.totalAll"), UiLanguage.AR.formatting());
    assertEquals("مادتان", f.format(new Object[] {2}));
    assertEquals("٥ مواد", f.format(new Object[] {5}));
  }

  @Test
  void englishKeepsAsciiDigits() {
    assertEquals("1,234", NumberFormat.getInstance(UiLanguage.EN.formatting()).format(1234));
  }

  @Test
  void persianDatesAreSolarHijri() {
    Calendar c = Calendar.getInstance(UiLanguage.FA.formatting());
    c.setTime(Date.from(java.time.Instant.parse("2026-03-21T12:00:00Z")));
    assertEquals(1405, c.get(Calendar.YEAR));
    assertEquals(0, c.get(Calendar.MONTH));
  }
}
