package org.dars.linking;

import java.time.Instant;

/** A registered course link as the API shows it. */
public record CourseLinkView(long id, String url, String title, String lms, Instant createdAt, String createdBy) {}
