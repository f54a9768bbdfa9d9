package org.dars.samples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.content.ItemView;
import org.dars.content.Upload;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumView;
import org.dars.curriculum.ReleaseService;
import org.dars.platform.Actor;
import org.dars.storage.BlobStore;

/** Reads {@code manifest.json} and creates its items as uploads would, then its curricula. */
@ApplicationScoped
public class SampleLibrary {
  private static final String[] METADATA_FIELDS = {
    "title", "description", "language", "subjects", "level", "tags", "license", "authors", "organisation", "source"
  };

  private static final String[] CURRICULUM_FIELDS = {
    "title", "description", "language", "subject", "level", "organisation", "license"
  };

  @Inject ItemService items;
  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject BlobStore blobs;

  /** The loaded items by their manifest key. */
  public record Loaded(JsonObject manifest, Map<String, ItemId> items) {}

  public Loaded load(Path dir) {
    JsonObject manifest = manifest(dir);
    Map<String, ItemId> loaded = new LinkedHashMap<>();
    Map<String, String> translations = new LinkedHashMap<>();
    for (JsonValue value : manifest.getJsonArray("items")) {
      JsonObject entry = value.asJsonObject();
      String key = entry.getString("key");
      Path file = dir.resolve(entry.getString("file")).normalize();
      if (!file.startsWith(dir)) {
        throw new IllegalStateException("Sample " + key + " points outside " + dir);
      }
      // The starter library is openly licensed teaching material: everyone may read it.
      JsonObjectBuilder metadata = Json.createObjectBuilder().add("visibility", "public");
      for (String field : METADATA_FIELDS) {
        if (entry.containsKey(field) && entry.get(field).getValueType() != JsonValue.ValueType.NULL) {
          metadata.add(field, entry.get(field));
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        Upload upload = new Upload(blobs.stage(in, Long.MAX_VALUE), file.getFileName().toString(),
            Optional.of(metadata.build().toString()));
        ItemView view = items.create(upload, Actor.SYSTEM);
        loaded.put(key, ItemId.parse(view.id()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read sample file " + file, e);
      }
      if (entry.containsKey("translationOf") && entry.get("translationOf").getValueType() == JsonValue.ValueType.STRING) {
        translations.put(key, entry.getString("translationOf"));
      }
    }
    // Translation links name other samples by key, which may come later in the manifest.
    translations.forEach((key, of) -> {
      ItemId target = loaded.get(of);
      if (target != null) {
        items.describe(loaded.get(key), Json.createObjectBuilder().add("translationOf", target.toString()).build().toString(), Actor.SYSTEM);
      }
    });
    return new Loaded(manifest, loaded);
  }

  /**
   * Creates each curriculum of the manifest with its modules, lessons and entries, and publishes
   * it as release 1.0, through the same services the API uses. Returns how many were created.
   */
  public int loadCurricula(Loaded loaded) {
    JsonArray all = loaded.manifest().getJsonArray("curricula");
    if (all == null) {
      return 0;
    }
    for (JsonValue value : all) {
      JsonObject c = value.asJsonObject();
      JsonObjectBuilder body = Json.createObjectBuilder();
      for (String field : CURRICULUM_FIELDS) {
        if (c.containsKey(field)) {
          body.add(field, c.get(field));
        }
      }
      JsonArrayBuilder ops = Json.createArrayBuilder();
      int m = 0;
      for (JsonValue module : c.getJsonArray("modules")) {
        String moduleId = "m" + ++m;
        ops.add(Json.createObjectBuilder().add("op", "addModule").add("id", moduleId)
            .add("title", module.asJsonObject().getString("title")));
        int l = 0;
        for (JsonValue lesson : module.asJsonObject().getJsonArray("lessons")) {
          String lessonId = moduleId + "-l" + ++l;
          ops.add(Json.createObjectBuilder().add("op", "addLesson").add("id", lessonId).add("parent", moduleId)
              .add("title", lesson.asJsonObject().getString("title")));
          int e = 0;
          for (JsonValue entry : lesson.asJsonObject().getJsonArray("entries")) {
            String key = entry.asJsonObject().getString("item");
            ItemId item = loaded.items().get(key);
            if (item == null) {
              throw new IllegalStateException("Sample curriculum " + c.getString("key", "?") + " names an unknown item " + key);
            }
            JsonObjectBuilder op = Json.createObjectBuilder().add("op", "addEntry").add("id", lessonId + "-e" + ++e)
                .add("parent", lessonId).add("item", item.toString());
            if (entry.asJsonObject().containsKey("note")) {
              op.add("note", entry.asJsonObject().get("note"));
            }
            ops.add(op);
          }
        }
      }
      CurriculumView created = curricula.create(body.add("visibility", "public").add("operations", ops).build(), Actor.SYSTEM);
      releases.publish(CurriculumId.parse(created.id()),
          Json.createObjectBuilder().add("version", "1.0").add("notes", "Dars content samples").build(), null, Actor.SYSTEM);
    }
    return all.size();
  }

  static JsonObject manifest(Path dir) {
    Path file = dir.resolve("manifest.json");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(reader)) {
      return json.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
