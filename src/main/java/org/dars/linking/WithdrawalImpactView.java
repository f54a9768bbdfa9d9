package org.dars.linking;

import java.util.List;

/**
 * What withdrawing a release would affect: whether {@code /p/curricula/{id}} would then serve
 * another release ({@code latestLinkMovesTo}, null if none is left) and the course links registered
 * for the curriculum.
 */
public record WithdrawalImpactView(
    String curriculum, String release, boolean servedAsLatest, String latestLinkMovesTo, String pinnedLink, List<CourseLinkView> links) {}
