package org.dars.sharing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dars.platform.JsonLimits;

/**
 * {@code manifest.json}, the description a package carries of itself: format version, origin
 * instance, the curriculum and release (tree as stored, notes, history), every item with the exact
 * versions the release uses, and every blob with its SHA-256 and size, marked {@code included}
 * when its bytes are in the zip (a delta leaves out what the base release already brought).
 * Parsing is strict: an unknown format version, a missing field or a wrong type is refused with a
 * message naming the field.
 */
record Manifest(
    int formatVersion,
    Instant createdAt,
    Signer origin,
    UUID curriculum,
    String release,
    String since,
    String notes,
    Instant publishedAt,
    String publishedBy,
    boolean withdrawn,
    JsonObject document,
    List<HistoryEntry> history,
    List<ItemEntry> items,
    List<BlobEntry> blobs) {

  static final String FORMAT = "dars-release-package";
  static final int FORMAT_VERSION = 1;
  static final int MAX_ITEMS = 50_000;
  static final int MAX_BLOBS = 100_000;
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})");

  record Signer(UUID instance, String organisation, String publicKey) {}

  record HistoryEntry(String version, Instant publishedAt, String notes, boolean withdrawn) {}

  record ItemEntry(UUID id, JsonObject metadata, List<VersionEntry> versions) {}

  record VersionEntry(int number, String sha256, long size, String mediaType, String fileName, Instant createdAt, String createdBy) {}

  record BlobEntry(String sha256, long size, boolean included) {
    String path() {
      return "blobs/sha256/" + sha256;
    }
  }

  Manifest {
    history = List.copyOf(history);
    items = List.copyOf(items);
    blobs = List.copyOf(blobs);
  }

  List<BlobEntry> includedBlobs() {
    return blobs.stream().filter(BlobEntry::included).toList();
  }

  long includedBytes() {
    return blobs.stream().filter(BlobEntry::included).mapToLong(BlobEntry::size).sum();
  }

  /** The bytes of manifest.json: UTF-8, pretty-printed so a person can read them. These bytes are signed. */
  byte[] toBytes() {
    JsonObjectBuilder o = Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("formatVersion", formatVersion)
        .add("createdAt", createdAt.toString())
        .add("origin", Json.createObjectBuilder().add("instance", origin.instance().toString())
            .add("organisation", origin.organisation()).add("publicKey", origin.publicKey()))
        .add("curriculum", curriculum.toString());
    JsonObjectBuilder r = Json.createObjectBuilder().add("version", release);
    add(r, "notes", notes);
    r.add("publishedAt", publishedAt.toString()).add("publishedBy", publishedBy).add("withdrawn", withdrawn)
        .add("document", document);
    o.add("release", r);
    if (since != null) {
      o.add("since", since);
    }
    JsonArrayBuilder h = Json.createArrayBuilder();
    for (HistoryEntry e : history) {
      JsonObjectBuilder b = Json.createObjectBuilder().add("version", e.version()).add("publishedAt", e.publishedAt().toString());
      add(b, "notes", e.notes());
      h.add(b.add("withdrawn", e.withdrawn()));
    }
    o.add("history", h);
    JsonArrayBuilder is = Json.createArrayBuilder();
    for (ItemEntry i : items) {
      JsonArrayBuilder vs = Json.createArrayBuilder();
      for (VersionEntry v : i.versions()) {
        vs.add(Json.createObjectBuilder().add("number", v.number()).add("sha256", v.sha256()).add("size", v.size())
            .add("mediaType", v.mediaType()).add("fileName", v.fileName()).add("createdAt", v.createdAt().toString())
            .add("createdBy", v.createdBy()));
      }
      is.add(Json.createObjectBuilder().add("id", i.id().toString()).add("metadata", i.metadata()).add("versions", vs));
    }
    o.add("items", is);
    JsonArrayBuilder bs = Json.createArrayBuilder();
    for (BlobEntry b : blobs) {
      bs.add(Json.createObjectBuilder().add("sha256", b.sha256()).add("size", b.size()).add("included", b.included())
          .add("path", b.path()));
    }
    o.add("blobs", bs);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createGenerator(out, StandardCharsets.UTF_8)) {
      g.write(o.build());
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** Parses manifest.json; anything unexpected is a {@link PackageRefusedException} naming the field. */
  static Manifest parse(byte[] bytes) {
    if (JsonLimits.tooDeep(bytes)) {
      throw refused("manifest.json nests arrays and objects more than " + JsonLimits.MAX_DEPTH + " levels deep.");
    }
    JsonObject o;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue v = reader.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw refused("manifest.json must be one JSON object.");
      }
      o = v.asJsonObject();
    } catch (JsonException e) {
      throw refused("manifest.json is not valid JSON: " + e.getMessage());
    }
    if (!FORMAT.equals(str(o, "format"))) {
      throw refused("manifest.json says format '" + abbreviate(str(o, "format")) + "', not '" + FORMAT + "'.");
    }
    long formatVersion = integer(o, "formatVersion");
    if (formatVersion != FORMAT_VERSION) {
      throw new PackageRefusedException("unsupported-format-version",
          "The package has format version " + formatVersion + "; this Dars reads version " + FORMAT_VERSION
              + ". Upgrade Dars, or export the package again from an instance of the same version.");
    }
    JsonObject origin = object(o, "origin");
    Signer signer = new Signer(uuid(origin, "origin.instance", "instance"), text(origin, "origin.organisation", "organisation", 200),
        text(origin, "origin.publicKey", "publicKey", 200));
    JsonObject r = object(o, "release");
    String release = version(r, "release.version", "version");
    String since = o.containsKey("since") ? version(o, "since", "since") : null;
    JsonObject document = object(r, "document");
    List<HistoryEntry> history = new ArrayList<>();
    for (JsonValue hv : array(o, "history", 10_000)) {
      JsonObject h = obj(hv, "history[]");
      history.add(new HistoryEntry(version(h, "history[].version", "version"), instant(h, "history[].publishedAt", "publishedAt"),
          optText(h, "notes", 20_000), bool(h, "withdrawn")));
    }
    List<ItemEntry> items = new ArrayList<>();
    Set<UUID> itemIds = new HashSet<>();
    for (JsonValue iv : array(o, "items", MAX_ITEMS)) {
      JsonObject i = obj(iv, "items[]");
      UUID id = uuid(i, "items[].id", "id");
      if (!itemIds.add(id)) {
        throw refused("Item " + id + " appears twice in manifest.json.");
      }
      List<VersionEntry> versions = new ArrayList<>();
      for (JsonValue vv : array(i, "versions", 1000)) {
        JsonObject v = obj(vv, "items[].versions[]");
        long number = integer(v, "number");
        if (number < 1) {
          throw refused("Item " + id + " has version number " + number + ".");
        }
        versions.add(new VersionEntry((int) number, sha(v, "sha256"), size(v), text(v, "mediaType", "mediaType", 255),
            text(v, "fileName", "fileName", 255), instant(v, "createdAt", "createdAt"), text(v, "createdBy", "createdBy", 200)));
      }
      items.add(new ItemEntry(id, object(i, "metadata"), versions));
    }
    List<BlobEntry> blobs = new ArrayList<>();
    Set<String> shas = new HashSet<>();
    for (JsonValue bv : array(o, "blobs", MAX_BLOBS)) {
      JsonObject b = obj(bv, "blobs[]");
      String sha = sha(b, "sha256");
      if (!shas.add(sha)) {
        throw refused("Blob " + sha + " appears twice in manifest.json.");
      }
      blobs.add(new BlobEntry(sha, size(b), bool(b, "included")));
    }
    for (ItemEntry i : items) {
      for (VersionEntry v : i.versions()) {
        if (!shas.contains(v.sha256())) {
          throw refused("Version " + v.number() + " of item " + i.id() + " refers to blob " + v.sha256() + ", which 'blobs' does not list.");
        }
      }
    }
    return new Manifest((int) formatVersion, instant(o, "createdAt", "createdAt"), signer, uuid(o, "curriculum", "curriculum"),
        release, since, optText(r, "notes", 20_000), instant(r, "release.publishedAt", "publishedAt"),
        text(r, "release.publishedBy", "publishedBy", 200), bool(r, "withdrawn"), document, history, items, blobs);
  }

  private static PackageRefusedException refused(String detail) {
    return new PackageRefusedException("invalid-manifest", detail);
  }

  private static JsonObject obj(JsonValue v, String path) {
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw refused("'" + path + "' must be an object.");
    }
    return v.asJsonObject();
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw refused("manifest.json has no '" + key + "'.");
    }
    return obj(v, key);
  }

  private static JsonArray array(JsonObject o, String key, int max) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw refused("'" + key + "' must be an array.");
    }
    if (v.asJsonArray().size() > max) {
      throw refused("'" + key + "' has " + v.asJsonArray().size() + " elements; at most " + max + " are allowed.");
    }
    return v.asJsonArray();
  }

  private static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }

  private static String text(JsonObject o, String path, String key, int max) {
    String s = str(o, key);
    if (s == null || s.isBlank() || s.length() > max) {
      throw refused("'" + path + "' must be a non-empty string of at most " + max + " characters.");
    }
    return s;
  }

  private static String optText(JsonObject o, String key, int max) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return text(o, key, key, max);
  }

  private static long integer(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw refused("'" + key + "' must be a whole number.");
    }
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw refused("'" + key + "' is out of range.");
    }
  }

  private static long size(JsonObject o) {
    long size = integer(o, "size");
    if (size < 0) {
      throw refused("'size' must not be negative.");
    }
    return size;
  }

  private static boolean bool(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    if (v != null && (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE)) {
      return v.getValueType() == JsonValue.ValueType.TRUE;
    }
    throw refused("'" + key + "' must be true or false.");
  }

  private static String sha(JsonObject o, String key) {
    String s = str(o, key);
    if (s == null || !SHA.matcher(s).matches()) {
      throw refused("'" + key + "' must be 64 lower-case hex digits, not '" + abbreviate(s) + "'.");
    }
    return s;
  }

  private static UUID uuid(JsonObject o, String path, String key) {
    String s = str(o, key);
    try {
      if (s != null && s.length() == 36) {
        return UUID.fromString(s);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw refused("'" + path + "' must be a UUID, not '" + abbreviate(s) + "'.");
  }

  private static String version(JsonObject o, String path, String key) {
    String s = str(o, key);
    if (s == null || !VERSION.matcher(s).matches()) {
      throw refused("'" + path + "' must be a release number such as 1.0, not '" + abbreviate(s) + "'.");
    }
    return s;
  }

  private static Instant instant(JsonObject o, String path, String key) {
    String s = str(o, key);
    try {
      if (s != null) {
        return Instant.parse(s);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw refused("'" + path + "' must be an ISO-8601 instant such as 2026-11-29T10:15:30Z.");
  }

  private static void add(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }

  /** The release document as the text curricula store. */
  String documentJson() {
    return document.toString();
  }

  static JsonObject readObject(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }
}
