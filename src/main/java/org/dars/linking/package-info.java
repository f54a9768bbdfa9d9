/**
 * Links from courses into Dars. The stable addresses under {@code /p/} ({@link
 * org.dars.linking.StableLinkServlet}) never break: an item link follows its latest version or pins
 * one, a curriculum link follows the latest release or pins one, a deleted item answers 410 with its
 * tombstone, and a superseded version still serves itself and says a newer one exists. LMS
 * administrators register the course pages that use an item or curriculum, and "where used" shows
 * authors every curriculum and course a deletion or withdrawal would affect.
 */
package org.dars.linking;
