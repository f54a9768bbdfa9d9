package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.dars.security.AuditLog;
import org.dars.security.AuditLog.AuditView;

/**
 * The audit log on the administration page: newest first, one kind or all, a page at a time with
 * "more" (up to the API's limit of 1,000 events). The filter is the API's {@code kind}.
 */
@Named
@ViewScoped
public class AdminAudit implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 25;
  static final int MAX = 1000;

  @Inject AuditLog audit;

  private transient List<AuditView> events;
  private String kind;
  private int limit = PAGE;

  public List<AuditView> getEvents() {
    if (events == null) {
      String k = kind == null || kind.isBlank() || !AuditLog.KINDS.contains(kind) ? null : kind;
      events = audit.events(Instant.EPOCH, k, limit);
    }
    return events;
  }

  public List<String> getKinds() {
    return AuditLog.KINDS;
  }

  /** Applies the filter, from the first page. */
  public void show() {
    limit = PAGE;
    events = null;
  }

  public void more() {
    limit = Math.min(MAX, limit + PAGE);
    events = null;
  }

  /** There may be older events than those shown. */
  public boolean isMore() {
    return getEvents().size() == limit && limit < MAX;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
