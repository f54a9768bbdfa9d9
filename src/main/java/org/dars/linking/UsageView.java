package org.dars.linking;

import java.util.List;
import org.dars.curriculum.ItemUsage;

/**
 * Everything that uses an item: curriculum drafts and releases (with the version each pins) and
 * registered course links. What an author reviews before deleting the item.
 */
public record UsageView(String item, String title, boolean deleted, List<ItemUsage> curricula, List<CourseLinkView> links) {}
