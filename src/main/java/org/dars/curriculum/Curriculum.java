package org.dars.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dars.security.OrganisationId;
import org.dars.security.Visibility;
import org.dars.platform.DarsException;

/**
 * A curriculum and its one draft. The draft is a JSON document ({@link CurriculumDocument}) with a
 * revision that grows by one on every change and is the draft's ETag: a change that names an older
 * revision is refused (412), never merged. Changes hold a row lock while they compare and write.
 * Title, language and organisation are copied out of the draft for lists.
 */
@Entity
@Table(name = "curriculum")
class Curriculum {
  @Id private UUID id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String language;

  private String organisation;

  @Column(name = "draft_json", nullable = false)
  private String draftJson;

  @Column(name = "draft_entries", nullable = false)
  private int draftEntries;

  @Column(name = "draft_revision", nullable = false)
  private long draftRevision;

  @Column(name = "draft_changed_at", nullable = false)
  private Instant draftChangedAt;

  @Column(name = "draft_changed_by", nullable = false)
  private String draftChangedBy;

  @Column(name = "latest_release")
  private String latestRelease;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  /** Set on upstream copies imported from another instance (issue 5); null on local curricula. */
  @Column(name = "origin_instance", updatable = false)
  private UUID originInstance;

  @Column(name = "origin_organisation")
  private String originOrganisation;

  @Column(name = "owner_org")
  private String ownerOrg;

  @Column(nullable = false)
  private String visibility;

  /** The review of the draft: none, in-review or approved; approval holds for the draft ETag it names. */
  @Column(name = "review_state", nullable = false)
  private String reviewState;

  @Column(name = "review_etag")
  private String reviewEtag;

  protected Curriculum() {}

  Curriculum(CurriculumId id, CurriculumDocument draft, OrganisationId owner, Visibility visibility, String actor, Instant now) {
    this.id = id.value();
    this.ownerOrg = owner.value();
    this.visibility = visibility.id();
    this.createdAt = now;
    this.createdBy = actor;
    this.draftRevision = 0;
    saveDraft(draft, actor, now);
  }

  CurriculumId id() {
    return new CurriculumId(id);
  }

  String title() {
    return title;
  }

  String language() {
    return language;
  }

  String organisation() {
    return organisation;
  }

  CurriculumDocument draft() {
    return CurriculumDocument.read(draftJson);
  }

  int draftEntries() {
    return draftEntries;
  }

  long draftRevision() {
    return draftRevision;
  }

  /** The draft's entity tag, quoted as in HTTP. */
  String etag() {
    return "\"" + id + "." + draftRevision + "\"";
  }

  /**
   * Refuses a change based on another revision of the draft than the current one: 412 with who
   * changed it and when, or 428 when the client sent no If-Match although one is required.
   */
  void checkIfMatch(String ifMatch, boolean required) {
    if (ifMatch == null || ifMatch.isBlank()) {
      if (required) {
        throw new DarsException(428, "if-match-required", "Precondition required",
            "Changing a draft needs an If-Match header with the ETag of the draft you edited (" + etag()
                + " is current), so that nobody's change is overwritten unseen.",
            Map.of("etag", etag()), null);
      }
      return;
    }
    for (String tag : ifMatch.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("*") || t.equals(etag())) {
        return;
      }
    }
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("etag", etag());
    ext.put("changedBy", draftChangedBy);
    ext.put("changedAt", draftChangedAt.toString());
    throw new DarsException(412, "stale-draft", "Precondition failed",
        "The draft was changed by " + draftChangedBy + " at " + draftChangedAt + " after the version you sent ("
            + Problems.abbreviate(ifMatch.strip()) + "). Nothing was changed. Reload the draft (ETag " + etag()
            + "), check their change, and send yours again.",
        ext, null);
  }

  Instant draftChangedAt() {
    return draftChangedAt;
  }

  String draftChangedBy() {
    return draftChangedBy;
  }

  Optional<ReleaseVersion> latestRelease() {
    return Optional.ofNullable(latestRelease).map(ReleaseVersion::parse);
  }

  Instant createdAt() {
    return createdAt;
  }

  String createdBy() {
    return createdBy;
  }

  void saveDraft(CurriculumDocument draft, String actor, Instant now) {
    this.draftJson = draft.write();
    this.draftEntries = draft.tree.entries().size();
    this.title = draft.info.displayTitle();
    this.language = draft.info.language();
    this.organisation = draft.info.organisation();
    this.draftRevision++;
    // Any change to the draft needs a fresh review.
    this.reviewState = REVIEW_NONE;
    this.reviewEtag = null;
    this.draftChangedAt = now;
    this.draftChangedBy = actor;
  }

  void released(ReleaseVersion version) {
    this.latestRelease = version.toString();
  }

  static final String REVIEW_NONE = "none";
  static final String REVIEW_IN_REVIEW = "in-review";
  static final String REVIEW_APPROVED = "approved";

  OrganisationId owner() {
    return new OrganisationId(ownerOrg);
  }

  Visibility visibility() {
    return Visibility.parse(visibility);
  }

  void visibility(Visibility v) {
    this.visibility = v.id();
  }

  String reviewState() {
    return reviewState;
  }

  /** Whether the current draft is approved for publishing. */
  boolean approved() {
    return REVIEW_APPROVED.equals(reviewState) && etag().equals(reviewEtag);
  }

  void review(String state) {
    this.reviewState = state;
    this.reviewEtag = REVIEW_NONE.equals(state) ? null : etag();
  }

  /** An upstream copy: same id as at its origin, read-only here, shared with partner organisations. */
  static Curriculum upstream(CurriculumId id, CurriculumDocument draft, Origin origin, String actor, Instant now) {
    Curriculum c = new Curriculum(id, draft, OrganisationId.forPartner(origin.instance()), Visibility.PARTNERS, actor, now);
    c.originInstance = origin.instance();
    c.originOrganisation = origin.organisation();
    return c;
  }

  Optional<Origin> origin() {
    return originInstance == null ? Optional.empty() : Optional.of(new Origin(originInstance, originOrganisation));
  }

  /** Upstream copies change only by import; authors adopt them into a local curriculum instead. */
  void checkLocal() {
    if (originInstance != null) {
      throw DarsException.conflict("upstream-read-only",
          "Curriculum " + id + " is a read-only upstream copy from " + originOrganisation + " (instance "
              + originInstance + "). It changes only when a newer release is imported. To edit it, adopt a release:"
              + " POST /api/v1/curricula/" + id + "/releases/{version}/adoptions.");
    }
  }
}
