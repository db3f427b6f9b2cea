/** Text: the coco-caption tokenizer and the vocabulary. */
package org.captionstudio.core.text;
