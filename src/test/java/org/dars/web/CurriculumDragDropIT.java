package org.dars.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.dars.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Drag and drop in the curriculum editor with a real pointer: Selenium's {@link Actions} press,
 * move and release the mouse through the browser's input pipeline (no script calls into the
 * tree), and the REST API then shows the draft in the new order.
 */
class CurriculumDragDropIT extends BrowserJourneys {

  private static final String AUTHOR = "مریم.احمدی";
  private static final String PASSWORD = "گذرواژه-کشیدن-۱۴۰۵";

  @Test
  void draggingAnEntryAboveItsSiblingWithTheMouseReordersTheDraft() {
    account(AUTHOR, "author", PASSWORD);
    Http http = new Http(base).as(AUTHOR, PASSWORD);
    JsonArray samples = Http.json(http.get("/api/v1/items?size=2").body()).getJsonArray("items");
    String first = samples.getJsonObject(0).getString("id");
    String second = samples.getJsonObject(1).getString("id");
    String curriculum = create(http, first, second);
    assertEquals(List.of("e1", "e2"), lessonOrder(http, curriculum, "l2"));

    signIn(AUTHOR, PASSWORD);
    browser.open(base, "curriculum.xhtml?ui=fa&id=" + curriculum);
    WebElement dragged = node(samples.getJsonObject(1).getString("title"));
    WebElement above = node(samples.getJsonObject(0).getString("title"));
    // The drop point is the thin line PrimeFaces puts before each node: the one before the first entry.
    WebElement dropPoint = above.findElement(By.xpath("./ancestor::li[contains(@class,'ui-treenode')][1]/preceding-sibling::li[1]"));
    WebElement handle = dragged.findElement(By.xpath("./ancestor::*[contains(@class,'ui-treenode-content')][1]"));
    new Actions(browser.driver)
        .moveToElement(handle).clickAndHold()
        .moveByOffset(0, -4).pause(Duration.ofMillis(150))
        .moveByOffset(0, -12).pause(Duration.ofMillis(150))
        .moveToElement(dropPoint).pause(Duration.ofMillis(150))
        .moveToElement(dropPoint, 0, 1).pause(Duration.ofMillis(150))
        .release().perform();
    browser.ajaxDone();
    browser.wait.until(d -> d.findElement(By.id("ed:msgs")).getText().contains("جابه‌جا شد"));

    assertEquals(List.of("e2", "e1"), lessonOrder(http, curriculum, "l2"));
    browser.check("dragdrop-after-fa");
    browser.assertChecks();
  }

  /** A module with two lessons; the second holds the two items as entries e1 and e2. */
  private static String create(Http http, String first, String second) {
    String body = Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("fa", "آزمون کشیدن و رها کردن"))
        .add("language", "fa")
        .add("operations", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m1").add("title", "پودمان آبیاری"))
            .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("parent", "m1").add("title", "درس یکم: شیرها"))
            .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l2").add("parent", "m1").add("title", "درس دوم: فیلترها"))
            .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e1").add("parent", "l2").add("item", first))
            .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e2").add("parent", "l2").add("item", second)))
        .build().toString();
    HttpResponse<String> r = http.postJson("/api/v1/curricula", body);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body()).getString("id");
  }

  /** The ids of a lesson's children in the draft, in order, as {@code GET /api/v1/curricula/{id}} gives them. */
  private static List<String> lessonOrder(Http http, String curriculum, String lesson) {
    JsonObject draft = Http.json(http.get("/api/v1/curricula/" + curriculum).body());
    JsonObject found = find(draft.getJsonArray("nodes"), lesson);
    return found.getJsonArray("children").stream().map(v -> v.asJsonObject().getString("id")).toList();
  }

  private static JsonObject find(JsonArray nodes, String id) {
    for (var v : nodes) {
      JsonObject n = v.asJsonObject();
      if (n.getString("id").equals(id)) {
        return n;
      }
      if (n.containsKey("children") && !n.isNull("children")) {
        JsonObject f = find(n.getJsonArray("children"), id);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private static WebElement node(String title) {
    return browser.wait.until(d -> d.findElements(By.cssSelector("#ed\\:tree .ui-treenode-label")).stream()
        .filter(l -> l.getText().contains(title)).findFirst().orElse(null));
  }
}
