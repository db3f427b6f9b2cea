/**
 * Datasets: readers for the common captioning formats (COCO captions, coco-caption results),
 * streaming, with one plain sentence for every way a file can be broken.
 */
package org.captionstudio.core.data;
