package org.captionstudio.vision.shapes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one video clip shows: one or more objects, of which exactly one acts.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param frames number of frames
 * @param objects the objects as they look at the start (an appearing object: as it will look once
 *     it is there), bottom first; ids unique
 * @param action what happens
 */
public record Clip(
    int width, int height, int fps, int frames, List<ShapeObject> objects, ClipAction action) {
  public Clip {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "width and height must be >= 1, got " + width + "x" + height);
    }
    if (fps < 1) {
      throw new IllegalArgumentException("fps must be >= 1, got " + fps);
    }
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be >= 1, got " + frames);
    }
    objects = List.copyOf(objects);
    Objects.requireNonNull(action, "action");
    Set<Integer> ids = new HashSet<>();
    for (ShapeObject object : objects) {
      if (!ids.add(object.id())) {
        throw new IllegalArgumentException(
            "object ids must be unique, " + object.id() + " repeats");
      }
    }
    if (!ids.contains(action.objectId())) {
      throw new IllegalArgumentException(
          "the action's object " + action.objectId() + " is not among the clip's objects " + ids);
    }
    if (action.end() > (double) frames / fps) {
      throw new IllegalArgumentException(
          "the action must be over by the end of the clip ("
              + (double) frames / fps
              + " s), it ends at "
              + action.end());
    }
  }

  /** The length in seconds. */
  public double duration() {
    return (double) frames / fps;
  }

  /** The object that acts, as it looks at the start. */
  public ShapeObject actor() {
    return objects.stream().filter(o -> o.id() == action.objectId()).findFirst().orElseThrow();
  }

  /** What is in the picture at {@code seconds}. */
  public Scene sceneAt(double seconds) {
    List<ShapeObject> visible = new ArrayList<>(objects.size());
    for (ShapeObject object : objects) {
      if (object.id() == action.objectId()) {
        action.stateAt(object, seconds).ifPresent(visible::add);
      } else {
        visible.add(object);
      }
    }
    return new Scene(width, height, visible);
  }

  /** What frame {@code index} (0-based) shows. */
  public Scene frame(int index) {
    return sceneAt((double) index / fps);
  }

  /** What the clip shows before anything happens. */
  public Scene first() {
    return sceneAt(0);
  }

  /** What the clip shows once the action is over. */
  public Scene last() {
    return sceneAt(duration());
  }
}
