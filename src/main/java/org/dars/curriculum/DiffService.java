package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dars.content.ItemId;
import org.dars.content.ItemRepository;
import org.dars.content.ItemService;
import org.dars.content.ItemVersion;
import org.dars.platform.DarsException;

/**
 * Diffs between releases, or a release and the draft. The structural diff is pure and fast
 * ({@link CurriculumDiff}); the text summaries read extracted text, so at most
 * {@value #MAX_TEXT_SUMMARIES} are computed per diff, each item version pair once.
 */
@ApplicationScoped
public class DiffService {
  static final int MAX_TEXT_SUMMARIES = 100;

  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject ItemRepository itemRepository;
  @Inject ItemService items;

  public DiffView diff(CurriculumId id, String from, String to) {
    if (from == null || to == null) {
      throw DarsException.badRequest("invalid-parameter",
          "Name both sides: ?from=1.0&to=1.1, or to=draft to compare a release with the draft.");
    }
    Curriculum c = curricula.find(id);
    CurriculumDocument before = document(c, from);
    CurriculumDocument after = document(c, to);
    DiffView diff = CurriculumDiff.compare(id.toString(), label(from), before, label(to), after);
    diff = diff.withContent(withText(diff.content()));
    return diff.withReadable(DiffReadable.lines(diff));
  }

  private CurriculumDocument document(Curriculum c, String side) {
    if (side.strip().equals(ItemUse.DRAFT)) {
      CurriculumDocument draft = c.draft();
      Publication.preview(draft.tree, curricula.states(draft.tree));
      return draft;
    }
    return releases.entity(c.id(), ReleaseVersion.parse(side)).document();
  }

  private static String label(String side) {
    return side.strip().equals(ItemUse.DRAFT) ? ItemUse.DRAFT : ReleaseVersion.parse(side).toString();
  }

  private List<DiffView.ContentChange> withText(List<DiffView.ContentChange> changes) {
    Map<String, Optional<DiffView.TextChange>> done = new HashMap<>();
    List<DiffView.ContentChange> result = new ArrayList<>(changes.size());
    for (DiffView.ContentChange change : changes) {
      if (change.fromItem() != null || change.fromVersion() == null || change.toVersion() == null
          || (done.size() >= MAX_TEXT_SUMMARIES && !done.containsKey(key(change)))) {
        result.add(change);
        continue;
      }
      Optional<DiffView.TextChange> text = done.computeIfAbsent(key(change), k -> textChange(change));
      result.add(text.map(change::withText).orElse(change));
    }
    return result;
  }

  private static String key(DiffView.ContentChange c) {
    return c.item() + "/" + c.fromVersion() + "/" + c.toVersion();
  }

  private Optional<DiffView.TextChange> textChange(DiffView.ContentChange change) {
    ItemId item = ItemId.parse(change.item());
    Optional<String> before = text(item, change.fromVersion());
    Optional<String> after = text(item, change.toVersion());
    if (before.isEmpty() && after.isEmpty()) {
      return Optional.empty();
    }
    ParagraphDiff.Counts counts = ParagraphDiff.compare(before.orElse(""), after.orElse(""));
    return Optional.of(new DiffView.TextChange(counts.added(), counts.removed(), counts.kept(), counts.summary()));
  }

  private Optional<String> text(ItemId item, int version) {
    Optional<ItemVersion> v = itemRepository.version(item, version);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Optional<InputStream> in = items.text(v.get());
    if (in.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream s = in.get()) {
      return Optional.of(new String(s.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the text of item " + item + " version " + version, e);
    }
  }
}
