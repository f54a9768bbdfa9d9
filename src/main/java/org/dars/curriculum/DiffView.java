package org.dars.curriculum;

import java.util.List;

/**
 * What changed between two releases of a curriculum, or a release and the draft: the structure
 * (nodes added, removed, moved, renamed), the content (entries whose item version changed, with how
 * the item's text changed) and the description. {@code readable} is the same, as sentences.
 */
public record DiffView(
    String curriculum,
    String from,
    String to,
    boolean infoChanged,
    Structure structure,
    List<ContentChange> content,
    List<String> readable) {

  public record Structure(List<NodeChange> added, List<NodeChange> removed, List<Moved> moved, List<Renamed> renamed) {}

  /** A node that appeared or disappeared; {@code parent} is null at the top level. */
  public record NodeChange(String node, String kind, String title, String parent, int entries) {}

  public record Moved(String node, String kind, String title, String fromParent, int fromPosition, String toParent, int toPosition) {}

  public record Renamed(String node, String kind, String from, String to) {}

  /**
   * An entry that now shows another item version (or another item). {@code text} says how the
   * extracted text changed; it is null when not computed (no text, or past the summary limit).
   */
  public record ContentChange(
      String node, String item, String title, String fromItem, Integer fromVersion, Integer toVersion, TextChange text) {
    ContentChange withText(TextChange t) {
      return new ContentChange(node, item, title, fromItem, fromVersion, toVersion, t);
    }
  }

  public record TextChange(int paragraphsAdded, int paragraphsRemoved, int paragraphsUnchanged, String summary) {}

  DiffView withContent(List<ContentChange> changes) {
    return new DiffView(curriculum, from, to, infoChanged, structure, changes, readable);
  }

  DiffView withReadable(List<String> lines) {
    return new DiffView(curriculum, from, to, infoChanged, structure, content, lines);
  }
}
