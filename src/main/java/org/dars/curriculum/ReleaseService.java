package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import org.dars.security.AuditLog;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dars.platform.DarsException;

/**
 * Releases: publishing the draft as an immutable, numbered release, withdrawing one, and reading
 * them. Publishing resolves every entry that follows the latest version to the item version
 * current at that moment, inside the transaction that holds the curriculum's row lock.
 */
@ApplicationScoped
public class ReleaseService {
  static final int MAX_NOTES = 20_000;

  @Inject CurriculumService curricula;
  @Inject CurriculumRepository repository;
  @Inject AuditLog audit;

  /** Publishes the draft as release {@code version} ("major.minor", greater than every earlier one). */
  @Transactional
  public ReleaseView publish(CurriculumId id, JsonObject body, String ifMatch, String actor) {
    String versionText = Json2.string(body, "version");
    if (versionText == null) {
      throw DarsException.invalid("invalid-field", "'version' is required: the release number, such as \"1.0\".");
    }
    ReleaseVersion version = ReleaseVersion.parse(versionText);
    String notes = Json2.string(body, "notes");
    if (notes != null && notes.length() > MAX_NOTES) {
      throw DarsException.invalid("invalid-field", "Release notes are limited to " + MAX_NOTES + " characters.");
    }
    Curriculum c = curricula.locked(id);
    c.checkLocal();
    c.checkIfMatch(ifMatch, false);
    curricula.checkPublishable(c);
    Optional<ReleaseVersion> last = repository.releases(id).stream().map(Release::version).max(ReleaseVersion::compareTo);
    if (last.isPresent() && !version.isAfter(last.get())) {
      ReleaseVersion l = last.get();
      throw new DarsException(409, "version-not-increasing", "Conflict",
          "Release " + version + " is not greater than " + l + ", the latest release. Use "
              + new ReleaseVersion(l.major(), l.minor() + 1) + " or " + new ReleaseVersion(l.major() + 1, 0) + ".",
          Map.of("latestRelease", l.toString()), null);
    }
    CurriculumDocument resolved = c.draft();
    Publication.resolve(resolved.tree, curricula.states(resolved.tree));
    Instant now = Instant.now();
    Release release = new Release(id, version, notes == null || notes.isBlank() ? null : notes.strip(), resolved, actor, now);
    repository.persist(release);
    repository.replaceUses(id, version.toString(), CurriculumService.uses(id, version.toString(), resolved.tree));
    c.released(version);
    c.review(Curriculum.REVIEW_NONE);
    curricula.record(id, now, actor, CurriculumHistoryEntry.Action.PUBLISHED, Json.createObjectBuilder()
        .add("version", version.toString()).add("entries", release.entries()).add("draftRevision", c.draftRevision()));
    audit.record(AuditLog.PUBLISHED, "curriculum " + id + " " + version, release.entries() + " entries");
    return ReleaseView.of(release, null, true);
  }

  /** Marks a release withdrawn, with a reason. It stays readable; nothing is deleted. */
  @Transactional
  public ReleaseView withdraw(CurriculumId id, ReleaseVersion version, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw DarsException.invalid("invalid-field", "'reason' is required: say why the release is withdrawn, for the courses that use it.");
    }
    if (reason.length() > 2000) {
      throw DarsException.invalid("invalid-field", "'reason' is limited to 2000 characters.");
    }
    curricula.locked(id).checkLocal();
    Release release = repository.release(id, version).orElseThrow(() -> Problems.unknownRelease(id, version));
    if (release.isWithdrawn()) {
      throw DarsException.conflict("already-withdrawn",
          "Release " + version + " was already withdrawn on " + release.withdrawnAt().orElseThrow() + ".");
    }
    Instant now = Instant.now();
    release.withdraw(actor, reason.strip(), now);
    curricula.record(id, now, actor, CurriculumHistoryEntry.Action.WITHDRAWN,
        Json.createObjectBuilder().add("version", version.toString()).add("reason", reason.strip()));
    return ReleaseView.of(release, newer(id, version).orElse(null), false);
  }

  /** Releases without their trees, oldest first. */
  public List<ReleaseView> releases(CurriculumId id) {
    curricula.find(id);
    return repository.releases(id).stream().map(r -> ReleaseView.of(r, null, false)).toList();
  }

  public ReleaseView release(CurriculumId id, ReleaseVersion version) {
    curricula.find(id);
    Release r = repository.release(id, version).orElseThrow(() -> Problems.unknownRelease(id, version));
    return ReleaseView.of(r, newer(id, version).orElse(null), true);
  }

  /** The release a link to "the latest release" means: the newest not withdrawn, else the newest. */
  public Optional<ReleaseView> current(CurriculumId id) {
    curricula.find(id);
    List<Release> all = repository.releases(id);
    return all.stream().filter(r -> !r.isWithdrawn()).reduce((a, b) -> b)
        .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)))
        .map(r -> ReleaseView.of(r, null, true));
  }

  Release entity(CurriculumId id, ReleaseVersion version) {
    return repository.release(id, version).orElseThrow(() -> Problems.unknownRelease(id, version));
  }

  /** The newest release after this one that is not withdrawn, if any. */
  private Optional<String> newer(CurriculumId id, ReleaseVersion version) {
    return repository.releases(id).stream()
        .filter(r -> !r.isWithdrawn() && r.version().isAfter(version))
        .reduce((a, b) -> b)
        .map(r -> r.version().toString());
  }
}
