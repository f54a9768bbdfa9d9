package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The four journeys of issue 7 in headless Chromium, on the sample library. Every page reached is
 * checked with axe-core (no serious or critical WCAG 2.1 AA violation), weighed (under 1 MB with
 * its fonts) and photographed under {@code <build dir>/ui-screenshots/}. The journeys run in order:
 * the search journey looks for the Arabic PDF the upload journey added.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiJourneysIT extends BrowserJourneys {
  private static final Path SAMPLES = Path.of(System.getProperty("dars.samples", "content-samples"), "items");
  private static final String ARABIC_TITLE = "فلترة المياه وضغط الشبكة في الري بالتنقيط";
  private static String arabicPdf;

  private void open(String page) {
    browser.open(base, page);
  }

  /** The journeys' people: an author and an instructor of the home organisation, made once through the API. */
  static final String AUTHOR = "نسرین.کریمی";
  static final String INSTRUCTOR = "حسن.الساعدي";
  static final String PASSWORD = "گذرواژه-آزمون-۱۴۰۵";

  /** Signs in through the login form, as a person would. */
  private void signIn(String user) {
    account(AUTHOR, "author", PASSWORD);
    account(INSTRUCTOR, "instructor", PASSWORD);
    signIn(user, PASSWORD);
  }

  private WebElement $(String css) {
    return browser.visible(css);
  }

  private void assertChecks() {
    browser.assertChecks();
  }

  @Test
  @Order(1)
  void authorUploadsPersianDocxAndArabicPdfWatchesProgressAndDescribesThem() {
    signIn(AUTHOR);
    open("upload.xhtml?ui=fa");
    browser.check("1-upload-empty-fa");
    WebElement input = browser.driver.findElement(By.id("files"));
    input.sendKeys(SAMPLES.resolve("date-harvest.fa.docx").toAbsolutePath() + "\n"
        + SAMPLES.resolve("drip-filtration-pressure.ar.pdf").toAbsolutePath());
    browser.wait.until(d -> d.findElements(By.cssSelector("#uploads > li")).size() == 2);
    // Each file has its own progress bar, which reaches 100 %, and then its extraction state.
    for (int i = 1; i <= 2; i++) {
      String row = "#upload-" + i;
      browser.wait.until(d -> "100".equals(d.findElement(By.cssSelector(row + " progress")).getAttribute("value")));
      browser.wait.until(d -> {
        String state = d.findElement(By.cssSelector(row)).getAttribute("data-state");
        return "READY".equals(state) || "FAILED".equals(state);
      });
      assertEquals("READY", browser.driver.findElement(By.cssSelector(row)).getAttribute("data-state"));
    }
    $("#upload-1 .metaform");
    // The language is preselected from what extraction detected.
    assertEquals("fa", browser.driver.findElement(By.id("language-1")).getAttribute("value"));
    assertEquals("ar", browser.driver.findElement(By.id("language-2")).getAttribute("value"));
    browser.check("1-upload-ready-fa");

    describe(1, "برداشت خرما (بارگذاری آزمون)", "صنایع تبدیلی خرما", "beginner");
    describe(2, ARABIC_TITLE, "الري بالتنقيط، الصيانة", "intermediate");
    arabicPdf = browser.driver.findElement(By.id("upload-2")).getAttribute("data-item");
    browser.check("1-upload-described-fa");

    open("item.xhtml?id=" + arabicPdf);
    assertEquals(ARABIC_TITLE, $("#item-title").getText());
    assertTrue(browser.driver.findElement(By.cssSelector(".metadata")).getText().contains("الري بالتنقيط"));
    browser.check("1-item-arabic-pdf-fa");
    assertChecks();
  }

  private void describe(int n, String title, String subjects, String level) {
    WebElement t = $("#title-" + n);
    t.clear();
    t.sendKeys(title);
    browser.driver.findElement(By.id("subjects-" + n)).sendKeys(subjects);
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("level-" + n))).selectByValue(level);
    browser.driver.findElement(By.cssSelector("#upload-" + n + " button.save")).click();
    browser.wait.until(d -> "true".equals(d.findElement(By.id("upload-" + n)).getAttribute("data-saved")));
  }

  @Test
  @Order(2)
  void instructorSearchesArabicWithPersianKeyboardLettersAndSeesTheMatchHighlighted() {
    signIn(INSTRUCTOR);
    open("search.xhtml?ui=ar");
    // Autocomplete as they type: the new title is suggested.
    WebElement q = $("#q");
    q.sendKeys("فلترة المي");
    browser.wait.until(d -> d.findElements(By.cssSelector("#suggestions [role=option]")).stream()
        .anyMatch(o -> o.getText().equals(ARABIC_TITLE)));
    assertEquals("true", q.getAttribute("aria-expanded"));
    browser.screenshot("2-autocomplete-ar");
    q.sendKeys(Keys.ESCAPE);
    q.clear();
    // "بالتنقيط" typed on a Persian keyboard: Persian yeh (U+06CC) instead of Arabic yeh (U+064A).
    String persianKeyboard = "بالتنقیط";
    assertTrue(persianKeyboard.indexOf('\u06CC') >= 0);
    q.sendKeys(persianKeyboard + " فلترة");
    q.sendKeys(Keys.ENTER);
    browser.wait.until(d -> d.getCurrentUrl().contains("q="));
    browser.ajaxDone();
    WebElement hit = $("a[href='item.xhtml?id=" + arabicPdf + "']");
    WebElement li = hit.findElement(By.xpath("./ancestor::li[contains(@class,'hit')]"));
    List<WebElement> marks = li.findElements(By.tagName("mark"));
    assertTrue(!marks.isEmpty(), "the match is highlighted in the snippet");
    assertTrue(marks.stream().anyMatch(m -> m.getText().contains("تنقيط") || m.getText().contains("فلتر")), "marks: "
        + marks.stream().map(WebElement::getText).toList());
    // Arabic-Indic digits in the count.
    assertTrue(Pattern.compile("[\u0660-\u0669]").matcher($("#total").getText()).find(), $("#total").getText());
    browser.check("2-search-ar");
    // Facets narrow down, with counts; choosing Arabic keeps the PDF.
    browser.driver.findElement(By.cssSelector("a[data-facet='lang'][data-value='ar']")).click();
    browser.ajaxDone();
    $("a[href='item.xhtml?id=" + arabicPdf + "']");
    assertEquals("true", browser.driver.findElement(By.cssSelector("a[data-facet='lang'][data-value='ar']")).getAttribute("aria-current"));
    browser.check("2-search-ar-facet");
    assertChecks();
  }

  @Test
  @Order(3)
  void authorBuildsCurriculumPublishes10ChangesItemPublishes11AndReadsDiff() throws IOException {
    signIn(AUTHOR);
    open("curricula.xhtml?ui=fa");
    browser.check("3-curricula-fa");
    $("#create\\:title").sendKeys("آبیاری قطره‌ای در نخلستان");
    browser.driver.findElement(By.id("create:create-button")).click();
    browser.wait.until(d -> d.getCurrentUrl().contains("curriculum.xhtml"));
    browser.ajaxDone();
    String curriculumUrl = browser.driver.getCurrentUrl();
    assertEquals("آبیاری قطره‌ای در نخلستان", $("#curriculum-title").getText());

    // A module, a lesson in it, two items found by the inline search.
    type("ed:new-title", "پودمان یکم: آب");
    click("ed:add-module");
    type("ed:new-title", "درس یکم: فیلتر و فشار");
    click("ed:add-lesson");
    assertTrue($("#selected-node").getText().contains("درس یکم"), $("#selected-node").getText());
    type("ed:item-search", "فلترة المياه");
    click("ed:item-search-button");
    WebElement add = $("[id$='add-entry']");
    add.click();
    browser.ajaxDone();
    $("#ed\\:msgs");
    // Select the lesson again (the tree is rebuilt) and add a second item.
    selectTreeNode("درس یکم");
    type("ed:item-search", "برداشت خرما");
    click("ed:item-search-button");
    $("[id$='add-entry']").click();
    browser.ajaxDone();
    List<WebElement> entries = browser.driver.findElements(By.cssSelector("#ed\\:tree .ui-treenode-leaf"));
    assertEquals(2, entries.size(), "two entries in the tree");

    // Reordering from the keyboard: select the second entry, move it up.
    String secondBefore = entries.get(1).findElement(By.cssSelector(".ui-treenode-label bdi")).getText();
    selectTreeNode(secondBefore);
    click("ed:up");
    String firstAfter = browser.driver.findElements(By.cssSelector("#ed\\:tree .ui-treenode-leaf")).get(0)
        .findElement(By.cssSelector(".ui-treenode-label bdi")).getText();
    assertEquals(secondBefore, firstAfter);
    browser.check("3-editor-draft-fa");

    publish("1.0", "نخستین انتشار");
    assertEquals("1.0", $("#latest-release").getText());

    // Change an item: a new version of the Arabic PDF's entry, uploaded on the item page.
    open("item.xhtml?id=" + arabicPdf);
    Path changed = Files.createTempFile("dars-new-version", ".txt");
    Files.writeString(changed, "فلترة المياه\n\nفقرة جديدة عن تنظيف المرشحات كل أسبوع.\n", StandardCharsets.UTF_8);
    browser.driver.findElement(By.id("new-version-file")).sendKeys(changed.toString());
    browser.driver.findElement(By.id("new-version-send")).click();
    browser.wait.until(d -> d.findElements(By.cssSelector(".versions tbody tr")).size() == 2);
    browser.check("3-item-two-versions-fa");

    browser.driver.get(curriculumUrl);
    browser.ajaxDone();
    publish("1.1", "نسخهٔ تازهٔ فیلترها");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("ed:diff-from"))).selectByValue("1.0");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("ed:diff-to"))).selectByValue("1.1");
    click("ed:diff");
    String diff = $("#ed\\:diff-result").getText();
    assertTrue(diff.contains(ARABIC_TITLE) && diff.contains("1") && diff.contains("2"), diff);
    browser.check("3-editor-diff-fa");
    assertChecks();
  }

  private void type(String id, String text) {
    browser.type(id, text);
  }

  private void click(String id) {
    browser.click(id);
  }

  private void selectTreeNode(String labelPart) {
    WebElement label = browser.wait.until(d -> d.findElements(By.cssSelector("#ed\\:tree .ui-treenode-label")).stream()
        .filter(l -> l.getText().contains(labelPart)).findFirst().orElse(null));
    label.click();
    browser.ajaxDone();
    browser.wait.until(d -> d.findElement(By.id("selected-node")).getText().contains(labelPart));
  }

  private void publish(String version, String notes) {
    type("ed:release-version", version);
    type("ed:release-notes", notes);
    click("ed:publish");
    browser.wait.until(d -> d.findElement(By.id("release-list")).getText().contains(version));
  }

  @Test
  @Order(4)
  void interfaceSwitchesBetweenPersianArabicAndEnglishWithDirectionAndDigits() {
    open("search.xhtml?ui=fa&q=" + Http.q("خرما"));
    assertPage("fa", "rtl", "[\u06F0-\u06F9]");
    browser.check("4-search-fa");
    browser.screenshot("readme-search-fa");

    browser.driver.findElement(By.id("lang-ar")).click();
    browser.ajaxDone();
    assertPage("ar", "rtl", "[\u0660-\u0669]");
    assertTrue(browser.driver.getCurrentUrl().contains("q="), "the query is kept when switching");
    browser.check("4-search-ar");
    browser.screenshot("readme-search-ar");

    browser.driver.findElement(By.id("lang-en")).click();
    browser.ajaxDone();
    assertPage("en", "ltr", "[0-9]");
    browser.check("4-search-en");

    // Remembered: a page opened without ?ui= stays English.
    open("upload.xhtml");
    assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("ltr", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    browser.check("4-upload-en");

    // The curriculum editor in each language: digits in counts, ASCII in release numbers.
    open("curricula.xhtml?ui=ar");
    browser.driver.findElements(By.cssSelector("table.list tbody a")).get(0).click();
    browser.ajaxDone();
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));
    Matcher counts = Pattern.compile("[\u0660-\u0669]").matcher($("#release-list tbody").getText());
    assertTrue(counts.find(), $("#release-list tbody").getText());
    assertTrue($("#latest-release").getText().matches("[0-9]+\\.[0-9]+"), "release numbers stay ASCII");
    browser.check("4-editor-ar");
    browser.screenshot("readme-editor-ar");
    browser.driver.findElement(By.id("lang-fa")).click();
    browser.ajaxDone();
    assertTrue(Pattern.compile("[\u06F0-\u06F9]").matcher($("#release-list tbody").getText()).find(),
        $("#release-list tbody").getText());
    browser.check("4-editor-fa");
    browser.screenshot("readme-editor-fa");

    // Remembered per person: the language chosen while signed in follows them into a browser that
    // has never seen it (signIn starts without cookies, on a Persian login page).
    signIn(AUTHOR);
    open("search.xhtml?ui=ar");
    signIn(AUTHOR);
    open("search.xhtml");
    assertEquals("ar", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("rtl", browser.driver.findElement(By.tagName("html")).getAttribute("dir"));

    // Errors in the user's language, never a stack trace or problem JSON.
    open("item.xhtml?id=not-an-id&ui=fa");
    String page = browser.driver.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("این نشانی به هیچ موردی اشاره نمی‌کند"), page);
    assertTrue(!page.contains("Exception") && !page.contains("\"type\""), page);
    browser.check("4-item-error-fa");
    assertChecks();
  }

  private void assertPage(String lang, String dir, String digits) {
    WebElement html = browser.driver.findElement(By.tagName("html"));
    assertEquals(lang, html.getAttribute("lang"));
    assertEquals(dir, html.getAttribute("dir"));
    // Facet counts are plain numbers in the language's digits (totals may be words: "نتيجتان").
    String total = browser.driver.findElements(By.cssSelector(".facets .count")).stream()
        .map(WebElement::getText).reduce("", String::concat);
    assertTrue(Pattern.compile(digits).matcher(total).find(), total);
    if (!lang.equals("en")) {
      assertTrue(!Pattern.compile("[0-9]").matcher(total).find(), "no ASCII digits in " + total);
    }
    String font = (String) browser.js("return getComputedStyle(document.body).fontFamily;");
    assertTrue(font.contains("Vazirmatn"), font);
  }
}
