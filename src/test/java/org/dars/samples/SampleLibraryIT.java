package org.dars.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample library, loaded on first start, is the fixture for extraction of every format: each
 * file must reach READY with text in its language containing a word in logical order (a reversed,
 * visual-order PDF would fail). Media without speech and, without Tesseract, scans are reported.
 */
@ExtendWith(ArquillianExtension.class)
class SampleLibraryIT {
  static final Path SAMPLES = Path.of(System.getProperty("dars.samples", "content-samples"));
  static final boolean TESSERACT =
      Files.isExecutable(Path.of("/usr/bin/tesseract")) || Files.isExecutable(Path.of("/usr/local/bin/tesseract"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  @Test
  void everySampleIsExtractedInItsLanguage() throws IOException {
    Http http = new Http(base).asAdmin();
    JsonObject manifest;
    try (Reader r = Files.newBufferedReader(SAMPLES.resolve("manifest.json"), StandardCharsets.UTF_8)) {
      manifest = Json.createReader(r).readObject();
    }
    JsonObject listing = http.await("api/v1/items?size=100", o -> o.getJsonArray("items").stream()
        .filter(i -> i.asJsonObject().getString("source", "").equals("Dars content-samples"))
        .noneMatch(i -> i.asJsonObject().getString("status").equals("PROCESSING")), Duration.ofSeconds(300));
    Map<String, JsonObject> byFile = new HashMap<>();
    for (JsonValue v : listing.getJsonArray("items")) {
      byFile.put(v.asJsonObject().getString("fileName"), v.asJsonObject());
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    int reported = 0;
    for (JsonValue v : manifest.getJsonArray("items")) {
      JsonObject sample = v.asJsonObject();
      String file = Path.of(sample.getString("file")).getFileName().toString();
      JsonObject item = byFile.get(file);
      if (item == null) {
        problems.add(file + ": not loaded");
        continue;
      }
      JsonObject expect = sample.getJsonObject("expect");
      JsonValue wantsText = expect.get("text");
      boolean ocr = wantsText.getValueType() == JsonValue.ValueType.STRING;
      if (!"READY".equals(item.getString("status"))) {
        problems.add(file + ": " + item.getString("status") + " " + item.getString("failure", ""));
        continue;
      }
      if (wantsText == JsonValue.FALSE || (ocr && !TESSERACT)) {
        reported++;
        System.out.printf("sample %s: no text expected (%s)%n", file, expect.getString("reason", "ocr without Tesseract"));
        continue;
      }
      checked++;
      String text = http.get("api/v1/items/" + item.getString("id") + "/text").body();
      String word = expect.getString("contains");
      if (!text.contains(word)) {
        problems.add(file + ": text lacks '" + word + "'");
      }
      if (!ocr && !expect.getString("language").equals(item.getString("detectedLanguage", ""))) {
        problems.add(file + ": language " + item.getString("detectedLanguage", "none") + ", expected " + expect.getString("language"));
      }
    }
    System.out.printf("samples: %d checked for text, %d reported without text%n", checked, reported);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(checked >= 25, "most samples carry text: " + checked);
  }

  @Test
  void isLoadedOnceThoughTheServerRedeploysForEveryTestClass() throws IOException {
    Http http = new Http(base).asAdmin();
    long samples = Http.json(http.get("api/v1/items?size=100").body()).getJsonArray("items").stream()
        .filter(i -> i.asJsonObject().getString("source", "").equals("Dars content-samples")).count();
    JsonObject manifest;
    try (Reader r = Files.newBufferedReader(SAMPLES.resolve("manifest.json"), StandardCharsets.UTF_8)) {
      manifest = Json.createReader(r).readObject();
    }
    assertEquals(manifest.getJsonArray("items").size(), samples);
    JsonObject curricula = Http.json(http.get("api/v1/curricula?size=100").body());
    assertTrue(curricula.toString().contains("صنایع تبدیلی و بسته‌بندی خرما"), curricula.toString());
  }

  @Test
  void samplesAreSearchableInBothLanguages() {
    Http http = new Http(base).asAdmin();
    JsonObject persian = http.await("api/v1/search?q=" + Http.q("بسته‌بندی خرما"),
        o -> o.getJsonNumber("total").longValue() > 0, Duration.ofSeconds(120));
    assertFalse(persian.getJsonArray("hits").isEmpty());
    JsonObject arabic = http.await("api/v1/search?q=" + Http.q("الري بالتنقيط"),
        o -> o.getJsonNumber("total").longValue() > 0, Duration.ofSeconds(120));
    assertEquals("ar", arabic.getJsonArray("hits").getJsonObject(0).getJsonArray("language").getString(0));
  }
}
