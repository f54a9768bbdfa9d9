package org.dars.sharing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dars.storage.Sha256;

/**
 * A partner instance that exists only as a key pair and a blob store: it signs packages of a small
 * Persian curriculum (one module, one lesson): release 1.0 with one text in full, and 1.1, which adds
 * a second text, as a delta since 1.0, so that tests outside this package can import real, signed packages through the
 * API or the web interface.
 */
public final class ForeignInstance {
  public static final String ORGANISATION = "سازمان آموزش فنی و حرفه‌ای خوزستان";
  public static final String CURRICULUM_TITLE = "نگهداری خرما در سردخانه";
  private static final String HARVEST = "خرما را پس از برداشت در دمای صفر تا چهار درجه نگه دارید.\n\nرطوبت سردخانه را بپایید.\n";
  private static final String PACKING = "جعبه‌های مقوایی را پیش از چیدن خرما خشک و تمیز کنید.\n";

  private final TestPackages packages;
  private final UUID curriculum = UUID.randomUUID();
  private final UUID harvestItem = UUID.randomUUID();
  private final UUID packingItem = UUID.randomUUID();
  private final Sha256 harvest;
  private final Sha256 packing;

  public ForeignInstance(Path dir) throws IOException {
    packages = new TestPackages(dir);
    harvest = packages.blob(TestPackages.utf8(HARVEST));
    packing = packages.blob(TestPackages.utf8(PACKING));
  }

  public String instanceId() {
    return packages.origin.toString();
  }

  /** The public key as {@code GET /api/v1/instance} shows it (base64 of X.509). */
  public String publicKey() {
    return Signatures.encode(packages.keys.getPublic());
  }

  public String curriculumId() {
    return curriculum.toString();
  }

  /** Release 1.0, in full. */
  public Path release10(Path file) throws IOException {
    return write(file, "1.0", null, List.of(entry(harvestItem, harvest, HARVEST, "harvest.fa.txt")), List.of());
  }

  /** Release 1.1, which adds the packing text: a delta since 1.0 that leaves out 1.0's blob. */
  public Path release11Since10(Path file) throws IOException {
    return write(file, "1.1", "1.0", List.of(entry(harvestItem, harvest, HARVEST, "harvest.fa.txt"),
        entry(packingItem, packing, PACKING, "packing.fa.txt")), List.of(harvest));
  }

  private record Entry(UUID item, Sha256 blob, long size, String fileName) {}

  private static Entry entry(UUID item, Sha256 blob, String text, String fileName) {
    return new Entry(item, blob, TestPackages.utf8(text).length, fileName);
  }

  private Path write(Path file, String release, String since, List<Entry> entries, List<Sha256> leftOut) throws IOException {
    Instant at = Instant.parse("2026-11-20T08:30:00Z");
    var lesson = Json.createArrayBuilder();
    var items = new java.util.ArrayList<Manifest.ItemEntry>();
    var blobs = new java.util.ArrayList<Manifest.BlobEntry>();
    int n = 0;
    for (Entry e : entries) {
      lesson.add(Json.createObjectBuilder().add("id", "e" + (++n)).add("kind", "entry").add("item", e.item().toString()).add("version", 1));
      JsonObject metadata = Json.createObjectBuilder().add("title", n == 1 ? "نگهداری خرما پس از برداشت" : "بسته‌بندی خرما")
          .add("language", Json.createArrayBuilder().add("fa")).add("organisation", "khuzestan-tvto").build();
      items.add(new Manifest.ItemEntry(e.item(), metadata,
          List.of(new Manifest.VersionEntry(1, e.blob().hex(), e.size(), "text/plain", e.fileName(), at, "author"))));
      blobs.add(new Manifest.BlobEntry(e.blob().hex(), e.size(), !leftOut.contains(e.blob())));
    }
    JsonObject document = Json.createObjectBuilder()
        .add("info", Json.createObjectBuilder().add("title", Json.createObjectBuilder().add("fa", CURRICULUM_TITLE)).add("language", "fa"))
        .add("nodes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "m1").add("kind", "module")
            .add("title", "پودمان یکم: سردخانه").add("children", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", "l1").add("kind", "lesson").add("title", "درس یکم: دما و رطوبت").add("children", lesson)))))
        .build();
    List<Manifest.HistoryEntry> history = since == null
        ? List.of(new Manifest.HistoryEntry("1.0", at, "نخستین انتشار", false))
        : List.of(new Manifest.HistoryEntry("1.0", at, "نخستین انتشار", false), new Manifest.HistoryEntry(release, at, "بسته‌بندی", false));
    Manifest m = new Manifest(Manifest.FORMAT_VERSION, Instant.now(), new Manifest.Signer(packages.origin, ORGANISATION, publicKey()),
        curriculum, release, since, since == null ? "نخستین انتشار" : "بسته‌بندی", at, "author", false, document, history, items, blobs);
    Files.write(file, packages.write(m));
    return file;
  }
}
