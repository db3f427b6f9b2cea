/**
 * ShapesWorld: Caption Studio's own captioning dataset, generated, deterministic by seed, with the
 * truth behind every caption, so that the whole pipeline can be trained and measured offline and a
 * perfect answer exists.
 *
 * <h2>What it makes</h2>
 *
 * {@link org.captionstudio.vision.shapes.ShapesWorld#generate ShapesWorld.generate(config, DIR,
 * listener)} writes:
 *
 * <ul>
 *   <li>{@code DIR/images/<split>/shapes_<split>_<id, 6 digits>.png}, split {@code train}, {@code
 *       val} or {@code test}: 1–4 objects (six {@link org.captionstudio.vision.shapes.Shape
 *       shapes}, eight {@link org.captionstudio.vision.shapes.Colour colours}, three {@link
 *       org.captionstudio.vision.shapes.SizeClass sizes}) on a textured background (gradient,
 *       stripes, checker or blotches in dark colours no object has), over thin lines, dots and
 *       specks that are never mentioned, with pixel noise; objects may overlap, each keeping at
 *       least 60% of its pixels visible.
 *   <li>{@code DIR/annotations/captions_train.json}, {@code captions_val.json}, {@code
 *       captions_test.json}: COCO captions ({@code info}, {@code licenses}, {@code images[id,
 *       file_name, width, height]}, {@code annotations[id, image_id, caption]}); {@code file_name}
 *       is relative to {@code DIR/images/}; image and caption ids are unique over all splits; five
 *       captions per image. {@code info} holds {@code "captions": "canonical"} for canonical
 *       captions and no such field for varied ones (see below).
 *   <li>{@code DIR/videos/video<n>.mp4}: H.264 (libopenh264, YUV 4:2:0), 12 fps, 2–4 s, the
 *       configured size; one or two objects, one of which moves left/right/up/down, grows, shrinks,
 *       rotates, changes colour, appears or disappears.
 *   <li>{@code DIR/annotations/videos.json}: MSR-VTT ({@code videos[category, url, video_id, start
 *       time, end time, split, id]} with split {@code train}/{@code validate}/{@code test} and
 *       category always 0, so the action cannot leak; {@code sentences[caption, video_id, sen_id]},
 *       five per clip).
 *   <li>{@code DIR/annotations/groundtruth.json}, read back by {@link
 *       org.captionstudio.vision.shapes.ShapesGroundTruth}:
 *       <pre>
 * info: seed, size, captions ("canonical", or absent for varied), relation_margin (px),
 *       next_to_gap (px), min_visible_fraction, and one line each on bbox, mask and word positions
 * images[]: id, file_name, split, width, height, background,
 *   objects[]: id (0.., per image; drawing order, later on top), shape, colour, size,
 *     position [x, y] (centre the outline is drawn around), radius, rotation (degrees clockwise),
 *     bbox [x, y, w, h] (the whole outline, hidden parts included), shape_area (pixels of the whole
 *     outline), area (visible pixels), mask {size: [h, w], counts: [...]} (visible pixels, COCO
 *     uncompressed RLE: column-major runs alternating unset/set, starting with unset)
 *   relations[]: {subject, relation, object} for every ordered pair and every relation that holds
 *     (left_of, right_of, above, below, next_to; see Relation)
 * captions[]: id (the COCO annotation id), image_id, caption, links[{words: [..], objects: [..]}]
 * videos[]: video_id, file_name, split, width, height, fps, frames, background,
 *   objects[] (as they look at the start; no masks), action {type: move | grow | shrink | rotate |
 *   recolour | appear | disappear, object, start, end (seconds; equal for instant actions),
 *   direction + distance (move), scale + to_size (grow, shrink), degrees (rotate),
 *   to_colour (recolour)}
 * sentences[]: sen_id, video_id, caption, links[...]
 * </pre>
 * </ul>
 *
 * <h2>Captions</h2>
 *
 * Captions are lower-case words from the closed {@link
 * org.captionstudio.vision.shapes.ShapesVocabulary vocabulary}, separated by single spaces, without
 * punctuation; word position i is the i-th word. Each link names a noun phrase's number, adjectives
 * and noun (never the article) and any predicate word about the same objects ("is <b>red</b>",
 * "turns <b>blue</b>"). The grammar is written out in {@link
 * org.captionstudio.vision.shapes.ShapesCaptionChecker}; the meaning, which the generator and
 * {@link org.captionstudio.vision.shapes.ShapesCaptionChecker} share, is: "a X" at least one, "the
 * X" exactly one, "two X" exactly two; directions need the box centres {@code 0.15 × size} apart;
 * "next to" needs the boxes within {@code 0.08 × size}. The generator states a direction only along
 * the axis where the centres differ most and names every object in a way only it fits.
 *
 * <p>The {@link org.captionstudio.vision.shapes.CaptionStyle caption style} of the config decides
 * how the five captions of an image relate. {@code VARIED} (the default) makes them diverse, as
 * COCO's are: one names a single object, another a relation, a list of counted groups or a
 * predicate, so the references agree only in part (leave-one-out CIDEr-D about 1.2). {@code
 * CANONICAL} makes all five state the same list, every object with its size, colour and shape,
 * objects of one description counted together, left to right by box centre (top to bottom on a
 * tie), joined with "and", framed five ways: "a small red circle and two large blue squares",
 * "there is … ", "there is … in the picture", "an image of … ", "… in the image" (leave-one-out
 * CIDEr-D about 8). The style changes only the captions: images, scenes and clips stay the same.
 *
 * <h2>Determinism</h2>
 *
 * Item i draws from its own random stream, derived from the seed and i, so the thread count does
 * not matter; the same config gives byte-identical annotation files and PNGs on the same JDK
 * (videos depend on the encoder build).
 */
package org.captionstudio.vision.shapes;
