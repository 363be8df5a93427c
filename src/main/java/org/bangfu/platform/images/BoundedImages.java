package org.bangfu.platform.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.bangfu.shared.BangfuException;

/**
 * Decodes an uploaded picture within a memory budget: the format is read from the content (not
 * the name), the dimensions from the header before any pixel, a picture above a pixel limit is
 * refused, and the rest is decoded every n-th pixel so that it is still at least the wanted edge
 * on its longer side and never more than a pixel budget in memory.
 */
public final class BoundedImages {

	/** What to answer when the content is no picture, or too big a one (its width and height). */
	public interface Refusals {

		BangfuException notImage();

		BangfuException tooManyPixels(long width, long height);

	}

	private BoundedImages() {
	}

	/**
	 * The subsampling step (1 = every pixel): as coarse as still leaves {@code edge} on the longer
	 * side, and coarser when needed to stay within {@code budgetPixels}.
	 */
	public static int subsampling(long width, long height, int edge, long budgetPixels) {
		int step = (int) Math.max(1, Math.max(width, height) / Math.max(1, edge));
		while ((width / step) * (height / step) > budgetPixels) {
			step++;
		}
		return step;
	}

	public static BufferedImage decode(byte[] content, Set<String> formats, long maxPixels, int edge, long budgetPixels,
			Refusals refusals) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw refusals.notImage();
			}
			ImageReader reader = readers.next();
			try {
				if (!formats.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
					throw refusals.notImage();
				}
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > maxPixels) {
					throw refusals.tooManyPixels(width, height);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = subsampling(width, height, edge, budgetPixels);
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw refusals.notImage();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (BangfuException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw refusals.notImage();
		}
	}

}
