/** Captioning images in the window: the batch list, the selected image's captions and heatmaps. */
package org.captionstudio.app.gui.caption;
