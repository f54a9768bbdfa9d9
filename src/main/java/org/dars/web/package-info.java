/**
 * The web interface: Jakarta Faces pages (search, item, upload, curricula) that call the same CDI
 * services as the REST API, in Persian (the default), Arabic and English. {@link UiLanguage} fixes
 * per language the locale, direction, digits and calendar; {@link Ui} formats every string, number
 * and date through ICU4J and the bundles {@code org/dars/web/messages*.properties}; the language
 * is chosen with {@code ?ui=} and remembered in a cookie by {@link LanguageFilter}. Pages reach
 * domain errors only as {@link org.dars.platform.DarsException}s, which {@link Ui#problem} turns
 * into a sentence in the user's language.
 */
package org.dars.web;
