package org.dars.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.dars.content.ItemId;

/**
 * One item version used by a curriculum's draft or one of its releases, with how many entries use
 * it. Rewritten for the draft on every change; written once for a release.
 */
@Entity
@Table(name = "curriculum_item_use")
class ItemUse {
  static final String DRAFT = "draft";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "curriculum_id", nullable = false)
  private UUID curriculumId;

  @Column(name = "release_label", nullable = false)
  private String release;

  @Column(name = "item_id", nullable = false)
  private UUID itemId;

  @Column(name = "item_version")
  private Integer itemVersion;

  @Column(nullable = false)
  private int entries;

  protected ItemUse() {}

  ItemUse(CurriculumId curriculum, String release, ItemId item, Integer version, int entries) {
    this.curriculumId = curriculum.value();
    this.release = release;
    this.itemId = item.value();
    this.itemVersion = version;
    this.entries = entries;
  }

  CurriculumId curriculum() {
    return new CurriculumId(curriculumId);
  }

  String release() {
    return release;
  }

  ItemId item() {
    return new ItemId(itemId);
  }

  Integer itemVersion() {
    return itemVersion;
  }

  int entries() {
    return entries;
  }
}
