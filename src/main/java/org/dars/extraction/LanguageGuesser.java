package org.dars.extraction;

import java.util.Optional;
import java.util.Set;

/**
 * Tells Persian, Arabic and English apart. Statistical detectors confuse Persian and Arabic on
 * short or noisy text, so this one counts what separates them: letters only Persian uses (پ چ ژ گ),
 * the two alphabets' own yeh and kaf, teh marbuta, and the commonest function words of each. A
 * Persian text typed with Arabic yeh and kaf is still Persian by its words and letters.
 */
public final class LanguageGuesser {
  private static final Set<String> PERSIAN_WORDS =
      Set.of("است", "این", "که", "را", "از", "با", "برای", "به", "می", "های", "ها", "یک", "شود",
          "کند", "آن", "هم", "نیز", "باید", "شده", "بر", "تا", "اینکه", "کنید", "شما", "ما");
  private static final Set<String> ARABIC_WORDS =
      Set.of("في", "من", "على", "إلى", "الى", "التي", "الذي", "هذا", "هذه", "أن", "ان", "عن", "مع",
          "كان", "هو", "هي", "ثم", "أو", "او", "لا", "ما", "يتم", "يجب", "ذلك", "كل", "بين");

  private LanguageGuesser() {}

  public static Optional<String> guess(CharSequence text) {
    int sample = Math.min(text.length(), 200_000);
    double persian = 0;
    double arabic = 0;
    long latin = 0;
    long arabicScript = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= sample; i++) {
      char c = i < sample ? text.charAt(i) : ' ';
      if (c >= '\u0600' && c <= '\u06FF') {
        arabicScript++;
        switch (c) {
          case '\u067E', '\u0686', '\u0698', '\u06AF' -> persian += 3; // پ چ ژ گ
          case '\u06CC', '\u06A9' -> persian += 0.5; // Farsi yeh, keheh
          case '\u064A', '\u0643', '\u0649' -> arabic += 0.5; // Arabic yeh, kaf, alef maksura
          case '\u0629' -> arabic += 2; // teh marbuta
          default -> {}
        }
        word.append(c);
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        latin++;
      }
      if (word.length() > 0) {
        String w = word.toString().replace('\u064A', '\u06CC').replace('\u0643', '\u06A9');
        String raw = word.toString();
        if (PERSIAN_WORDS.contains(w)) {
          persian += 2;
        }
        if (ARABIC_WORDS.contains(raw) || ARABIC_WORDS.contains(raw.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643'))) {
          arabic += 2;
        }
        if (raw.startsWith("\u0627\u0644") && raw.length() > 3) {
          arabic += 0.5; // the article al-
        }
        word.setLength(0);
      }
    }
    if (arabicScript < 20 && latin < 20) {
      return Optional.empty();
    }
    if (latin > arabicScript * 2) {
      return Optional.of("en");
    }
    if (persian == 0 && arabic == 0) {
      return Optional.empty();
    }
    return Optional.of(persian >= arabic ? "fa" : "ar");
  }
}
