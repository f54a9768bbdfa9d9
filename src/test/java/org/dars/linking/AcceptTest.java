package org.dars.linking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptTest {
  @Test
  void browsersGetThePage() {
    assertFalse(Accept.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    assertFalse(Accept.wantsJson(null));
    assertFalse(Accept.wantsJson("*/*"));
  }

  @Test
  void clientsAskingForJsonGetJson() {
    assertTrue(Accept.wantsJson("application/json"));
    assertTrue(Accept.wantsJson("application/json, text/html;q=0.5"));
    assertTrue(Accept.wantsJson("application/problem+json"));
    assertFalse(Accept.wantsJson("application/json;q=0.4, text/html"));
  }

  @Test
  void escapesMarkupAndRefusesScriptReplacementLinks() {
    assertTrue(org.dars.platform.Html.escape("<b a=\"1\">'&'</b>").equals("&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;"));
    assertTrue(LinkPages.safeHref("javascript:alert(1)").equals("#"));
    assertTrue(LinkPages.safeHref("https://dars.example/p/items/x").startsWith("https://"));
  }
}
