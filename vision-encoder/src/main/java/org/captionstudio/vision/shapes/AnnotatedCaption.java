package org.captionstudio.vision.shapes;

import java.util.List;
import java.util.Objects;

/**
 * A caption from the ground truth, with its word-to-object links.
 *
 * @param id the COCO annotation id (images) or MSR-VTT sen_id (clips)
 * @param itemId the image id as text ("17") or the video id ("video3")
 * @param text the caption
 * @param links which words name which objects
 */
public record AnnotatedCaption(int id, String itemId, String text, List<WordLink> links) {
  public AnnotatedCaption {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links);
  }
}
