package org.dars.security;

import java.util.Optional;

/**
 * What a caller may read, in the terms the search index filters by: everything (the system), the
 * own organisation's content (drafts too, for its authors and reviewers), published content
 * shared with partners (for partner organisations), and published public content.
 */
public record ReadScope(boolean everything, Optional<OrganisationId> organisation, boolean organisationDrafts,
    boolean partners, boolean publicContent) {}
