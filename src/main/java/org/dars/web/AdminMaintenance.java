package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.dars.content.FixityAudit;
import org.dars.search.IndexStatus;
import org.dars.search.Indexer;
import org.dars.search.RebuildProgress;
import org.dars.storage.FixityReport;
import org.jboss.logging.Logger;

/**
 * The search index and the blob store's fixity on the administration page. A rebuild runs in the
 * background ({@link Indexer#startRebuild}); the page polls {@link #refresh} every second while it
 * is running and stops when it is done or failed. The fixity audit runs while the administrator
 * waits, as {@code POST /api/v1/admin/fixity} does.
 */
@Named
@ViewScoped
public class AdminMaintenance implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AdminMaintenance.class);

  @Inject Indexer indexer;
  @Inject FixityAudit fixity;
  @Inject Ui ui;

  private transient IndexStatus status;
  private transient FixityReport report;

  public IndexStatus getStatus() {
    if (status == null) {
      status = indexer.status();
    }
    return status;
  }

  public boolean isRebuilding() {
    return "running".equals(getStatus().rebuild().state());
  }

  /** How far the rebuild is, 0 to 100. */
  public int getPercent() {
    RebuildProgress p = getStatus().rebuild();
    if ("done".equals(p.state())) {
      return 100;
    }
    return p.total() == 0 ? 0 : (int) Math.min(100, p.done() * 100 / p.total());
  }

  public void rebuild() {
    indexer.startRebuild();
    status = null;
    PageMessages.info(ui.t("admin.index.started"));
  }

  /** Reads the status afresh; the poll calls it. */
  public void refresh() {
    status = null;
  }

  public void runFixity() {
    try {
      report = fixity.run();
    } catch (UncheckedIOException e) {
      LOG.error("The fixity audit started from the administration page could not read the blob store", e);
      report = null;
      PageMessages.error(ui.t("admin.fixity.failed"));
      return;
    }
    boolean clean = report.corrupt().isEmpty() && report.missing().isEmpty();
    if (clean) {
      PageMessages.info(ui.f("admin.fixity.clean", report.checked()));
    } else {
      PageMessages.error(ui.f("admin.fixity.problems", report.corrupt().size(), report.missing().size()));
    }
  }

  public FixityReport getReport() {
    return report;
  }
}
