package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.dars.content.ItemId;
import org.dars.content.UpstreamItems;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.Origin;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.UpstreamReleases;
import org.dars.security.AccountService;
import org.dars.security.OrganisationId;
import org.dars.storage.Sha256;

/**
 * The database half of an import: every item version, the release and the import record in ONE
 * transaction, after every blob is verified and committed. A failure anywhere rolls all of it back.
 */
@ApplicationScoped
class ImportTransactions {
  @Inject UpstreamItems items;
  @Inject UpstreamReleases releases;
  @Inject SharingRepository repository;
  @Inject AccountService accounts;

  @Transactional
  ImportReport write(Manifest m, String manifestSha, long bytes, String actor) {
    ImportReport.Builder report = new ImportReport.Builder();
    // Upstream copies belong to the organisation that stands for their origin, a partner.
    accounts.ensureOrganisation(OrganisationId.forPartner(m.origin().instance()), m.origin().organisation(), true);
    for (Manifest.ItemEntry i : m.items()) {
      for (Manifest.VersionEntry v : i.versions()) {
        UpstreamItems.Outcome o = items.write(new UpstreamItems.ImportedVersion(new ItemId(i.id()), v.number(),
                new Sha256(v.sha256()), v.size(), v.mediaType(), v.fileName(), v.createdAt(), v.createdBy()),
            i.metadata().toString(), m.origin().instance(), m.origin().organisation(), actor);
        (o == UpstreamItems.Outcome.ADDED ? report.added : report.skipped).add(new ImportReport.Line("item-version",
            i.id().toString(), String.valueOf(v.number()), o == UpstreamItems.Outcome.ADDED ? null : "already here, same bytes"));
      }
    }
    UpstreamReleases.Outcome r = releases.write(new UpstreamReleases.Imported(new CurriculumId(m.curriculum()),
        new Origin(m.origin().instance(), m.origin().organisation()), ReleaseVersion.parse(m.release()), m.documentJson(),
        m.notes(), m.publishedAt(), m.publishedBy()), actor);
    (r == UpstreamReleases.Outcome.ADDED ? report.added : report.skipped).add(new ImportReport.Line("release",
        m.curriculum().toString(), m.release(), r == UpstreamReleases.Outcome.ADDED ? null : "already here"));
    ImportReport result = report.build("imported", m, manifestSha, bytes, null);
    repository.persist(new ImportRecord(manifestSha, m, actor, Instant.now(), result.toJson()));
    return result;
  }
}
