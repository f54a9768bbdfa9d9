package org.dars.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dars.storage.Sha256;

/**
 * One immutable version of an item's file. The bytes never change; only the extraction outcome
 * (status, text digest, detected language) is filled in after the upload.
 */
@Entity
@Table(name = "item_version")
public class ItemVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private UUID itemId;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ItemStatus status;

  private String failure;

  @Column(name = "text_sha256")
  private String textSha256;

  @Column(name = "text_chars")
  private Long textChars;

  @Column(name = "detected_language")
  private String detectedLanguage;

  @Column(name = "extracted_json")
  private String extractedJson;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "extracted_at")
  private Instant extractedAt;

  @Column(nullable = false)
  private int attempts;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected ItemVersion() {}

  ItemVersion(
      ItemId item,
      int number,
      Sha256 sha256,
      long size,
      String mediaType,
      String fileName,
      String actor,
      Instant now) {
    this.itemId = item.value();
    this.number = number;
    this.sha256 = sha256.hex();
    this.size = size;
    this.mediaType = mediaType;
    this.fileName = fileName;
    this.status = ItemStatus.PROCESSING;
    this.createdAt = now;
    this.createdBy = actor;
  }

  public ItemId itemId() {
    return new ItemId(itemId);
  }

  public int number() {
    return number;
  }

  public Sha256 sha256() {
    return new Sha256(sha256);
  }

  public long size() {
    return size;
  }

  public String mediaType() {
    return mediaType;
  }

  public String fileName() {
    return fileName;
  }

  public ItemStatus status() {
    return status;
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Optional<Sha256> textSha256() {
    return Optional.ofNullable(textSha256).map(Sha256::new);
  }

  public long textChars() {
    return textChars == null ? 0 : textChars;
  }

  public Optional<String> detectedLanguage() {
    return Optional.ofNullable(detectedLanguage);
  }

  public Optional<String> extractedJson() {
    return Optional.ofNullable(extractedJson);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Optional<Instant> extractedAt() {
    return Optional.ofNullable(extractedAt);
  }

  public int attempts() {
    return attempts;
  }

  void extracted(String mediaType, Sha256 text, long chars, String language, String json, Instant now) {
    this.mediaType = mediaType;
    this.textSha256 = text == null ? null : text.hex();
    this.textChars = chars;
    this.detectedLanguage = language;
    this.extractedJson = json;
    this.status = ItemStatus.READY;
    this.failure = null;
    this.extractedAt = now;
    this.attempts++;
  }

  void failed(String mediaType, String reason, Instant now) {
    if (mediaType != null) {
      this.mediaType = mediaType;
    }
    this.status = ItemStatus.FAILED;
    this.failure = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    this.extractedAt = now;
    this.attempts++;
  }

  void retry() {
    this.status = ItemStatus.PROCESSING;
    this.failure = null;
  }
}
