package org.dars.curriculum;

import java.util.UUID;
import org.dars.content.ItemId;

/** Small trees in real Persian and Arabic for the unit tests. */
final class TreeFixtures {
  private TreeFixtures() {}

  static ItemId item(int n) {
    return new ItemId(new UUID(0x1234L, n));
  }

  static CurriculumDocument document() {
    CurriculumInfo info = new CurriculumInfo(new Titles("صنایع تبدیلی خرما", "تصنيع التمور", null), null, "fa", null, null, null, null);
    return new CurriculumDocument(info, new CurriculumTree());
  }

  /** m1 { l1 { e1, e2 }, l2 { e3 } } */
  static CurriculumDocument small() {
    CurriculumDocument d = document();
    d.tree.add(Node.container(new NodeId("m1"), Node.Kind.MODULE, "برداشت"), null, null);
    d.tree.add(Node.container(new NodeId("l1"), Node.Kind.LESSON, "زمان برداشت"), new NodeId("m1"), null);
    d.tree.add(Node.container(new NodeId("l2"), Node.Kind.LESSON, "النظافة"), new NodeId("m1"), null);
    d.tree.add(Node.entry(new NodeId("e1"), item(1), null, null), new NodeId("l1"), null);
    d.tree.add(Node.entry(new NodeId("e2"), item(2), 1, "متن اصلی"), new NodeId("l1"), null);
    d.tree.add(Node.entry(new NodeId("e3"), item(3), null, null), new NodeId("l2"), null);
    return d;
  }
}
